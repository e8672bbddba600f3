"""Free-text search."""
