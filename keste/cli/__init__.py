"""The `keste` command line: one module per command, plus what they share."""
