"""The schema comes from the Alembic migrations, and they agree with the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from stevnsmoeder.db import migrate
from stevnsmoeder.db.engine import Database
from stevnsmoeder.db.keystore import new_database_key
from stevnsmoeder.db.models import Base


def _fresh(tmp_path: Path) -> Database:
    return Database.open(tmp_path / "m.db", new_database_key(), create=True)


def test_upgrade_builds_every_table_and_models_agree(tmp_path: Path) -> None:
    db = _fresh(tmp_path)
    try:
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], diff
    finally:
        db.close()


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    db = _fresh(tmp_path)
    try:
        migrate.upgrade(db)
        migrate.downgrade(db, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.close()


def test_constraints_are_named(tmp_path: Path) -> None:
    db = _fresh(tmp_path)
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
