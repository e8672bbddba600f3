"""The operation runner: one call at a time per window, slow calls off the GUI thread, a known
problem told in Danish with what the user typed kept, and the change announced."""

from __future__ import annotations

import threading
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from stevnsmoeder.services.errors import ServiceError, ValidationError
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.operations import Change, Operations
from stevnsmoeder.ui.common.prompts import RecordingPrompts


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


class Form(QWidget):
    """A field and a button that saves it, the way the windows use the runner."""

    def __init__(self, save, background: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.prompts = RecordingPrompts()
        self.operations = Operations(self, self.prompts, "Gem")
        self.field = QLineEdit()
        self.button = QPushButton("Gem")
        self.saved: list[str] = []
        self.background = background
        self.button.clicked.connect(lambda: self.submit(save))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.button)

    def submit(self, save) -> None:  # type: ignore[no-untyped-def]
        text = self.field.text()
        run = self.operations.run_in_background if self.background else self.operations.run
        run(lambda: save(text), then=self._done)

    def _done(self, text: str) -> None:
        self.saved.append(text)
        self.field.clear()


def test_a_click_while_a_call_is_in_flight_does_not_run_it_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    calls: list[str] = []

    def save(text: str) -> str:
        calls.append(text)
        assert release.wait(10)
        return text

    form = Form(save, background=True)
    qtbot.addWidget(form)
    form.field.setText("Mor ringer til skolen")
    busy: list[bool] = []
    form.operations.busy_changed.connect(busy.append)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert form.operations.busy
    assert form.cursor().shape() == Qt.CursorShape.BusyCursor  # the busy state shows
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)  # impatient: clicked again
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: form.saved == ["Mor ringer til skolen"])
    assert calls == ["Mor ringer til skolen"]
    assert not form.operations.busy
    assert busy == [True, False]
    assert form.cursor().shape() != Qt.CursorShape.BusyCursor
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)  # done: a new click runs again
    qtbot.waitUntil(lambda: len(form.saved) == 2)
    assert calls == ["Mor ringer til skolen", ""]


@pytest.mark.parametrize("background", [False, True], ids=["now", "background"])
def test_a_refusal_shows_the_danish_message_and_keeps_what_was_typed(
    qtbot,  # type: ignore[no-untyped-def]
    background: bool,
) -> None:
    def save(text: str) -> str:
        raise ValidationError("Teksten må højst være 200 tegn.")

    form = Form(save, background=background)
    qtbot.addWidget(form)
    form.field.setText("x" * 201)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.prompts.shown))
    assert form.prompts.shown == [("error", "Gem", "Teksten må højst være 200 tegn.")]
    assert form.field.text() == "x" * 201
    assert form.saved == []
    assert not form.operations.busy


def test_a_refusal_goes_where_the_window_says(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    line = QLabel()
    prompts = RecordingPrompts()
    ops = Operations(window, prompts, "Lukkedage", show=line.setText)
    first: list[ServiceError] = []

    def refuse() -> None:
        raise ValidationError("Slutdatoen ligger før startdatoen.")

    assert not ops.run(refuse, refused=first.append)
    assert line.text() == "Slutdatoen ligger før startdatoen."
    assert len(first) == 1 and prompts.shown == []
    assert ops.fetch(refuse, [], title="x") == []
    assert ops.fetch(lambda: [1], []) == [1]
    line.clear()
    assert ops.fetch(refuse, None, quiet=True) is None and line.text() == ""


def test_a_change_is_announced_after_the_window_showed_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    ops = Operations(window, RecordingPrompts(), "Møde")
    meeting = uuid.uuid4()
    order: list[object] = []
    bus = changes.bus()

    def heard(what: str, ident: object) -> None:
        order.append((what, ident))

    bus.changed.connect(heard)
    try:
        assert ops.run(lambda: 7, then=order.append, announce=Change(changes.MEETING, meeting))
        assert order == [7, (changes.MEETING, meeting)]

        def refuse() -> None:
            raise ValidationError("Nej.")

        assert not ops.run(refuse, announce=Change(changes.MEETING, meeting))
        assert order == [7, (changes.MEETING, meeting)]  # nothing changed: nothing announced
    finally:
        bus.changed.disconnect(heard)


def test_an_unknown_error_is_not_swallowed(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    prompts = RecordingPrompts()
    ops = Operations(window, prompts, "Møde")

    def broken() -> None:
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        ops.run(broken)
    assert not ops.busy and prompts.shown == []  # the crash dialog tells, not a message box


# -- in the windows ----------------------------------------------------------------------------


def test_planning_ahead_asked_again_while_it_runs_plans_once(  # type: ignore[no-untyped-def]
    qtbot, login, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stevnsmoeder.services import series
    from stevnsmoeder.ui.main.main_window import MainWindow

    ctx = login("referent")
    real = series.generate
    release = threading.Event()
    runs: list[int] = []

    def slow_generate(*args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(1)
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(series, "generate", slow_generate)
    prompts = RecordingPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.plan_action.trigger()
    qtbot.waitUntil(lambda: runs == [1])
    window.plan_action.trigger()  # again, while the first is still planning
    release.set()
    qtbot.waitUntil(lambda: bool(prompts.shown), timeout=10_000)
    qtbot.wait(50)  # a second run would have reported by now
    assert runs == [1] and [kind for kind, *_ in prompts.shown] == ["info"]


def test_a_refused_action_is_told_and_what_the_chair_typed_stays(  # type: ignore[no-untyped-def]
    qtbot, login, clock
) -> None:
    from tests.ui.test_live_chair import CTRL, SHIFT, _running

    window, view, keys = _running(qtbot, login("leder"))
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Ringe til skolen")
    keys.press(Qt.Key.Key_Return)  # nobody responsible: refused
    prompts = window.prompts
    assert isinstance(prompts, RecordingPrompts)
    assert prompts.shown[-1] == (
        "error",
        "Møde",
        "En handling skal have en ansvarlig: hvem gør det?",
    )
    assert view.action_pane.what.text() == "Ringe til skolen"
    assert not view.operations.busy
