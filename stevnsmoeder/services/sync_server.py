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
from stevnsmoeder.db.models import AppliedOperation
from stevnsmoeder.db.row_ids import IdPlan
from stevnsmoeder.i18n import _
from stevnsmoeder.services import (  # noqa: F401  (each registers its operations)
    carry_over,
    cases,
    consent,
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
    try:
        done = oplog.replay(as_then, op.op_id, op.name, op.arguments, op.new_ids, record)
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
