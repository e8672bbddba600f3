"""What a user reads on a replica is logged there and reaches the server's log at the next
sync, once, with the computer named (so a rollback of the laptop's file cannot take back
what already reached the server)."""

from __future__ import annotations

from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent, Case
from stevnsmoeder.services import access_log, case_history, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running


def _server_log(running: Running, action: str) -> list[tuple[str, str]]:
    with running.on_server("admin").db.begin() as s:
        return [
            (login, detail)
            for login, detail in s.execute(
                select(AuditEvent.login, AuditEvent.detail).where(AuditEvent.action == action)
            )
        ]


def test_reads_on_a_replica_reach_the_servers_log_once(running: Running) -> None:
    path = running.connect("leder")
    replica = running.replica(path, "leder")
    with replica.db.begin() as s:
        case_id = s.scalars(select(Case.id)).first()
    assert case_id is not None
    before = _server_log(running, "case.history")
    case_history.case_history(replica, case_id)
    sync_client.sync(replica, DEMO_PASSWORD)
    after = _server_log(running, "case.history")
    new = [e for e in after if e not in before]
    assert len(new) == 1 and new[0][0] == "leder" and new[0][1].startswith("on ")
    sync_client.sync(replica, DEMO_PASSWORD)  # sent again? no
    assert len(_server_log(running, "case.history")) == len(after)


def test_every_event_a_replica_reports_reads_as_a_sentence() -> None:
    assert set(access_log.ACTION_SENTENCES) >= access_log.REPLICA_EVENTS
