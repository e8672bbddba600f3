"""Two writers at once on the shared record (PostgreSQL, READ COMMITTED): the access log's
chain never forks, a meeting's change made against the same revision is refused to one of
them, and minutes are approved once. Real sessions on a real server, in threads that a
barrier releases together; on the laptop's file the database's single writer does this."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent, MinutesVersion
from stevnsmoeder.services import audit, live, meetings, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError, ValidationError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _together(*work: Callable[[], Any]) -> list[Any]:
    """Run each piece of work in its own thread, released at the same moment; what each
    returned or raised, in order."""
    barrier = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(i: int, job: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[i] = job()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive(), "a writer never finished (a lock held for ever?)"
    return results


def test_two_writers_appending_to_the_log_never_fork_the_chain(login: LoginFn) -> None:
    one, two = login("leder"), login("referent")

    def append_many(ctx: ServiceContext, n: int) -> int:
        for _ in range(n):
            with ctx.db.begin() as s:
                audit.record(s, ctx, "lock", detail="concurrency test")
        return n

    assert _together(lambda: append_many(one, 40), lambda: append_many(two, 40)) == [40, 40]
    with one.db.begin() as s:
        seqs = list(s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
        report = audit.verify_chain(s)
    assert seqs == list(range(1, len(seqs) + 1)), "a sequence number taken twice or skipped"
    assert report.ok and report.events == len(seqs)


def test_a_change_against_the_same_revision_is_refused_to_one_of_two(login: LoginFn) -> None:
    leder, referent = login("leder"), login("referent")
    m = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 12, 8, 13), district="hother")
    )
    for round_ in range(5):
        revision = planning.get_plan(leder, m.id).revision

        def add(ctx: ServiceContext, who: str, rev: int = revision, n: int = round_) -> Any:
            return planning.add_item(ctx, m.id, rev, title=f"Fra {who} {n}", minutes=10)

        results = _together(lambda: add(leder, "lederen"), lambda: add(referent, "referenten"))
        won = [r for r in results if isinstance(r, planning.MeetingPlan)]
        refused = [r for r in results if isinstance(r, ConflictError)]
        assert (len(won), len(refused)) == (1, 1), results
        plan = planning.get_plan(leder, m.id)
        assert plan.revision == revision + 1  # raised once: no update lost or doubled
        titles = [i.title for i in plan.items]
        assert sum(t.endswith(f" {round_}") for t in titles) == 1


def test_minutes_are_approved_once_when_two_approve_at_once(login: LoginFn) -> None:
    leder, referent = login("leder"), login("referent")
    m = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 11, 23, 13), district="hother")
    )
    planning.add_item(leder, m.id, planning.get_plan(leder, m.id).revision, title="Info", minutes=5)
    live.start(leder, m.id)
    live.end(leder, m.id)
    results = _together(
        lambda: minutes.approve(leder, m.id), lambda: minutes.approve(referent, m.id)
    )
    approved = [r for r in results if isinstance(r, str)]
    refused = [r for r in results if isinstance(r, ConflictError | ValidationError)]
    assert (len(approved), len(refused)) == (1, 1), results
    with leder.db.begin() as s:
        versions = s.scalars(select(MinutesVersion).where(MinutesVersion.meeting_id == m.id)).all()
    assert [v.number for v in versions] == [1]
    assert versions[0].checksum == approved[0]
