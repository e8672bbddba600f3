"""The migration that lets the head of Børn & Læring's role (``chef``) into ``app_user``, on both
engines: the users and what points at them stay, the new role passes the check and an unknown
one still does not; going back closes a ``chef`` user rather than leaving one the older program
cannot read."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError

from stevnsmoeder.db import migrate
from stevnsmoeder.db.engine import Database, EncryptedFileDatabase, PostgresDatabase
from stevnsmoeder.db.keystore import new_database_key

pytestmark = pytest.mark.both_engines


def _named(ending: str) -> tuple[str, str]:
    """The revision by its file name, and the one before it (numbers change at a merge)."""
    scripts = ScriptDirectory.from_config(migrate._config())
    found = [s for s in scripts.walk_revisions() if Path(s.path).name.endswith(ending)]
    assert len(found) == 1
    down = found[0].down_revision
    assert isinstance(down, str)
    return found[0].revision, down


REVISION, BEFORE = _named("_statistics_role.py")
WHEN = datetime(2026, 1, 1)


@pytest.fixture
def fresh(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    if engine == "postgresql":
        return PostgresDatabase.connect(request.getfixturevalue("empty_pg_url"))
    return EncryptedFileDatabase.open(tmp_path / "m.db", new_database_key(), create=True)


app_user = sa.table(
    "app_user",
    sa.column("id", sa.Uuid),
    sa.column("login", sa.String),
    sa.column("role", sa.String),
    sa.column("person_id", sa.Uuid),
    sa.column("password_hash", sa.String),
    sa.column("active", sa.Boolean),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)
audit_event = sa.table(
    "audit_event",
    sa.column("id", sa.Uuid),
    sa.column("seq", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("user_id", sa.Uuid),
    sa.column("login", sa.String),
    sa.column("action", sa.String),
    sa.column("object_type", sa.String),
    sa.column("detail", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)


def _user(conn: sa.Connection, login: str, role: str) -> uuid.UUID:
    user_id = uuid.uuid4()
    conn.execute(
        app_user.insert().values(
            id=user_id, login=login, role=role, person_id=None, password_hash="x", active=True,
            created_at=WHEN, updated_at=WHEN,
        )
    )  # fmt: skip
    return user_id


def test_the_role_passes_and_the_users_stay(fresh: Database) -> None:
    db = fresh
    try:
        migrate.upgrade(db, BEFORE)
        with db.engine.begin() as conn:
            admin = _user(conn, "admin", "admin")
            conn.execute(
                audit_event.insert().values(
                    id=uuid.uuid4(), seq=1, at=WHEN, user_id=admin, login="admin",
                    action="login", object_type="", detail="", prev_hash="0" * 64,
                    hash="1" * 64, created_at=WHEN, updated_at=WHEN,
                )
            )  # fmt: skip
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            _user(conn, "chef", "chef")  # the old check refuses the role
        migrate.upgrade(db, REVISION)
        with db.engine.begin() as conn:
            _user(conn, "chef", "chef")
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            _user(conn, "rektor", "rektor")  # the check still checks
        with db.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(audit_event)).scalar() == 1
            if db.dialect == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        migrate.downgrade(db, BEFORE)
        with db.engine.connect() as conn:
            rows = conn.execute(
                sa.select(app_user.c.login, app_user.c.role, app_user.c.active).order_by(
                    app_user.c.login
                )
            ).all()
        assert [tuple(r) for r in rows] == [("admin", "admin", True), ("chef", "deltager", False)]
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            _user(conn, "chef2", "chef")
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.close()
