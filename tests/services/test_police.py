"""The police at SSP: only what Retsplejeloven § 115 allows — never another basis's items,
never another meeting type — in the plan, the minutes, documents, search and case history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from stevnsmoeder.services import (
    case_history,
    cases,
    consent,
    documents,
    live,
    meetings,
    minutes,
    planning,
    search,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound
from tests.services.test_case_history import _child_item

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture
def ssp(login: LoginFn) -> dict[str, object]:
    return _ssp(login("leder"))


def _ssp(ctx: ServiceContext) -> dict[str, object]:
    """An SSP meeting: Noah under § 115, Ida under consent (not for the police), and an
    anonymous case; held."""
    noah = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Noah", last_name="Holm", custody_holders=(("Mette Holm", "mor"),)
        ),
    ).case
    ida = cases.create_case(
        ctx,
        cases.NewCase(first_name="Ida", last_name="Lund", custody_holders=(("Per Lund", "far"),)),
    ).case
    anon = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Pige, 14 år")).case
    given = consent.record_consent(
        ctx,
        ida.id,
        consent.NewConsent("Per Lund", "far", "Trivsel", "SSP", date(2026, 1, 1), None, ("ssp",)),
    )
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 10, 20, 10)))
    a = _child_item(ctx, m, noah.id, "Hærværk", planning.LegalBasisKind.RPL115)
    b = _child_item(
        ctx, m, ida.id, "Sundhedsplejen fortæller", planning.LegalBasisKind.CONSENT, given.id
    )
    c = _child_item(ctx, m, anon.id, "Uro i bussen", planning.LegalBasisKind.ANONYMOUS)
    live.start(ctx, m.id)
    minutes.save_text(ctx, a.id, "notes", "Politiet har set Noah ved hallen.")
    minutes.save_text(ctx, b.id, "notes", "Sundhedsplejersken er bekymret for vægten.")
    minutes.add_action(ctx, b.id, minutes.NewAction("Lægetjek", owner_text="sundhedsplejen"))
    minutes.save_text(ctx, c.id, "notes", "Chaufføren oplever uro.")
    live.end(ctx, m.id)
    return {"m": m, "noah": noah, "ida": ida, "a": a, "b": b, "c": c}  # fmt: skip


def test_the_plan_and_minutes_hold_only_what_115_allows(login: LoginFn, ssp: dict) -> None:  # type: ignore[type-arg]
    police = login("politi")
    plan = planning.get_plan(police, ssp["m"].id)  # type: ignore[attr-defined]
    titles = [(i.number, i.title) for i in plan.items]
    assert "Sundhedsplejen fortæller" not in [t for _n, t in titles]
    assert any(t == "Hærværk" for _n, t in titles) and any(t == "Uro i bussen" for _n, t in titles)
    everyone = planning.get_plan(login("leder"), ssp["m"].id)  # type: ignore[attr-defined]
    assert len(plan.items) == len(everyone.items) - 1  # all but the consent-based item
    notes = minutes.get_minutes(police, ssp["m"].id)  # type: ignore[attr-defined]
    assert ssp["b"].id not in notes.items  # type: ignore[attr-defined]
    assert notes.items[ssp["a"].id].notes == "Politiet har set Noah ved hallen."  # type: ignore[attr-defined]


def test_documents_search_and_cases_follow_the_same_rule(login: LoginFn, ssp: dict) -> None:  # type: ignore[type-arg]
    police = login("politi")
    doc = documents.meeting_document(police, ssp["m"].id, documents.MINUTES)  # type: ignore[attr-defined]
    dumped = repr(doc)
    assert "Sundhedsplejersken" not in dumped and "Lægetjek" not in dumped and "Ida" not in dumped
    assert search.search(police, "sundhedsplejersken").hits == ()
    assert search.search(police, "lund").hits == ()
    assert [h.title for h in search.search(police, "hallen").hits] == ["Hærværk"]
    visible = {c.display_name for c in cases.list_cases(police)}
    assert "Ida Lund" not in visible and "Noah Holm" in visible
    with pytest.raises(NotFound):
        case_history.case_history(police, ssp["ida"].id)  # type: ignore[attr-defined]
    noah = case_history.case_history(police, ssp["noah"].id)  # type: ignore[attr-defined]
    assert [e.title for e in noah.entries] == ["Hærværk"]
    # The chair sees everything.
    assert len(planning.get_plan(login("leder"), ssp["m"].id).items) >= 3  # type: ignore[attr-defined]


def test_counts_and_levels_come_only_from_what_the_police_may_see(
    login: LoginFn,
    ssp: dict,  # type: ignore[type-arg]
) -> None:
    leder = login("leder")
    minutes.set_level(leder, ssp["a"].id, 4)  # type: ignore[attr-defined]
    police = login("politi")
    noah = cases.get_case(police, ssp["noah"].id)  # type: ignore[attr-defined]
    assert noah.level == 4 and noah.open_actions == 0
    # The chair sees Ida's open agreement from the consent-based item; the police never see
    # Ida at all.
    assert cases.get_case(leder, ssp["ida"].id).open_actions == 1  # type: ignore[attr-defined]
    assert all(c.open_actions == 0 for c in cases.list_cases(police))


def test_the_police_agenda_has_no_gaps_and_its_time_adds_up(login: LoginFn, ssp: dict) -> None:  # type: ignore[type-arg]
    """Neither the numbers nor the planned clock times show where a hidden item was."""
    m = ssp["m"]
    everyone = planning.get_plan(login("leder"), m.id)  # type: ignore[attr-defined]
    hidden = next(i for i in everyone.items if i.title == "Sundhedsplejen fortæller")
    assert hidden.number < everyone.items[-1].number  # a gap would show in the police's
    police = login("politi")
    plan = planning.get_plan(police, m.id)  # type: ignore[attr-defined]
    assert [i.number for i in plan.items] == list(range(1, len(plan.items) + 1))
    clock = plan.summary.starts_at
    for item in plan.items:
        assert item.starts_at == clock, item.title
        clock += timedelta(minutes=item.time_box_minutes)
    assert plan.total_minutes == sum(i.time_box_minutes for i in plan.items)
    assert plan.planned_end == clock  # the summary adds up to the times shown
    assert plan.total_minutes == everyone.total_minutes - hidden.time_box_minutes
    # The same in the printed agenda and minutes.
    for kind in (documents.AGENDA, documents.MINUTES):
        doc = documents.meeting_document(police, m.id, kind)  # type: ignore[attr-defined]
        assert [i.number for i in doc.items] == list(range(1, len(doc.items) + 1))
        assert [i.planned_at for i in doc.items] == [i.starts_at for i in plan.items]
    # The meeting lists count only the children's items the police may see.
    assert meetings.get_meeting_summary(police, m.id).case_items == 2  # type: ignore[attr-defined]
    assert meetings.get_meeting_summary(login("leder"), m.id).case_items == 3  # type: ignore[attr-defined]
