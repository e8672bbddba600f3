"""Attacking the server's endpoints: no token, a wrong or expired token, a revoked device or
user, another user's device, a wrong certificate, malformed and oversized bodies, an old
program. Each is refused with a clear JSON body, and nothing of the record is in it."""

from __future__ import annotations

import ssl
import uuid
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.server.app import MAX_BODY
from stevnsmoeder.services import access, devices, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import AuthError
from tests.sync.conftest import Running

PROTECTED = ("/pull", "/search", "/refresh", "/logout")


@pytest.fixture
def http(running: Running) -> Iterator[httpx.Client]:
    verify = ssl.create_default_context(cafile=str(running.ca))
    with httpx.Client(base_url=running.url + "/v1", verify=verify, timeout=30) as client:
        yield client


def _register(http: httpx.Client, login: str) -> tuple[str, str]:
    made = http.post(
        "/devices", json={"login": login, "password": DEMO_PASSWORD, "device_name": "Bærbar 7"}
    )
    assert made.status_code == 201
    return made.json()["device_id"], made.json()["device_secret"]


def _login(http: httpx.Client, login: str, device: tuple[str, str]) -> httpx.Response:
    device_id, secret = device
    return http.post(
        "/login",
        json={
            "login": login,
            "password": DEMO_PASSWORD,
            "device_id": device_id,
            "device_secret": secret,
        },
    )


def _token(http: httpx.Client, login: str) -> str:
    reply = _login(http, login, _register(http, login))
    assert reply.status_code == 200
    return str(reply.json()["token"])


def _refused(reply: httpx.Response, status: int) -> dict[str, str]:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) >= {"error", "message"} and "rows" not in body
    return body  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", PROTECTED)
def test_every_protected_endpoint_needs_a_token(http: httpx.Client, path: str) -> None:
    _refused(http.post(path, json={"query": "skole"}), 401)
    _refused(http.post(path, json={}, headers={"Authorization": "Bearer gaet-et-token"}), 401)
    _refused(http.post(path, json={}, headers={"Authorization": "Basic abc"}), 401)


def test_a_token_expires_and_a_refresh_ends_the_old_one(
    running: Running, http: httpx.Client
) -> None:
    token = _token(http, "leder")
    fresh = http.post("/refresh", headers={"Authorization": f"Bearer {token}"})
    assert fresh.status_code == 200
    _refused(http.post("/pull", json={}, headers={"Authorization": f"Bearer {token}"}), 401)
    new = fresh.json()["token"]
    assert http.post("/pull", json={}, headers={"Authorization": f"Bearer {new}"}).is_success
    running.clock.advance(seconds=devices.TOKEN_LIFETIME.total_seconds() + 1)
    _refused(http.post("/pull", json={}, headers={"Authorization": f"Bearer {new}"}), 401)


def test_revoking_a_device_or_closing_a_user_takes_effect_at_the_next_request(
    running: Running, http: httpx.Client
) -> None:
    device = _register(http, "ppr")
    token = _login(http, "ppr", device).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    assert http.post("/pull", json={}, headers=auth).is_success
    admin = running.on_server("admin")
    devices.revoke(admin, uuid.UUID(device[0]))
    _refused(http.post("/pull", json={}, headers=auth), 401)
    _refused(_login(http, "ppr", device), 401)  # and no new session on it
    token = _token(http, "politi")
    access.close_user(admin, "politi")
    _refused(http.post("/pull", json={}, headers={"Authorization": f"Bearer {token}"}), 401)


def test_a_device_is_its_users_only(running: Running, http: httpx.Client) -> None:
    device = _register(http, "leder")
    body = _refused(_login(http, "politi", device), 401)
    assert "anden bruger" in body["message"]
    _refused(_login(http, "leder", (device[0], "forkert hemmelighed")), 401)
    with running.on_server("admin").db.begin() as s:
        details = set(
            s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "login.failed"))
        )
    assert {"another user's device", "unknown or revoked device"} <= details


def test_malformed_oversized_and_unknown_requests(http: httpx.Client) -> None:
    token = _token(http, "leder")
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    _refused(http.post("/pull", content=b"{ikke json", headers=auth), 400)
    _refused(http.post("/pull", content=b"[1, 2]", headers=auth), 400)
    _refused(http.post("/pull", json={"cursor": "alle"}, headers=auth), 400)
    _refused(http.post("/search", json={"query": "x" * 401}, headers=auth), 400)
    _refused(http.post("/pull", content=b" " * (MAX_BODY + 1), headers=auth), 413)
    _refused(http.post("/devices", json={"login": "leder"}), 400)
    _refused(http.get("/pull"), 405)
    _refused(http.get("/hemmelig"), 404)


def test_an_old_program_is_told_to_update(http: httpx.Client) -> None:
    reply = http.get("/health", headers={sync_client.VERSION_HEADER: "0.0.9"})
    assert "Opdatér" in _refused(reply, 426)["message"]
    assert http.get("/health").json()["status"] == "ok"


def test_a_server_with_an_unknown_certificate_is_not_trusted(
    running: Running, tmp_path: object
) -> None:
    with pytest.raises(sync_client.ServerRefused) as refused:
        sync_client.connect(
            sync_client.Server(running.url, None),  # the system's CAs: not ours
            running.folder / "laptop.db",
            "leder",
            DEMO_PASSWORD,
        )
    assert refused.value.code == "certificate"
    assert not (running.folder / "laptop.db").exists()


def test_wrong_passwords_make_the_name_wait_on_the_server_too(
    running: Running, http: httpx.Client
) -> None:
    device = _register(http, "leder")
    for _ in range(5):
        reply = http.post(
            "/login",
            json={"login": "leder", "password": "forkert", "device_id": device[0],
                  "device_secret": device[1]},
        )  # fmt: skip
        _refused(reply, 401)
    body = _refused(_login(http, "leder", device), 429)
    assert int(body["wait_seconds"]) >= 1  # type: ignore[call-overload]
    with pytest.raises(AuthError):
        sync_client.connect(running.server, running.folder / "x.db", "leder", DEMO_PASSWORD)
