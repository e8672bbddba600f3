"""What a meeting type does, as data: ad hoc, seen by the police, its minutes' sections, colour

The types the program has always known get the behaviour the code gave them by their codes:
FTM is booked ad hoc and has the FTM rounds, SSP is what the police may see, forvisitation has
the preliminary decision; each type keeps the calendar colour it had. A type the municipality
added itself gets none of it (and the calendar's grey) until it is set.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FLAGS = ("ad_hoc", "police_visible", "minutes_family_rounds", "minutes_preliminary_decision")

# Frozen here: what the code keyed on these codes until this revision.
KNOWN = {
    "district": {"colour": "#1f5fa8"},
    "ssp": {"colour": "#a33b20", "police_visible": True},
    "ftm": {"colour": "#2e7d32", "ad_hoc": True, "minutes_family_rounds": True},
    "forvisitation": {"colour": "#6a3d9a", "minutes_preliminary_decision": True},
    "presence": {"colour": "#8a6d00"},
}


def upgrade() -> None:
    # Constant defaults: SQLite then adds the columns in place (no copy of a table that
    # meetings, series, consents, roles and templates refer to).
    with op.batch_alter_table("meeting_type", schema=None) as batch_op:
        for flag in FLAGS:
            batch_op.add_column(sa.Column(flag, sa.Boolean(), server_default="0", nullable=False))
        batch_op.add_column(
            sa.Column("colour", sa.String(length=7), server_default="#444444", nullable=False)
        )
    meeting_type = sa.table(
        "meeting_type",
        sa.column("code", sa.String()),
        sa.column("colour", sa.String()),
        *(sa.column(flag, sa.Boolean()) for flag in FLAGS),
    )
    for code, values in KNOWN.items():
        op.execute(meeting_type.update().where(meeting_type.c.code == code).values(**values))


def downgrade() -> None:
    # In place (SQLite drops a column itself since 3.35): a copy-and-move of meeting_type would
    # delete its roles and agenda templates (ON DELETE CASCADE) with the old table.
    with op.batch_alter_table("meeting_type", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("colour")
        for flag in reversed(FLAGS):
            batch_op.drop_column(flag)
