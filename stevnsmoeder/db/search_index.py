"""The full-text index (SQLite FTS5, inside the encrypted database).

One index row per agenda item: its title and planning note, what the minutes say (notes,
the FTM rounds, the family's view), the decisions, the agreed actions, and the child's name
(the pseudonym for an anonymous case; nothing for a named child discussed anonymously, so the
name cannot find the item). Triggers keep it in step with every write, from any code path;
``rebuild`` makes it again from the tables if it ever is not.

The index rows are keyed by ``search_doc`` (an INTEGER PRIMARY KEY, which VACUUM keeps) rather
than by the agenda item's implicit rowid (which VACUUM may renumber).

The tokenizer is unicode61 without diacritic removal: case folds, including Æ/æ, Ø/ø, Å/å,
while "å" stays a letter of its own and never matches "a".

Changing anything here needs a new migration that drops and re-creates the index.
"""

from __future__ import annotations

from collections.abc import Iterator

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


def create_statements() -> list[str]:
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


def drop_statements() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name, _sql in _triggers()),
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
        f"DROP TABLE IF EXISTS {DOC_TABLE}",
    ]


def rebuild_statements() -> list[str]:
    """Make the whole index again from the tables."""
    return [
        f"DELETE FROM {FTS_TABLE}",
        f"DELETE FROM {DOC_TABLE} WHERE item_id NOT IN (SELECT id FROM agenda_item)",
        f"INSERT OR IGNORE INTO {DOC_TABLE}(item_id) SELECT id FROM agenda_item",
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) "
        + _ROW.format(item="ai.id").replace("WHERE ai.id = ai.id", ""),
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')",
    ]


def suspend_statements() -> list[str]:
    """Before a bulk load: the triggers go (re-indexing row by row is the slow part)."""
    return [f"DROP TRIGGER IF EXISTS {name}" for name, _sql in _triggers()]


def resume_statements() -> list[str]:
    """After a bulk load: the triggers back, and the index made from the loaded rows."""
    return [*(sql for _name, sql in _triggers()), *rebuild_statements()]


def is_index_table(name: str | None) -> bool:
    """The index's own tables (and FTS5's shadow tables), which the models do not describe."""
    return bool(name) and (name == DOC_TABLE or str(name).startswith(FTS_TABLE))
