"""An action typed but not added is kept with its item: the chair closes the meeting's
window and finds it again, never with another child

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "action_draft",
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_text", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.BigInteger(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_action_draft_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_draft")),
        sa.UniqueConstraint("agenda_item_id", name=op.f("uq_action_draft_agenda_item_id")),
    )
    op.create_index(op.f("ix_action_draft_row_version"), "action_draft", ["row_version"])
    if op.get_bind().dialect.name == "postgresql":  # versioned and buried as every table (0008)
        op.execute(
            "CREATE TRIGGER stamp_action_draft BEFORE INSERT OR UPDATE ON action_draft "
            "FOR EACH ROW EXECUTE FUNCTION stamp_row()"
        )
        op.execute(
            "CREATE TRIGGER bury_action_draft AFTER DELETE ON action_draft "
            "FOR EACH ROW EXECUTE FUNCTION bury_row()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS stamp_action_draft ON action_draft")
        op.execute("DROP TRIGGER IF EXISTS bury_action_draft ON action_draft")
    op.drop_index(op.f("ix_action_draft_row_version"), table_name="action_draft")
    op.drop_table("action_draft")
