"""The server's side of a push: each operation applied through its service as the user who
did it, in its own transaction, once.

An operation already applied (its id is in ``applied_operation``) answers as it did the
first time and changes nothing: a push retried because its reply was lost is harmless.
One that a rule refuses — the minutes were approved meanwhile, the meeting's plan changed
(a stale revision), the user's access changed — is answered with the reason, and recorded
too, so it is never tried twice.

Times: the operation carries the laptop's time, used for what the service stamps (a
meeting's start, an item's time) when it lies between the offline limit and the server's
now; otherwise the server's own time. The laptop's clock never orders anything.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stevnsmoeder.db.engine import Database
from stevnsmoeder.db.models import AppliedOperation, Device
from stevnsmoeder.db.row_ids import IdPlan
from stevnsmoeder.i18n import _
from stevnsmoeder.services import (  # noqa: F401  (each registers its operations)
    access_log,
    audit,
    carry_over,
    cases,
    consent,
    filing,
    leases,
    live,
    meetings,
    minutes,
    oplog,
    planning,
    series,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError, PermissionDenied, ServiceError

OFFLINE_LIMIT = timedelta(days=14)
MAX_OPERATIONS = 500


@dataclass(frozen=True)
class Pushed:
    op_id: uuid.UUID
    name: str
    arguments: str  # JSON, see oplog.encode_call
    new_ids: dict[str, list[uuid.UUID]]
    at: datetime  # the laptop's time

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Pushed:
        try:
            ids = {str(t): [uuid.UUID(i) for i in found] for t, found in data["new_ids"].items()}
            at = datetime.fromisoformat(data["at"])
            if at.tzinfo is None:
                raise ValueError("a time without its zone")
            return cls(uuid.UUID(data["op_id"]), str(data["name"]), str(data["arguments"]), ids, at)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise oplog.ArgumentError("malformed operation") from None


@dataclass(frozen=True)
class Outcome:
    op_id: uuid.UUID
    applied: bool
    reason: str = ""
    kind: str = ""  # permission, rule, conflict, invalid
    # The new rows' ids the server did not use (the row existed here already, or the
    # operation was refused): the laptop drops its own rows of these ids.
    unused: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "op_id": str(self.op_id),
            "applied": self.applied,
            "reason": self.reason,
            "kind": self.kind,
            "unused": self.unused,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        return cls(
            uuid.UUID(data["op_id"]),
            bool(data["applied"]),
            str(data["reason"]),
            str(data["kind"]),
            {str(t): [str(i) for i in ids] for t, ids in dict(data.get("unused", {})).items()},
        )


def _kind(exc: Exception) -> str:
    if isinstance(exc, PermissionDenied):
        return "permission"
    if isinstance(exc, ConflictError):
        return "conflict"
    if isinstance(exc, oplog.ArgumentError):
        return "invalid"
    return "rule"


def apply_pushed(ctx: ServiceContext, device_id: uuid.UUID, pushed: list[Pushed]) -> list[Outcome]:
    """Apply a device's operations in order (see the module docstring)."""
    oplog.attach_server(ctx.db)
    return [_apply_one(ctx, device_id, op) for op in pushed]


def _apply_one(ctx: ServiceContext, device_id: uuid.UUID, op: Pushed) -> Outcome:
    with ctx.db.begin() as s:
        before = s.get(AppliedOperation, op.op_id)
        if before is not None:
            if before.device_id != device_id or before.user_id != ctx.actor.user_id:
                return Outcome(op.op_id, False, _("The change belongs to someone else."), "invalid")
            return Outcome(op.op_id, before.applied, before.reason, before.kind)
    now = ctx.now()
    at = op.at if now - OFFLINE_LIMIT <= op.at <= now else now
    as_then = ServiceContext(db=ctx.db, actor=ctx.actor, clock=lambda: at)
    record = _recorder(device_id, ctx.actor.user_id, now)
    meeting_id = _meeting_of(op) if op.name in _LEASED else None
    try:
        if meeting_id is not None and op.name in _CLAIMS:
            leases.claim(ctx, device_id, meeting_id)
        try:
            done = oplog.replay(as_then, op.op_id, op.name, op.arguments, op.new_ids, record)
        except BaseException:
            if meeting_id is not None and op.name in _CLAIMS:
                leases.release(ctx, device_id, meeting_id)
            raise
        if meeting_id is not None and op.name not in _CLAIMS:
            leases.release(ctx, device_id, meeting_id)
    except (ServiceError, oplog.ArgumentError) as exc:
        outcome = Outcome(op.op_id, False, str(exc), _kind(exc), _all(op.new_ids))
        _write(ctx.db, record, oplog.Replay(op.op_id, op.name, IdPlan(), None), outcome)
        return outcome
    except (TypeError, IntegrityError):  # arguments this program's service does not take
        outcome = Outcome(
            op.op_id, False, _("The server could not apply the change."), "invalid",
            _all(op.new_ids),
        )  # fmt: skip
        _write(ctx.db, record, oplog.Replay(op.op_id, op.name, IdPlan(), None), outcome)
        return outcome
    if not done.recorded:  # the operation changed nothing here: recorded on its own
        _write(ctx.db, record, done, Outcome(op.op_id, True))
    return Outcome(op.op_id, True, unused=_all(done.ids.given))


# Running a meeting: a start claims the meeting's lease for the computer, the end (or a
# start undone) lets it go.
_CLAIMS = frozenset({"live.start"})
_LEASED = _CLAIMS | {"live.end", "live.set_back_to_planned"}


def _meeting_of(op: Pushed) -> uuid.UUID | None:
    try:
        args, _kwargs = oplog.decode_call(op.arguments)
    except oplog.ArgumentError:
        return None
    return args[0] if args and isinstance(args[0], uuid.UUID) else None


MAX_EVENTS = 1000


@dataclass(frozen=True)
class ReplicaEvent:
    seq: int  # in the replica's own log
    at: datetime
    action: str
    object_type: str
    object_id: uuid.UUID | None
    case_id: uuid.UUID | None
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "action": self.action,
            "object_type": self.object_type,
            "object_id": str(self.object_id) if self.object_id else None,
            "case_id": str(self.case_id) if self.case_id else None,
            "detail": self.detail,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReplicaEvent:
        try:
            at = datetime.fromisoformat(data["at"])
            if at.tzinfo is None:
                raise ValueError("a time without its zone")
            return cls(
                int(data["seq"]),
                at,
                str(data["action"])[:80],
                str(data.get("object_type") or "")[:40],
                uuid.UUID(data["object_id"]) if data.get("object_id") else None,
                uuid.UUID(data["case_id"]) if data.get("case_id") else None,
                str(data.get("detail") or "")[:400],
            )
        except (KeyError, TypeError, ValueError):
            raise oplog.ArgumentError("malformed log event") from None


def add_replica_log(ctx: ServiceContext, device_id: uuid.UUID, events: list[ReplicaEvent]) -> int:
    """Add what the user did on the replica (reads, sessions, refusals) to the server's log,
    once each (the device's last added event is remembered); returns that last event's seq."""
    now = ctx.now()
    with ctx.db.begin() as s:
        device = s.get_one(Device, device_id, with_for_update=True)
        for event in sorted(events, key=lambda e: e.seq):
            if event.seq <= device.log_seq:
                continue  # sent before: its reply was lost
            action = event.action  # one of REPLICA_EVENTS, each with its sentence
            if action not in access_log.REPLICA_EVENTS:
                raise oplog.ArgumentError("not an event a replica reports")
            audit.append(
                s,
                user_id=ctx.actor.user_id,
                login=ctx.actor.login,
                at=event.at if now - OFFLINE_LIMIT <= event.at <= now else now,
                action=action,
                object_type=event.object_type,
                object_id=event.object_id,
                case_id=event.case_id,
                detail=f"on {device.name}: {event.detail}".strip(": "),
            )
            device.log_seq = event.seq
        return device.log_seq


def _all(ids: dict[str, list[uuid.UUID]]) -> dict[str, list[str]]:
    return {t: [str(i) for i in found] for t, found in ids.items() if found}


def _recorder(
    device_id: uuid.UUID, user_id: uuid.UUID, now: datetime
) -> Callable[[Session, oplog.Replay], None]:
    def record(s: Session, replay: oplog.Replay, outcome: Outcome | None = None) -> None:
        s.add(
            AppliedOperation(
                op_id=replay.op_id,
                device_id=device_id,
                user_id=user_id,
                name=replay.name[:80],
                applied_at=now,
                applied=outcome.applied if outcome else True,
                reason=outcome.reason if outcome else "",
                kind=outcome.kind if outcome else "",
            )
        )

    return record


def _write(
    db: Database,
    record: Callable[..., None],
    replay: oplog.Replay,
    outcome: Outcome,
) -> None:
    with db.begin() as s:
        if s.get(AppliedOperation, replay.op_id) is None:
            record(s, replay, outcome)
