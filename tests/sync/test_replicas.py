"""Replicas against a real server: each holds its user's scope — no more — and what the
user sees on it is what the same user sees on the server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AgendaItem, Case, LegalBasis, User
from stevnsmoeder.services import case_history, meetings, planning, replication
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import POLICE_BASES
from tests.sync.conftest import Running


def _window(ctx: ServiceContext) -> list[meetings.MeetingSummary]:
    return meetings.list_meetings(
        ctx,
        start=ctx.today() - timedelta(days=replication.SCOPE_DAYS_BACK),
        end=ctx.today() + timedelta(days=replication.SCOPE_DAYS_AHEAD),
    )


@pytest.mark.parametrize("login", ["leder", "referent", "politi"])
def test_a_replica_shows_the_window_as_the_server_does(running: Running, login: str) -> None:
    replica = running.replica(running.connect(login), login)
    server = running.on_server(login)
    here, there = _window(replica), _window(server)
    assert [m.id for m in here] == [m.id for m in there] and here
    for m in there:
        assert planning.get_plan(replica, m.id) == planning.get_plan(server, m.id), m.title


def test_a_chairs_replica_has_each_childs_whole_history(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    server = running.on_server("leder")
    with replica.db.begin() as s:
        cases = list(s.scalars(select(Case.id)))
    assert len(cases) > 5
    for case_id in cases:
        assert case_history.case_history(replica, case_id) == case_history.case_history(
            server, case_id
        )


def test_the_polices_replica_holds_no_item_outside_115(running: Running) -> None:
    replica = running.replica(running.connect("politi"), "politi")
    with replica.db.begin() as s:
        items = s.execute(
            select(AgendaItem.id, AgendaItem.case_id, LegalBasis.kind, Case.anonymous)
            .outerjoin(LegalBasis, LegalBasis.agenda_item_id == AgendaItem.id)
            .outerjoin(Case, Case.id == AgendaItem.case_id)
        ).all()
        assert items
        for _id, case_id, kind, anonymous in items:
            assert case_id is None or kind in POLICE_BASES or anonymous
        hashes = set(s.scalars(select(User.password_hash)))
    assert hashes == {""}  # no password hash ever leaves the server


def test_the_administrators_replica_holds_no_child(running: Running) -> None:
    replica = running.replica(running.connect("admin"), "admin")
    with replica.db.begin() as s:
        assert s.scalar(select(AgendaItem.id).where(AgendaItem.case_id.is_not(None))) is None
        assert s.scalar(select(Case.id)) is None
