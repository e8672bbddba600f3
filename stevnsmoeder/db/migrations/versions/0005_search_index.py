"""Full-text search: an FTS5 index of agenda items and minutes, kept in step by triggers

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 02:45:00
"""

from collections.abc import Sequence

from alembic import op

from stevnsmoeder.db import search_index

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
    for statement in search_index.create_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in search_index.drop_statements():
        op.execute(statement)
    op.drop_index(op.f("ix_wellbeing_assessment_agenda_item_id"), table_name="wellbeing_assessment")
