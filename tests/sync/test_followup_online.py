"""The policy follow-up on a laptop's replica comes from the server, which counts the whole
record as the user: the same report the server's own computation gives (the PDF, the workbook
and the window render it unchanged), logged in the server's access log, refused for a role
without the permission, and a clear Danish message when the server cannot be reached."""

from __future__ import annotations

import json
import ssl
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, main
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.model.policy import PolicyReport
from stevnsmoeder.services import app_settings, followup_online, statistics, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import ServiceError
from tests.sync.conftest import Running

YEAR = 2026  # the demo's year (its today is in November 2026)


def _server_events(running: Running, action: str, login: str) -> list[str]:
    with running.on_server("admin").db.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent.detail)
                .where(AuditEvent.action == action, AuditEvent.login == login)
                .order_by(AuditEvent.seq)
            )
        )


def test_the_chefs_laptop_gets_the_whole_records_follow_up_from_the_server(
    running: Running,
) -> None:
    laptop = running.replica(running.connect("chef"), "chef")
    assert sync_client.is_replica(laptop)
    # What the replica could count itself: nothing (it holds no child data at all).
    local = statistics.policy_report(laptop, YEAR)
    assert local.headline[0].current == "0"

    before = _server_events(running, "statistics.policy", "chef")
    fetched = followup_online.fetch(laptop, DEMO_PASSWORD, YEAR, None)
    assert isinstance(fetched, PolicyReport)
    assert fetched == statistics.policy_report(running.on_server("chef"), YEAR)
    assert fetched.headline[0].current not in ("0", "<5")
    # Logged on the server as the standalone report is: the year and the district only.
    assert _server_events(running, "statistics.policy", "chef")[len(before) :][0] == "2026 alle"

    one = followup_online.fetch(laptop, DEMO_PASSWORD, YEAR, "hother")
    assert one == statistics.policy_report(running.on_server("chef"), YEAR, "hother")
    assert one.district is not None and "districts" not in {t.key for t in one.tables}


def test_the_report_round_trips_through_json(running: Running) -> None:
    report = statistics.policy_report(running.on_server("leder"), YEAR)
    again = PolicyReport.from_json(json.loads(json.dumps(report.to_json())))
    assert again == report
    assert any(t.current.percents for t in again.tables)  # the shares came along
    assert any(any(n is not None for row in t.current.numbers for n in row) for t in again.tables)
    for broken in ({"year": 2026}, {"year": "x", "headline": 5}, {**report.to_json(), "trends": 3}):
        with pytest.raises(ValueError):
            PolicyReport.from_json(broken)


def test_a_role_without_the_follow_up_is_refused_by_the_server(running: Running) -> None:
    laptop = running.replica(running.connect("ppr"), "ppr")
    with pytest.raises(sync_client.ServerRefused) as refused:
        followup_online.fetch(laptop, DEMO_PASSWORD, YEAR, None)
    assert refused.value.status == 403 and "rolle" in str(refused.value)
    assert _server_events(running, "statistics.policy", "ppr") == []
    assert any("policy follow-up" in d for d in _server_events(running, "denied", "ppr"))


def test_the_server_checks_what_it_is_asked(running: Running) -> None:
    verify = ssl.create_default_context(cafile=str(running.ca))
    with httpx.Client(base_url=running.url + "/v1", verify=verify, timeout=30) as http:
        assert http.post("/statistics/policy", json={"year": YEAR}).status_code == 401
        device = http.post(
            "/devices", json={"login": "chef", "password": DEMO_PASSWORD, "device_name": "B"}
        ).json()
        token = http.post(
            "/login",
            json={
                "login": "chef",
                "password": DEMO_PASSWORD,
                "device_id": device["device_id"],
                "device_secret": device["device_secret"],
            },
        ).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}

        def ask(body: dict[str, Any]) -> httpx.Response:
            return http.post("/statistics/policy", json=body, headers=auth)

        for bad in ({}, {"year": "2026"}, {"year": True}, {"year": YEAR, "district": 7}):
            assert ask(bad).status_code == 400, bad
        assert ask({"year": YEAR, "district": "x" * 121}).status_code == 400
        assert ask({"year": 1999}).status_code == 422
        assert ask({"year": YEAR + 1}).status_code == 422
        unknown = ask({"year": YEAR, "district": "Atlantis"})
        assert unknown.status_code == 422 and "Atlantis" in unknown.json()["message"]


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_on_a_replica_asks_the_server(
    running: Running,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = running.connect("chef")
    monkeypatch.setenv("STEVNSMOEDER_USER", "chef")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    code, out, err = _cli(capsys, "report", "policy", "--year", str(YEAR), "--db", str(path),
                          "--json")  # fmt: skip
    assert code == EXIT_OK, err
    expected = statistics.policy_report(running.on_server("chef"), YEAR).to_json()
    assert json.loads(out) == expected

    pdf = tmp_path / "opfoelgning.pdf"
    code, out, err = _cli(capsys, "report", "policy", "--year", str(YEAR), "--db", str(path),
                          "-o", str(pdf))  # fmt: skip
    assert code == EXIT_OK, err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert str(YEAR) in text and expected["headline"][0]["current"] in text
    # The export was logged on the laptop; the next sync takes it to the server's log.
    assert _server_events(running, "export.statistics", "chef") == []
    laptop = running.replica(path, "chef")
    sync_client.sync(laptop, DEMO_PASSWORD)
    assert _server_events(running, "export.statistics", "chef") == [
        f"on {d}: {YEAR} pdf" for d in _device_names(running, "chef")
    ]


def _device_names(running: Running, login: str) -> list[str]:
    from stevnsmoeder.services import devices

    return [d.name for d in devices.list_devices(running.on_server("admin")) if d.login == login]


def test_offline_the_command_line_says_why_it_needs_the_server(
    running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = running.connect("chef")
    laptop = running.replica(path, "chef")
    with laptop.db.begin() as s:  # a server nobody answers at
        app_settings.put(s, sync_client.SERVER_URL, "https://127.0.0.1:9")
    laptop.db.close()
    monkeypatch.setenv("STEVNSMOEDER_USER", "chef")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    code, out, err = _cli(capsys, "report", "policy", "--year", str(YEAR), "--db", str(path))
    assert code == EXIT_FAILED and out == ""
    assert followup_online.offline_message() in err
    assert "serveren kan ikke nås" in err and "kun din del" in err


def test_offline_fetch_raises_the_message_for_the_window(running: Running) -> None:
    laptop = running.replica(running.connect("chef"), "chef")
    with laptop.db.begin() as s:
        app_settings.put(s, sync_client.SERVER_URL, "https://127.0.0.1:9")
    with pytest.raises(sync_client.ServerUnreachable) as offline:
        followup_online.fetch(laptop, DEMO_PASSWORD, YEAR, None)
    assert isinstance(offline.value, ServiceError)
    assert str(offline.value) == followup_online.offline_message()
    with laptop.db.begin() as s:  # nothing was written while trying
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "statistics.policy")) == 0  # fmt: skip
