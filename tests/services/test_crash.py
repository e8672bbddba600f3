"""Nothing lost: a process taking minutes is killed mid-typing, again and again.

A child process types notes through the minutes service (as the window's autosave does) and
reports each length it has saved; the test kills it with SIGKILL at a random moment, reopens
the database and checks that it passes SQLite's and SQLCipher's checks, that the access log's
chain verifies, and that the notes hold at least everything reported saved — the text typed
since the last save is the most that can be lost.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from stevnsmoeder.services import access, live, maintenance, minutes
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import PASSWORD
from tests.services.test_live_and_minutes import _prepared

LoginFn = Callable[[str], ServiceContext]

TYPIST = r"""
import sys, uuid
from pathlib import Path
from stevnsmoeder.services import access, minutes
ctx = access.login(Path(sys.argv[1]), "referent", sys.argv[2])
item = uuid.UUID(sys.argv[3])
text = minutes.get_minutes(ctx, uuid.UUID(sys.argv[4])).items[item].notes
words = "Mor fortæller, at drengen sover dårligt og er træt i skolen. ".split(" ")
i = 0
while True:
    text += words[i % len(words)] + " "
    i += 1
    minutes.save_text(ctx, item, "notes", text)
    print(len(text), flush=True)
"""


def _kill_rounds(db_path: Path, rounds: int, seed: int) -> None:
    ctx = access.login(db_path, "referent", PASSWORD)
    m, items = _prepared(ctx)
    live.start(ctx, m.id)
    item = next(i for i in items if i.case_id)
    ctx.db.close()
    rng = random.Random(seed)
    env = dict(os.environ)
    for _round in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", TYPIST, str(db_path), PASSWORD, str(item.id), str(m.id)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        saved = 0
        for _ in range(rng.randint(3, 40)):  # let it save a random number of times
            line = child.stdout.readline()
            assert line, "the typist stopped on its own"
            saved = int(line)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        again = access.login(db_path, "referent", PASSWORD)
        try:
            report = maintenance.check(again)
            assert report.ok, [(i.name, i.detail) for i in report.items if not i.ok]
            notes = minutes.get_minutes(again, m.id).items[item.id].notes
            assert len(notes) >= saved  # at most the unsaved tail is lost
            assert notes.startswith("Mor fortæller")
        finally:
            again.db.close()


def test_killed_mid_typing_loses_nothing_saved(db_path: Path) -> None:
    _kill_rounds(db_path, rounds=5, seed=1)


@pytest.mark.slow
def test_killed_a_hundred_times(db_path: Path) -> None:
    _kill_rounds(db_path, rounds=100, seed=2)
