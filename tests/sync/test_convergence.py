"""A Hypothesis state machine of offline edits on two laptops and on the server, syncs,
lost connections and pulls cut short: after every sync nothing the laptop's user typed is
lost (it is on the server, or kept as a conflict), and at the end every replica shows what
the server shows its user."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select

from stevnsmoeder.db.models import SyncConflict
from stevnsmoeder.services import app_settings, minutes, planning, replication, sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running
from tests.sync.test_push import _held_unapproved

WORDS = st.text(alphabet="abcæøå ", min_size=1, max_size=12).map(str.strip).filter(bool)


class PullCutShort(Exception):
    pass


def _notes(ctx: ServiceContext, meeting_id: uuid.UUID, item_id: uuid.UUID) -> str:
    return minutes.get_minutes(ctx, meeting_id).items[item_id].notes


def _kept(ctx: ServiceContext) -> str:
    with ctx.db.begin() as s:
        return "\n".join(s.scalars(select(SyncConflict.arguments)))


@pytest.mark.slow
def test_replicas_converge_and_lose_no_word(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptops = {
        "leder": running.replica(running.connect("leder"), "leder"),
        "referent": running.replica(running.connect("referent"), "referent"),
    }
    servers = {login: running.on_server(login) for login in laptops}
    meeting = _held_unapproved(laptops["leder"])
    items = [i.id for i in planning.get_plan(laptops["leder"], meeting.id).items[:2]]
    assert len(items) == 2
    real_apply = replication.apply

    class Offline(RuleBasedStateMachine):
        @initialize()
        def start(self) -> None:
            self.typed: dict[tuple[str, uuid.UUID], str] = {}

        @rule(login=st.sampled_from(sorted(laptops)), k=st.integers(0, 1), words=WORDS)
        def type_offline(self, login: str, k: int, words: str) -> None:
            minutes.save_text(laptops[login], items[k], "notes", words)
            self.typed[(login, items[k])] = words

        @rule(k=st.integers(0, 1), words=WORDS)
        def type_on_the_server(self, k: int, words: str) -> None:
            minutes.save_text(servers["leder"], items[k], "notes", f"server {words}")

        @rule(login=st.sampled_from(sorted(laptops)))
        def sync(self, login: str) -> None:
            sync_client.sync(laptops[login], DEMO_PASSWORD)
            kept = _kept(laptops[login])
            for (who, item), words in list(self.typed.items()):
                if who != login:
                    continue
                on_server = _notes(servers[login], meeting.id, item)
                assert on_server == words or words in kept, (words, on_server)
                del self.typed[(who, item)]

        @rule(login=st.sampled_from(sorted(laptops)))
        def connection_lost(self, login: str) -> None:
            ctx = laptops[login]
            with ctx.db.begin() as s:
                url = app_settings.get(s, sync_client.SERVER_URL, "")
                app_settings.put(s, sync_client.SERVER_URL, "https://127.0.0.1:9")
            try:
                with pytest.raises(sync_client.ServerUnreachable):
                    sync_client.sync(ctx, DEMO_PASSWORD)
            finally:
                with ctx.db.begin() as s:
                    app_settings.put(s, sync_client.SERVER_URL, url)

        @rule(login=st.sampled_from(sorted(laptops)))
        def pull_cut_short(self, login: str) -> None:
            def dies(s: Any, pulled: replication.Pulled) -> None:
                real_apply(s, pulled)
                raise PullCutShort

            with monkeypatch.context() as m:
                m.setattr(replication, "apply", dies)
                with pytest.raises(PullCutShort):
                    sync_client.sync(laptops[login], DEMO_PASSWORD)
            # What was pushed before the pull died is on the server: settled like a sync.
            self.sync(login)

        @invariant()
        def outbox_never_holds_a_refused_change(self) -> None:
            for ctx in laptops.values():
                assert sync_client.pending(ctx) >= 0

        def teardown(self) -> None:
            for _ in range(2):
                for login in sorted(laptops):
                    self.sync(login)
            for login, ctx in laptops.items():
                assert sync_client.pending(ctx) == 0
                assert minutes.get_minutes(ctx, meeting.id) == minutes.get_minutes(
                    servers[login], meeting.id
                )

    Offline.TestCase.settings = settings(
        max_examples=3,
        stateful_step_count=8,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(Offline, settings=Offline.TestCase.settings)
