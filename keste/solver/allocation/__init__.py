"""Teacher load allocation (тарификация): a qualified teacher for every load item the Load sheet
leaves open."""
