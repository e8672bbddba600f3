"""The access log's head outside the database: deleting the newest events, or putting an
older copy back over the live file, is noticed at the next login; the signed export for the
log collector is append-only and verifiable."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from stevnsmoeder.cli import main
from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, audit_trail, backup, cases, restore
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied
from tests.conftest import PASSWORD, FakeClock

LoginFn = Callable[[str], ServiceContext]


def _work(ctx: ServiceContext, n: int = 3) -> None:
    for i in range(n):
        cases.create_case(ctx, cases.NewCase(first_name=f"Barn{i}", last_name="Berg"))


def _events(ctx: ServiceContext, action: str) -> int:
    with ctx.db.begin() as s:
        return int(
            s.scalar(select(func.count()).where(AuditEvent.action == action)) or 0  # type: ignore[arg-type]
        )


def manifest_text(backup_path: Path) -> str:
    return audit_trail.manifest_path(backup_path).read_text(encoding="utf-8")


def test_every_backup_records_the_head_it_holds(login: LoginFn) -> None:
    ctx = login("leder")
    _work(ctx)
    with ctx.db.begin() as s:
        before = audit_trail.outside_head(s)
        plain = audit_trail.head(s)
    info = backup.backup(ctx)
    recorded = audit_trail.read_manifest(info.path)
    assert recorded == before and recorded is not None and plain is not None
    # keyed: the plain hash (which a guessed search term could be checked against) is not
    # written outside the database
    assert recorded.hash != plain.hash and plain.hash not in manifest_text(info.path)
    assert audit_trail.rollback_warning(ctx) is None  # the live log holds it


def test_deleting_the_newest_events_is_noticed_at_the_next_login(
    db_path: Path, clock: FakeClock
) -> None:
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    _work(ctx)
    backup.backup(ctx)
    _work(ctx)
    access.logout(ctx, take_backup=False)
    # Someone with a password opens the file and deletes the newest rows of the log.
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    with ctx.db.begin() as s:
        top = s.scalar(select(func.max(AuditEvent.seq)))
        assert top is not None
        s.execute(delete(AuditEvent).where(AuditEvent.seq > 3))
    ctx.db.close()
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    try:
        warning = audit_trail.rollback_warning(ctx)
        assert warning is not None and "adgangsloggen mangler hændelse" in warning
        assert _events(ctx, "audit.rollback") == 1  # and the log says so
    finally:
        ctx.db.close()


def test_an_older_copy_put_back_is_noticed_and_the_command_line_warns(  # type: ignore[no-untyped-def]
    db_path: Path, tmp_path: Path, clock: FakeClock, monkeypatch, capsys
) -> None:
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy2(db_path, old / db_path.name)
    shutil.copy2(keyfile_path(db_path), keyfile_path(old / db_path.name))
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    _work(ctx)
    backup.backup(ctx)  # the rotation now knows a newer head
    ctx.db.close()
    shutil.copy2(old / db_path.name, db_path)  # the old file over the live one
    shutil.copy2(keyfile_path(old / db_path.name), keyfile_path(db_path))
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    assert main(["cases", "--db", str(db_path), "--user", "leder"]) == 0
    err = capsys.readouterr().err
    assert "adgangsloggen mangler hændelse" in err and "stevnsmoeder-" in err


def test_a_restore_is_no_rollback(db_path: Path, tmp_path: Path, clock: FakeClock) -> None:
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    older = backup.backup(ctx, tmp_path / "kopi" / "older.db")
    _work(ctx)
    clock.advance(hours=1)
    backup.backup(ctx)  # a newer backup in the rotation, which the restore goes behind
    ctx.db.close()
    restore.restore(db_path, older.path, "leder", PASSWORD, clock=clock)
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    try:
        assert audit_trail.rollback_warning(ctx) is None
    finally:
        ctx.db.close()


def test_the_export_is_signed_append_only_and_names_no_one(
    db_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "collector"
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    first = audit_trail.export(ctx, folder)
    assert first.events > 0 and first.folder == folder
    ctx.db.close()
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Ødegård"))
    before = {p.name: p.read_bytes() for p in folder.glob("*.jsonl")}
    access.logout(ctx)  # any user's closing appends what is new
    files = sorted(folder.glob("*.jsonl"))
    for name, content in before.items():
        assert (folder / name).read_bytes().startswith(content)  # appended, never rewritten
    public = next(folder.glob("*.pub")).read_bytes()
    lines = [raw for f in files for raw in f.read_bytes().splitlines()]
    assert all(audit_trail.verify_export_line(raw, public) for raw in lines)
    seqs = [json.loads(raw)["seq"] for raw in lines]
    assert sorted(seqs) == list(range(1, len(seqs) + 1))  # every event once
    text = b"".join(f.read_bytes() for f in files).decode()
    assert "Asta" not in text and "Ødegård" not in text
    forged = json.loads(lines[-1])
    forged["user"] = "someone-else"
    assert not audit_trail.verify_export_line(json.dumps(forged).encode(), public)
    # The export's head is checked at login too.
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        with ctx.db.begin() as s:
            s.execute(delete(AuditEvent).where(AuditEvent.seq > 5))
    finally:
        ctx.db.close()
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        warning = audit_trail.rollback_warning(ctx)
        assert warning is not None and ".jsonl" in warning
    finally:
        ctx.db.close()


@pytest.mark.parametrize("role", ["leder", "referent", "deltager", "ppr", "politi"])
def test_only_administrators_export_or_move_the_export(
    login: LoginFn, tmp_path: Path, role: str
) -> None:
    ctx = login(role)
    with pytest.raises(PermissionDenied):
        audit_trail.export(ctx, tmp_path / "x")
    with pytest.raises(PermissionDenied):
        audit_trail.set_export_folder(ctx, tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_audit_export_command(db_path: Path, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    folder = tmp_path / "collector"
    code = main(
        ["audit", "export", "--folder", str(folder), "--db", str(db_path), "--user", "admin"]
    )
    out = capsys.readouterr().out
    assert code == 0 and "hændelser eksporteret" in out
    assert list(folder.glob("*.jsonl")) and list(folder.glob("*.pub"))


def test_who_looked_at_this_child_includes_searches_that_showed_the_child(
    demo_login: LoginFn,
) -> None:
    from stevnsmoeder.services import access_log, search

    ctx = demo_login("leder")
    found = search.search(ctx, "trivsel")
    shown = {h.case_id for h in found.hits if h.case_id is not None}
    assert shown, "the demo's search found no child: the test would prove nothing"
    admin = demo_login("admin")
    for case_id in shown:
        export = access_log.case_export(admin, case_id)
        searches = [e for e in export["events"] if e["action"] == "search.shown"]
        assert [e["user"] for e in searches] == ["leder"]
    assert access_log.verify(admin).ok  # the events of one search chain like any others
    other = next(c.id for c in cases.list_cases(ctx) if c.id not in shown)
    assert not [
        e for e in access_log.case_export(admin, other)["events"] if e["action"] == "search.shown"
    ]


def test_the_export_cannot_be_used_to_guess_search_terms_forged_or_diverted(
    db_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """The chain's plain hashes cover each event's detail (a search term may be a name): the
    export carries them keyed. A forged line or a link in the folder neither warns falsely,
    nor hides a rollback, nor takes the events elsewhere."""
    from stevnsmoeder.services import search

    folder = tmp_path / "collector"
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    audit_trail.export(ctx, folder)
    ctx.db.close()
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    search.search(ctx, "Agnes Jakobsen")
    with ctx.db.begin() as s:
        plain = {h for (h,) in s.execute(select(AuditEvent.hash)).all()}
    victim = tmp_path / "victim.txt"
    victim.write_text("uberørt\n")
    db_id = next(folder.glob("*.pub")).name.removeprefix("stevnsmoeder-audit-").removesuffix(".pub")
    diverted = folder / f"stevnsmoeder-audit-{db_id}-2026-11-23.jsonl"  # today's file
    diverted.rename(tmp_path / "moved-away.jsonl")
    diverted.symlink_to(victim)
    access.logout(ctx)
    assert victim.read_text() == "uberørt\n"  # nothing appended through the link
    text = "".join(f.read_text() for f in folder.glob("*.jsonl") if not f.is_symlink())
    assert not any(h in text for h in plain)
    # A forged line with a far higher sequence number: no false warning.
    (folder / f"stevnsmoeder-audit-{db_id}-2099-12-31.jsonl").write_text(
        json.dumps({"seq": 99999, "hash": "f" * 64}) + "\n"
    )
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        assert audit_trail.rollback_warning(ctx) is None
        with ctx.db.begin() as s:  # now a real rollback: still noticed, links and all
            s.execute(delete(AuditEvent).where(AuditEvent.seq > 4))
    finally:
        ctx.db.close()
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        assert audit_trail.rollback_warning(ctx) is not None
    finally:
        ctx.db.close()
