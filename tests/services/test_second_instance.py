"""A second program on the same database file gets a clear refusal and changes nothing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from stevnsmoeder.services import access, backup, restore
from stevnsmoeder.services.errors import DatabaseBusy
from tests.conftest import PASSWORD

HOLDER = r"""
import sys
from pathlib import Path
from stevnsmoeder.services import access
ctx = access.login(Path(sys.argv[1]), "leder", sys.argv[2])
print("open", flush=True)
sys.stdin.readline()  # hold the database open until told to stop
ctx.db.close()
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_second_program_is_refused_until_the_first_closes(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopi.db"
    ctx = access.login(db_path, "leder", PASSWORD)
    backup.backup(ctx, copy)
    ctx.db.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = _digest(db_path)
        with pytest.raises(DatabaseBusy, match="åben i et andet stevnsmoeder"):
            access.login(db_path, "referent", PASSWORD)
        with pytest.raises(DatabaseBusy):
            restore.restore(db_path, copy, "leder", PASSWORD)
        assert _digest(db_path) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    # Closed there: open here.
    access.login(db_path, "referent", PASSWORD).db.close()


def test_a_killed_program_leaves_no_lock_behind(db_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    holder.kill()
    holder.wait(timeout=30)
    for stream in (holder.stdin, holder.stdout):
        if stream is not None:
            stream.close()
    access.login(db_path, "leder", PASSWORD).db.close()


def test_one_program_may_open_the_file_more_than_once(db_path: Path) -> None:
    first = access.login(db_path, "leder", PASSWORD)
    second = access.login(db_path, "ppr", PASSWORD)  # the window and a background task
    first.db.close()
    second.db.close()
