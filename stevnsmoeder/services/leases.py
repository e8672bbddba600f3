"""Who runs a meeting: a lease on the server, per meeting, held by one computer.

Starting a meeting claims it (online at once; offline at the next contact, when the start
is pushed); ending it, or setting it back to planned, releases it. While one computer holds
it, a start from another is refused ("i gang på Camillas computer"), and that chair's
replica shows the meeting as running elsewhere. Two computers that both ran the same
meeting offline: the second start is refused at its push, and what that chair wrote is
kept as conflicts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import Device, Meeting, MeetingLease, Person, User
from stevnsmoeder.i18n import _
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError
from stevnsmoeder.services.permissions import Permission, meeting_visible, require


@dataclass(frozen=True)
class Lease:
    meeting_id: uuid.UUID
    holder: str  # the person's name (or login)
    device: str  # the computer's name
    since: datetime
    device_id: uuid.UUID

    def to_json(self) -> dict[str, str]:
        return {
            "meeting_id": str(self.meeting_id),
            "holder": self.holder,
            "device": self.device,
            "since": self.since.isoformat(),
            "device_id": str(self.device_id),
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Lease:
        return cls(
            uuid.UUID(data["meeting_id"]),
            data["holder"],
            data["device"],
            datetime.fromisoformat(data["since"]),
            uuid.UUID(data["device_id"]),
        )


def running_elsewhere(lease: Lease) -> str:
    return _("Running on {name}'s computer", name=lease.holder)


def active(ctx: ServiceContext) -> list[Lease]:
    """The leases held on the meetings the user may see."""
    with ctx.db.begin() as s:
        rows = s.execute(
            select(MeetingLease, User.login, Person.name, Device.name)
            .join(User, User.id == MeetingLease.user_id)
            .outerjoin(Person, Person.id == User.person_id)
            .join(Device, Device.id == MeetingLease.device_id)
            .join(Meeting, Meeting.id == MeetingLease.meeting_id)
            .where(MeetingLease.released_at.is_(None), meeting_visible(ctx))
        ).all()
        return [
            Lease(lease.meeting_id, name or login, device, lease.claimed_at, lease.device_id)
            for lease, login, name, device in rows
        ]


def claim(ctx: ServiceContext, device_id: uuid.UUID, meeting_id: uuid.UUID) -> Lease:
    """Claim the meeting for this computer; refused while another computer holds it."""
    require(ctx, Permission.EDIT_MEETINGS, "run meetings")
    with ctx.db.begin() as s:
        lease = s.get(MeetingLease, meeting_id, with_for_update=True)
        if lease is not None and lease.released_at is None and lease.device_id != device_id:
            held = _lease(s, lease)
            raise ConflictError(
                _("The meeting is already running on {name}'s computer.", name=held.holder)
            )
        if lease is None:
            lease = MeetingLease(meeting_id=meeting_id, claimed_at=ctx.now())
            s.add(lease)
        elif lease.released_at is not None or lease.device_id != device_id:
            lease.claimed_at = ctx.now()
        lease.device_id, lease.user_id, lease.released_at = device_id, ctx.actor.user_id, None
        s.flush()
        return _lease(s, lease)


def release(ctx: ServiceContext, device_id: uuid.UUID, meeting_id: uuid.UUID) -> None:
    """Let go of the meeting (only the computer that holds it can)."""
    with ctx.db.begin() as s:
        lease = s.get(MeetingLease, meeting_id)
        if lease is not None and lease.device_id == device_id and lease.released_at is None:
            lease.released_at = ctx.now()


def _lease(s: Session, lease: MeetingLease) -> Lease:
    login, name = s.execute(
        select(User.login, Person.name)
        .outerjoin(Person, Person.id == User.person_id)
        .where(User.id == lease.user_id)
    ).one()
    device = s.get_one(Device, lease.device_id)
    return Lease(lease.meeting_id, name or login, device.name, lease.claimed_at, lease.device_id)
