"""CP-SAT helpers every model of keste shares: a solver with keste's settings, Boolean patterns,
minimal conflicts."""
