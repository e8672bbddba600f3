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
from stevnsmoeder.services.context import Role, ServiceContext
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
    if "stevnsmoeder.ui.worker" in sys.modules:
        from stevnsmoeder.ui.worker import wait_for_all

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
def login(db_path: Path, clock: FakeClock) -> Iterator[Callable[[str], ServiceContext]]:
    helper = Login(db_path, clock, PASSWORD, [])
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
