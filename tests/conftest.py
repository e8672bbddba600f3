"""Shared fixtures: an isolated data folder, a fake clock, and real encrypted databases.

Databases are built once per session through the services (migrations, reference data, one
user per role, a little data) and copied per test, which keeps Argon2 and migrations out of
every test's time. Key derivation uses cheap parameters; everything else is the real thing.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import stevnsmoeder.ui  # noqa: F401 (before any Qt call: keeps None alive on Python 3.11)

# Offscreen, the tests get a desktop screen (the primary) and beside it the two laptop screens
# every window must fit (tests/ui/test_geometry.py); the laptops' 40-pixel taskbar is already
# taken off their height, as their available geometry would be.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        Path(__file__).resolve().parent / "offscreen-screens.json"
    )
os.environ.setdefault(
    "QT_QPA_FONTDIR", str(Path(__file__).resolve().parent.parent / "resources" / "fonts")
)
os.environ["STEVNSMOEDER_LANG"] = "da"

from stevnsmoeder.db.keystore import KdfParams, keyfile_path
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.login_attempts import attempts_path

CHEAP_KDF = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)
PASSWORD = "syv blå kaffekopper"
TODAY = date(2026, 11, 23)  # a Monday, week 48


class FakeClock:
    """An aware-UTC clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STEVNSMOEDER_HOME", str(tmp_path / "home"))
    from stevnsmoeder import i18n

    i18n.set_language("da")


@pytest.fixture(autouse=True)
def _background_threads_end() -> Iterator[None]:
    """A test ends only when the window's background threads have (as the app does)."""
    yield
    if "stevnsmoeder.ui.common.worker" in sys.modules:
        from stevnsmoeder.ui.common.worker import wait_for_all

        assert wait_for_all(), "a background thread did not end"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def copy_database(src: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    dst = dst_dir / src.name
    shutil.copy2(src, dst)
    shutil.copy2(keyfile_path(src), keyfile_path(dst))
    if attempts_path(src).exists():  # a database moves with its record of failed logins
        shutil.copy2(attempts_path(src), attempts_path(dst))
    return dst


ROLE_USERS = {
    "admin": Role.ADMIN,
    "leder": Role.LEDER,
    "referent": Role.REFERENT,
    "deltager": Role.DELTAGER,
    "ppr": Role.PPR,
    "politi": Role.POLITI,
}


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from stevnsmoeder.services import access

    path = tmp_path_factory.mktemp("empty") / "stevnsmoeder.db"
    access.create_database(
        path,
        [
            access.NewUser(login, PASSWORD, role, person_name=login)
            for login, role in ROLE_USERS.items()
        ],
        kdf=CHEAP_KDF,
    )
    return path


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from stevnsmoeder.services import demo

    path = tmp_path_factory.mktemp("demo") / "stevnsmoeder.db"
    demo.create_demo_database(path, years=1, seed=3, today=TODAY, kdf=CHEAP_KDF)
    return path


@pytest.fixture
def db_path(_empty_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of an empty database with one user per role (password PASSWORD)."""
    return copy_database(_empty_template, tmp_path / "db")


@pytest.fixture
def demo_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of a one-year demo database (users leder, referent, ppr, politi, admin;
    password ``demo``), built around TODAY."""
    return copy_database(_demo_template, tmp_path / "demo")


@dataclass
class Login:
    path: Path
    clock: FakeClock
    password: str
    opened: list[ServiceContext]

    def __call__(self, user: str) -> ServiceContext:
        from stevnsmoeder.services import access

        ctx = access.login(self.path, user, self.password, clock=self.clock)
        self.opened.append(ctx)
        return ctx


@pytest.fixture
def login(
    engine: str, request: pytest.FixtureRequest, clock: FakeClock
) -> Iterator[Callable[[str], ServiceContext]]:
    """Log in as one of ROLE_USERS on a fresh database of the test's engine: the encrypted
    file, or (tests marked ``both_engines``) also PostgreSQL."""
    helper: Login | ServerLogin
    if engine == "postgresql":
        helper = ServerLogin(request.getfixturevalue("pg_url"), clock, PASSWORD, [])
    else:
        helper = Login(request.getfixturevalue("db_path"), clock, PASSWORD, [])
    yield helper
    for ctx in helper.opened:
        ctx.db.close()


@pytest.fixture
def demo_login(demo_path: Path) -> Iterator[Callable[[str], ServiceContext]]:
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    helper = Login(demo_path, clock, "demo", [])
    yield helper
    for ctx in helper.opened:
        ctx.db.close()


# -- PostgreSQL ---------------------------------------------------------------------------------
# Tests marked ``both_engines`` run on the encrypted file and on a real PostgreSQL (a
# throwaway cluster started once per test run, see stevnsmoeder/db/pg_cluster.py); each test
# gets a database of its own, copied from a template built once through the services.

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        both = (
            metafunc.definition.get_closest_marker("both_engines") is not None
            and metafunc.definition.get_closest_marker("file_only") is None
        )
        if both:  # otherwise the plain ``engine`` fixture below: the encrypted file
            metafunc.parametrize("engine", ENGINES, scope="function")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server whose user may create databases."""
    from stevnsmoeder.db import pg_cluster as postgres

    given = os.environ.get(postgres.ENV_URL)
    if given:
        yield given
        return
    cluster = postgres.Cluster()
    try:
        cluster.start()
    except (OSError, RuntimeError, KeyError) as exc:
        cluster.stop()
        if os.environ.get(postgres.ENV_REQUIRED):
            pytest.fail(f"PostgreSQL did not start: {exc}")
        pytest.skip(f"no PostgreSQL server programs here: {exc}")
    try:
        yield cluster.url
    finally:
        cluster.stop()


class PgDatabases:
    """CREATE DATABASE … TEMPLATE … per test, dropped at the end."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        self.server_url = server_url
        self._admin = create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._n = 0

    def url(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None, name: str | None = None) -> str:
        from sqlalchemy import text

        self._n += 1
        name = name or f"test_{os.getpid()}_{self._n}"
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            extra = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{extra}'))
        return name

    def drop(self, name: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_databases(postgres_server: str) -> Iterator[PgDatabases]:
    made = PgDatabases(postgres_server)
    yield made
    made._admin.dispose()


@pytest.fixture(scope="session")
def _pg_empty_template(pg_databases: PgDatabases) -> str:
    from stevnsmoeder.services import access, server_access

    name = pg_databases.create(name=f"template_empty_{os.getpid()}")
    server_access.create_server_database(
        pg_databases.url(name),
        [
            access.NewUser(login, PASSWORD, role, person_name=login)
            for login, role in ROLE_USERS.items()
        ],
        kdf=CHEAP_KDF,
    )
    return name


@pytest.fixture
def pg_url(pg_databases: PgDatabases, _pg_empty_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database with one user per role (password PASSWORD)."""
    name = pg_databases.create(template=_pg_empty_template)
    yield pg_databases.url(name)
    pg_databases.drop(name)


@pytest.fixture
def empty_pg_url(pg_databases: PgDatabases) -> Iterator[str]:
    """A fresh PostgreSQL database with nothing in it."""
    name = pg_databases.create()
    yield pg_databases.url(name)
    pg_databases.drop(name)


@dataclass
class ServerLogin:
    url: str
    clock: FakeClock
    password: str
    opened: list[ServiceContext]

    def __call__(self, user: str) -> ServiceContext:
        from stevnsmoeder.services import server_access

        ctx = server_access.login_server(self.url, user, self.password, clock=self.clock)
        self.opened.append(ctx)
        return ctx


@pytest.fixture
def engine() -> str:
    """Replaced by the parametrisation above: ``sqlite``, or both engines for tests marked
    ``both_engines``."""
    return "sqlite"
