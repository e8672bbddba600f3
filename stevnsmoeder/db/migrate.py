"""Run the Alembic migrations that live inside the package, on an open Database.

Developers create a new revision with ``python -m stevnsmoeder.db.migrate revision "message"``,
which autogenerates against a temporary encrypted database at head.
"""

from __future__ import annotations

import functools
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from stevnsmoeder.db.engine import Database, EncryptedFileDatabase
from stevnsmoeder.db.keystore import new_database_key

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def head_revision() -> str:
    """The newest migration this program has (read once: Alembic loads every revision's
    module to find it, and a connected laptop names it in every request)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


@functools.cache
def _revisions() -> frozenset[str]:
    return frozenset(
        script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()
    )


def known_revisions() -> set[str]:
    return set(_revisions())


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(db: Database, revision: str) -> None:
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def _revision(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = EncryptedFileDatabase.open(Path(tmp) / "rev.db", new_database_key(), create=True)
        upgrade(db)
        cfg = _config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True)
        db.close()


if __name__ == "__main__":  # developer tool
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        raise SystemExit('usage: python -m stevnsmoeder.db.migrate revision "message"')
    _revision(sys.argv[2])
