"""Minutes filed by hand before the program kept track travel to the replicas: the moment filing
began to be tracked moves from the setting ``filing.tracked_from`` (the database's own, which no
replica receives) into the classification (``filing_class.tracked_from``), reference data that
every replica holds

A laptop's replica of a server upgraded from before filing listed the minutes approved before
the upgrade as unfiled. Every classification row carries the same moment (None: every approval
is tracked). On a replica the moment is the server's, which comes with the server's rows: a
replica's own setting (its migration's guess from the few meetings it held) is dropped.

Self-contained (no import of the program's code): it may be renumbered beside other new
revisions, and must then still run as it did.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 09:00:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRACKED_FROM = "filing.tracked_from"
REPLICA = "sync.device_id"  # set on a laptop's replica only

app_setting = sa.table(
    "app_setting",
    sa.column("id", sa.Uuid()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
    sa.column("key", sa.String()),
    sa.column("value", sa.String()),
)
filing_class = sa.table("filing_class", sa.column("tracked_from", sa.DateTime()))


def _setting(key: str) -> str:
    found = op.get_bind().scalar(sa.select(app_setting.c.value).where(app_setting.c.key == key))
    return found or ""


def upgrade() -> None:
    with op.batch_alter_table("filing_class", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tracked_from", sa.DateTime(), nullable=True))
    value = _setting(TRACKED_FROM)
    if value and not _setting(REPLICA):
        # naive UTC, as the setting and the column store it (on the server, the stamp
        # trigger gives the rows new versions: the next pull takes them to every replica)
        since = datetime.fromisoformat(value).replace(tzinfo=None)
        op.execute(filing_class.update().values(tracked_from=since))
    op.execute(app_setting.delete().where(app_setting.c.key == TRACKED_FROM))


def downgrade() -> None:
    since = op.get_bind().scalar(sa.select(sa.func.max(filing_class.c.tracked_from)))
    if since is not None:
        if isinstance(since, str):  # SQLite hands a DateTime back as text here
            since = datetime.fromisoformat(since)
        now = datetime.now(UTC).replace(tzinfo=None)
        op.execute(app_setting.delete().where(app_setting.c.key == TRACKED_FROM))
        op.bulk_insert(
            app_setting,
            [
                {
                    "id": uuid.uuid4(),
                    "created_at": now,
                    "updated_at": now,
                    "key": TRACKED_FROM,
                    "value": since.isoformat(timespec="microseconds"),
                }
            ],
        )
    with op.batch_alter_table("filing_class", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("tracked_from")
