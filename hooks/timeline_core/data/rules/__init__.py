"""The rules across records, one module per concern, each rule a short function that reports
through a `Collector` (so the record it blames is left out, and what depends on it says why).
`data/load.py` reads the files and calls them in order; a new rule goes in the module of its
concern, with a case in `tests/malformed/`."""
