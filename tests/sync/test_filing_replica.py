"""Filing and the replicas: the classification travels as reference data, what is filed
reaches the laptops of those who see whole minutes, a child's case number in ESDH is
trimmed from a case whose child the replica's user may not know, and minutes approved
before the server's database could track filing are not unfiled on a laptop either.

What a secretary files on her laptop (offline too) reaches the server as an operation: its
unfiled list follows, the record names her and the version; a filing the server refuses
becomes a conflict; and a push made by hand files nothing its user may not file."""

from __future__ import annotations

import ssl
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, text, update

from stevnsmoeder.db import migrate
from stevnsmoeder.db import rows as codec
from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.db.models import (
    AgendaItem,
    AuditEvent,
    Case,
    FilingRecord,
    Meeting,
    MeetingType,
    OutboxEntry,
    User,
)
from stevnsmoeder.model.enums import MeetingStatus, Role
from stevnsmoeder.model.filing import EXTRACT, MINUTES
from stevnsmoeder.services import (
    access,
    app_settings,
    cases,
    filing,
    minutes,
    oplog,
    replication,
    sync_client,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import ReplicaExpired, ValidationError
from tests.db.test_filing_migration import _filing_revision
from tests.sync.conftest import NOW, Running


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


# -- filing on a laptop travels to the server ----------------------------------------------------


def _records(ctx: ServiceContext, meeting_id: uuid.UUID) -> list[FilingRecord]:
    with ctx.db.begin() as s:
        return list(
            s.scalars(
                select(FilingRecord)
                .where(FilingRecord.meeting_id == meeting_id)
                .order_by(FilingRecord.kind, FilingRecord.file_name)
            )
        )


def _unfiled_of(ctx: ServiceContext, meeting_id: uuid.UUID) -> list[tuple[str, int]]:
    return sorted(
        (u.kind, u.status.version) for u in filing.unfiled(ctx) if u.meeting_id == meeting_id
    )


def _offline(ctx: ServiceContext) -> str:
    """Take the laptop off the network (its server answers nowhere); returns the address."""
    with ctx.db.begin() as s:
        url = app_settings.get(s, sync_client.SERVER_URL)
        app_settings.put(s, sync_client.SERVER_URL, "https://127.0.0.1:9")
    return url


def _online_again(ctx: ServiceContext, url: str) -> None:
    with ctx.db.begin() as s:
        app_settings.put(s, sync_client.SERVER_URL, url)


def test_the_secretary_files_offline_and_the_server_knows_after_the_sync(
    running: Running, tmp_path: Path
) -> None:
    server = running.on_server("referent")
    (held,) = _held(server, 1)
    minutes.approve(server, held)
    running.clock.advance(minutes=5)
    minutes.add_addendum(server, held, "Rettelse til referatet.")  # every document: version 2
    waiting = _unfiled_of(server, held)
    assert waiting and {v for _k, v in waiting} == {2}

    laptop = running.replica(running.connect("referent"), "referent")
    url = _offline(laptop)
    folder = tmp_path / "esdh"
    folder.mkdir()
    report = filing.file_meeting(laptop, held, folder)
    assert sorted((f.kind, f.version) for f in report.filed) == waiting
    with laptop.db.begin() as s:
        names = list(s.scalars(select(OutboxEntry.name).order_by(OutboxEntry.seq)))
    assert names == ["filing.record_filing"] * len(report.filed)
    assert _unfiled_of(laptop, held) == []
    assert _unfiled_of(server, held) == waiting  # the server does not know yet
    with pytest.raises(sync_client.ServerUnreachable):
        sync_client.sync(laptop, DEMO_PASSWORD)

    _online_again(laptop, url)
    synced = sync_client.sync(laptop, DEMO_PASSWORD)
    assert (synced.applied, synced.rejected, synced.conflicts) == (len(report.filed), 0, 0)
    assert _unfiled_of(running.on_server("referent"), held) == []
    here, there = _records(laptop, held), _records(server, held)
    assert [r.id for r in there] == [r.id for r in here]  # the same rows, not copies
    with server.db.begin() as s:
        referent = s.scalar(select(User.id).where(User.login == "referent"))
    assert {r.filed_by_id for r in there} == {referent}
    assert {r.version for r in there} == {2}
    assert sorted(r.file_name for r in there) == sorted(Path(f.path).name for f in report.filed)
    assert {r.checksum for r in there} == {f.checksum for f in report.filed}
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".pdf") == sorted(
        r.file_name for r in there
    )
    assert filing.fileable(laptop, held) == filing.fileable(server, held)
    assert all(not d.status.pending for d in filing.fileable(server, held))
    with server.db.begin() as s:  # logged on the server as hers, with the version
        logged = list(
            s.scalars(
                select(AuditEvent.detail).where(
                    AuditEvent.action.in_(("filing.minutes", "filing.extract")),
                    AuditEvent.login == "referent",
                    AuditEvent.object_id == held,
                )
            )
        )
    assert sorted(logged) == sorted(f"v2 {r.file_name}" for r in there)
    assert sync_client.sync(laptop, DEMO_PASSWORD).pushed == 0  # nothing travels twice
    assert len(_records(running.on_server("referent"), held)) == len(there)


def test_a_filing_the_server_refuses_becomes_a_conflict(running: Running, tmp_path: Path) -> None:
    """Her role changed on the server while she filed offline: the server refuses the record;
    the laptop keeps a conflict saying why, drops its own record, and the documents are still
    unfiled on the server."""
    server = running.on_server("referent")
    (held,) = _held(server, 1)
    minutes.approve(server, held)
    waiting = _unfiled_of(server, held)
    laptop = running.replica(running.connect("referent"), "referent")
    folder = tmp_path / "esdh"
    folder.mkdir()
    filed = filing.file_meeting(laptop, held, folder, only=[(MINUTES, None)]).filed
    assert len(filed) == 1 and len(_records(laptop, held)) == 1

    access.set_role(running.on_server("admin"), "referent", Role.DELTAGER)
    synced = sync_client.sync(laptop, DEMO_PASSWORD)
    assert (synced.applied, synced.rejected, synced.conflicts) == (0, 1, 1)
    (conflict,) = sync_client.conflicts(laptop)
    assert conflict.name == "filing.record_filing" and conflict.reason
    assert _records(laptop, held) == [] and _records(server, held) == []
    assert _unfiled_of(running.on_server("leder"), held) == waiting


# -- a forged push cannot file what its user may not ---------------------------------------------


def _token(http: httpx.Client, login: str) -> str:
    made = http.post(
        "/devices", json={"login": login, "password": DEMO_PASSWORD, "device_name": "Bærbar"}
    ).json()
    reply = http.post(
        "/login",
        json={
            "login": login,
            "password": DEMO_PASSWORD,
            "device_id": made["device_id"],
            "device_secret": made["device_secret"],
        },
    )
    assert reply.status_code == 200, reply.text
    return str(reply.json()["token"])


def _entry(
    meeting_id: uuid.UUID, kind: str = MINUTES, case_id: uuid.UUID | None = None, **changed: Any
) -> filing.FilingEntry:
    values: dict[str, Any] = {
        "meeting_id": meeting_id,
        "kind": kind,
        "case_id": case_id,
        "version": 1,
        "minutes_version": 1,
        "file_name": "2026-11-20_Forfalsket_Referat_v1.pdf",
        "folder": "/esdh",
        "checksum": "ab" * 32,
        "content_checksum": "",
    }
    return filing.FilingEntry(**{**values, **changed})


def _forged(http: httpx.Client, token: str, *arguments: Any) -> list[dict[str, Any]]:
    """A push made by hand: one filing operation per argument."""
    operations = [
        {
            "op_id": str(uuid.uuid4()),
            "name": "filing.record_filing",
            "arguments": oplog.encode_call((argument,), {}),
            "new_ids": {"filing_record": [str(uuid.uuid4())]},
            "at": NOW.isoformat(),
        }
        for argument in arguments
    ]
    reply = http.post(
        "/push", json={"operations": operations}, headers={"Authorization": f"Bearer {token}"}
    )
    assert reply.status_code == 200, reply.text
    results: list[dict[str, Any]] = reply.json()["results"]
    return results


def _approved_held(ctx: ServiceContext, police_visible: bool) -> uuid.UUID:
    """The latest held meeting of a type the police see (or do not), with a child's item,
    approved now."""
    with ctx.db.begin() as s:
        found = s.scalars(
            select(Meeting.id)
            .join(MeetingType, MeetingType.id == Meeting.meeting_type_id)
            .where(
                Meeting.status == MeetingStatus.HELD,
                Meeting.approved_at.is_(None),
                Meeting.starts_at < ctx.local_now(),
                MeetingType.police_visible.is_(police_visible),
                Meeting.id.in_(
                    select(AgendaItem.meeting_id).where(AgendaItem.case_id.is_not(None))
                ),
            )
            .order_by(Meeting.starts_at.desc())
        ).first()
    assert found is not None
    minutes.approve(ctx, found)
    return found


def test_the_police_admin_and_ppr_cannot_file_through_a_forged_push(running: Running) -> None:
    referent = running.on_server("referent")
    ssp = _approved_held(referent, police_visible=True)
    district = _approved_held(referent, police_visible=False)
    extracts = [d.case_id for d in filing.fileable(referent, ssp) if d.kind == EXTRACT]
    police_sees = {d.case_id for d in filing.fileable(running.on_server("politi"), ssp)}
    hidden = [c for c in extracts if c not in police_sees]
    assert hidden
    with referent.db.begin() as s:
        elsewhere = s.scalars(
            select(AgendaItem.case_id).where(
                AgendaItem.case_id.is_not(None),
                AgendaItem.case_id.not_in(
                    select(AgendaItem.case_id)
                    .where(AgendaItem.meeting_id == district)
                    .where(AgendaItem.case_id.is_not(None))
                ),
            )
        ).first()
    assert elsewhere is not None
    before = {m: _unfiled_of(referent, m) for m in (ssp, district)}

    verify = ssl.create_default_context(cafile=str(running.ca))
    with httpx.Client(base_url=running.url + "/v1", verify=verify, timeout=60) as http:
        politi = _forged(
            http,
            _token(http, "politi"),
            _entry(ssp),  # the minutes of a meeting they take part in: not every item is theirs
            _entry(ssp, EXTRACT, hidden[0]),  # a child not named to them
            _entry(district),  # a meeting they do not see at all
        )
        admin = _forged(http, _token(http, "admin"), _entry(district))
        ppr = _forged(
            http,
            _token(http, "ppr"),
            _entry(district, EXTRACT, elsewhere),  # a child not on that agenda
            _entry(district, version=7),  # a version the record never had
            _entry(district, file_name="../../etc/Referat.pdf"),
            _entry(district, checksum="ikke en kontrolsum"),
            _entry(district, MINUTES, elsewhere),
            "et referat",  # not a filing record at all
        )
    assert [r["applied"] for r in politi + admin + ppr] == [False] * 10
    assert [r["kind"] for r in politi] == ["permission", "permission", "rule"]
    assert [r["kind"] for r in admin] == ["permission"]
    assert [r["kind"] for r in ppr] == ["permission", "conflict", "rule", "rule", "rule", "rule"]
    assert all(r["reason"] for r in politi + admin + ppr)
    assert all(list(r["unused"]) == ["filing_record"] for r in politi + admin + ppr)
    assert _records(referent, ssp) == [] and _records(referent, district) == []
    assert {m: _unfiled_of(referent, m) for m in (ssp, district)} == before
    with referent.db.begin() as s:
        denied = set(
            s.scalars(
                select(AuditEvent.login).where(
                    AuditEvent.action == "denied", AuditEvent.detail.like("file%")
                )
            )
        )
    assert denied == {"politi", "admin", "ppr"}


def test_ppr_files_what_it_may_see_as_on_its_own_laptop(running: Running) -> None:
    """The rule of docs/filing.md, the same on the server: PPR sees every item and every child
    by name, and may file what it sees."""
    referent = running.on_server("referent")
    district = _approved_held(referent, police_visible=False)
    verify = ssl.create_default_context(cafile=str(running.ca))
    with httpx.Client(base_url=running.url + "/v1", verify=verify, timeout=60) as http:
        (done,) = _forged(http, _token(http, "ppr"), _entry(district))
    assert done["applied"], done
    (record,) = _records(referent, district)
    with referent.db.begin() as s:
        assert s.get_one(User, record.filed_by_id).login == "ppr"


def test_a_case_number_recorded_on_a_laptop_reaches_the_server(running: Running) -> None:
    laptop = running.replica(running.connect("referent"), "referent")
    with laptop.db.begin() as s:
        case_id = s.scalars(select(Case.id).where(Case.anonymous.is_(False))).first()
    assert case_id is not None
    filing.set_esdh_case_number(laptop, case_id, "  S-2026-0042 ")
    assert sync_client.sync(laptop, DEMO_PASSWORD).applied == 1
    with running.on_server("referent").db.begin() as s:
        assert s.get_one(Case, case_id).esdh_case_number == "S-2026-0042"


def test_every_replicated_table_is_versioned_and_buried_on_the_server(running: Running) -> None:
    """A pull finds changed rows by the version the server's trigger stamps, and deleted ones
    by the tombstone its other trigger leaves: every table a replica holds has both (the
    filing tables since revision 0012)."""
    with running.on_server("admin").db.begin() as s:
        found = {
            (table, trigger)
            for table, trigger in s.execute(
                text(
                    "SELECT c.relname, t.tgname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                )
            )
        }
    for table in codec.REPLICATED:
        assert {(table.name, f"stamp_{table.name}"), (table.name, f"bury_{table.name}")} <= found
    assert {"filing_record", "filing_class"} <= {t.name for t in codec.REPLICATED}


def test_a_laptop_away_too_long_files_nothing(running: Running, tmp_path: Path) -> None:
    """Read-only, it could not keep the record of a filing: it writes no file either (a file
    in the case system with no record would be listed as unfiled, and filed twice)."""
    server = running.on_server("referent")
    (held,) = _held(server, 1)
    minutes.approve(server, held)
    path = running.connect("referent")
    running.clock.advance(days=15)
    laptop = running.replica(path, "referent")
    assert laptop.db.read_only
    folder = tmp_path / "esdh"
    folder.mkdir()
    with pytest.raises(ReplicaExpired, match="14 dage"):
        filing.file_meeting(laptop, held, folder)
    assert list(folder.iterdir()) == [] and _records(laptop, held) == []
