"""Telling a PostgreSQL URL from a database file's name (cheap: no database code loaded)."""

from __future__ import annotations

POSTGRES_SCHEMES = ("postgresql://", "postgresql+psycopg://")


def is_postgres_url(text: str) -> bool:
    """True for a PostgreSQL URL (``postgresql+psycopg://USER@/DBNAME?host=SOCKETDIR``)."""
    return text.startswith(POSTGRES_SCHEMES)


def shown(url: str) -> str:
    """The URL as it may be shown or logged: with the password, if any, hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
