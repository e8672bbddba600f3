"""Filing in the case system (ESDH): how each kind of document is classified, a record of every
document filed, and the child's case number in ESDH

``filing_class`` holds the KLE number, handling facet and access code per kind of document
(editable reference data: a database in use gets the defaults below, the municipality's
current plan; a new database gets them with the rest of its reference data).
``filing_record`` records every document written to the filing folder. A database that already
has approved minutes filed them by hand before the program could: the newest approval so far
is kept as the setting ``filing.tracked_from``, and only later approvals count as unfiled.

Self-contained (no import of the program's code): it may be renumbered beside other new
revisions, and must then still run as it did.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 09:00:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("filing_class", "filing_record")

# Frozen here: the classification the municipality files under at this revision.
DEFAULT_CLASSES = (
    # kind, KLE number, handling facet, access code
    ("minutes", "00.01.10", "P35", "Fortrolig"),
    ("extract", "27.24.00", "G01", "Fortrolig"),
    ("case_history", "27.24.00", "G01", "Fortrolig"),
)
TRACKED_FROM = "filing.tracked_from"


def _entity_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.BigInteger(), server_default="0", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "filing_class",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("kle_number", sa.String(length=20), nullable=False),
        sa.Column("facet", sa.String(length=10), nullable=False),
        sa.Column("access_code", sa.String(length=80), nullable=False),
        *_entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_class")),
        sa.UniqueConstraint("kind", name=op.f("uq_filing_class_kind")),
    )
    op.create_table(
        "filing_record",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("minutes_version", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("folder", sa.String(length=1000), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("content_checksum", sa.String(length=64), nullable=False),
        sa.Column("filed_at", sa.DateTime(), nullable=False),
        sa.Column("filed_by_id", sa.Uuid(), nullable=True),
        *_entity_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_filing_record_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["child_case.id"],
            name=op.f("fk_filing_record_case_id_child_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["filed_by_id"], ["app_user.id"], name=op.f("fk_filing_record_filed_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_record")),
    )
    for table in TABLES:
        op.create_index(f"ix_{table}_row_version", table, ["row_version"])
    op.create_index("ix_filing_record_meeting_id", "filing_record", ["meeting_id"])
    op.create_index("ix_filing_record_case_id", "filing_record", ["case_id"])
    # A constant default: SQLite adds the column in place (no copy of the cases' table, which
    # the search index's triggers and most of the record refer to).
    with op.batch_alter_table("child_case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("esdh_case_number", sa.String(length=40), server_default="", nullable=False)
        )

    if op.get_bind().dialect.name == "postgresql":
        # The server stamps and buries these rows as every other table's (revision 0008).
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER stamp_{table} BEFORE INSERT OR UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION stamp_row()"
            )
            op.execute(
                f"CREATE TRIGGER bury_{table} AFTER DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION bury_row()"
            )

    now = datetime.now(UTC).replace(tzinfo=None)
    # A database in use gets the classification here; a new one gets it with the rest of
    # its reference data (services.reference_data.seed), and a replica from its server.
    meeting_type = sa.table("meeting_type", sa.column("id", sa.Uuid()))
    in_use = op.get_bind().scalar(sa.select(sa.func.count()).select_from(meeting_type))
    filing_class = sa.table(
        "filing_class",
        sa.column("id", sa.Uuid()),
        sa.column("created_at", sa.DateTime()),
        sa.column("updated_at", sa.DateTime()),
        sa.column("kind", sa.String()),
        sa.column("kle_number", sa.String()),
        sa.column("facet", sa.String()),
        sa.column("access_code", sa.String()),
    )
    if in_use:
        _insert_classes(filing_class, now)
    meeting = sa.table("meeting", sa.column("approved_at", sa.DateTime()))
    newest = op.get_bind().scalar(sa.select(sa.func.max(meeting.c.approved_at)))
    if newest is not None:
        if isinstance(newest, str):  # SQLite hands a DateTime back as text here
            newest = datetime.fromisoformat(newest)
        app_setting = sa.table(
            "app_setting",
            sa.column("id", sa.Uuid()),
            sa.column("created_at", sa.DateTime()),
            sa.column("updated_at", sa.DateTime()),
            sa.column("key", sa.String()),
            sa.column("value", sa.String()),
        )
        op.bulk_insert(
            app_setting,
            [
                {
                    "id": uuid.uuid4(),
                    "created_at": now,
                    "updated_at": now,
                    "key": TRACKED_FROM,
                    # naive UTC, as the column stores it
                    "value": newest.replace(tzinfo=None).isoformat(timespec="microseconds"),
                }
            ],
        )


def _insert_classes(filing_class: sa.TableClause, now: datetime) -> None:
    op.bulk_insert(
        filing_class,
        [
            {
                "id": uuid.uuid4(),
                "created_at": now,
                "updated_at": now,
                "kind": kind,
                "kle_number": kle,
                "facet": facet,
                "access_code": access,
            }
            for kind, kle, facet, access in DEFAULT_CLASSES
        ],
    )


def downgrade() -> None:
    app_setting = sa.table("app_setting", sa.column("key", sa.String()))
    op.execute(app_setting.delete().where(app_setting.c.key == TRACKED_FROM))
    # In place (SQLite drops a column itself since 3.35): a copy of child_case would take the
    # search index's triggers and the cascades of the tables that refer to it along.
    with op.batch_alter_table("child_case", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("esdh_case_number")
    op.drop_index("ix_filing_record_case_id", table_name="filing_record")
    op.drop_index("ix_filing_record_meeting_id", table_name="filing_record")
    for table in TABLES:
        op.drop_index(f"ix_{table}_row_version", table_name=table)
    # (the server's triggers go with their tables)
    op.drop_table("filing_record")
    op.drop_table("filing_class")
