"""The shared record's figures: a real server (TLS on loopback) over the benchmark's
PostgreSQL database, and real encrypted replicas.

- the first sync of a chair's scope (server work and the replica filled) and the replica's
  size for each role;
- a sync with nothing new (the pull's round trip and applying it);
- one edited note from the push to visible on another replica (the server's work);
- a load: simulated laptops pulling every 10 s and chairs typing (pushes) for a bounded
  time on loopback: push p95, errors and the server's memory;
- the online search's p95 through the server.

Logins (Argon2id) are left out of the sync figures: a connected program logs in once and
keeps its token.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.server import certs
from stevnsmoeder.server.run import Background, Listen
from stevnsmoeder.services import (
    access,
    app_settings,
    minutes,
    planning,
    replication,
    sync_client,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD

ROLES = ("leder", "referent", "ppr", "politi", "admin")
QUERIES = ("skole", "fravær", "mor", "angst", "trivsel", "underretning", "søvn", "netværk")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


@contextlib.contextmanager
def _server(url: str, folder: Path) -> Iterator[tuple[str, certs.Certificates]]:
    tls = certs.make(folder / "tls")
    db = PostgresDatabase.connect(url)
    running = Background(db, Listen("127.0.0.1", 0, tls.cert_file, tls.key_file))
    address = running.start()
    try:
        yield address, tls
    finally:
        running.stop()
        db.close()


def _session(ctx: ServiceContext, server: sync_client.Server) -> tuple[httpx.Client, str]:
    with ctx.db.begin() as s:
        device_id = app_settings.get(s, sync_client.DEVICE_ID)
        secret = app_settings.get(s, sync_client.DEVICE_SECRET)
    client = server.client()
    reply = client.post(
        "/login",
        json={
            "login": ctx.actor.login,
            "password": DEMO_PASSWORD,
            "device_id": device_id,
            "device_secret": secret,
        },
    )
    return client, str(reply.json()["token"])


def _cursor(ctx: ServiceContext) -> int | None:
    with ctx.db.begin() as s:
        found = app_settings.get(s, sync_client.CURSOR, "")
    return int(found) if found.isdigit() else None


def _timed(work: Callable[[], Any]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def sync_figures(url: str, *, smoke: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, _server(url, Path(tmp)) as (address, tls):
        server = sync_client.Server(address, tls.ca_file)
        folder = Path(tmp)
        replicas: dict[str, ServiceContext] = {}
        sizes: dict[str, Any] = {}
        for role in ROLES:
            path = folder / role / "replica.db"
            took = _timed(lambda p=path, r=role: sync_client.connect(server, p, r, DEMO_PASSWORD))
            ctx = access.login(path, role, DEMO_PASSWORD)
            replicas[role] = ctx
            sizes[role] = {
                **sync_client.replica_counts(ctx),
                "size_mb": round(path.stat().st_size / 1e6, 2),
                "connect_s": round(took, 2),
            }
        out["replicas"] = sizes
        chair = replicas["leder"]
        client, token = _session(chair, server)
        auth = {"Authorization": f"Bearer {token}"}

        # The first sync's pull of the chair's whole scope, and filling an empty replica
        # (made beforehand: its schema and key are the connect's, not the sync's).
        full = _timed(lambda: client.post("/pull", json={"cursor": None}, headers=auth))
        pulled = replication.Pulled.from_json(
            client.post("/pull", json={"cursor": None}, headers=auth).json()
        )
        fresh = folder / "fill" / "replica.db"
        took: list[float] = []

        def fill(s: Any) -> None:  # timed inside the new replica's first transaction
            began = time.perf_counter()
            replication.apply(s, pulled)
            s.flush()
            took.append(time.perf_counter() - began)

        access.create_database(
            fresh,
            [access.NewUser("leder", DEMO_PASSWORD, chair.actor.role)],
            replica_of=fill,
        )
        filled = took[0]
        out["first_sync_s"] = round(full + filled, 3)
        out["first_sync_server_s"] = round(full, 3)
        out["first_sync_rows"] = pulled.count

        # One note: pushed from the chair, visible on the secretary's replica.
        secretary = replicas["referent"]
        held = next(
            m
            for m in sync_client_meetings(chair)
            if m.status.value == "held" and m.approved_at is None
        )
        item = planning.get_plan(chair, held.id).items[0]
        minutes.save_text(chair, item.id, "notes", "Benchmark: en note skrevet offline.")
        s_client, s_token = _session(secretary, server)
        entries = _outbox_json(chair)
        push = _timed(lambda: client.post("/push", json=entries, headers=auth))
        pull = _timed(
            lambda: s_client.post(
                "/pull",
                json={"cursor": _cursor(secretary)},
                headers={"Authorization": f"Bearer {s_token}"},
            )
        )
        out["note_push_to_pull_s"] = round(push + pull, 3)
        out.update(_load(server, chair, token, smoke=smoke))

        found = []
        for _ in range(1 if smoke else 3):
            for q in QUERIES:
                found.append(
                    _timed(lambda q=q: client.post("/search", json={"query": q}, headers=auth))
                )
        out["online_search_p95_ms"] = round(_p95(found) * 1000, 1)
        client.close()
        s_client.close()
        for ctx in replicas.values():
            ctx.db.close()

        # The connected window (issue of the desktop): a change from one window to the
        # other, the GUI thread meanwhile, and a login with the server out of reach.
        paired = _probe(
            "pair", address, str(tls.ca_file),
            str(folder / "referent" / "replica.db"), "referent",
            str(folder / "leder" / "replica.db"), "leder",
            "2" if smoke else "5",
        )  # fmt: skip
        out["change_visible_s"] = round(paired["change_visible_median_s"], 3)
        out["change_visible_max_s"] = round(paired["change_visible_max_s"], 3)
        out["gui_block_max_ms"] = round(paired["sync_block_max_ms"], 1)
        out["gui_block_with_refresh_ms"] = round(paired["max_block_ms"], 1)
        out["gui_block_p99_ms"] = round(paired["p99_block_ms"], 1)
        out["refresh_in_view_ms"] = round(paired["refresh_median_ms"], 1)
        # Nothing new: whole syncs as the window's background sync makes them, from a
        # process of the laptop's own (this one serves).
        idle = _probe(
            "idle_sync", str(folder / "leder" / "replica.db"), "leder", "5" if smoke else "20"
        )
        out["idle_sync_ms"] = round(idle["median_s"] * 1000, 1)
        offline = _probe(
            "offline_login", str(folder / "leder" / "replica.db"), "leder",
            "2" if smoke else "5",
        )  # fmt: skip
        out["offline_login_s"] = round(offline["median_s"], 3)
    out["server_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _probe(mode: str, *args: str) -> dict[str, Any]:
    """A window figure in a process of its own (benchmarks/probe_connected.py)."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.probe_connected", mode, *args],
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def sync_client_meetings(ctx: ServiceContext) -> list[Any]:
    from stevnsmoeder.services import meetings

    return meetings.list_meetings(ctx)


def _outbox_json(ctx: ServiceContext) -> dict[str, Any]:
    return sync_client.push_body(sync_client.outbox(ctx))


def _laptop(server: sync_client.Server, login: str, n: int) -> tuple[str, int | None]:
    """A device of its own for a simulated laptop, logged in and in step (its first pull)."""
    with server.client() as client:
        made = client.post(
            "/devices",
            json={"login": login, "password": DEMO_PASSWORD, "device_name": f"Bærbar {n}"},
        ).json()
        token = client.post(
            "/login",
            json={"login": login, "password": DEMO_PASSWORD, **made},
        ).json()["token"]
        first = client.post(
            "/pull", json={"cursor": None}, headers={"Authorization": f"Bearer {token}"}
        ).json()
    return str(token), first["cursor"]


def _load(
    server: sync_client.Server,
    chair: ServiceContext,
    token: str,
    *,
    smoke: bool,
) -> dict[str, Any]:
    """Laptops pulling every 10 s (their starts spread over the first 10 s) and chairs
    typing (a push of one edited note a second), for a bounded time. Each laptop is a device
    of its own (its users taken in turn from the roles) and in step when the load begins, and
    names the shipment it got last, as a real laptop does."""
    laptops, typists, seconds = (3, 1, 4.0) if smoke else (30, 3, 30.0)
    pushes: list[float] = []
    pulls: list[float] = []
    errors: list[str] = []
    guard = threading.Lock()
    template = _outbox_json(chair)
    period = 2.0 if smoke else 10.0
    sessions = [_laptop(server, ROLES[n % len(ROLES)], n) for n in range(laptops)]
    stop = time.perf_counter() + seconds

    def laptop(n: int) -> None:
        token, cursor = sessions[n]
        time.sleep(period * n / laptops)  # not all at once: laptops sync on their own clocks
        with server.client() as client:
            while time.perf_counter() < stop:
                began = time.perf_counter()
                reply = client.post(
                    "/pull", json={"cursor": cursor}, headers={"Authorization": f"Bearer {token}"}
                )
                took = time.perf_counter() - began
                with guard:
                    if reply.is_success:
                        pulls.append(took)
                        cursor = reply.json()["cursor"]
                    else:
                        errors.append(str(reply.status_code))
                time.sleep(max(0.0, period - (time.perf_counter() - began)))

    def typist(n: int) -> None:
        import uuid

        with server.client() as client:
            count = 0
            while time.perf_counter() < stop:
                count += 1
                ops = [
                    {**op, "op_id": str(uuid.uuid4()), "arguments": op["arguments"]}
                    for op in template["operations"]
                ] or []
                began = time.perf_counter()
                reply = client.post(
                    "/push",
                    json={"operations": ops},
                    headers={"Authorization": f"Bearer {token}"},
                )
                with guard:
                    if reply.is_success:
                        pushes.append(time.perf_counter() - began)
                    else:
                        errors.append(str(reply.status_code))
                time.sleep(max(0.0, 1.0 - (time.perf_counter() - began)))

    threads = [threading.Thread(target=laptop, args=(n,)) for n in range(laptops)]
    threads += [threading.Thread(target=typist, args=(n,)) for n in range(typists)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "load_laptops": laptops,
        "load_typists": typists,
        "load_seconds": seconds,
        "load_push_p95_ms": round(_p95(pushes) * 1000, 1) if pushes else None,
        "load_pull_p95_ms": round(_p95(pulls) * 1000, 1) if pulls else None,
        "load_requests": len(pushes) + len(pulls),
        "load_errors": len(errors),
    }
