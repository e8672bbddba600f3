"""stevnsmoeder's benchmark suite: see README.md in this folder."""
