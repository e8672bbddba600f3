"""The running meeting's rules: taking a pushed item back, setting a meeting started by
mistake back to planned, and the time projection the chair reads (on a fake clock)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.model.enums import AgendaItemStatus, MeetingStatus
from stevnsmoeder.services import live, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.services.planning import Attendance
from tests.conftest import FakeClock
from tests.services.test_live_and_minutes import _prepared

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _with_mothers(ctx: ServiceContext, m_id: uuid.UUID, items: list[planning.PlanItem]) -> None:
    """Both children's mothers invited; Bo's has sent apologies."""
    for item in items:
        if item.case_id is not None:
            revision = planning.get_plan(ctx, m_id).revision
            planning.invite_family(ctx, m_id, revision, item.case_id)
    plan = planning.get_plan(ctx, m_id)
    bo_mother = next(p for p in plan.participants if p.name == "Mor til Bo")
    planning.set_attendance(ctx, m_id, plan.revision, bo_mother.person_id, Attendance.AFBUD)


# -- pushing and taking back ---------------------------------------------------------------


def test_a_pushed_item_can_be_taken_back_while_the_meeting_runs(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    asta, bo = (i for i in items if i.case_id)
    live.start(ctx, m.id)
    state = live.push_to_next_time(ctx, m.id, asta.id)
    assert state.pushed == {asta.id}
    state = live.undo_push(ctx, m.id, asta.id)
    assert state.pushed == frozenset()
    assert planning.get_plan(ctx, m.id).items[asta.number - 1].status is AgendaItemStatus.OPEN
    with pytest.raises(ValidationError, match="ikke udsat"):
        live.undo_push(ctx, m.id, bo.id)  # never pushed
    # taken back, the item is discussed today: ending does not carry it
    live.push_to_next_time(ctx, m.id, bo.id)
    live.go_to(ctx, m.id, asta.id)
    clock.advance(minutes=8)
    report = live.end(ctx, m.id)
    assert report.carried == 1  # Bo only
    assert {i.title: i.status for i in planning.get_plan(ctx, m.id).items if i.case_id} == {
        "Trivsel Asta": AgendaItemStatus.DISCUSSED,
        "Trivsel Bo": AgendaItemStatus.NEXT_TIME,
    }
    with pytest.raises(ValidationError, match="ikke i gang"):
        live.undo_push(ctx, m.id, bo.id)  # after the meeting the push stands


# -- set back to planned -------------------------------------------------------------------


def test_a_meeting_started_by_mistake_goes_back_to_planned(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    _with_mothers(ctx, m.id, items)
    before = planning.get_plan(ctx, m.id)
    state = live.start(ctx, m.id)
    assert state.can_set_back and len(state.present) == 1
    live.step(ctx, m.id, 1)  # moving around writes nothing
    clock.advance(minutes=3)
    live.go_to(ctx, m.id, items[0].id)
    state = live.set_back_to_planned(ctx, m.id)
    assert (state.status, state.started_at, state.current_item_id) == (
        MeetingStatus.PLANNED,
        None,
        None,
    )
    assert not state.can_set_back
    assert all(c.spent_seconds == 0 for c in state.clocks)
    assert state.item_present == {i.id: frozenset() for i in items}
    after = planning.get_plan(ctx, m.id)
    assert [i.status for i in after.items] == [AgendaItemStatus.OPEN] * len(items)
    assert [p.attendance for p in after.participants] == [p.attendance for p in before.participants]
    assert {p.name: p.attendance for p in after.participants} == {
        "Mor til Asta": Attendance.INVITED,
        "Mor til Bo": Attendance.AFBUD,
    }
    with ctx.db.begin() as s:
        assert "meeting.set_back" in s.scalars(select(AuditEvent.action)).all()
    # and it can be started again, the clock from zero
    clock.advance(minutes=10)
    state = live.start(ctx, m.id)
    assert state.clock_of(items[0].id).spent_seconds == 0  # type: ignore[union-attr]
    live.end(ctx, m.id)
    with pytest.raises(ValidationError, match="ikke i gang"):
        live.set_back_to_planned(ctx, m.id)  # a held meeting is held


def _write_notes(ctx: ServiceContext, item_id: uuid.UUID) -> None:
    minutes.save_text(ctx, item_id, "notes", "Skolen fortæller.")


def _write_decision(ctx: ServiceContext, item_id: uuid.UUID) -> None:
    minutes.save_text(ctx, item_id, "decision", "Observation.")


def _write_level(ctx: ServiceContext, item_id: uuid.UUID) -> None:
    minutes.set_level(ctx, item_id, 3)


def _write_action(ctx: ServiceContext, item_id: uuid.UUID) -> None:
    minutes.add_action(ctx, item_id, minutes.NewAction("Ring til mor", owner_text="Skolen"))


@pytest.mark.parametrize(
    "write", [_write_notes, _write_decision, _write_level, _write_action], ids=lambda f: f.__name__
)
def test_a_meeting_with_something_written_stays_running(
    login: LoginFn, clock: FakeClock, write: Callable[[ServiceContext, uuid.UUID], None]
) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    asta = next(i for i in items if i.case_id)
    live.start(ctx, m.id)
    write(ctx, asta.id)
    assert not live.state(ctx, m.id).can_set_back
    with pytest.raises(ValidationError, match="tilbage til planlagt"):
        live.set_back_to_planned(ctx, m.id)
    assert live.state(ctx, m.id).status is MeetingStatus.IN_PROGRESS


def test_text_typed_and_deleted_again_is_not_a_record(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    live.start(ctx, m.id)
    minutes.save_text(ctx, items[0].id, "notes", "Forkert møde")
    minutes.save_text(ctx, items[0].id, "notes", "")
    assert live.state(ctx, m.id).can_set_back
    live.set_back_to_planned(ctx, m.id)


def test_presence_changes_and_pushed_items_are_records(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    asta = next(i for i in items if i.case_id)
    _with_mothers(ctx, m.id, items)
    person = next(p for p in planning.get_plan(ctx, m.id).participants
                  if p.name == "Mor til Asta").person_id  # fmt: skip
    live.start(ctx, m.id)
    # absent for one item
    live.set_present(ctx, m.id, person, Attendance.ABSENT, item_id=items[0].id)
    assert not live.state(ctx, m.id).can_set_back
    live.set_present(ctx, m.id, person, Attendance.PRESENT, item_id=items[0].id)
    assert live.state(ctx, m.id).can_set_back  # put right again: nothing recorded
    # absent from the meeting
    live.set_present(ctx, m.id, person, Attendance.ABSENT)
    assert not live.state(ctx, m.id).can_set_back
    live.set_present(ctx, m.id, person, Attendance.PRESENT)
    # someone not at the meeting joins for one item
    live.set_present(ctx, m.id, person, Attendance.AFBUD)
    live.set_present(ctx, m.id, person, Attendance.PRESENT, item_id=asta.id)
    assert not live.state(ctx, m.id).can_set_back
    live.set_present(ctx, m.id, person, Attendance.PRESENT)
    assert live.state(ctx, m.id).can_set_back
    # a pushed item
    live.push_to_next_time(ctx, m.id, asta.id)
    assert not live.state(ctx, m.id).can_set_back
    live.undo_push(ctx, m.id, asta.id)
    assert live.state(ctx, m.id).can_set_back


def test_only_someone_who_runs_meetings_sets_one_back(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m, _items = _prepared(ctx)
    live.start(ctx, m.id)
    reader = login("ppr")
    with pytest.raises(Exception, match="rolle"):
        live.set_back_to_planned(reader, m.id)


# -- the time projection -------------------------------------------------------------------


def _state(
    clocks: list[tuple[int, int, AgendaItemStatus]],
    current: int | None,
    as_of: datetime,
    status: MeetingStatus = MeetingStatus.IN_PROGRESS,
) -> tuple[live.LiveState, list[uuid.UUID]]:
    """A state by hand: (box minutes, spent seconds, status) per item, meeting 13.00–14.00."""
    ids = [uuid.uuid4() for _ in clocks]
    return (
        live.LiveState(
            meeting_id=uuid.uuid4(),
            status=status,
            started_at=as_of,
            current_item_id=ids[current] if current is not None else None,
            clocks=tuple(
                live.ItemClock(i, box * 60, spent, st)
                for i, (box, spent, st) in zip(ids, clocks, strict=True)
            ),
            present=frozenset(),
            item_present={},
            as_of=as_of,
            booked_from=datetime(2026, 11, 24, 13, 0),
            booked_until=datetime(2026, 11, 24, 14, 0),
        ),
        ids,
    )


OPEN, DONE, PUSHED = (
    AgendaItemStatus.OPEN,
    AgendaItemStatus.DISCUSSED,
    AgendaItemStatus.NEXT_TIME,
)
AT_13_20 = datetime(2026, 11, 24, 12, 20, tzinfo=UTC)  # 13.20 in Copenhagen


def test_planned_times_follow_the_time_boxes() -> None:
    state, _ids = _state([(5, 0, OPEN), (10, 0, OPEN), (20, 0, OPEN)], None, AT_13_20,
                        MeetingStatus.PLANNED)  # fmt: skip
    p = live.projection(state, AT_13_20)
    assert [i.planned_start.strftime("%H.%M") for i in p.items] == ["13.00", "13.05", "13.15"]
    assert not p.running and p.expected_end is None and p.remaining_seconds == 0
    assert not p.late and all(i.expected_start is None for i in p.items)


def test_time_left_counts_the_current_item_and_the_open_ones_after_it() -> None:
    # item 1 discussed, item 2 current with 4 of 10 minutes used, 3 open, 4 pushed, 5 open
    state, ids = _state(
        [(5, 400, DONE), (10, 240, OPEN), (20, 0, OPEN), (15, 0, PUSHED), (5, 0, OPEN)],
        1,
        AT_13_20,
    )
    p = live.projection(state, AT_13_20 + timedelta(seconds=60))  # a minute after reading
    assert p.running
    current = p.of(ids[1])
    assert current is not None and current.current
    assert (current.spent_seconds, current.left_seconds) == (300, 300)
    assert p.remaining_seconds == 300 + 20 * 60 + 5 * 60  # pushed item 4 is gone
    assert p.expected_end == datetime(2026, 11, 24, 13, 51)
    assert not p.late
    ahead = [p.of(i).expected_start for i in ids]  # type: ignore[union-attr]
    assert ahead == [None, None, datetime(2026, 11, 24, 13, 26), None,
                     datetime(2026, 11, 24, 13, 46)]  # fmt: skip
    assert p.of(ids[3]).pushed  # type: ignore[union-attr]
    assert p.of(ids[0]).spent_seconds == 400  # type: ignore[union-attr]  # its clock stopped


def test_an_overrun_counts_no_time_left_and_warns_at_80_percent() -> None:
    state, ids = _state([(10, 470, OPEN), (30, 0, OPEN)], 0, AT_13_20)
    p = live.projection(state, AT_13_20)
    first = p.of(ids[0])
    assert first is not None and not first.warning  # 470 of 600 s
    p = live.projection(state, AT_13_20 + timedelta(seconds=10))
    first = p.of(ids[0])
    assert first is not None and first.warning and not first.overrun  # 480 s: 80 %
    p = live.projection(state, AT_13_20 + timedelta(minutes=12))
    first = p.of(ids[0])
    assert first is not None and first.overrun and first.left_seconds == -590
    assert p.remaining_seconds == 30 * 60
    assert p.expected_end == datetime(2026, 11, 24, 14, 2) and p.late


def test_after_the_meeting_nothing_runs() -> None:
    state, ids = _state([(10, 700, DONE), (30, 0, PUSHED)], 0, AT_13_20, MeetingStatus.HELD)
    p = live.projection(state, AT_13_20 + timedelta(hours=2))
    assert not p.running and p.expected_end is None and p.remaining_seconds == 0
    assert p.of(ids[0]).spent_seconds == 700 and not p.of(ids[0]).current  # type: ignore[union-attr]


def test_the_projection_of_a_running_meeting_on_the_clock(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)  # 10.00 local, items of 5, ?, 10, 10, ? minutes
    live.start(ctx, m.id)
    state = live.state(ctx, m.id)
    clock.advance(minutes=2)
    p = live.projection(state, ctx.now())
    assert p.of(items[0].id).left_seconds == 180  # type: ignore[union-attr]
    total = sum(i.time_box_minutes for i in items) * 60
    assert p.remaining_seconds == total - 120
    assert p.expected_end == ctx.local_now() + timedelta(seconds=total - 120)
    assert [i.planned_start for i in p.items] == [i.starts_at for i in items]
