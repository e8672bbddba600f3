"""stevnsmoeder: Stevns Kommune's cross-disciplinary child and youth meetings, offline."""

__version__ = "0.1.0"
APP_NAME = "stevnsmoeder"
