"""A complete server to try on one machine (``scripts/server``): a PostgreSQL cluster in a
data folder of its own (kept between runs), the schema, the fictitious demo, a self-signed
certificate, and the server on it. Not for real use: see the README on running it for real.
"""

from __future__ import annotations

import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from stevnsmoeder.db import migrate
from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.db.pg_cluster import Cluster
from stevnsmoeder.server import certs
from stevnsmoeder.server.run import Listen, Serving, config
from stevnsmoeder.services.demo import DEMO_PASSWORD, DEMO_USERS, create_demo_database

DATABASE = "stevnsmoeder"


@dataclass(frozen=True)
class Trial:
    url: str  # https://…
    ca_file: Path
    database_url: str


def _database(cluster: Cluster) -> str:
    """The trial's database in the cluster (created when missing)."""
    admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            have = conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": DATABASE}
            )
            if not have:
                conn.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    finally:
        admin.dispose()
    return make_url(cluster.url).set(database=DATABASE).render_as_string(hide_password=False)


def _filled(url: str) -> bool:
    db = PostgresDatabase.connect(url)
    try:
        return migrate.current_revision(db) is not None
    finally:
        db.close()


def _stop(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def run(folder: Path, host: str, port: int, *, out: TextIO = sys.stdout) -> None:
    """Set up what is missing in ``folder``, then serve until interrupted (Ctrl+C, or a
    termination signal: uvicorn hands the signal on when it has stopped, and then the
    cluster is stopped too)."""
    signal.signal(signal.SIGTERM, _stop)
    cluster = Cluster(folder / "postgresql")
    cluster.start()
    try:
        url = _database(cluster)
        if not _filled(url):
            print("Fylder databasen med de fiktive demodata (første gang) …", file=out)
            create_demo_database(url, years=2)
        tls = folder / "tls"
        made = (
            certs.Certificates(tls / "ca.pem", tls / "server.pem", tls / "server-key.pem")
            if (tls / "server-key.pem").exists()
            else certs.make(tls, ("localhost", "127.0.0.1", socket.gethostname()))
        )
        address = f"https://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"
        users = ", ".join(login for login, _role, _label in DEMO_USERS)
        print(
            f"""
stevnsmoeder-server kører: {address}/v1/health
CA-certifikat til computerne: {made.ca_file}
Database: {make_url(url).render_as_string(hide_password=True)}

Forbind en computer (brugere: {users}; adgangskode: {DEMO_PASSWORD}):
  i vinduet: ./scripts/app → »Forbind til kommunens server …«, adressen ovenfor og CA-filen
  eller på kommandolinjen:
  STEVNSMOEDER_PASSWORD={DEMO_PASSWORD} .venv/bin/stevnsmoeder connect {address} \\
      --ca {made.ca_file} --user leder --db ~/stevnsmoeder-replica/leder.db
  STEVNSMOEDER_PASSWORD={DEMO_PASSWORD} .venv/bin/stevnsmoeder sync \\
      --user leder --db ~/stevnsmoeder-replica/leder.db

Stop serveren med Ctrl+C (data bliver i {folder}).
""",
            file=out,
        )
        db = PostgresDatabase.connect(url)
        try:
            listen = Listen(host, port, made.cert_file, made.key_file)
            Serving(config(db, listen)).run()
        finally:
            db.close()
    finally:
        cluster.stop()
