"""Ready for sync: on the server every change gets the next version of one sequence and the
server's clock, and a delete leaves a tombstone (without the row's data); on the laptop's
file nothing is stamped (the embedded default behaves as before)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from stevnsmoeder.db.models import AgendaItem, Meeting, Tombstone
from stevnsmoeder.services import meetings, planning
from stevnsmoeder.services.context import ServiceContext

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _versions(ctx: ServiceContext, model: type[AgendaItem] | type[Meeting]) -> list[int]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(model.row_version).order_by(model.row_version)))


def test_changes_are_versioned_and_deletes_leave_tombstones(login: LoginFn) -> None:
    leder = login("leder")
    m = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 12, 8, 13), district="hother")
    )
    plan = planning.add_item(leder, m.id, planning.get_plan(leder, m.id).revision,
                             title="Orientering", minutes=10)  # fmt: skip
    item = next(i for i in plan.items if i.title == "Orientering")
    with leder.db.begin() as s:
        before = s.scalar(select(func.max(Meeting.row_version))) or 0
        server_now = s.scalar(text("SELECT CURRENT_TIMESTAMP"))
    planning.remove_item(leder, m.id, plan.revision, item.id)
    with leder.db.begin() as s:
        meeting = s.get_one(Meeting, m.id)
        stones = s.scalars(select(Tombstone).where(Tombstone.row_id == item.id)).all()
        gone = s.get(AgendaItem, item.id)
    assert gone is None  # really deleted: nothing of the row is kept
    if leder.db.dialect == "sqlite":
        assert meeting.row_version == 0 and stones == []
        return
    # The meeting's revision was raised: the row got a new, higher version.
    assert meeting.row_version > before
    assert [(t.table_name, t.row_id) for t in stones] == [("agenda_item", item.id)]
    assert stones[0].row_version > before
    # Every version is unique across the tables (one sequence).
    all_versions = _versions(leder, AgendaItem) + _versions(leder, Meeting)
    assert len(set(all_versions)) == len(all_versions)
    # The server's clock, not the client's (the test's clock says 23 November 09:00).
    assert leder.now() != meeting.updated_at
    server = server_now if server_now.tzinfo else server_now.replace(tzinfo=UTC)
    assert abs(meeting.updated_at - server) < timedelta(minutes=5)
