"""Persistence: SQLAlchemy models, the encrypted engine, the key file and migrations. No Qt."""
