"""The backups in rotation: ``backups/`` beside the database holds
``stevnsmoeder-20261123-141500.db`` and its ``.keys``. The newest backup of each of the last
seven days with backups and of each of the four weeks before are kept; older ones go.

Only files are looked at here: services.backup takes backups, services.restore puts one back,
services.audit_trail reads the heads written beside them, services.rekey re-keys them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.domain.dates import LOCAL_TZ

KEEP_DAYS = 7
KEEP_WEEKS = 4
_NAME = re.compile(r"^stevnsmoeder-(\d{8}-\d{6})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, from the file name
    size: int


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def live_database_for(path: Path) -> Path | None:
    """The live database whose rotation holds the backup at ``path`` (None when ``path`` is
    no backup in a rotation, or the folder above holds no single database)."""
    if path.parent.name != backups_dir(Path("x")).name or not _NAME.match(path.name):
        return None
    try:
        found = [p for p in path.parent.parent.glob("*.db") if keyfile_path(p).is_file()]
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups in rotation, newest first."""
    folder = backups_dir(db_path)
    found = []
    for path in folder.glob("stevnsmoeder-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or not keyfile_path(path).exists() or path.stat().st_size == 0:
            continue  # not one of ours, or left empty by a full disk or a crash
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=LOCAL_TZ)
        found.append(BackupInfo(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_keep(taken: Iterable[datetime]) -> set[datetime]:
    """Of these backup times: the newest of each of the last KEEP_DAYS days that have a backup,
    and the newest of each of the KEEP_WEEKS ISO weeks before those days."""
    newest_per_day: dict[object, datetime] = {}
    for at in sorted(taken, reverse=True):
        newest_per_day.setdefault(at.date(), at)
    days = sorted(newest_per_day, reverse=True)  # type: ignore[type-var]
    keep = {newest_per_day[day] for day in days[:KEEP_DAYS]}
    weeks: dict[tuple[int, int], datetime] = {}
    for day in days[KEEP_DAYS:]:
        at = newest_per_day[day]
        week = at.isocalendar()[:2]
        weeks.setdefault((week[0], week[1]), at)
    keep |= set(sorted(weeks.values(), reverse=True)[:KEEP_WEEKS])
    return keep


def prune(db_path: Path) -> list[Path]:
    """Remove the backups out of rotation; returns what was removed."""
    backups = list_backups(db_path)
    keep = to_keep(b.taken_at for b in backups)
    removed = []
    for b in backups:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            keyfile_path(b.path).unlink(missing_ok=True)
            b.path.with_name(b.path.name + ".head.json").unlink(missing_ok=True)
            removed.append(b.path)
    return removed
