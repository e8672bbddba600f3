"""Each use case is one unit of work: it opens one transaction, and a failure half-way leaves
nothing of it behind (on both engines).

The count is taken by wrapping the context's ``Database.begin``: a use case that opened a
second transaction (the shape the two-engines review found in series, retention, the log's
case export and moving an item) fails here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy import func, select

from stevnsmoeder.db.models import AuditEvent, Meeting, MeetingSeries
from stevnsmoeder.services import access_log, minutes, planning, retention, series
from stevnsmoeder.services.context import ServiceContext
from tests.services.test_case_history import Story, _story
from tests.services.test_retention import story  # noqa: F401  (the fixture)

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@contextmanager
def units_of_work(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the transactions the context's database opens inside the block."""
    opened = [0]
    real = ctx.db.begin

    def counting() -> Any:
        opened[0] += 1
        return real()

    with monkeypatch.context() as m:
        m.setattr(ctx.db, "begin", counting)
        yield opened


def _new_series(**kw: Any) -> series.NewSeries:
    args: dict[str, Any] = dict(
        type_code="district",
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        starts_on=date(2026, 12, 1),
        start_time=time(13, 0),
        district="hother-haarlev",
    )
    args.update(kw)
    return series.NewSeries(**args)


def _count(ctx: ServiceContext, model: Any) -> int:
    with ctx.db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_creating_a_series_with_its_meetings_is_one_unit(
    login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("referent")
    with units_of_work(ctx, monkeypatch) as opened:
        info = series.create_series(ctx, _new_series(), plan_days=120)
    assert opened == [1]
    with ctx.db.begin() as s:
        planned = s.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.series_id == info.id)
        )
    assert planned and planned >= 8


def test_a_failed_generation_leaves_no_half_made_series(
    login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pressing *Opret* again after a failure must not make a second series."""
    ctx = login("referent")
    before = _count(ctx, MeetingSeries), _count(ctx, Meeting)

    def broken(*_args: Any) -> Any:
        raise RuntimeError("the disk is full")

    with monkeypatch.context() as m:
        m.setattr(series, "_create_occurrence", broken)
        with pytest.raises(RuntimeError):
            series.create_series(ctx, _new_series(), plan_days=120)
    assert (_count(ctx, MeetingSeries), _count(ctx, Meeting)) == before


def test_changing_a_series_rule_is_one_unit_and_all_or_nothing(
    login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("referent")
    info = series.create_series(ctx, _new_series(), plan_days=120)
    planned = _count(ctx, Meeting)
    with monkeypatch.context() as m:
        m.setattr(series, "_create_occurrence", lambda *_a: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            series.change_rule(ctx, info.id, date(2027, 2, 1), "FREQ=WEEKLY;BYDAY=WE")
    # Nothing of the split happened: the old series runs on with all its meetings.
    assert _count(ctx, MeetingSeries) == 1 and _count(ctx, Meeting) == planned
    with ctx.db.begin() as s:
        assert s.get_one(MeetingSeries, info.id).active
    with units_of_work(ctx, monkeypatch) as opened:
        new = series.change_rule(
            ctx, info.id, date(2027, 2, 1), "FREQ=WEEKLY;BYDAY=WE", horizon_days=60
        )
    assert opened == [1]
    assert new.previous_id == info.id and _count(ctx, MeetingSeries) == 2


def test_moving_an_agenda_item_is_one_unit(login: LoginFn, monkeypatch: pytest.MonkeyPatch) -> None:
    leder = login("leder")
    made = _story(leder)
    plan = planning.get_plan(leder, made.later.id)
    plan = planning.add_item(leder, made.later.id, plan.revision, title="Eventuelt", minutes=5)
    first = plan.items[0]
    with units_of_work(leder, monkeypatch) as opened:
        moved = planning.move_item(leder, made.later.id, plan.revision, first.id, 99)
    assert opened == [1]
    assert moved.items[-1].id == first.id and moved.revision == plan.revision + 1


def test_the_logs_case_export_is_one_unit_and_logged_once(
    login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    leder = login("leder")
    made: Story = _story(leder)
    admin = login("admin")
    with units_of_work(admin, monkeypatch) as opened:
        export = access_log.case_export(admin, made.asta.id)
    assert opened == [1]
    assert export["events"]
    with admin.db.begin() as s:
        actions = list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.login == "admin")
                .order_by(AuditEvent.seq.desc())
                .limit(1)
            )
        )
    assert actions == ["audit.export"]


def test_a_purge_with_its_index_clean_up_is_one_unit(
    login: LoginFn,
    story: Story,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = login("admin")
    with units_of_work(admin, monkeypatch) as opened:
        report = retention.purge(admin, dry_run=False)
    assert opened == [1] and report.done and report.candidates
    assert minutes.verify(login("leder"), story.district.id)
