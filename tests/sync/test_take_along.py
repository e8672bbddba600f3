"""PPR takes a case along: with a reason and an end date, logged on the server; the case and
its history arrive at the sync, and leave when put back or when the date has passed. Only
PPR may, and only a case PPR may see; the online search finds what is not on the laptop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AgendaItem, AuditEvent, Case
from stevnsmoeder.services import case_history, sync_client, take_along
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import PermissionDenied, ValidationError
from tests.sync.conftest import Running


def _a_case_not_on(running: Running, login: str) -> tuple[object, object]:
    replica = running.replica(running.connect(login), login)
    with replica.db.begin() as s:
        here = set(s.scalars(select(Case.id)))
    server = running.on_server("leder")
    with server.db.begin() as s:
        found = s.scalars(
            select(Case.id).where(Case.id.not_in(here), Case.anonymous.is_(False))
        ).first()
    assert found is not None
    return replica, found


def test_a_case_taken_along_arrives_and_goes_back(running: Running) -> None:
    replica, case_id = _a_case_not_on(running, "ppr")
    until = running.clock().date() + timedelta(days=30)
    sync_client.take_along(replica, DEMO_PASSWORD, case_id, "Skoleudtalelse", until)  # type: ignore[arg-type]
    here = case_history.case_history(replica, case_id)  # type: ignore[arg-type]
    there = case_history.case_history(running.on_server("ppr"), case_id)  # type: ignore[arg-type]
    assert here == there and here.entries
    with running.on_server("admin").db.begin() as s:
        logged = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "case.take_along")
        ).all()
    assert logged == [f"until {until.isoformat()}"]  # the reason stays out of the log
    sync_client.put_back(replica, DEMO_PASSWORD, case_id)  # type: ignore[arg-type]
    with replica.db.begin() as s:
        assert s.get(Case, case_id) is None
        assert s.scalar(select(AgendaItem.id).where(AgendaItem.case_id == case_id)) is None


def test_a_case_taken_along_leaves_when_its_date_has_passed(running: Running) -> None:
    replica, case_id = _a_case_not_on(running, "ppr")
    until = running.clock().date() + timedelta(days=2)
    sync_client.take_along(replica, DEMO_PASSWORD, case_id, "Kort gennemsyn", until)  # type: ignore[arg-type]
    running.clock.advance(days=3)
    sync_client.sync(replica, DEMO_PASSWORD)
    with replica.db.begin() as s:
        assert s.get(Case, case_id) is None


@pytest.mark.parametrize("login", ["leder", "referent", "politi", "admin"])
def test_only_ppr_takes_cases_along(running: Running, login: str) -> None:
    ctx = running.on_server(login)
    with running.on_server("leder").db.begin() as s:
        case_id = s.scalars(select(Case.id)).first()
    with pytest.raises(PermissionDenied):
        take_along.take(ctx, case_id, "Vil se", running.clock().date())  # type: ignore[arg-type]


def test_taking_along_needs_a_reason_and_at_most_90_days(running: Running) -> None:
    ppr = running.on_server("ppr")
    with running.on_server("leder").db.begin() as s:
        case_id = s.scalars(select(Case.id)).first()
    today = running.clock().date()
    for reason, until in (("", today), ("Grund", today + timedelta(days=91))):
        with pytest.raises(ValidationError):
            take_along.take(ppr, case_id, reason, until)  # type: ignore[arg-type]


def test_the_online_search_reaches_what_the_laptop_does_not_hold(running: Running) -> None:
    replica = running.replica(running.connect("politi"), "politi")
    found = sync_client.search_online(replica, DEMO_PASSWORD, "skole")
    assert "hits" in found
    leder = running.replica(running.connect("leder"), "leder")
    assert sync_client.search_online(leder, DEMO_PASSWORD, "skole")["hits"]
