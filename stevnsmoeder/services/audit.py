"""The access log: every read or write of case data, every login and denial.

Events are hash-chained: each carries the SHA-256 of its own content and the previous
event's hash, so an altered, inserted or removed event breaks the chain. Details never hold
note text or names: only actions, object ids, filters and search terms.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, insert, select, text
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services.context import ServiceContext

GENESIS = "0" * 64


def _digest(
    seq: int,
    at: datetime,
    login: str,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None,
    case_id: uuid.UUID | None,
    detail: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [
            seq,
            at.isoformat(timespec="microseconds"),
            login,
            action,
            object_type,
            str(object_id or ""),
            str(case_id or ""),
            detail,
            prev_hash,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    ctx: ServiceContext,
    action: str,
    *,
    object_type: str = "",
    object_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    detail: str = "",
) -> None:
    """Append one event inside the caller's unit of work."""
    append(
        session,
        user_id=ctx.actor.user_id,
        login=ctx.actor.login,
        at=ctx.now(),
        action=action,
        object_type=object_type,
        object_id=object_id,
        case_id=case_id,
        detail=detail,
    )


# The key of the transaction-level advisory lock that orders appends on PostgreSQL ("stevns").
CHAIN_LOCK = 0x73746576_6E73


def _chain_head(session: Session) -> Row[int, str] | None:
    """The last event (seq, hash), read so that no other writer can append before this unit
    of work ends. On SQLite the unit of work holds the database's only write lock already
    (BEGIN IMMEDIATE). On PostgreSQL two transactions could read the same head and fork the
    chain: a transaction-level advisory lock makes them take turns (it is held until commit
    or rollback, and a READ COMMITTED statement after it sees the other's committed event)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    return session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()


def append(
    session: Session,
    *,
    user_id: uuid.UUID | None,
    login: str,
    at: datetime,
    action: str,
    object_type: str = "",
    object_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    detail: str = "",
) -> None:
    last = _chain_head(session)
    seq = last.seq + 1 if last else 1
    prev = last.hash if last else GENESIS
    detail = detail[:500]
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            user_id=user_id,
            login=login,
            action=action,
            object_type=object_type,
            object_id=object_id,
            case_id=case_id,
            detail=detail,
            prev_hash=prev,
            hash=_digest(seq, at, login, action, object_type, object_id, case_id, detail, prev),
        )
    )
    session.flush()


def record_cases(
    session: Session,
    ctx: ServiceContext,
    action: str,
    case_ids: Iterable[uuid.UUID],
    *,
    detail: str = "",
) -> None:
    """One event per case (e.g. every child a search showed), chained as ``append`` would,
    written in one statement: a search shows up to thirty children."""
    last = _chain_head(session)
    seq, prev = (last.seq, last.hash) if last else (0, GENESIS)
    at, detail = ctx.now(), detail[:500]
    rows = []
    for case_id in case_ids:
        seq += 1
        digest = _digest(seq, at, ctx.actor.login, action, "case", None, case_id, detail, prev)
        rows.append(
            {
                "id": uuid.uuid4(),
                "seq": seq,
                "at": at,
                "user_id": ctx.actor.user_id,
                "login": ctx.actor.login,
                "action": action,
                "object_type": "case",
                "object_id": None,
                "case_id": case_id,
                "detail": detail,
                "prev_hash": prev,
                "hash": digest,
                "created_at": at,
                "updated_at": at,
            }
        )
        prev = digest
    if rows:
        session.execute(insert(AuditEvent), rows)


@dataclass(frozen=True)
class ChainReport:
    events: int
    ok: bool
    first_bad_seq: int | None = None


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS
    count = 0
    expected_seq = 1
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        count += 1
        digest = _digest(
            ev.seq,
            ev.at,
            ev.login,
            ev.action,
            ev.object_type,
            ev.object_id,
            ev.case_id,
            ev.detail,
            ev.prev_hash,
        )
        if ev.seq != expected_seq or ev.prev_hash != prev or ev.hash != digest:
            return ChainReport(events=count, ok=False, first_bad_seq=ev.seq)
        prev = ev.hash
        expected_seq += 1
    return ChainReport(events=count, ok=True)
