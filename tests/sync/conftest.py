"""A real server for the sync tests: the demo on a real PostgreSQL (a template made once,
copied per test), served by uvicorn with TLS on 127.0.0.1 (a CA made once per run), and
replicas as real encrypted files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.server import certs
from stevnsmoeder.server.run import Background, Listen
from stevnsmoeder.services import access, server_access, sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD, create_demo_database
from tests.conftest import CHEAP_KDF, TODAY, FakeClock, PgDatabases

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday morning, the demo's today


@pytest.fixture(scope="session")
def _pg_demo_template(pg_databases: PgDatabases) -> str:
    name = pg_databases.create(name=f"template_demo_{os.getpid()}")
    create_demo_database(pg_databases.url(name), years=1, seed=3, today=TODAY, kdf=CHEAP_KDF)
    return name


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> certs.Certificates:
    return certs.make(tmp_path_factory.mktemp("tls"))


@dataclass
class Running:
    """One server over one fresh copy of the demo."""

    url: str  # https://127.0.0.1:PORT
    db_url: str  # the PostgreSQL database behind it
    ca: Path
    clock: FakeClock
    folder: Path
    opened: list[ServiceContext] = field(default_factory=list)

    @property
    def server(self) -> sync_client.Server:
        return sync_client.Server(self.url, self.ca)

    def connect(self, login: str, name: str = "") -> Path:
        """A replica for ``login`` on a laptop of its own (a file per user and laptop)."""
        path = self.folder / f"{name or login}.db"
        sync_client.connect(
            self.server, path, login, DEMO_PASSWORD, clock=self.clock, kdf=CHEAP_KDF
        )
        return path

    def replica(self, path: Path, login: str) -> ServiceContext:
        ctx = access.login(path, login, DEMO_PASSWORD, clock=self.clock)
        self.opened.append(ctx)
        return ctx

    def on_server(self, login: str) -> ServiceContext:
        ctx = server_access.login_server(self.db_url, login, DEMO_PASSWORD, clock=self.clock)
        self.opened.append(ctx)
        return ctx


@pytest.fixture
def running(
    pg_databases: PgDatabases,
    _pg_demo_template: str,
    tls: certs.Certificates,
    tmp_path: Path,
) -> Iterator[Running]:
    name = pg_databases.create(template=_pg_demo_template)
    db_url = pg_databases.url(name)
    clock = FakeClock(NOW)
    db = PostgresDatabase.connect(db_url)
    server = Background(db, Listen("127.0.0.1", 0, tls.cert_file, tls.key_file), clock=clock)
    url = server.start()
    made = Running(url, db_url, tls.ca_file, clock, tmp_path)
    try:
        yield made
    finally:
        for ctx in made.opened:
            ctx.db.close()
        server.stop()
        db.close()
        pg_databases.drop(name)


Connect = Callable[[str], Path]
