"""The full-text index: SQLite FTS5 inside the encrypted file, or a tsvector on PostgreSQL.

One index row per agenda item: its title and planning note, what the minutes say (notes,
the FTM rounds, the family's view), the decisions, the agreed actions, and the child's name
(the pseudonym for an anonymous case; nothing for a named child discussed anonymously, so the
name cannot find the item). Which minutes fields go into which column is the registry's to
say (``domain.minutes_fields``): the SQL is generated from it. Triggers keep it in step with
every write, from any code path; ``rebuild`` makes it again from the tables if it ever is not.

The index rows are keyed by ``search_doc`` (an INTEGER PRIMARY KEY, which VACUUM keeps) rather
than by the agenda item's implicit rowid (which VACUUM may renumber).

The tokenizer is unicode61 without diacritic removal: case folds, including Æ/æ, Ø/ø, Å/å,
while "å" stays a letter of its own and never matches "a".

On PostgreSQL the same row is kept in ``search_doc`` itself, with a generated ``document``
column (``to_tsvector('danish', …)``, so Danish stemming finds *skolevægring* from
*skolevægringen*) under a GIN index; the columns' weights are the tsvector's A–D classes.
PL/pgSQL triggers keep it in step as SQLite's do.

Migration 0005 holds a frozen copy of what this module made then. Changing anything here,
or a searched field of the registry, needs a new migration that drops and re-creates the
index (a test compares the two).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import REGCONFIG

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.minutes_fields import SearchColumn

FTS_TABLE = "search_index"
DOC_TABLE = "search_doc"
COLUMNS = ("title", "notes", "decision", "actions", "child")
# bm25 weights per column, in COLUMNS order: a match in a title or a decision says more.
WEIGHTS = (3.0, 1.0, 2.0, 1.5, 4.0)

_NL = "char(10)"


def _minutes_text(column: SearchColumn, nl: str) -> str:
    """The SQL of one index column's text from the minutes: the fields the registry puts in
    it (domain.minutes_fields), in its order, a line apart; two to a line of SQL."""
    terms = [f"coalesce(im.{f.name}, '')" for f in minutes_fields.searched_in(column)]
    if not terms:
        return "''"
    lines = [f" || {nl} || ".join(terms[i : i + 2]) for i in range(0, len(terms), 2)]
    return f" || {nl} ||\n       ".join(lines)


def _row() -> str:
    """The index row of one agenda item, given a SQL expression for its id ({item})."""
    return f"""
SELECT d.id,
       ai.title || {_NL} || ai.description,
       {_minutes_text(SearchColumn.NOTES, _NL)},
       {_minutes_text(SearchColumn.DECISION, _NL)},
       coalesce((SELECT group_concat(a.owner_text || ' ' || a.text, {_NL})
                 FROM action a WHERE a.agenda_item_id = ai.id), ''),
       CASE
         WHEN c.id IS NULL THEN ''
         WHEN c.anonymous THEN c.pseudonym
         WHEN EXISTS (SELECT 1 FROM legal_basis lb
                      WHERE lb.agenda_item_id = ai.id AND lb.kind = 'anonymous') THEN ''
         ELSE coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '') || ' ' || c.reference
       END
FROM agenda_item ai
JOIN {DOC_TABLE} d ON d.item_id = ai.id
LEFT JOIN item_minutes im ON im.agenda_item_id = ai.id
LEFT JOIN child_case c ON c.id = ai.case_id
WHERE ai.id = {{item}}
"""


def _reindex(item: str) -> str:
    """Statements (for a trigger body) that make the item's index row current."""
    return (
        f"INSERT OR IGNORE INTO {DOC_TABLE}(item_id) "
        f"SELECT id FROM agenda_item WHERE id = {item};\n"
        f"DELETE FROM {FTS_TABLE} WHERE rowid = "
        f"(SELECT id FROM {DOC_TABLE} WHERE item_id = {item});\n"
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) {_row().format(item=item)};\n"
    )


def _forget(item: str) -> str:
    return (
        f"DELETE FROM {FTS_TABLE} WHERE rowid = "
        f"(SELECT id FROM {DOC_TABLE} WHERE item_id = {item});\n"
        f"DELETE FROM {DOC_TABLE} WHERE item_id = {item};\n"
    )


def _triggers() -> Iterator[tuple[str, str]]:
    """(name, CREATE TRIGGER statement) for every write that changes an item's row."""

    def trig(name: str, when: str, body: str) -> tuple[str, str]:
        return name, f"CREATE TRIGGER {name} {when} BEGIN\n{body}END"

    yield trig("search_item_ins", "AFTER INSERT ON agenda_item", _reindex("NEW.id"))
    yield trig(
        "search_item_upd",
        "AFTER UPDATE OF title, description, case_id ON agenda_item",
        _reindex("NEW.id"),
    )
    yield trig("search_item_del", "AFTER DELETE ON agenda_item", _forget("OLD.id"))
    for table, short in (("item_minutes", "minutes"), ("action", "action"),
                         ("legal_basis", "basis")):  # fmt: skip
        key = "agenda_item_id"
        yield trig(f"search_{short}_ins", f"AFTER INSERT ON {table}", _reindex(f"NEW.{key}"))
        yield trig(f"search_{short}_upd", f"AFTER UPDATE ON {table}", _reindex(f"NEW.{key}"))
        yield trig(f"search_{short}_del", f"AFTER DELETE ON {table}", _reindex(f"OLD.{key}"))
    # A renamed child: every item about the child.
    yield (
        "search_case_upd",
        "CREATE TRIGGER search_case_upd AFTER UPDATE OF first_name, last_name, pseudonym, "
        "anonymous ON child_case BEGIN\n"
        f"DELETE FROM {FTS_TABLE} WHERE rowid IN (SELECT d.id FROM {DOC_TABLE} d "
        "JOIN agenda_item ai ON ai.id = d.item_id WHERE ai.case_id = NEW.id);\n"
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) "
        + _row().format(item="ai.id").replace("WHERE ai.id = ai.id", "WHERE ai.case_id = NEW.id")
        + ";\nEND",
    )


def create_statements(dialect: str = "sqlite") -> list[str]:
    if dialect == "postgresql":
        return _pg_create()
    return [
        f"CREATE TABLE {DOC_TABLE} (id INTEGER PRIMARY KEY, item_id CHAR(32) NOT NULL UNIQUE)",
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(COLUMNS)}, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')",
        # ORDER BY rank then uses FTS5's own fast path with these weights.
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) "
        f"VALUES ('rank', 'bm25({', '.join(str(w) for w in WEIGHTS)})')",
        *(sql for _name, sql in _triggers()),
        *rebuild_statements(),
    ]


def drop_statements(dialect: str = "sqlite") -> list[str]:
    if dialect == "postgresql":
        return _pg_drop()
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name, _sql in _triggers()),
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
        f"DROP TABLE IF EXISTS {DOC_TABLE}",
    ]


def rebuild_statements(dialect: str = "sqlite") -> list[str]:
    """Make the whole index again from the tables."""
    if dialect == "postgresql":
        return _pg_rebuild()
    return [
        f"DELETE FROM {FTS_TABLE}",
        f"DELETE FROM {DOC_TABLE} WHERE item_id NOT IN (SELECT id FROM agenda_item)",
        f"INSERT OR IGNORE INTO {DOC_TABLE}(item_id) SELECT id FROM agenda_item",
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) "
        + _row().format(item="ai.id").replace("WHERE ai.id = ai.id", ""),
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')",
    ]


def forget_deleted_statements(dialect: str = "sqlite") -> list[str]:
    """After deleting text for good: no part of the index keeps a copy of it.

    FTS5 keeps deleted terms in older segments until they are merged; PostgreSQL's index
    entries go with the row (the server's VACUUM reclaims the old row versions).
    """
    if dialect == "postgresql":
        return []
    return [f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"]


def suspend_statements(dialect: str = "sqlite") -> list[str]:
    """Before a bulk load: the triggers go (re-indexing row by row is the slow part)."""
    if dialect == "postgresql":
        return [f"ALTER TABLE {table} DISABLE TRIGGER {name}"
                for name, (table, *_) in _PG_TRIGGERS.items()]  # fmt: skip
    return [f"DROP TRIGGER IF EXISTS {name}" for name, _sql in _triggers()]


def resume_statements(dialect: str = "sqlite") -> list[str]:
    """After a bulk load: the triggers back, and the index made from the loaded rows."""
    if dialect == "postgresql":
        return [
            *(f"ALTER TABLE {table} ENABLE TRIGGER {name}"
              for name, (table, *_) in _PG_TRIGGERS.items()),
            *_pg_rebuild(),
        ]  # fmt: skip
    return [*(sql for _name, sql in _triggers()), *rebuild_statements()]


def is_index_table(name: str | None) -> bool:
    """The index's own tables (and FTS5's shadow tables), which the models do not describe."""
    return bool(name) and (name == DOC_TABLE or str(name).startswith(FTS_TABLE))


# -- PostgreSQL --------------------------------------------------------------------------------


def pg_tsquery(query_text: Any) -> Any:
    """``to_tsquery('danish', query_text)``: the words stemmed as the index's were."""
    return sa.func.to_tsquery(sa.cast(sa.literal(PG_CONFIG), REGCONFIG), query_text)


def pg_rank(tsquery: Any) -> Any:
    """A match's rank, lower first (as FTS5's): minus ts_rank with the columns' weights."""
    weights: Any = sa.literal_column(f"'{PG_WEIGHTS}'::float4[]")
    return -sa.func.ts_rank(weights, PG_DOC.c.document, tsquery)


# ts_rank's weights for the classes {D, C, B, A}: notes and actions, decision, title, child.
PG_WEIGHTS = "{0.3, 0.5, 0.75, 1.0}"
PG_CONFIG = "danish"

# The index row as a table for queries: search_doc itself, its tsvector the generated column.
PG_DOC = sa.table(
    DOC_TABLE,
    sa.column("id"),
    sa.column("item_id"),
    sa.column("document"),
    *(sa.column(name) for name in COLUMNS),
)


def _pg_row() -> str:
    """The index rows of agenda items (a WHERE may follow)."""
    return f"""
SELECT ai.id,
       ai.title || chr(10) || ai.description,
       {_minutes_text(SearchColumn.NOTES, "chr(10)")},
       {_minutes_text(SearchColumn.DECISION, "chr(10)")},
       coalesce((SELECT string_agg(a.owner_text || ' ' || a.text, chr(10))
                 FROM action a WHERE a.agenda_item_id = ai.id), ''),
       CASE
         WHEN c.id IS NULL THEN ''
         WHEN c.anonymous THEN coalesce(c.pseudonym, '')
         WHEN EXISTS (SELECT 1 FROM legal_basis lb
                      WHERE lb.agenda_item_id = ai.id AND lb.kind = 'anonymous') THEN ''
         ELSE coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '') || ' ' || c.reference
       END
FROM agenda_item ai
LEFT JOIN item_minutes im ON im.agenda_item_id = ai.id
LEFT JOIN child_case c ON c.id = ai.case_id
"""


_PG_UPSERT = (
    f"INSERT INTO {DOC_TABLE}(item_id, {', '.join(COLUMNS)}) {{rows}}\n"
    "ON CONFLICT (item_id) DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in COLUMNS)
)

_PG_TRIGGERS = {  # trigger name → (table, events, function)
    "search_item": ("agenda_item", "INSERT OR DELETE OR UPDATE OF title, description, case_id",
                    "search_item_changed"),
    "search_minutes": ("item_minutes", "INSERT OR UPDATE OR DELETE", "search_part_changed"),
    "search_action": ("action", "INSERT OR UPDATE OR DELETE", "search_part_changed"),
    "search_basis": ("legal_basis", "INSERT OR UPDATE OR DELETE", "search_part_changed"),
    "search_case": ("child_case", "UPDATE OF first_name, last_name, pseudonym, anonymous",
                    "search_case_changed"),
}  # fmt: skip


def _pg_create() -> list[str]:
    weighted = (
        f"setweight(to_tsvector('{PG_CONFIG}', child), 'A') || "
        f"setweight(to_tsvector('{PG_CONFIG}', title), 'B') || "
        f"setweight(to_tsvector('{PG_CONFIG}', decision), 'C') || "
        f"setweight(to_tsvector('{PG_CONFIG}', notes || chr(10) || actions), 'D')"
    )
    columns = ", ".join(f"{c} text NOT NULL DEFAULT ''" for c in COLUMNS)
    return [
        f"CREATE TABLE {DOC_TABLE} (id bigserial PRIMARY KEY, item_id uuid NOT NULL UNIQUE, "
        f"{columns}, document tsvector GENERATED ALWAYS AS ({weighted}) STORED)",
        f"CREATE INDEX ix_{DOC_TABLE}_document ON {DOC_TABLE} USING gin (document)",
        "CREATE FUNCTION search_reindex(item uuid) RETURNS void LANGUAGE sql AS $$\n"
        f"DELETE FROM {DOC_TABLE} WHERE item_id = item "
        "AND NOT EXISTS (SELECT 1 FROM agenda_item WHERE id = item);\n"
        + _PG_UPSERT.format(rows=_pg_row() + "WHERE ai.id = item")
        + ";\n$$",
        "CREATE FUNCTION search_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"  IF TG_OP = 'DELETE' THEN DELETE FROM {DOC_TABLE} WHERE item_id = OLD.id;\n"
        "  ELSE PERFORM search_reindex(NEW.id); END IF;\n  RETURN NULL;\nEND $$",
        "CREATE FUNCTION search_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
        "    IF OLD.agenda_item_id IS NOT NULL THEN\n"
        "      PERFORM search_reindex(OLD.agenda_item_id);\n    END IF;\n  END IF;\n"
        "  IF TG_OP = 'INSERT' THEN\n"
        "    IF NEW.agenda_item_id IS NOT NULL THEN\n"
        "      PERFORM search_reindex(NEW.agenda_item_id);\n    END IF;\n"
        "  ELSIF TG_OP = 'UPDATE' THEN\n"
        "    IF NEW.agenda_item_id IS DISTINCT FROM OLD.agenda_item_id\n"
        "       AND NEW.agenda_item_id IS NOT NULL THEN\n"
        "      PERFORM search_reindex(NEW.agenda_item_id);\n    END IF;\n  END IF;\n"
        "  RETURN NULL;\nEND $$",
        "CREATE FUNCTION search_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        "  PERFORM search_reindex(ai.id) FROM agenda_item ai WHERE ai.case_id = NEW.id;\n"
        "  RETURN NULL;\nEND $$",
        *_pg_trigger_statements(),
        *_pg_rebuild(),
    ]


def _pg_trigger_statements() -> list[str]:
    return [
        f"CREATE TRIGGER {name} AFTER {events} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        for name, (table, events, function) in _PG_TRIGGERS.items()
    ]


def _pg_rebuild() -> list[str]:
    return [
        f"DELETE FROM {DOC_TABLE} WHERE item_id NOT IN (SELECT id FROM agenda_item)",
        _PG_UPSERT.format(rows=_pg_row()),
    ]


def _pg_drop() -> list[str]:
    return [
        *(
            f"DROP TRIGGER IF EXISTS {name} ON {table}"
            for name, (table, *_) in _PG_TRIGGERS.items()
        ),
        *(
            f"DROP FUNCTION IF EXISTS {f}"
            for f in (
                "search_item_changed()",
                "search_part_changed()",
                "search_case_changed()",
                "search_reindex(uuid)",
            )
        ),
        f"DROP TABLE IF EXISTS {DOC_TABLE}",
    ]
