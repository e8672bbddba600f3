"""The search index's SQL is generated from the minutes registry, and it is what the migrations
made: a change to it (a new searched field, say) needs a migration that makes the index again."""

from __future__ import annotations

from types import ModuleType

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from stevnsmoeder.db import migrate, search_index
from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.minutes_fields import (
    MinutesField,
    MinutesSection,
    SearchColumn,
    Wording,
)

DIALECTS = ("sqlite", "postgresql")


def _frozen() -> ModuleType:
    """The newest migration that holds a frozen copy of the index (0005 until another)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    for script in ScriptDirectory.from_config(cfg).walk_revisions():  # newest first
        if hasattr(script.module, "create_statements"):
            return script.module
    raise AssertionError("no migration made the search index")


def _made(module: ModuleType, dialect: str) -> list[list[str]]:
    rebuild = module._pg_rebuild() if dialect == "postgresql" else module.rebuild_statements()
    return [
        module.create_statements(dialect),
        module.drop_statements(dialect),
        rebuild,
    ]


def _live(dialect: str) -> list[list[str]]:
    return [
        search_index.create_statements(dialect),
        search_index.drop_statements(dialect),
        search_index.rebuild_statements(dialect),
    ]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_generated_sql_is_what_the_migrations_froze(dialect: str) -> None:
    assert _live(dialect) == _made(_frozen(), dialect)


def _with(monkeypatch: pytest.MonkeyPatch, search: SearchColumn | None) -> None:
    extra = MinutesField(
        "wishes",
        Wording("Wishes", "Ønsker"),
        Wording("Wishes", "Ønsker"),
        MinutesSection.FAMILY_ROUNDS,
        search,
        print_order=99,
    )
    monkeypatch.setattr(minutes_fields, "MINUTES_FIELDS", (*minutes_fields.MINUTES_FIELDS, extra))


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_new_searched_field_goes_into_its_column_and_needs_a_migration(
    dialect: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with(monkeypatch, SearchColumn.DECISION)
    create = "\n".join(search_index.create_statements(dialect))
    nl = "chr(10)" if dialect == "postgresql" else "char(10)"
    decided = f"coalesce(im.decision, '') || {nl} || coalesce(im.preliminary_decision, '') || {nl} ||\n       coalesce(im.wishes, '')"  # noqa: E501
    assert decided in create
    assert _live(dialect) != _made(_frozen(), dialect)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_field_not_searched_leaves_the_index_as_it_is(
    dialect: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with(monkeypatch, None)
    assert _live(dialect) == _made(_frozen(), dialect)


def test_every_search_column_of_the_registry_is_a_column_of_the_index() -> None:
    assert {c.value for c in SearchColumn} <= set(search_index.COLUMNS)
