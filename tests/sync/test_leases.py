"""Running a meeting holds its lease: the others see it running on the chair's computer, a
second computer that ran it offline too gets conflicts with its texts kept, and the end
lets the meeting go."""

from __future__ import annotations

from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import leases, live, minutes, planning, sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running
from tests.sync.test_replicas import _window


def _planned(ctx: ServiceContext) -> planning.MeetingPlan:
    meeting = next(m for m in _window(ctx) if m.status is MeetingStatus.PLANNED)
    return planning.get_plan(ctx, meeting.id)


def test_the_chairs_computer_holds_the_running_meeting(running: Running) -> None:
    chair = running.replica(running.connect("leder"), "leder")
    secretary = running.replica(running.connect("referent"), "referent")
    plan = _planned(chair)
    live.start(chair, plan.summary.id)
    sync_client.sync(chair, DEMO_PASSWORD)
    sync_client.sync(secretary, DEMO_PASSWORD)
    held = sync_client.running_elsewhere(secretary, plan.summary.id)
    assert held is not None
    assert leases.running_elsewhere(held) == f"I gang på {chair.actor.display_name}s computer"
    assert sync_client.running_elsewhere(chair, plan.summary.id) is None  # its own
    live.end(chair, plan.summary.id)
    sync_client.sync(chair, DEMO_PASSWORD)
    sync_client.sync(secretary, DEMO_PASSWORD)
    assert sync_client.running_elsewhere(secretary, plan.summary.id) is None


def test_two_computers_that_ran_one_meeting_offline_keep_both_texts(running: Running) -> None:
    chair = running.replica(running.connect("leder"), "leder")
    secretary = running.replica(running.connect("referent"), "referent")
    plan = _planned(chair)
    item = plan.items[0]
    for ctx, text in ((chair, "Mødelederens referat"), (secretary, "Referentens referat")):
        live.start(ctx, plan.summary.id)
        minutes.save_text(ctx, item.id, "notes", text)
    first = sync_client.sync(chair, DEMO_PASSWORD)
    assert first.rejected == 0
    second = sync_client.sync(secretary, DEMO_PASSWORD)
    assert second.rejected == 2 and second.conflicts == 2
    reasons = [c.reason for c in sync_client.conflicts(secretary)]
    assert any("allerede i gang" in r for r in reasons)
    assert minutes.get_minutes(secretary, plan.summary.id).items[item.id].notes == (
        "Mødelederens referat"
    )
