"""What the sync keeps besides the record's rows.

On the server: the tombstones of deleted rows, the devices users registered and the sessions
they hold, the operations already applied (so a retried push is a no-op), the leases of
running meetings, and what was shipped to which device. On a replica: the outbox of
operations not yet pushed and the conflicts the user has still to decide. None of these is
replicated itself; none holds a password or a token in clear.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stevnsmoeder.db.base import Base, UTCDateTime, utcnow


class Tombstone(Base):
    """A row deleted on the server: which table, which id, when, at which version. Written
    by the database's own trigger; no personal data (the row itself is gone)."""

    __tablename__ = "tombstone"

    row_version: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column()
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Device(Base):
    """A laptop registered by a user on the server. Its secret is kept as a SHA-256 hash."""

    __tablename__ = "device"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    secret_hash: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    program_version: Mapped[str] = mapped_column(String(40), default="")
    # The replica's own log: the last of its events the server has added to its log.
    log_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class DeviceSession(Base):
    """A short-lived token a device holds after a login (only its SHA-256 is stored)."""

    __tablename__ = "device_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AppliedOperation(Base):
    """An operation a device pushed, with its outcome: recorded in the transaction that
    applied it, so pushing it again answers the same and changes nothing."""

    __tablename__ = "applied_operation"

    op_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    name: Mapped[str] = mapped_column(String(80))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="")  # permission, rule, conflict


class MeetingLease(Base):
    """Who runs a meeting, on which device: claimed when the meeting starts."""

    __tablename__ = "meeting_lease"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Shipment(Base):
    """What one pull shipped to one device: the rows' ids (no content), for the log, and the
    whole scope as of that pull (the next pull from that point ships what entered the scope
    and names what left it). A device names the last shipment it fully applied (its cursor).
    """

    __tablename__ = "shipment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    since_version: Mapped[int] = mapped_column(BigInteger)
    upto_version: Mapped[int] = mapped_column(BigInteger)
    rows: Mapped[int] = mapped_column(Integer)
    row_ids: Mapped[str] = mapped_column(Text)  # JSON: {table: [id, ...]} shipped
    scope_ids: Mapped[str | None] = mapped_column(Text)  # JSON: {table: [id, ...]} in scope


class TakenCase(Base):
    """A case a PPR reviewer took along to their laptop: with a reason, until a day."""

    __tablename__ = "taken_case"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("child_case.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    until: Mapped[date] = mapped_column(Date)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OutboxEntry(Base):
    """On a replica: an operation done here and not yet pushed (in order of ``seq``)."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(80))
    arguments: Mapped[str] = mapped_column(Text)  # JSON
    new_ids: Mapped[str] = mapped_column(Text, default="{}")  # JSON: {table: [id, ...]}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SyncConflict(Base):
    """On a replica: an operation the server refused, kept with the user's text until the
    user decides (keep theirs, keep the server's, or merge by hand)."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    op_id: Mapped[uuid.UUID] = mapped_column()
    name: Mapped[str] = mapped_column(String(80))
    arguments: Mapped[str] = mapped_column(Text)  # JSON, as pushed: the user's text is here
    reason: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())  # when it was done here
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution: Mapped[str] = mapped_column(String(20), default="")
