"""The login dialog: first run offers the demo; wrong and right passwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stevnsmoeder.services import demo
from stevnsmoeder.ui.access.login import LoginDialog
from stevnsmoeder.ui.app import create_application
from tests.conftest import CHEAP_KDF, PASSWORD


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()  # fonts and the Danish translation, as at start-up


def test_existing_database_logs_in(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(db_path, "leder")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first_run.isHidden()
    assert dialog.focusWidget() is dialog.password_edit  # user known: straight to password
    assert dialog.windowTitle() == "stevnsmoeder – log ind"

    qtbot.keyClicks(dialog.password_edit, "forkert")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=10_000)
    assert dialog.error_label.text() == "Forkert brugernavn eller adgangskode."
    assert dialog.context is None

    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.context is not None
    assert dialog.context.actor.login == "leder"
    dialog.context.db.close()


def test_empty_fields_are_explained(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.try_login()
    assert dialog.error_label.text() == "Skriv dit brugernavn og din adgangskode."


def test_first_run_offers_and_creates_the_demo(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = demo.create_demo_database

    def quick(path: Path) -> None:  # one year, cheap key derivation: same code path
        real(path, years=1, kdf=CHEAP_KDF)

    monkeypatch.setattr(demo, "create_demo_database", quick)
    path = tmp_path / "ny" / "stevnsmoeder.db"
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first_run.isVisible()
    assert not dialog.login_button.isEnabled()
    qtbot.mouseClick(dialog.create_demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: path.exists() and dialog.login_button.isEnabled(), timeout=60_000)
    assert dialog.first_run.isHidden()
    assert "demo" in dialog.hint.text() and "leder" in dialog.hint.text()
    assert dialog.user_edit.text() == "leder"
    qtbot.keyClicks(dialog.password_edit, "demo")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    dialog.context.db.close()


def test_the_login_window_does_not_wait_for_the_database_layer() -> None:
    """The dialog must appear fast: SQLAlchemy and the driver load after it is shown."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import stevnsmoeder.cli, stevnsmoeder.ui.app, stevnsmoeder.ui.access.login\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlcipher3', 'alembic', 'reportlab') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_a_damaged_database_offers_the_newest_backup(  # type: ignore[no-untyped-def]
    qtbot, db_path: Path
) -> None:
    from stevnsmoeder.services import access, backup

    ctx = access.login(db_path, "leder", PASSWORD)
    backup.backup(ctx)
    ctx.db.close()
    db_path.write_bytes(db_path.read_bytes()[:4096])  # the laptop died mid-write
    for part in ("-wal", "-shm"):
        db_path.with_name(db_path.name + part).unlink(missing_ok=True)
    dialog = LoginDialog(db_path, "leder")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.restore_button.isVisibleTo(dialog), timeout=10_000)
    assert "beskadiget" in dialog.error_label.text()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.restore_button.click()
    assert dialog.context is not None
    dialog.context.db.close()
    assert list(db_path.parent.glob("stevnsmoeder.db.replaced-*"))  # the damaged file is kept


def test_cancel_waits_while_the_database_opens(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(db_path, "leder")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText(PASSWORD)
    dialog.try_login()
    dialog.reject()  # Escape while busy
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=10_000)
    dialog.context.db.close()


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_user_who_must_wait_is_told_how_long_counting_down(  # type: ignore[no-untyped-def]
    qtbot, db_path: Path
) -> None:
    """Earlier guesses at "leder": the window says "Vent 32 sekunder …", counts down, keeps
    Log ind pressed out until the time is up, and then says the user may try again."""
    from datetime import UTC, datetime

    from stevnsmoeder.services.login_attempts import Attempts

    attempts = Attempts.load(db_path)
    for _ in range(10):
        attempts.failed("leder", datetime.now(UTC), "password")
    dialog = LoginDialog(db_path, "leder")
    clock = FakeMonotonic()
    dialog.now = clock
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=10_000)
    assert dialog.context is None
    text = dialog.error_label.text()
    assert text.startswith("For mange mislykkede login. Vent 3"), text
    assert text.endswith("sekunder, før du prøver igen."), text
    assert not dialog.login_button.isEnabled()
    assert dialog.wait_timer.isActive()

    left = dialog.seconds_left()
    clock.now += left - 1
    dialog._tick()
    assert dialog.error_label.text() == (
        "For mange mislykkede login. Vent 1 sekund, før du prøver igen."
    )
    assert not dialog.login_button.isEnabled()
    clock.now += 1
    dialog._tick()
    assert dialog.error_label.text() == "Du kan prøve igen nu."
    assert dialog.login_button.isEnabled() and not dialog.wait_timer.isActive()


def test_the_failure_that_starts_the_wait_says_so(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from stevnsmoeder.services.login_attempts import Attempts

    attempts = Attempts.load(db_path)
    for _ in range(4):
        attempts.failed("leder", datetime.now(UTC), "password")
    dialog = LoginDialog(db_path, "leder")
    dialog.now = FakeMonotonic()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "forkert")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=10_000)
    assert dialog.error_label.text() == (
        "Forkert brugernavn eller adgangskode. Vent 1 sekund, før du prøver igen."
    )
    assert not dialog.login_button.isEnabled()
    # Another user name need not wait for this one's guesses.
    qtbot.keyClicks(dialog.user_edit, "x")
    assert dialog.login_button.isEnabled() and dialog.error_label.text() == ""
