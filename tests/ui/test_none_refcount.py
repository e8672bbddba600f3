"""A long session never aborts on Python 3.11: the Qt bindings give back a reference to None
they never took on each call that returns nothing (see stevnsmoeder.ui.keep_none_alive)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

LOOP = (
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication([])\n"
    "label = QLabel()\n"
    "for i in range(50_000):\n"
    "    label.setText(str(i % 7))\n"
    "print('ok')\n"
)


def _run(prelude: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", prelude + LOOP],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_fifty_thousand_qt_calls_in_the_program_do_not_abort() -> None:
    done = _run("import stevnsmoeder.ui\n")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-500:]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_without_it_the_same_calls_abort() -> None:
    """The test above can fail: without the fix the bindings drain None and Python aborts."""
    done = _run("")
    assert done.returncode != 0 and "none_dealloc" in done.stderr
