"""Failed logins: counted beside the database, slowed down, and logged at the next login.

A failed login cannot write to the access log: the log is inside the encrypted database, and
opening it is exactly what failed. So a failure is noted in a small file beside the database
(``<db>.attempts``: when, which user name, no password and nothing about any child), the
database and its key file stay byte-identical, and the next successful login moves the noted
failures into the hash-chained access log.

From the fifth failure in a row for a user name, each further attempt must wait: 1 s, then
2, 4, 8 … up to five minutes, counted from the last failure. A successful login ends the
count. (The file only slows guessing at the keyboard; against a copied laptop the protection
is Argon2id on every guess, which no file can take away.)

Deleting the file must not start the count again unnoticed. The file carries a serial number,
raised by every change and never going back, and is never deleted; each login records the
serial in the key file (with a tag under the database key, see db.keystore). A file that is
missing, damaged or older than that record was deleted or replaced: then every user name gets
no free attempts (the waits begin at the first failure), the finding is noted, and the next
login writes it to the access log. Putting back older copies of both files together is not
noticed; the README says so.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from stevnsmoeder.db.keystore import KeyStore, KeyStoreError, keyfile_path
from stevnsmoeder.i18n import _
from stevnsmoeder.services.errors import DatabaseUnreadable, LoginDelayed

UNKNOWN_USER = "(unknown)"  # a name that is no user's: people type passwords there too
FREE_ATTEMPTS = 5
MAX_DELAY = timedelta(minutes=5)
MAX_PENDING = 1000  # noted failures kept until the next login (oldest dropped first)


def attempts_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".attempts")


@dataclass
class Attempts:
    """The counts per user name and the failures not yet in the access log."""

    path: Path
    counts: dict[str, tuple[int, datetime]] = field(default_factory=dict)  # login → (n, last)
    pending: list[tuple[datetime, str, str]] = field(default_factory=list)  # (at, login, kind)
    serial: int = 0  # raised by every save; 0: no file
    lost_at: datetime | None = None  # when the file was found deleted or replaced
    _logins: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, db_path: Path) -> Attempts:
        path = attempts_path(db_path)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            counts = {
                login: (int(entry["n"]), datetime.fromisoformat(entry["last"]))
                for login, entry in data.get("counts", {}).items()
            }
            pending = [
                (datetime.fromisoformat(e["at"]), str(e["login"]), str(e["kind"]))
                for e in data.get("pending", [])
            ]
            serial = int(data.get("serial", 0))
            lost = data.get("lost_at")
            lost_at = datetime.fromisoformat(lost) if lost else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(path)  # none, or unreadable: see check_against
        return cls(path, counts, pending, serial, lost_at)

    def check_against(self, seen: int, now: datetime) -> None:
        """``seen``: the serial the key file recorded at the last login. A file without it
        (missing, damaged, or an older copy) was deleted or replaced: noted, and from now on
        until a successful login no user name has free attempts."""
        if self.serial >= seen or self.lost_at is not None:
            return
        self.lost_at = now
        kind = "attempts-file-missing" if self.serial == 0 else "attempts-file-older"
        self.pending.append((now, "-", kind))
        self.save()

    def _count(self, login: str, now: datetime) -> tuple[int, datetime]:
        n, last = self.counts.get(login, (0, now))
        if self.lost_at is not None:
            n, last = max(n, FREE_ATTEMPTS), max(last, self.lost_at) if n else self.lost_at
        return n, last

    def _known(self, login: str) -> str:
        """The user name as noted: itself when it is a user of this database (its key file
        says so), else UNKNOWN_USER, so a password typed into the name field is never
        written down. Unknown names share one count."""
        if self._logins is None:
            db_path = self.path.with_name(self.path.name.removesuffix(".attempts"))
            try:
                self._logins = frozenset(KeyStore.load(keyfile_path(db_path)).logins())
            except KeyStoreError:
                self._logins = frozenset()
        return login if login in self._logins else UNKNOWN_USER

    def wait(self, login: str, now: datetime) -> timedelta:
        """How long this user name must still wait before the next attempt."""
        login = self._known(login)
        n, last = self._count(login, now)
        if n < FREE_ATTEMPTS:
            return timedelta(0)
        delay = min(MAX_DELAY, timedelta(seconds=2 ** (n - FREE_ATTEMPTS)))
        return max(timedelta(0), last + delay - now)

    def refuse_if_waiting(self, login: str, now: datetime) -> None:
        """Raise LoginDelayed (and note the refused attempt) while this name must wait."""
        seconds = self.wait_seconds(login, now)
        if not seconds:
            return
        self.noted(login, now, "delayed")
        raise LoginDelayed(_("Too many failed logins."), wait_seconds=seconds)

    def wait_seconds(self, login: str, now: datetime) -> int:
        """The wait in whole seconds, rounded up (0: no wait)."""
        wait = self.wait(login, now)
        return max(1, math.ceil(wait.total_seconds())) if wait > timedelta(0) else 0

    def failed(self, login: str, now: datetime, kind: str) -> None:
        login = self._known(login)
        n, _last = self._count(login, now)
        self.counts[login] = (n + 1, now)
        self.pending.append((now, login, kind))
        self._trim()
        self.save()

    def noted(self, login: str, now: datetime, kind: str) -> None:
        """An attempt refused for waiting: logged too, without counting as a guess."""
        self.pending.append((now, self._known(login), kind))
        self._trim()
        self.save()

    def _trim(self) -> None:
        """At most MAX_PENDING notes: attempts refused for waiting go first, so a flood of
        them cannot push the failed guesses out before they reach the access log."""
        while len(self.pending) > MAX_PENDING:
            waited = next((i for i, e in enumerate(self.pending) if e[2] == "delayed"), 0)
            del self.pending[waited]

    def end_count(self, login: str) -> None:
        """The user logged in (or was given a new password): their wait is over. The noted
        failures stay until they are taken into the access log."""
        if login in self.counts or self.lost_at is not None or not self.serial:
            self.counts.pop(login, None)
            self.lost_at = None  # a good password was given: the waits are over
            self.save()  # also replaces a damaged or missing file

    @classmethod
    def take_pending(cls, db_path: Path) -> list[tuple[datetime, str, str]]:
        """The failures noted so far, read afresh and forgotten: for the access log."""
        current = cls.load(db_path)
        moved, current.pending = current.pending, []
        if moved:
            current.save()
        return moved

    @classmethod
    def start(cls, db_path: Path) -> Attempts:
        """The file of a new database (serial 1), to be recorded in its key file."""
        attempts = cls(attempts_path(db_path))
        attempts.save()
        return attempts

    def save(self) -> None:
        """Written whole (a temporary file renamed), never deleted: its serial only rises."""
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_file()):
            raise DatabaseUnreadable(
                _(
                    "{name} beside the database is not the file of failed logins (a folder or "
                    "a link): remove it, and tell your IT department.",
                    name=self.path.name,
                )
            )
        self.serial += 1
        data: dict[str, Any] = {
            "serial": self.serial,
            "lost_at": self.lost_at.isoformat() if self.lost_at else None,
            "counts": {
                login: {"n": n, "last": last.isoformat()}
                for login, (n, last) in self.counts.items()
            },
            "pending": [
                {"at": at.isoformat(), "login": login, "kind": kind}
                for at, login, kind in self.pending
            ],
        }
        fd, tmp = tempfile.mkstemp(prefix=".attempts-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
