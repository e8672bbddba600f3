"""Serving the app with uvicorn: TLS always, plain HTTP only on 127.0.0.1 when asked."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import uvicorn

from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.i18n import _
from stevnsmoeder.server.app import create_app
from stevnsmoeder.services.context import Clock
from stevnsmoeder.services.errors import ValidationError

LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class Listen:
    host: str
    port: int
    tls_cert: Path | None = None
    tls_key: Path | None = None
    insecure_dev: bool = False

    def check(self) -> None:
        if self.tls_cert and self.tls_key:
            return
        if self.tls_cert or self.tls_key:
            raise ValidationError(_("Give both --tls-cert and --tls-key."))
        if not self.insecure_dev:
            raise ValidationError(_("The server speaks TLS only: give --tls-cert and --tls-key."))
        if self.host not in LOOPBACK:
            raise ValidationError(_("Plain HTTP (--insecure-dev) is allowed on 127.0.0.1 only."))

    @property
    def scheme(self) -> str:
        return "https" if self.tls_cert else "http"


def config(db: PostgresDatabase, listen: Listen, *, workers: int = 1) -> uvicorn.Config:
    listen.check()
    return uvicorn.Config(
        create_app(db),
        host=listen.host,
        port=listen.port,
        ssl_certfile=str(listen.tls_cert) if listen.tls_cert else None,
        ssl_keyfile=str(listen.tls_key) if listen.tls_key else None,
        log_level="info",
        access_log=False,  # the app logs method, path and status; never a query or body
        server_header=False,
        workers=workers,
        # Laptops wait on /v1/changes for up to 25 s: a stop does not wait for them.
        timeout_graceful_shutdown=2,
    )


class Serving(uvicorn.Server):
    """uvicorn's server, which on a stop first answers the laptops waiting on
    ``/v1/changes``: they would otherwise be cut off after the graceful wait (and logged as
    an error of the application)."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        release_waiting(self.config)
        super().handle_exit(sig, frame)


def release_waiting(cfg: uvicorn.Config) -> None:
    """Answer the laptops waiting on the app of ``cfg`` (see ``Serving``)."""
    state = getattr(getattr(cfg.app, "state", None), "server", None)
    watcher = getattr(state, "watcher", None)
    if watcher is not None:
        watcher.release()


class Background:
    """The server on a thread of this process (tests, benchmarks): started, then stopped."""

    def __init__(self, db: PostgresDatabase, listen: Listen, *, clock: Clock | None = None):
        cfg = config(db, listen)
        if clock is not None:
            cfg.app = create_app(db, clock=clock)
        cfg.log_level = "warning"
        self.server = Serving(cfg)
        self.thread = threading.Thread(target=self.server.run, name="stevnsmoeder-server")
        self.listen = listen

    def start(self) -> str:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            self.thread.join(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"{self.listen.scheme}://{self.listen.host}:{port}"

    def stop(self) -> None:
        release_waiting(self.server.config)
        self.server.should_exit = True
        self.thread.join(10)
