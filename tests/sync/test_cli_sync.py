"""The shared record's command line: a server database made and its users managed,
a laptop connected, synced and asked for its conflicts, devices listed and revoked, and a
server that will not speak plain HTTP to the network."""

from __future__ import annotations

import json
from typing import Any

import pytest

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.services import server_access
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import AuthError
from tests.conftest import PASSWORD
from tests.sync.conftest import Running


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        data: Any = json.loads(out)
    except ValueError:
        data = out
    return code, data, err


def test_server_init_and_its_users(
    empty_pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_NEW_PASSWORD", PASSWORD)
    code, out, _err = _run(capsys, "server", "init", "--database", empty_pg_url, "--admin", "chef")
    assert code == EXIT_OK and "chef" in out
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code, users, _err = _run(
        capsys, "server", "users", "--database", empty_pg_url, "--user", "chef", "list", "--json"
    )
    assert code == EXIT_OK and [u["login"] for u in users] == ["chef"]
    code, _out, err = _run(capsys, "server", "init", "--database", "/tmp/x.db", "--admin", "a")
    assert code == EXIT_USAGE and "PostgreSQL" in err


def test_a_laptop_connects_syncs_and_works_offline(
    running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_USER", "referent")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    replica = str(running.folder / "referent.db")
    code, made, err = _run(
        capsys, "connect", running.url, "--db", replica, "--ca", str(running.ca), "--json"
    )
    assert code == EXIT_OK, err
    assert made["meetings"] > 0 and made["cases"] > 0
    code, report, _err = _run(capsys, "sync", "--db", replica, "--json")
    assert code == EXIT_OK
    assert {"pushed", "applied", "rejected", "pulled", "removed", "conflicts"} <= set(report)
    assert report["pulled"] == 0
    code, found, _err = _run(capsys, "conflicts", "--db", replica, "--json")
    assert (code, found) == (EXIT_OK, [])
    code, meetings, _err = _run(capsys, "meetings", "--db", replica, "--json")
    assert code == EXIT_OK and meetings  # every command works on the replica
    code, cases, _err = _run(capsys, "cases", "--db", replica, "--json")
    assert code == EXIT_OK and cases
    code, found, _err = _run(capsys, "search", "skole", "--db", replica, "--json")
    assert code == EXIT_OK and found["hits"]
    code, _out, _err = _run(capsys, "check", "--db", replica)
    assert code == EXIT_OK

    monkeypatch.setenv("STEVNSMOEDER_USER", "admin")
    code, devices, _err = _run(
        capsys, "server", "devices", "--database", running.db_url, "list", "--json"
    )
    assert code == EXIT_OK and [d["login"] for d in devices] == ["referent"]
    code, _out, _err = _run(
        capsys, "server", "devices", "--database", running.db_url, "revoke", devices[0]["id"]
    )
    assert code == EXIT_OK
    monkeypatch.setenv("STEVNSMOEDER_USER", "referent")
    code, _out, err = _run(capsys, "sync", "--db", replica)
    assert code == EXIT_FAILED and "lukket" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ((), "TLS"),
        (("--insecure-dev", "--host", "0.0.0.0"), "127.0.0.1"),
        (("--tls-cert", "server.pem"), "--tls-key"),
    ],
)
def test_the_server_speaks_tls_to_the_network(
    capsys: pytest.CaptureFixture[str], extra: tuple[str, ...], message: str
) -> None:
    url = "postgresql+psycopg://nobody@/nothing?host=/nonexistent"
    code, _out, err = _run(capsys, "server", "run", "--database", url, *extra)
    assert code == EXIT_FAILED and message in err


def test_the_own_password_changed_on_a_replica_from_the_command_line(
    running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_USER", "leder")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    replica = str(running.connect("leder"))
    new = "ny kaffe ved mødebordet"
    monkeypatch.setenv("STEVNSMOEDER_NEW_PASSWORD", new)
    code, _out, err = _run(capsys, "password", "--db", replica)
    assert code == EXIT_OK, err
    # The server takes the new one: the replica syncs with it, and not with the old.
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", new)
    code, report, err = _run(capsys, "sync", "--db", replica, "--json")
    assert code == EXIT_OK, err
    assert report["rejected"] == 0
    with pytest.raises(AuthError):
        server_access.login_server(running.db_url, "leder", DEMO_PASSWORD, clock=running.clock)
