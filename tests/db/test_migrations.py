"""The schema comes from the Alembic migrations, and they agree with the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from stevnsmoeder.db import migrate
from stevnsmoeder.db.engine import Database, EncryptedFileDatabase, PostgresDatabase
from stevnsmoeder.db.keystore import new_database_key
from stevnsmoeder.db.models import Base
from stevnsmoeder.db.search_index import is_index_table


def _fresh(tmp_path: Path) -> Database:
    return EncryptedFileDatabase.open(tmp_path / "m.db", new_database_key(), create=True)


@pytest.fixture
def fresh(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    """An empty database of the test's engine."""
    if engine == "postgresql":
        return PostgresDatabase.connect(request.getfixturevalue("empty_pg_url"))
    return _fresh(tmp_path)


@pytest.mark.both_engines
def test_upgrade_builds_every_table_and_models_agree(fresh: Database) -> None:
    db = fresh
    try:
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "include_name": lambda name, type_, _p: (
                        not (type_ == "table" and is_index_table(name))
                    ),
                },
            )
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], diff
    finally:
        db.close()


@pytest.mark.both_engines
def test_downgrade_to_base_and_up_again(fresh: Database) -> None:
    db = fresh
    try:
        migrate.upgrade(db)
        migrate.downgrade(db, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.close()


@pytest.mark.both_engines
def test_constraints_are_named(fresh: Database) -> None:
    db = fresh
    try:
        migrate.upgrade(db)
        insp = inspect(db.engine)
        for table in Base.metadata.tables:
            for fk in insp.get_foreign_keys(table):
                assert fk["name"], (table, fk)
            for uq in insp.get_unique_constraints(table):
                assert uq["name"], (table, uq)
            for ck in insp.get_check_constraints(table):
                assert ck["name"], (table, ck)
    finally:
        db.close()


def test_upgrade_keeps_existing_meetings(tmp_path: Path) -> None:
    """A laptop with data at the first schema upgrades without losing a meeting."""
    from stevnsmoeder.db.models import Meeting

    db = _fresh(tmp_path)
    try:
        migrate.upgrade(db, "0001")
        with db.engine.begin() as conn:
            type_id = conn.exec_driver_sql(
                "INSERT INTO meeting_type (id, code, name, short_name, description, "
                "default_duration_minutes, default_rrule, has_district, family_present, "
                "allows_rpl115, sort_order, created_at, updated_at) VALUES "
                "('00000000000000000000000000000001', 'ssp', 'SSP-møde', 'SSP', '', 120, '', "
                "0, 0, 1, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00') RETURNING id"
            ).scalar()
            conn.exec_driver_sql(
                "INSERT INTO meeting (id, meeting_type_id, title, starts_at, ends_at, place, "
                "status, created_at, updated_at) VALUES ('00000000000000000000000000000002', "
                f"'{type_id}', 'SSP-møde', '2026-02-05 14:00:00', '2026-02-05 16:00:00', '', "
                "'held', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        migrate.upgrade(db)
        with db.begin() as s:
            meeting = s.scalars(select(Meeting)).one()
            assert (meeting.title, meeting.sequence, meeting.occurrence_date) == (
                "SSP-møde",
                0,
                None,
            )
    finally:
        db.close()


def test_upgrade_makes_existing_addenda_about_the_meeting_in_general(tmp_path: Path) -> None:
    """A laptop at 0006 with an addendum: it survives 0007 word for word, checksum and all,
    about no item (shown only to those who see every item of the meeting)."""
    from stevnsmoeder.db.models import MinutesVersion

    db = _fresh(tmp_path)
    try:
        migrate.upgrade(db, "0006")
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO meeting_type (id, code, name, short_name, description, "
                "default_duration_minutes, default_rrule, has_district, family_present, "
                "allows_rpl115, sort_order, created_at, updated_at) VALUES "
                "('00000000000000000000000000000001', 'ssp', 'SSP-møde', 'SSP', '', 120, '', "
                "0, 0, 1, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
            conn.exec_driver_sql(
                "INSERT INTO meeting (id, meeting_type_id, title, starts_at, ends_at, place, "
                "status, created_at, updated_at) VALUES ('00000000000000000000000000000002', "
                "'00000000000000000000000000000001', 'SSP-møde', '2026-02-05 14:00:00', "
                "'2026-02-05 16:00:00', '', 'held', '2026-01-01 00:00:00', "
                "'2026-01-01 00:00:00')"
            )
            for number, kind, addendum in ((1, "approval", ""), (2, "addendum", "Mor deltog.")):
                conn.exec_driver_sql(
                    "INSERT INTO minutes_version (id, meeting_id, number, kind, addendum, "
                    "content, checksum, created_at, updated_at) VALUES "
                    f"('0000000000000000000000000000001{number}', "
                    "'00000000000000000000000000000002', "
                    f"{number}, '{kind}', '{addendum}', '{{}}', '{'ab' * 32}', "
                    "'2026-02-06 10:00:00', '2026-02-06 10:00:00')"
                )
        migrate.upgrade(db)
        with db.begin() as s:
            kept = s.scalars(select(MinutesVersion).order_by(MinutesVersion.number)).all()
            assert [(v.kind, v.addendum, v.agenda_item_id, v.checksum) for v in kept] == [
                ("approval", "", None, "ab" * 32),
                ("addendum", "Mor deltog.", None, "ab" * 32),
            ]
        migrate.downgrade(db, "0006")  # and back, for a program rolled back
        migrate.upgrade(db)
    finally:
        db.close()


def test_no_migration_imports_the_program() -> None:
    """A migration is history: it must not change when the live code moves on."""
    import ast

    for path in sorted(migrate.MIGRATIONS_DIR.glob("versions/*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.startswith("stevnsmoeder") for n in names), path.name


@pytest.mark.both_engines
def test_upgrade_gives_the_known_meeting_types_their_behaviour(fresh: Database) -> None:
    """A database at 0007: 0009 gives the five types the program knew the behaviour their codes
    gave them, and a type of the municipality's own none; going back keeps every type with its
    roles and meetings."""
    import uuid
    from datetime import datetime

    import sqlalchemy as sa

    db = fresh
    when = datetime(2026, 1, 1)
    meeting_type = sa.table(
        "meeting_type",
        *(sa.column(c, sa.Uuid) for c in ("id",)),
        *(sa.column(c) for c in ("code", "name", "short_name", "description", "default_rrule")),
        *(sa.column(c) for c in ("default_duration_minutes", "sort_order")),
        *(sa.column(c, sa.Boolean) for c in ("has_district", "family_present", "allows_rpl115")),
        *(sa.column(c, sa.DateTime) for c in ("created_at", "updated_at")),
    )
    role = sa.table(
        "participant_role",
        sa.column("id", sa.Uuid),
        *(sa.column(c) for c in ("code", "name", "sort_order")),
        sa.column("is_family", sa.Boolean),
        *(sa.column(c, sa.DateTime) for c in ("created_at", "updated_at")),
    )
    type_role = sa.table(
        "meeting_type_role",
        *(sa.column(c, sa.Uuid) for c in ("id", "meeting_type_id", "role_id")),
        sa.column("sort_order"),
        *(sa.column(c, sa.DateTime) for c in ("created_at", "updated_at")),
    )
    codes = ("district", "ssp", "ftm", "forvisitation", "presence", "skolemoede")
    ids = {code: uuid.uuid4() for code in codes}
    chair = uuid.uuid4()
    try:
        migrate.upgrade(db, "0007")
        with db.engine.begin() as conn:
            for n, code in enumerate(codes):
                conn.execute(
                    meeting_type.insert().values(
                        id=ids[code], code=code, name=code, short_name=code, description="",
                        default_rrule="", default_duration_minutes=120, sort_order=n,
                        has_district=False, family_present=False, allows_rpl115=False,
                        created_at=when, updated_at=when,
                    )
                )  # fmt: skip
            conn.execute(
                role.insert().values(
                    id=chair, code="chair", name="Mødeleder", sort_order=0, is_family=False,
                    created_at=when, updated_at=when,
                )
            )  # fmt: skip
            for code in codes:
                conn.execute(
                    type_role.insert().values(
                        id=uuid.uuid4(), meeting_type_id=ids[code], role_id=chair, sort_order=0,
                        created_at=when, updated_at=when,
                    )
                )  # fmt: skip
        migrate.upgrade(db)
        columns = ("ad_hoc", "police_visible", "minutes_family_rounds")
        columns += ("minutes_preliminary_decision", "colour")
        with db.engine.connect() as conn:
            got = {
                code: tuple(rest)
                for code, *rest in conn.execute(
                    sa.text(f"SELECT code, {', '.join(columns)} FROM meeting_type")
                )
            }
        assert {code: (*(bool(v) for v in flags[:4]), flags[4]) for code, flags in got.items()} == {
            "district": (False, False, False, False, "#1f5fa8"),
            "ssp": (False, True, False, False, "#a33b20"),
            "ftm": (True, False, True, False, "#2e7d32"),
            "forvisitation": (False, False, False, True, "#6a3d9a"),
            "presence": (False, False, False, False, "#8a6d00"),
            "skolemoede": (False, False, False, False, "#444444"),
        }
        migrate.downgrade(db, "0007")
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM meeting_type")).scalar() == 6
            assert conn.execute(sa.text("SELECT count(*) FROM meeting_type_role")).scalar() == 6
        migrate.upgrade(db)
    finally:
        db.close()
