"""An addendum to approved minutes is about one agenda item, or about the meeting in general

Existing addenda keep no item (NULL): they become "about the meeting in general", which is the
cautious reading, since general addenda are shown only to those who see every item.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 15:30:33.016581
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda_item_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_minutes_version_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_minutes_version_agenda_item_id_agenda_item"),
            "agenda_item",
            ["agenda_item_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_minutes_version_agenda_item_id_agenda_item"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_minutes_version_agenda_item_id"))
        batch_op.drop_column("agenda_item_id")
