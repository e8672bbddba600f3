"""The secretary's day after the meetings: which minutes wait for approval, that lists say
which minutes are approved, and that approvals and versions name people, not logins."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from stevnsmoeder.db.models import Person
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import (
    cases,
    documents,
    live,
    meetings,
    minutes,
    overview,
    planning,
    retention,
)
from stevnsmoeder.services import series as series_service
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import FakeClock
from tests.services.test_addenda import _close_asta, _story

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _named(ctx: ServiceContext, name: str) -> ServiceContext:
    """Give the user's person a name that is not the login (the fixtures' users are named
    after their logins, which would hide a login shown where a name belongs)."""
    with ctx.db.begin() as s:
        assert ctx.actor.person_id is not None
        s.get_one(Person, ctx.actor.person_id).name = name
    return ctx


def _meeting(ctx: ServiceContext, when: datetime, *, child: bool = True) -> meetings.MeetingSummary:
    m = meetings.create_meeting(ctx, meetings.NewMeeting("district", when, district="hother"))
    if child:
        kid = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Dreng, 9 år")).case
        plan = planning.get_plan(ctx, m.id)
        planning.add_item(
            ctx, m.id, plan.revision, title="Fravær", minutes=10,
            kind=planning.AgendaItemKind.CASE, case_id=kid.id,
        )  # fmt: skip
    return m


def _held(ctx: ServiceContext, when: datetime) -> meetings.MeetingSummary:
    m = _meeting(ctx, when)
    live.start(ctx, m.id)
    live.end(ctx, m.id)
    return m


# -- minutes awaiting approval -----------------------------------------------------------------


def test_minutes_awaiting_approval_are_held_not_approved_oldest_first(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("referent")
    newer = _held(ctx, datetime(2026, 11, 20, 10))
    older = _held(ctx, datetime(2026, 11, 6, 13))
    approved = _held(ctx, datetime(2026, 11, 13, 10))
    minutes.approve(ctx, approved.id)
    running = _meeting(ctx, datetime(2026, 11, 23, 9))
    live.start(ctx, running.id)
    _meeting(ctx, datetime(2026, 11, 30, 10))  # planned
    cancelled = _meeting(ctx, datetime(2026, 11, 16, 10))
    series_service.cancel_meeting(ctx, cancelled.id, "Sygdom")

    waiting = overview.awaiting_approval(ctx)
    assert [m.id for m in waiting] == [older.id, newer.id]
    assert all(m.status is MeetingStatus.HELD and m.approved_at is None for m in waiting)
    # A long backlog: the start page shows its oldest and counts them all.
    assert [m.id for m in overview.awaiting_approval(ctx, limit=1)] == [older.id]
    assert overview.awaiting_approval_count(ctx) == 2

    minutes.approve(ctx, older.id)
    assert [m.id for m in overview.awaiting_approval(login("leder"))] == [newer.id]


@pytest.mark.parametrize("role", ["admin", "deltager", "ppr", "politi"])
def test_only_those_who_may_approve_are_shown_minutes_to_approve(login: LoginFn, role: str) -> None:
    _held(login("referent"), datetime(2026, 11, 20, 10))
    assert overview.awaiting_approval(login(role)) == []
    assert overview.awaiting_approval_count(login(role)) == 0


# -- meeting lists say which minutes are approved ----------------------------------------------


def test_a_meeting_summary_says_when_its_minutes_were_approved(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("referent")
    m = _held(ctx, datetime(2026, 11, 20, 10))
    summary = meetings.get_meeting_summary(ctx, m.id)
    assert summary.approved_at is None and summary.status_text == "afholdt"
    clock.advance(hours=3)
    minutes.approve(ctx, m.id)
    summary = meetings.get_meeting_summary(ctx, m.id)
    assert summary.approved_at == clock.current
    assert summary.status_text == "godkendt"
    assert [x.status_text for x in meetings.list_meetings(ctx)] == ["godkendt"]
    data = summary.to_json()
    assert data["approved_at"] == clock.current.isoformat(timespec="seconds")
    json.dumps(data)  # the command line prints it
    planned = _meeting(ctx, datetime(2026, 12, 1, 10), child=False)
    assert planned.status_text == "planlagt" and planned.to_json()["approved_at"] is None


# -- approved by a person, not a login ---------------------------------------------------------


def test_approved_minutes_name_who_approved(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = _named(login("referent"), "Karen Holm")
    m = _held(ctx, datetime(2026, 11, 20, 10))
    minutes.approve(ctx, m.id)
    assert minutes.get_minutes(ctx, m.id).approved_by == "Karen Holm"
    doc = documents.meeting_document(ctx, m.id, documents.MINUTES)
    assert doc.approval is not None and doc.approval.by == "Karen Holm"
    pdf = tmp_path / "referat.pdf"
    pdf.write_bytes(documents.render(ctx, m.id, documents.MINUTES).data)
    printed = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "af Karen Holm" in " ".join(printed.split())
    assert "af referent" not in printed


def test_versions_and_addenda_name_their_authors(login: LoginFn, clock: FakeClock) -> None:
    referent = _named(login("referent"), "Karen Holm")
    leder = _named(login("leder"), "Jens Bo")
    m = _held(referent, datetime(2026, 11, 20, 10))
    item = next(i for i in planning.get_plan(referent, m.id).items if i.case_id)
    minutes.approve(referent, m.id)
    clock.advance(days=1)
    added = minutes.add_addendum(leder, m.id, "Drengen er 10 år.", item.id)
    assert added.created_by == "Jens Bo"
    found = minutes.versions(referent, m.id)
    assert [(v.kind, v.created_by) for v in found] == [
        ("approval", "Karen Holm"),
        ("addendum", "Jens Bo"),
    ]
    assert not any(v.redacted for v in found)
    note = minutes.get_minutes(referent, m.id).items[item.id].addenda[0]
    assert note.by == "Jens Bo"


def test_a_version_redacted_after_approval_says_so(login: LoginFn, clock: FakeClock) -> None:
    """A purge of a closed case changes approved minutes (the child's item becomes a note):
    the version says it was corrected after approval, without giving its content."""
    leder = login("leder")
    story = _story(leder, login("deltager"), clock)
    _close_asta(leder, story)
    retention.purge(login("admin"), dry_run=False)
    for who in ("leder", "politi"):
        found = minutes.versions(login(who), story.ssp.id)
        assert found[0].kind == "approval" and found[0].redacted, who
