"""The shared record's own tables: devices, sessions, applied operations, leases, shipments;
a replica's outbox and conflicts; and a safe high-water mark for pulls

Versions come from one sequence, but transactions commit in their own order: a pull that
read "everything up to version 120" while version 118 was still uncommitted would never see
118. So on the server every stamp (and every tombstone) first takes a shared advisory lock
for the rest of its transaction, and a pull finds its high-water mark under the exclusive
lock: once it holds it, no version below the sequence's value is still in flight.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The advisory lock a pull's high-water mark is read under (frozen here; the live code
# names the same number).
WATERMARK_LOCK = 0x7379_6E63_7665_72  # "syncver"

_STAMP = f"""
CREATE OR REPLACE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared({WATERMARK_LOCK});
  NEW.row_version := nextval('row_version_seq');
  NEW.updated_at := now() AT TIME ZONE 'UTC';
  IF TG_OP = 'INSERT' AND NEW.created_at IS NULL THEN
    NEW.created_at := NEW.updated_at;
  END IF;
  RETURN NEW;
END $$
"""

_BURY = f"""
CREATE OR REPLACE FUNCTION bury_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared({WATERMARK_LOCK});
  INSERT INTO tombstone (row_version, table_name, row_id, deleted_at)
  VALUES (nextval('row_version_seq'), TG_TABLE_NAME, OLD.id, now() AT TIME ZONE 'UTC');
  RETURN NULL;
END $$
"""

_STAMP_0008 = """
CREATE OR REPLACE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.row_version := nextval('row_version_seq');
  NEW.updated_at := now() AT TIME ZONE 'UTC';
  IF TG_OP = 'INSERT' AND NEW.created_at IS NULL THEN
    NEW.created_at := NEW.updated_at;
  END IF;
  RETURN NEW;
END $$
"""

_BURY_0008 = """
CREATE OR REPLACE FUNCTION bury_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tombstone (row_version, table_name, row_id, deleted_at)
  VALUES (nextval('row_version_seq'), TG_TABLE_NAME, OLD.id, now() AT TIME ZONE 'UTC');
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "device",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("program_version", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_device_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    op.create_index(op.f("ix_device_user_id"), "device", ["user_id"])
    op.create_table(
        "device_session",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_device_session_device_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_device_session_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_device_session")),
    )
    op.create_index(op.f("ix_device_session_device_id"), "device_session", ["device_id"])
    op.create_table(
        "applied_operation",
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_applied_operation_device_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_applied_operation_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_applied_operation")),
    )
    op.create_index(op.f("ix_applied_operation_device_id"), "applied_operation", ["device_id"])
    op.create_table(
        "meeting_lease",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_meeting_lease_device_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_lease_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_meeting_lease_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_meeting_lease")),
    )
    op.create_table(
        "shipment",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("since_version", sa.BigInteger(), nullable=False),
        sa.Column("upto_version", sa.BigInteger(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("row_ids", sa.Text(), nullable=False),
        sa.Column("scope_ids", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_shipment_device_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_shipment_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment")),
    )
    op.create_index(op.f("ix_shipment_device_id"), "shipment", ["device_id"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("arguments", sa.Text(), nullable=False),
        sa.Column("new_ids", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_op_id")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("arguments", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_STAMP)
        op.execute(_BURY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_STAMP_0008)
        op.execute(_BURY_0008)
    for table in (
        "sync_conflict",
        "outbox",
        "shipment",
        "meeting_lease",
        "applied_operation",
        "device_session",
        "device",
    ):
        op.drop_table(table)
