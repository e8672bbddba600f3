"""The access log read back: the administrator's view, the chain check, and the per-child
export for a data-subject access request."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from stevnsmoeder.cli import main
from stevnsmoeder.services import (
    access,
    access_log,
    case_history,
    cases,
    overview,
    planning,
    server_access,
)
from stevnsmoeder.services.context import Role, ServiceContext
from stevnsmoeder.services.errors import AuthError, PermissionDenied
from tests.conftest import CHEAP_KDF, PASSWORD, FakeClock
from tests.services.test_case_history import Story, _story

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def test_who_looked_at_this_child(login: LoginFn, story: Story) -> None:
    case_history.case_history(login("ppr"), story.asta.id)
    planning.get_plan(login("referent"), story.ftm.id)
    export = access_log.case_export(login("admin"), story.asta.id)
    assert export["case_reference"] == "S-2026-0001"
    events = export["events"]
    assert [e["seq"] for e in events] == sorted(e["seq"] for e in events)  # oldest first
    seen = {(e["user"], e["role"], e["action"]) for e in events}
    assert ("ppr", "ppr", "case.history") in seen
    assert ("referent", "referent", "case.view") in seen
    ftm_view = next(e for e in events if e["user"] == "referent" and e["action"] == "case.view")
    assert ftm_view["what"] == (
        "referent så sagen S-2026-0001 på dagsordenen til Familie Team Møde 06.10.2026"
    )
    assert ftm_view["meeting"] == "Familie Team Møde 06.10.2026"
    dumped = json.dumps(export, ensure_ascii=False)
    for secret in ("Asta", "Ødegård", "0103154001", "frikvarteret"):
        assert secret not in dumped
    # Reading the log is itself in the log.
    mine = access_log.entries(login("admin"), access_log.Query(action="audit.export"))
    assert [e.login for e in mine] == ["admin"]


def test_filters_and_who_may_read(login: LoginFn, story: Story) -> None:
    admin = login("admin")
    searched = access_log.entries(admin, access_log.Query(login="leder", action="consent"))
    assert searched and {e.action for e in searched} == {"consent.create"}
    assert all(e.login == "leder" for e in searched)
    for role in ("leder", "referent", "deltager", "ppr", "politi"):
        with pytest.raises(PermissionDenied):
            access_log.entries(login(role))
        with pytest.raises(PermissionDenied):
            access_log.case_export(login(role), story.asta.id)


def test_verify_finds_a_changed_event(login: LoginFn, story: Story) -> None:
    leder = login("leder")
    assert access_log.verify(leder).ok  # those who maintain the database may check it
    with pytest.raises(PermissionDenied):
        access_log.verify(login("ppr"))
    with leder.db.begin() as s:
        s.execute(text("UPDATE audit_event SET detail = 'skjult' WHERE seq = 5"))
    report = access_log.verify(login("admin"))
    assert not report.ok and report.first_bad_seq == 5


@pytest.mark.file_only
def test_audit_command(
    story: Story, db_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], login: LoginFn,
) -> None:  # fmt: skip
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    admin = ["--db", str(db_path), "--user", "admin"]
    assert main(["audit", "verify", *admin]) == 0
    assert "Adgangsloggen er ubrudt" in capsys.readouterr().out
    case_history.case_history(login("ppr"), story.asta.id)
    assert main(["audit", "--case", "S-2026-0001", "--json", *admin]) == 0
    export = json.loads(capsys.readouterr().out)
    assert any(e["action"] == "case.history" and e["user"] == "ppr" for e in export["events"])
    assert main(["audit", "--by", "ppr", *admin]) == 0
    assert "ppr åbnede sagsforløbet for S-2026-0001" in capsys.readouterr().out
    assert main(["audit", "--case", "S-2026-0001", "--user", "leder", "--db", str(db_path)]) == 1
    assert "giver ikke adgang" in capsys.readouterr().err
    with login("leder").db.begin() as s:
        s.execute(text("UPDATE audit_event SET login = 'x' WHERE seq = 3"))
    assert main(["audit", "verify", *admin]) == 1
    assert "brudt ved hændelse 3" in capsys.readouterr().out


def test_the_log_reads_in_danish_and_in_peoples_names(
    login: LoginFn, story: Story, clock: FakeClock
) -> None:
    """ "Hanne Jensen åbnede sagen S-2026-0001": a person's name, the case's number, never
    a child's name and never a code such as overview.view."""
    admin = login("admin")
    access.add_user(
        admin,
        access.NewUser("hanne", PASSWORD, Role.LEDER, person_name="Hanne Jensen"),
        kdf=CHEAP_KDF,
    )
    hanne = login("hanne")
    try:
        cases.get_case(hanne, story.asta.id)
        overview.attention(hanne)
    finally:
        access.logout(hanne, take_backup=False)
    with pytest.raises(AuthError):
        if admin.db.dialect == "postgresql":  # logged on the server at once
            url = admin.db.engine.url.render_as_string(hide_password=False)
            server_access.login_server(url, "ukendt-navn", "forkert", clock=clock)
        else:
            access.login(admin.file_db.path, "ukendt-navn", "forkert", clock=clock)
    login("ppr").db.close()  # on the laptop the failure reaches the log at the next login

    everything = access_log.entries(login("admin"))
    texts = [e.label for e in everything]
    assert "Hanne Jensen åbnede sagen S-2026-0001" in texts
    assert "Hanne Jensen loggede ind" in texts
    assert "Hanne Jensen så aftaler og samtykker på startsiden" in texts
    assert "admin oprettede brugeren Hanne Jensen" in texts
    assert "Mislykket login som et ukendt brugernavn" in texts
    for e in everything:
        assert e.action not in e.label, e.label  # no code shows through
        for secret in ("Asta", "Ødegård", "Åse", "Bent", "Berg"):
            assert secret not in e.label, e.label
    # The user filter takes a name as well as a login.
    by_name = access_log.entries(login("admin"), access_log.Query(login="hanne jen"))
    assert by_name and {e.login for e in by_name} == {"hanne"}
