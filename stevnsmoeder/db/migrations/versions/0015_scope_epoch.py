"""The shared record counts the changes that can move a user's scope (the scope epoch)

A pull computes the rows a user's laptop may hold (the scope) with the permission rules; on
a ten-year record that is a few hundred milliseconds of the server's time, and during a
meeting nearly every pull follows a change — mostly a chair typing minutes, which moves no
one's scope. So every stamp of a row now also says whether the change could move a scope:
an insert or a delete in a table replicas hold always can, an update unless it changed
only what a user types or a running meeting ticks (the texts of minutes and agreements,
an item's title, time and place on the agenda, a meeting's status and times). Those count
on a second sequence, ``scope_epoch_seq``, drawn under the same shared lock as the row
versions, so a pull that reads it under the exclusive lock knows that every change it
counts is committed. While the epoch and the day stand still, a user's scope is the one
computed before.

The tables no replica holds (the access log, the server's own settings, an action typed but
not added) no longer draw row versions at all: the version then moves only when something a
replica may hold changed, so an idle laptop's pull answers at once and a laptop waiting for
changes is not woken by every line of the access log.

On SQLite (a laptop's file or replica) there is nothing to do: no triggers there.

Self-contained (no import of the program's code): it may be renumbered beside other new
revisions, and must then still run as it did.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26 08:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WATERMARK_LOCK = 0x7379_6E63_7665_72  # frozen, as in 0010
_UNSHIPPED = "ARRAY['row_version', 'updated_at', 'last_login_at']"

# Stamped tables no replica holds: their changes move neither the version nor a scope.
UNREPLICATED = ("audit_event", "app_setting", "action_draft")
_UNREPLICATED = ", ".join(f"'{t}'" for t in UNREPLICATED)

# Columns no permission rule and no scope reads: changing only these moves no one's scope.
CONTENT: dict[str, tuple[str, ...]] = {
    "item_minutes": (
        "notes", "decision", "family_view", "concern", "resources", "goals",
        "preliminary_decision", "follow_up_on",
    ),
    "action": ("text", "owner_text", "due_on", "status", "done_on", "done_note"),
    "agenda_item": (
        "title", "description", "time_box_minutes", "position", "status", "spent_seconds",
        "current_since",
    ),
    "meeting": (
        "title", "place", "status", "cancel_reason", "move_reason", "sequence", "revision",
        "started_at", "ended_at", "current_item_id", "ends_at",
    ),
    "item_attendance": ("attendance",),
    "participation": ("attendance",),
    "wellbeing_assessment": ("level", "note"),
}  # fmt: skip


def _content_case() -> str:
    whens = "\n".join(
        f"    WHEN '{table}' THEN ARRAY[{', '.join(repr(c) for c in columns)}]::text[]"
        for table, columns in CONTENT.items()
    )
    return f"CASE TG_TABLE_NAME\n{whens}\n    ELSE ARRAY[]::text[]\n  END"


_STAMP = f"""
CREATE OR REPLACE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  content text[];
BEGIN
  IF TG_TABLE_NAME IN ({_UNREPLICATED}) THEN
    NEW.updated_at := now() AT TIME ZONE 'UTC';
    IF TG_OP = 'INSERT' AND NEW.created_at IS NULL THEN
      NEW.created_at := NEW.updated_at;
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - {_UNSHIPPED}) = (to_jsonb(OLD) - {_UNSHIPPED}) THEN
    NEW.row_version := OLD.row_version;
    NEW.updated_at := OLD.updated_at;
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock_shared({WATERMARK_LOCK});
  NEW.row_version := nextval('row_version_seq');
  NEW.updated_at := now() AT TIME ZONE 'UTC';
  IF TG_OP = 'INSERT' THEN
    IF NEW.created_at IS NULL THEN
      NEW.created_at := NEW.updated_at;
    END IF;
    PERFORM nextval('scope_epoch_seq');
    RETURN NEW;
  END IF;
  content := {_content_case()};
  IF (to_jsonb(NEW) - {_UNSHIPPED} - content) <> (to_jsonb(OLD) - {_UNSHIPPED} - content) THEN
    PERFORM nextval('scope_epoch_seq');
  END IF;
  RETURN NEW;
END $$
"""

_BURY = f"""
CREATE OR REPLACE FUNCTION bury_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ({_UNREPLICATED}) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock_shared({WATERMARK_LOCK});
  INSERT INTO tombstone (row_version, table_name, row_id, deleted_at)
  VALUES (nextval('row_version_seq'), TG_TABLE_NAME, OLD.id, now() AT TIME ZONE 'UTC');
  PERFORM nextval('scope_epoch_seq');
  RETURN NULL;
END $$
"""

# As 0010 left them.
_STAMP_0010 = f"""
CREATE OR REPLACE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - {_UNSHIPPED}) = (to_jsonb(OLD) - {_UNSHIPPED}) THEN
    NEW.row_version := OLD.row_version;
    NEW.updated_at := OLD.updated_at;
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock_shared({WATERMARK_LOCK});
  NEW.row_version := nextval('row_version_seq');
  NEW.updated_at := now() AT TIME ZONE 'UTC';
  IF TG_OP = 'INSERT' AND NEW.created_at IS NULL THEN
    NEW.created_at := NEW.updated_at;
  END IF;
  RETURN NEW;
END $$
"""

_BURY_0010 = f"""
CREATE OR REPLACE FUNCTION bury_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared({WATERMARK_LOCK});
  INSERT INTO tombstone (row_version, table_name, row_id, deleted_at)
  VALUES (nextval('row_version_seq'), TG_TABLE_NAME, OLD.id, now() AT TIME ZONE 'UTC');
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE scope_epoch_seq AS bigint")
    op.execute(_STAMP)
    op.execute(_BURY)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_STAMP_0010)
    op.execute(_BURY_0010)
    op.execute("DROP SEQUENCE IF EXISTS scope_epoch_seq")
