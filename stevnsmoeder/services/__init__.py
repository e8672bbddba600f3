"""Use cases: one module each. No Qt. Every call takes a ServiceContext (who acts, on which
database, by which clock) and returns frozen dataclasses, never ORM objects."""
