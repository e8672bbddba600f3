"""The copies of the shared record on this computer: one replica per user and server.

A shared laptop holds a replica for each user who connected it, and perhaps the standalone
file. The login window lists them by user and server without opening any (they are
encrypted): a small index in the data folder names each file, its user and its server.
It holds no personal data beyond the user names the login window shows anyway.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from stevnsmoeder import paths

if TYPE_CHECKING:  # the login window lists replicas before the database layer is loaded
    from stevnsmoeder.db.keystore import KdfParams
    from stevnsmoeder.services import sync_client
    from stevnsmoeder.services.context import Clock

INDEX_NAME = "replicas.json"
FOLDER_NAME = "replicas"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Replica:
    """A replica on this computer: whose, of which server, and where."""

    path: Path
    login: str
    server_url: str
    ca_file: Path | None = None

    @property
    def server_name(self) -> str:
        """The server as a person says it: its host name (and port, if not the usual)."""
        parts = urlsplit(self.server_url)
        return parts.netloc or self.server_url

    def to_json(self) -> dict[str, str]:
        return {
            "path": str(self.path),
            "login": self.login,
            "server_url": self.server_url,
            "ca_file": str(self.ca_file) if self.ca_file else "",
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Replica:
        ca = data.get("ca_file") or ""
        return cls(Path(data["path"]), data["login"], data["server_url"], Path(ca) if ca else None)


def _index_path(home: Path | None) -> Path:
    return (home or paths.data_dir()) / INDEX_NAME


def _read(home: Path | None) -> list[Replica]:
    try:
        raw = json.loads(_index_path(home).read_text(encoding="utf-8"))
        return [Replica.from_json(r) for r in raw.get("replicas", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []  # no index yet, or a damaged one: no replica is listed


def _write(home: Path | None, found: list[Replica]) -> None:
    """Atomically: a crash leaves the old index or the new one."""
    target = _index_path(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"replicas": [r.to_json() for r in found]}, indent=1)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".replicas-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def on_this_computer(home: Path | None = None) -> list[Replica]:
    """The replicas whose file is still here, by server and user."""
    found = [r for r in _read(home) if r.path.is_file()]
    return sorted(found, key=lambda r: (r.server_name, r.login))


def path_for(server_url: str, login: str, home: Path | None = None) -> Path:
    """Where a user's replica of a server lives (a file name every system accepts)."""
    host = _UNSAFE.sub("_", urlsplit(server_url).netloc or server_url).strip("_") or "server"
    name = _UNSAFE.sub("_", login).strip("_") or "user"
    return (home or paths.data_dir()) / FOLDER_NAME / host / f"{name}.db"


def remember(replica: Replica, home: Path | None = None) -> None:
    kept = [r for r in _read(home) if r.path != replica.path]
    _write(home, [*kept, replica])


def forget(path: Path, home: Path | None = None) -> None:
    """After a wipe: the replica is no longer listed."""
    kept = [r for r in _read(home) if r.path != path]
    _write(home, kept)


def find(path: Path, home: Path | None = None) -> Replica | None:
    return next((r for r in _read(home) if r.path == path), None)


def connect(
    server: sync_client.Server,
    login_name: str,
    password: str,
    *,
    progress: Callable[[sync_client.Progress], None] | None = None,
    home: Path | None = None,
    clock: Clock | None = None,
    kdf: KdfParams | None = None,
) -> tuple[Replica, sync_client.Connected]:
    """Register this computer for the user, make the user's replica in the data folder and
    list it for the login window."""
    # The database layer loads here, not when the login window lists the replicas.
    from stevnsmoeder.db.base import utcnow
    from stevnsmoeder.db.keystore import DEFAULT_KDF
    from stevnsmoeder.services import sync_client
    from stevnsmoeder.services.access import database_exists

    path = path_for(server.url, login_name, home)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not database_exists(path):
        for stale in path.parent.glob(path.name + "*"):  # a connect cut short before
            with contextlib.suppress(OSError):
                stale.unlink()
    made = sync_client.connect(
        server,
        path,
        login_name,
        password,
        clock=clock or utcnow,
        kdf=kdf or DEFAULT_KDF,
        progress=progress,
    )
    replica = Replica(path, made.login, server.url, server.ca_file)
    remember(replica, home)
    return replica, made
