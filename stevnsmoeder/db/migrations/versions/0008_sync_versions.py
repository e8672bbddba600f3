"""Ready for sync: every row carries the version the record's database gave it, deletes leave
tombstones, and on the server the database's clock stamps each change

On PostgreSQL (the shared record) a trigger on every table stamps each inserted or updated
row with the next number of one sequence (``row_version``) and sets ``updated_at`` from the
server's clock; a delete leaves a tombstone (table, id, version, when) so a replica's pull can
learn that a row went away. A tombstone holds no personal data: the row itself is really
deleted (the retention rules demand it). On SQLite (the laptop) the column is kept as it
comes from the server and nothing is stamped.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table of the record at this revision.
TABLES = (
    "district", "participant_role", "meeting_type", "meeting_type_role",
    "agenda_template_item", "legal_reference", "wellbeing_level", "closed_period",
    "app_setting", "item_minutes", "action", "wellbeing_assessment", "minutes_version",
    "meeting_series", "series_participant", "meeting", "participation", "agenda_item",
    "item_attendance", "person", "app_user", "child_case", "custody_holder", "consent",
    "consent_meeting_type", "legal_basis", "audit_event",
)  # fmt: skip

_STAMP = """
CREATE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.row_version := nextval('row_version_seq');
  NEW.updated_at := now() AT TIME ZONE 'UTC';
  IF TG_OP = 'INSERT' AND NEW.created_at IS NULL THEN
    NEW.created_at := NEW.updated_at;
  END IF;
  RETURN NEW;
END $$
"""

_BURY = """
CREATE FUNCTION bury_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstone (row_version, table_name, row_id, deleted_at)
  VALUES (nextval('row_version_seq'), TG_TABLE_NAME, OLD.id, now() AT TIME ZONE 'UTC');
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("row_version", sa.BigInteger(), server_default="0", nullable=False)
        )
        op.create_index(f"ix_{table}_row_version", table, ["row_version"])
    op.create_table(
        "tombstone",
        sa.Column("row_version", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("row_version", name=op.f("pk_tombstone")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE row_version_seq AS bigint")
    op.execute(_STAMP)
    op.execute(_BURY)
    for table in TABLES:
        op.execute(f"UPDATE {table} SET row_version = nextval('row_version_seq')")
        op.execute(
            f"CREATE TRIGGER stamp_{table} BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION stamp_row()"
        )
        op.execute(
            f"CREATE TRIGGER bury_{table} AFTER DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION bury_row()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS stamp_{table} ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS bury_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS stamp_row()")
        op.execute("DROP FUNCTION IF EXISTS bury_row()")
        op.execute("DROP SEQUENCE IF EXISTS row_version_seq")
    op.drop_table("tombstone")
    for table in TABLES:
        # Not in batch mode: SQLite (3.35+) drops a column in place, and copying the table
        # would take the search index's triggers with it.
        op.drop_index(f"ix_{table}_row_version", table_name=table)
        op.drop_column(table, "row_version")
