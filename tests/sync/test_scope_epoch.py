"""The scope epoch (migration 0015) and the server's cache of scopes it keys: a chair typing
minutes moves no one's scope and no scope is computed again; a change that can move a scope
counts, and the next pull sees it however recently the scope was cached; and no change of
what the epoch leaves out changes any role's scope (Hypothesis)."""

from __future__ import annotations

import importlib
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Enum, select, text, update
from sqlalchemy.exc import IntegrityError

from stevnsmoeder.db import rows as codec
from stevnsmoeder.db.base import Base, UTCDateTime
from stevnsmoeder.db.engine import Database
from stevnsmoeder.db.models import AgendaItem, ItemMinutes, Meeting
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import (
    app_settings,
    minutes,
    planning,
    replication,
    search,
    series,
    sync_client,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running
from tests.sync.test_replicas import _window

MIGRATION = importlib.import_module("stevnsmoeder.db.migrations.versions.0015_scope_epoch")
CONTENT: dict[str, tuple[str, ...]] = MIGRATION.CONTENT
ROLES = ("leder", "referent", "ppr", "politi", "admin")


def _epoch(db: Database) -> int:
    with db.begin() as s:
        return replication.high_water_mark(s).epoch


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The logins whose scope the server computed (it runs in this process)."""
    seen: list[str] = []
    real = replication.scope_of

    def counted(s: Any, ctx: ServiceContext) -> replication.Scope:
        seen.append(ctx.actor.login)
        return real(s, ctx)

    monkeypatch.setattr(replication, "scope_of", counted)
    return seen


def test_typing_minutes_moves_no_scope_and_the_text_still_arrives(
    running: Running, computed: list[str]
) -> None:
    replica = running.replica(running.connect("referent"), "referent")
    leder = running.on_server("leder")
    held = next(
        m for m in _window(leder) if m.status is MeetingStatus.HELD and m.approved_at is None
    )
    item = planning.get_plan(leder, held.id).items[0]
    minutes.save_text(leder, item.id, "notes", "Første udkast.")
    sync_client.sync(replica, DEMO_PASSWORD)  # the minutes row may have been new: it counts
    epoch = _epoch(leder.db)
    computed.clear()
    for n in range(3):
        minutes.save_text(leder, item.id, "notes", f"Skrevet videre, {n + 1}. gang.")
        minutes.save_text(leder, item.id, "decision", f"Beslutning {n + 1}.")
        report = sync_client.sync(replica, DEMO_PASSWORD)
        assert report.pulled == 1
        assert minutes.get_minutes(replica, held.id) == minutes.get_minutes(
            running.on_server("referent"), held.id
        )
    assert _epoch(leder.db) == epoch
    assert computed == []  # the referent's scope came from the cache each time


def test_a_change_that_moves_the_scope_reaches_a_replica_whose_scope_was_cached(
    running: Running, computed: list[str]
) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    referent = running.on_server("referent")
    sync_client.sync(replica, DEMO_PASSWORD)
    today = referent.today()
    soon = next(
        m
        for m in _window(referent)
        if m.status is MeetingStatus.PLANNED
        and m.starts_at.date() > today
        and planning.get_plan(referent, m.id).items
    )
    items = {i.id for i in planning.get_plan(referent, soon.id).items}
    with replica.db.begin() as s:
        assert set(s.scalars(select(AgendaItem.id).where(AgendaItem.id.in_(items)))) == items
    epoch = _epoch(referent.db)
    computed.clear()
    # Moved beyond the window: the meeting stays in the calendar, its agenda leaves.
    later = datetime.combine(
        today + timedelta(days=replication.SCOPE_DAYS_AHEAD + 14), soon.starts_at.time()
    )
    series.move_meeting(referent, soon.id, later, "Flyttet i prøven")
    assert _epoch(referent.db) > epoch
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert computed == ["leder"]
    leder = running.on_server("leder")
    with leder.db.begin() as s:
        kept = items & replication.scope_of(s, leder).get("agenda_item")
    assert kept < items  # what stays is a child's earlier item, as on the server
    assert report.removed >= len(items - kept)
    with replica.db.begin() as s:
        assert set(s.scalars(select(AgendaItem.id).where(AgendaItem.id.in_(items)))) == kept
        assert s.get(Meeting, soon.id) is not None
    # And back: the agenda returns, though its rows are older than the replica's cursor.
    series.move_meeting(referent, soon.id, soon.starts_at, "Flyttet tilbage")
    sync_client.sync(replica, DEMO_PASSWORD)
    with replica.db.begin() as s:
        assert set(s.scalars(select(AgendaItem.id).where(AgendaItem.id.in_(items)))) == items


def test_an_insert_a_delete_and_a_link_count_but_a_text_does_not(running: Running) -> None:
    referent = running.on_server("referent")
    db = referent.db
    plan = next(
        planning.get_plan(referent, m.id)
        for m in _window(referent)
        if m.status is MeetingStatus.PLANNED and m.starts_at.date() > referent.today()
    )
    before = _epoch(db)
    plan = planning.add_item(referent, plan.summary.id, plan.revision, title="Nyt", minutes=5)
    added = next(i for i in plan.items if i.title == "Nyt")
    assert _epoch(db) > before
    before = _epoch(db)
    with db.begin() as s:
        s.execute(update(AgendaItem).where(AgendaItem.id == added.id).values(title="Omdøbt"))
    assert _epoch(db) == before
    with db.begin() as s:
        s.execute(update(Meeting).where(Meeting.id == plan.summary.id).values(district_id=None))
    assert _epoch(db) > before
    before = _epoch(db)
    revision = planning.get_plan(referent, plan.summary.id).revision
    planning.remove_item(referent, plan.summary.id, revision, added.id)
    assert _epoch(db) > before


class _Undone(Exception):
    pass


def _value(column: Any) -> st.SearchStrategy[Any]:
    if isinstance(column.type, Enum):
        return st.sampled_from(list(column.type.enum_class or column.type.enums))
    if isinstance(column.type, UTCDateTime):
        return st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC))
    kind = column.type.python_type
    if kind is str:
        limit = getattr(column.type, "length", None) or 200
        return st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=limit)
    if kind is int:
        return st.integers(0, 10_000)
    if kind is date:
        return st.dates(date(2020, 1, 1), date(2030, 12, 31))
    if kind is datetime:
        return st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31))
    if kind is uuid.UUID:
        return st.none()  # a link of no row (current_item_id): nothing points to it
    raise AssertionError(f"no values for {column}")


_CHANGES = st.lists(
    st.sampled_from(sorted((t, c) for t, columns in CONTENT.items() for c in columns)).flatmap(
        lambda tc: st.tuples(st.just(tc[0]), st.just(tc[1]), _value(codec.BY_NAME[tc[0]].c[tc[1]]))
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=_CHANGES, which=st.integers(0, 10_000))
def test_what_the_epoch_leaves_out_moves_no_ones_scope(
    running: Running, changes: list[tuple[str, str, Any]], which: int
) -> None:
    users = {login: running.on_server(login) for login in ROLES}
    db = users["leder"].db
    with pytest.raises(_Undone), db.begin() as s:
        before = {u: replication.scope_of(s, ctx).as_text for u, ctx in users.items()}
        epoch = replication.high_water_mark(s).epoch
        for table_name, column, value in changes:
            table = codec.BY_NAME[table_name]
            ids = list(s.scalars(select(table.c.id).order_by(table.c.id)))
            if not ids:
                continue
            row = ids[which % len(ids)]
            try:
                with s.begin_nested():
                    s.execute(update(table).where(table.c.id == row).values({column: value}))
            except IntegrityError:
                pass  # a value the table's own checks refuse (an end before the start)
        assert replication.high_water_mark(s).epoch == epoch
        after = {u: replication.scope_of(s, ctx).as_text for u, ctx in users.items()}
        assert after == before
        raise _Undone  # the database stays as it was for the next example


def test_the_lists_name_the_models_columns_and_tables() -> None:
    for table_name, columns in CONTENT.items():
        table = codec.BY_NAME[table_name]
        assert set(columns) <= set(table.c.keys()), table_name
    assert set(MIGRATION.UNREPLICATED) <= {t.name for t in Base.metadata.sorted_tables}
    assert not set(MIGRATION.UNREPLICATED) & set(codec.BY_NAME)
    assert "notes" in CONTENT[ItemMinutes.__tablename__]


def test_the_access_log_moves_no_version_and_wakes_no_laptop(running: Running) -> None:
    """What only the server keeps (its access log) draws no row version: an idle laptop's
    pull stays idle, and a laptop waiting for changes is not woken by someone's login."""
    replica = running.replica(running.connect("leder"), "leder")
    with sync_client.Link(replica, DEMO_PASSWORD) as link:
        link.sync()
        with replica.db.begin() as s:
            upto = int(app_settings.get(s, sync_client.UPTO))
        referent = running.on_server("referent")  # a login: written to the access log
        search.search(referent, "skole")  # a search: logged too
        with referent.db.begin() as s:
            assert replication.high_water_mark(s).upto == upto
        assert link.wait_for_change(0.5) is False  # answered when the wait ran out
        report = link.sync()
    assert (report.pulled, report.removed) == (0, 0)


def test_the_first_change_after_the_epoch_began_counts(running: Running) -> None:
    """Right after the upgrade that made the epoch, its sequence has given out nothing and
    shows its start either way: the first change that can move a scope must still move the
    epoch, or the scopes cached before it are taken as current. Found by the window
    benchmark: the secretary's first new item never reached the chair's laptop."""
    referent = running.on_server("referent")
    meeting = next(
        m
        for m in _window(referent)
        if m.status is MeetingStatus.PLANNED and m.starts_at.date() > referent.today()
    )
    with referent.db.begin() as s:
        s.execute(text("ALTER SEQUENCE scope_epoch_seq RESTART"))  # as 0015 leaves it
    chair = running.replica(running.connect("leder"), "leder")  # its scope cached now
    with sync_client.Link(chair, DEMO_PASSWORD) as link:  # one session, as the window keeps
        link.sync()
        before = _epoch(referent.db)
        plan = planning.get_plan(referent, meeting.id)
        added = planning.add_item(referent, meeting.id, plan.revision, title="Ny", minutes=5)
        link.sync()
    new = next(i for i in added.items if i.title == "Ny")
    assert new.id in [i.id for i in planning.get_plan(chair, meeting.id).items]
    assert _epoch(referent.db) > before
