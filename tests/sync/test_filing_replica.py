"""Filing and the replicas: the classification travels as reference data, what is filed
reaches the laptops of those who see whole minutes, a child's case number in ESDH is
trimmed from a case whose child the replica's user may not know, and minutes approved
before the server's database could track filing are not unfiled on a laptop either."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from stevnsmoeder.db import migrate
from stevnsmoeder.db import rows as codec
from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.db.models import Case, Meeting
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import cases, filing, minutes, replication, sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import ValidationError
from tests.db.test_filing_migration import _filing_revision
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


def _upgraded_from_before_filing(db_url: str) -> None:
    """The server's database as one upgraded from before filing existed: down to the revision
    before filing and up again, as the upgrade of a database in use ran."""
    _revision, before = _filing_revision()
    db = PostgresDatabase.connect(db_url)
    try:
        migrate.downgrade(db, before)
        migrate.upgrade(db)
    finally:
        db.close()


def _held(ctx: ServiceContext, n: int) -> list[uuid.UUID]:
    """The ``n`` latest held meetings not yet approved, within every replica's window."""
    with ctx.db.begin() as s:
        return list(
            s.scalars(
                select(Meeting.id)
                .where(
                    Meeting.status == MeetingStatus.HELD,
                    Meeting.approved_at.is_(None),
                    Meeting.starts_at < ctx.local_now(),
                    Meeting.starts_at >= ctx.local_now() - timedelta(days=10),
                )
                .order_by(Meeting.starts_at.desc())
                .limit(n)
            )
        )


def test_minutes_approved_before_the_upgrade_are_not_unfiled_on_a_replica(
    running: Running,
) -> None:
    """On a server upgraded from before filing, minutes approved before the upgrade were filed
    by hand: neither the server nor a secretary's laptop lists them as unfiled; minutes approved
    after it are listed on both."""
    server = running.on_server("referent")
    before, after = _held(server, 2)
    minutes.approve(server, before)
    _upgraded_from_before_filing(running.db_url)
    server = running.on_server("referent")  # the schema changed under the first session

    laptop = running.replica(running.connect("referent"), "referent")
    assert before not in {u.meeting_id for u in filing.unfiled(server)}
    assert filing.unfiled(laptop) == filing.unfiled(server)
    assert filing.unfiled_count(laptop) == filing.unfiled_count(server)
    assert filing.fileable(laptop, before) == filing.fileable(server, before)

    running.clock.advance(minutes=10)
    minutes.approve(server, after)
    sync_client.sync(laptop, DEMO_PASSWORD)
    assert after in {u.meeting_id for u in filing.unfiled(laptop)}
    assert filing.unfiled(laptop) == filing.unfiled(server)


def test_the_classification_is_changed_on_the_server_not_on_a_laptop(running: Running) -> None:
    """A change on a replica would not travel (the next pull would undo it): refused there,
    with the reason; on the server it reaches the laptop at the next sync."""
    laptop = running.replica(running.connect("admin"), "admin")
    with pytest.raises(ValidationError, match="ændres på serveren"):
        filing.set_filing_class(laptop, "minutes", "00.01.12", "P35", "Fortrolig")
    assert filing.filing_classes(laptop)[0].kle_number == "00.01.10"
    filing.set_filing_class(running.on_server("admin"), "minutes", "00.01.12", "P35", "Fortrolig")
    sync_client.sync(laptop, DEMO_PASSWORD)
    assert filing.filing_classes(laptop)[0].kle_number == "00.01.12"
