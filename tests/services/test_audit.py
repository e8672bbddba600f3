"""The access log is hash-chained: tampering shows, and it never holds note text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import audit, cases, maintenance
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import FakeClock

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def test_chain_verifies_and_events_carry_time_user_and_child(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    clock.advance(minutes=5)
    created = cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Holm"))
    cases.get_case(ctx, created.case.id)
    with ctx.db.begin() as s:
        assert audit.verify_chain(s).ok
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None
        assert (last.action, last.login, last.case_id, last.at) == (
            "case.view",
            "leder",
            created.case.id,
            clock(),
        )
        details = " ".join(e.detail for e in s.scalars(select(AuditEvent)))
    assert "Asta" not in details and "Holm" not in details


def test_altering_an_event_breaks_the_chain(login: LoginFn) -> None:
    ctx = login("leder")
    cases.list_cases(ctx)
    with ctx.db.begin() as s:
        s.execute(text("UPDATE audit_event SET login = 'someone' WHERE seq = 2"))
    with ctx.db.begin() as s:
        report = audit.verify_chain(s)
    assert not report.ok and report.first_bad_seq == 2
    check = maintenance.check(ctx)
    assert not check.ok


def test_removing_an_event_breaks_the_chain(login: LoginFn) -> None:
    ctx = login("leder")
    cases.list_cases(ctx)
    with ctx.db.begin() as s:
        s.execute(text("DELETE FROM audit_event WHERE seq = 2"))
    with ctx.db.begin() as s:
        assert audit.verify_chain(s).first_bad_seq == 3


def test_check_reports_all_is_well(login: LoginFn) -> None:
    report = maintenance.check(login("ppr"))
    assert report.ok
    assert len(report.items) == 5
