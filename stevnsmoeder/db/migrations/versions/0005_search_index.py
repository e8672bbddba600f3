"""Full-text search: an index of agenda items and minutes, kept in step by triggers

On SQLite an FTS5 table; on PostgreSQL a generated tsvector column (Danish stemming) under a
GIN index. What follows is a frozen copy of what ``stevnsmoeder.db.search_index`` made at this
revision: a migration never imports the program's live code, which moves on.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 02:45:00
"""

from collections.abc import Iterator, Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Search filters and the case history look up an item's level.
    op.create_index(
        op.f("ix_wellbeing_assessment_agenda_item_id"),
        "wellbeing_assessment",
        ["agenda_item_id"],
        unique=False,
    )
    for statement in create_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_index(op.f("ix_wellbeing_assessment_agenda_item_id"), table_name="wellbeing_assessment")


# -- frozen at this revision -------------------------------------------------------------------

FTS_TABLE = "search_index"
DOC_TABLE = "search_doc"
COLUMNS = ("title", "notes", "decision", "actions", "child")
# bm25 weights per column, in COLUMNS order: a match in a title or a decision says more.
WEIGHTS = (3.0, 1.0, 2.0, 1.5, 4.0)

_NL = "char(10)"

# The index row of one agenda item, given a SQL expression for its id.
_ROW = f"""
SELECT d.id,
       ai.title || {_NL} || ai.description,
       coalesce(im.notes, '') || {_NL} || coalesce(im.concern, '') || {_NL} ||
       coalesce(im.resources, '') || {_NL} || coalesce(im.goals, '') || {_NL} ||
       coalesce(im.family_view, ''),
       coalesce(im.decision, '') || {_NL} || coalesce(im.preliminary_decision, ''),
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
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) {_ROW.format(item=item)};\n"
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
        + _ROW.format(item="ai.id").replace("WHERE ai.id = ai.id", "WHERE ai.case_id = NEW.id")
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
        + _ROW.format(item="ai.id").replace("WHERE ai.id = ai.id", ""),
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')",
    ]


# -- PostgreSQL --------------------------------------------------------------------------------

# ts_rank's weights for the classes {D, C, B, A}: notes and actions, decision, title, child.
PG_WEIGHTS = "{0.3, 0.5, 0.75, 1.0}"
PG_CONFIG = "danish"

_PG_ROW = """
SELECT ai.id,
       ai.title || chr(10) || ai.description,
       coalesce(im.notes, '') || chr(10) || coalesce(im.concern, '') || chr(10) ||
       coalesce(im.resources, '') || chr(10) || coalesce(im.goals, '') || chr(10) ||
       coalesce(im.family_view, ''),
       coalesce(im.decision, '') || chr(10) || coalesce(im.preliminary_decision, ''),
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
        + _PG_UPSERT.format(rows=_PG_ROW + "WHERE ai.id = item")
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
        _PG_UPSERT.format(rows=_PG_ROW),
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
