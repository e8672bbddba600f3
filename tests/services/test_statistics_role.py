"""The head of Børn & Læring sees the policy follow-up and nothing else: no child, case, item,
minutes, search hit, document or calendar, through any entry point of the services, and the
filters the services build their queries from select nothing for the role either (so an entry
point that forgot its check would still find nothing)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from stevnsmoeder.db.models import AgendaItem, AuditEvent, Case, Meeting
from stevnsmoeder.services import (
    access_log,
    calendar_export,
    carry_over,
    case_history,
    consent,
    documents,
    live,
    minutes,
    overview,
    permissions,
    planning,
    search,
    series,
    statistics,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied
from tests.services.test_case_history import Story, _story
from tests.services.test_role_matrix import OPS
from tests.services.test_statistics import chef
from tests.test_cli_policy import assert_clean, personal_data

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def _denials(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return s.scalar(select(func.count()).where(AuditEvent.action == "denied")) or 0


def _more_entry_points(story: Story) -> dict[str, Callable[[ServiceContext], Any]]:
    return {
        "the live meeting": lambda c: live.state(c, story.district.id),
        "the minutes of the FTM": lambda c: minutes.get_minutes(c, story.ftm.id),
        "the SSP agenda": lambda c: planning.get_plan(c, story.ssp.id),
        "the minutes' versions": lambda c: minutes.versions(c, story.ftm.id),
        "the case history of the other child": lambda c: case_history.case_history(
            c, story.other.id
        ),
        "consents": lambda c: consent.list_consents(c, story.asta.id),
        "custody holders": lambda c: consent.custody_holders(c, story.asta.id),
        "an extract": lambda c: documents.meeting_document(
            c, story.district.id, documents.EXTRACT, case_id=story.asta.id
        ),
        "the minutes as PDF": lambda c: documents.render(c, story.district.id, documents.MINUTES),
        "the case history as PDF": lambda c: documents.render_case(c, story.asta.id),
        "a search by a child's name": lambda c: search.search(c, "Asta"),
        "carried-over items": lambda c: carry_over.carry_over_candidates(c, story.later.id),
        "the calendar": lambda c: calendar_export.events(c, meeting_id=story.district.id),
        "meeting series": lambda c: series.list_series(c),
        "a child's access log": lambda c: access_log.case_export(c, story.asta.id),
    }


def test_every_entry_point_refuses_the_head_of_børn_og_læring(login: LoginFn, story: Story) -> None:
    head = chef(login)
    calls = {name: (lambda c, op=op: op(c, story)) for name, (op, _who) in OPS.items()}
    calls |= _more_entry_points(story)
    for name, call in calls.items():
        denials = _denials(head)
        with pytest.raises((PermissionDenied, NotFound)) as refused:
            call(head)
        if refused.type is PermissionDenied:
            assert _denials(head) == denials + 1, f"{name}: refused but not logged"
    # Lists that other roles fill are empty, not refused, for a role without the data.
    assert overview.attention(head) == overview.Attention((), ())
    assert overview.awaiting_approval(head) == []
    assert overview.awaiting_approval_count(head) == 0


def test_the_filters_select_nothing_for_the_role(login: LoginFn, story: Story) -> None:
    head = chef(login)
    with head.db.begin() as s:
        assert s.scalar(select(func.count(Meeting.id))) > 0
        assert (
            s.scalar(select(func.count(Meeting.id)).where(permissions.meeting_visible(head))) == 0
        )
        assert (
            s.scalar(select(func.count(AgendaItem.id)).where(permissions.item_visible(head))) == 0
        )
        assert s.scalar(select(func.count(Case.id)).where(permissions.case_visible(head))) == 0
        assert s.scalar(select(func.count(Case.id)).where(permissions.identity_known(head))) == 0
        assert permissions.known_cases(s, head, [story.asta.id, story.other.id]) == set()


def test_what_the_role_sees_names_nobody(login: LoginFn, story: Story) -> None:
    head = chef(login)
    report = statistics.policy_report(head, 2026)
    seen = json.dumps(report.to_json(), ensure_ascii=False)
    seen += json.dumps(statistics.choices(head).__dict__, ensure_ascii=False, default=str)
    data, _pages = statistics.render_pdf(head, report)
    assert data.startswith(b"%PDF")
    assert_clean(seen, personal_data(login("leder")))
    with head.db.begin() as s:
        logged = s.execute(
            select(AuditEvent.action, AuditEvent.detail, AuditEvent.case_id).where(
                AuditEvent.login == "chef", AuditEvent.action == "statistics.policy"
            )
        ).all()
    assert logged == [("statistics.policy", "2026 alle", None)]
