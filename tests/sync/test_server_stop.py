"""A server that stops answers the laptops waiting on ``/v1/changes`` first (nothing new):
they are not cut off after the graceful wait, and nothing is logged as an error."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.server import certs
from stevnsmoeder.server.run import Background, Listen
from stevnsmoeder.services import access, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.conftest import CHEAP_KDF, FakeClock, PgDatabases
from tests.sync.conftest import NOW


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


def test_a_stopping_server_answers_the_laptops_waiting(
    pg_databases: PgDatabases,
    _pg_demo_template: str,
    tls: certs.Certificates,
    tmp_path: Path,
) -> None:
    name = pg_databases.create(template=_pg_demo_template)
    db = PostgresDatabase.connect(pg_databases.url(name))
    clock = FakeClock(NOW)
    server = Background(db, Listen("127.0.0.1", 0, tls.cert_file, tls.key_file), clock=clock)
    errors = _Errors()
    uvicorn_log = logging.getLogger("uvicorn.error")
    uvicorn_log.addHandler(errors)
    try:
        url = server.start()
        path = tmp_path / "leder.db"
        sync_client.connect(
            sync_client.Server(url, tls.ca_file), path, "leder", DEMO_PASSWORD,
            clock=clock, kdf=CHEAP_KDF,
        )  # fmt: skip
        ctx = access.login(path, "leder", DEMO_PASSWORD, clock=clock)
        watcher = server.server.config.app.state.server.watcher
        answers: list[bool] = []
        with sync_client.Link(ctx, DEMO_PASSWORD) as link:
            link.sync()  # in step and logged in: the next wait is a real one
            waiting = threading.Thread(target=lambda: answers.append(link.wait_for_change(20)))
            waiting.start()
            for _ in range(1000):  # until the server holds the laptop's question
                if watcher.waiting:
                    break
                waiting.join(0.01)
            assert watcher.waiting == 1
            link.close()  # the laptop's other connection ends (its session with it)
            server.stop()
            waiting.join(10)
            assert not waiting.is_alive()
        assert answers == [False]  # answered (nothing new), not cut off
        assert errors.seen == []
        ctx.db.close()
    finally:
        uvicorn_log.removeHandler(errors)
        server.stop()
        db.close()
        pg_databases.drop(name)
