"""The filing revisions: the classification's defaults, and a database that had approved minutes
before (filed by hand then) starts tracking from its newest approval, a moment the next
revision moves into the classification (which every replica holds). The revisions are found
by their file names, not their numbers: they are renumbered when merged beside other new
revisions."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from stevnsmoeder.db import migrate
from stevnsmoeder.db.engine import Database, EncryptedFileDatabase, PostgresDatabase
from stevnsmoeder.db.keystore import new_database_key

pytestmark = pytest.mark.both_engines


def _revision_named(ending: str) -> tuple[str, str]:
    scripts = ScriptDirectory.from_config(migrate._config())
    found = [s for s in scripts.walk_revisions() if Path(s.path).name.endswith(ending)]
    assert len(found) == 1
    down = found[0].down_revision
    assert isinstance(down, str)
    return found[0].revision, down


def _filing_revision() -> tuple[str, str]:
    return _revision_named("_filing.py")


def _marker_revision() -> tuple[str, str]:
    return _revision_named("_filing_marker.py")


@pytest.fixture
def fresh(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    if engine == "postgresql":
        return PostgresDatabase.connect(request.getfixturevalue("empty_pg_url"))
    return EncryptedFileDatabase.open(tmp_path / "m.db", new_database_key(), create=True)


def _approved_meeting(conn: sa.Connection, code: str, approved_at: datetime) -> None:
    when = datetime(2026, 1, 1)
    type_id = uuid.uuid4()
    meeting_type = sa.table(
        "meeting_type",
        sa.column("id", sa.Uuid),
        *(sa.column(c) for c in ("code", "name", "short_name", "description", "default_rrule")),
        *(sa.column(c) for c in ("default_duration_minutes", "sort_order")),
        *(sa.column(c, sa.Boolean) for c in ("has_district", "family_present", "allows_rpl115")),
        *(sa.column(c, sa.DateTime) for c in ("created_at", "updated_at")),
    )
    meeting = sa.table(
        "meeting",
        sa.column("id", sa.Uuid),
        sa.column("meeting_type_id", sa.Uuid),
        *(sa.column(c) for c in ("title", "place", "status")),
        *(sa.column(c, sa.DateTime) for c in ("starts_at", "ends_at", "approved_at")),
        *(sa.column(c, sa.DateTime) for c in ("created_at", "updated_at")),
    )
    conn.execute(
        meeting_type.insert().values(
            id=type_id, code=code, name="SSP-møde", short_name="SSP", description="",
            default_rrule="", default_duration_minutes=120, sort_order=0, has_district=False,
            family_present=False, allows_rpl115=True, created_at=when, updated_at=when,
        )
    )  # fmt: skip
    conn.execute(
        meeting.insert().values(
            id=uuid.uuid4(), meeting_type_id=type_id, title="SSP-møde", place="", status="held",
            starts_at=datetime(2026, 2, 5, 14), ends_at=datetime(2026, 2, 5, 16),
            approved_at=approved_at, created_at=when, updated_at=when,
        )
    )  # fmt: skip


def _setting(db: Database, key: str = "filing.tracked_from") -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT value FROM app_setting WHERE key = :key"), {"key": key}
        ).scalar()


def _put_setting(conn: sa.Connection, key: str, value: str) -> None:
    when = datetime(2026, 1, 1)
    app_setting = sa.table(
        "app_setting",
        sa.column("id", sa.Uuid),
        *(sa.column(c) for c in ("key", "value")),
        *(sa.column(c, sa.DateTime) for c in ("created_at", "updated_at")),
    )
    conn.execute(
        app_setting.insert().values(
            id=uuid.uuid4(), key=key, value=value, created_at=when, updated_at=when
        )
    )


def _markers(db: Database) -> set[object]:
    """The moment tracking began, as each classification row holds it."""
    with db.engine.connect() as conn:
        found = conn.execute(sa.text("SELECT tracked_from FROM filing_class")).scalars().all()
    return {datetime.fromisoformat(v) if isinstance(v, str) else v for v in found}


def test_a_database_with_approved_minutes_tracks_filing_from_its_newest_approval(
    fresh: Database,
) -> None:
    revision, before = _filing_revision()
    db = fresh
    try:
        migrate.upgrade(db, before)
        with db.engine.begin() as conn:
            _approved_meeting(conn, "ssp", datetime(2026, 2, 6, 9, 15))
            _approved_meeting(conn, "district", datetime(2026, 3, 1, 10, 0))
        migrate.upgrade(db, revision)
        assert _setting(db) == "2026-03-01T10:00:00.000000"
        with db.engine.connect() as conn:
            classes = set(
                conn.execute(sa.text("SELECT kind, kle_number, facet FROM filing_class")).all()
            )
            numbers = conn.execute(sa.text("SELECT esdh_case_number FROM child_case")).all()
        assert classes == {
            ("minutes", "00.01.10", "P35"),
            ("extract", "27.24.00", "G01"),
            ("case_history", "27.24.00", "G01"),
        }
        assert numbers == []
        migrate.downgrade(db, before)
        assert _setting(db) is None
        assert "filing_record" not in sa.inspect(db.engine).get_table_names()
        migrate.upgrade(db)
        # The moment moved into the classification, which replicas hold; the setting is gone.
        assert _setting(db) is None
        assert _markers(db) == {datetime(2026, 3, 1, 10, 0)}
    finally:
        db.close()


def test_the_moment_tracking_began_moves_into_the_classification_and_back(
    fresh: Database,
) -> None:
    revision, before = _marker_revision()
    db = fresh
    try:
        migrate.upgrade(db, _filing_revision()[1])
        with db.engine.begin() as conn:
            _approved_meeting(conn, "ssp", datetime(2026, 2, 6, 9, 15))
        migrate.upgrade(db, before)
        assert _setting(db) == "2026-02-06T09:15:00.000000"
        migrate.upgrade(db, revision)
        assert _setting(db) is None
        assert _markers(db) == {datetime(2026, 2, 6, 9, 15)}
        migrate.downgrade(db, before)
        assert _setting(db) == "2026-02-06T09:15:00.000000"
        assert "tracked_from" not in {
            c["name"] for c in sa.inspect(db.engine).get_columns("filing_class")
        }
    finally:
        db.close()


def test_a_replica_takes_the_moment_tracking_began_from_its_server(fresh: Database) -> None:
    """A laptop's replica guessed the moment from the few meetings it held when it was
    upgraded: the guess is dropped, and the server's rows bring the server's moment."""
    revision, before = _marker_revision()
    db = fresh
    try:
        migrate.upgrade(db, before)
        with db.engine.begin() as conn:
            _approved_meeting(conn, "ssp", datetime(2026, 2, 6, 9, 15))
            _put_setting(conn, "sync.device_id", str(uuid.uuid4()))
        migrate.downgrade(db, _filing_revision()[1])
        migrate.upgrade(db, revision)
        assert _setting(db) is None
        assert _markers(db) == {None}
    finally:
        db.close()


def test_a_new_database_tracks_every_approval(fresh: Database) -> None:
    """Nothing approved before; and the classification comes with the reference data (or, on
    a replica, from its server), not from the migration."""
    db = fresh
    try:
        migrate.upgrade(db)
        assert _setting(db) is None
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM filing_class")).scalar() == 0
    finally:
        db.close()
