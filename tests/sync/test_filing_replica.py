"""Filing and the replicas: the classification travels as reference data, what is filed
reaches the laptops of those who see whole minutes, and a child's case number in ESDH is
trimmed from a case whose child the replica's user may not know."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from stevnsmoeder.db import rows as codec
from stevnsmoeder.db.models import Case, Meeting
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import cases, filing, minutes, replication
from tests.sync.conftest import Running


def test_filing_reaches_the_replicas_as_the_server_has_it(running: Running, tmp_path: Path) -> None:
    server = running.on_server("referent")
    with server.db.begin() as s:
        held = s.scalars(
            select(Meeting.id)
            .where(Meeting.status == MeetingStatus.HELD, Meeting.starts_at < server.local_now())
            .order_by(Meeting.starts_at.desc())
        ).first()
        assert held is not None
        s.execute(update(Case).where(Case.anonymous.is_(False)).values(esdh_case_number="E-1"))
    minutes.approve(server, held)
    folder = tmp_path / "esdh"
    folder.mkdir()
    filed = filing.file_meeting(server, held, folder)
    assert filed.filed

    replica = running.replica(running.connect("referent"), "referent")
    assert filing.filing_classes(replica) == filing.filing_classes(server)
    assert filing.fileable(replica, held) == filing.fileable(server, held)


def test_the_case_number_in_esdh_is_trimmed_with_the_childs_identity(running: Running) -> None:
    """A child a replica's user may not know travels without its names, CPR, and its case
    number in ESDH (which points to the child as well)."""
    leder = running.on_server("leder")
    child = cases.create_case(leder, cases.NewCase(first_name="Ib", last_name="Holm")).case
    filing.set_esdh_case_number(leder, child.id, "E-2")
    table = codec.BY_NAME["child_case"]
    with leder.db.begin() as s:
        row = codec.encode(
            table, s.execute(select(table).where(table.c.id == child.id)).one()._mapping
        )
    assert row["esdh_case_number"] == "E-2"
    unknown = replication.Scope(anonymous_cases={child.id})
    trimmed = replication._trimmed(table, unknown, dict(row))
    assert (trimmed["first_name"], trimmed["esdh_case_number"]) == (None, "")
    assert replication._trimmed(table, replication.Scope(), dict(row))["esdh_case_number"] == "E-2"
