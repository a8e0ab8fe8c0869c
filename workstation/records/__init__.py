"""Population records: import and search."""
