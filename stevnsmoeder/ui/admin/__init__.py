"""Administration: users and the access log."""
