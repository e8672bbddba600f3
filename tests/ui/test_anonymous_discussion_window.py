"""The window keeps an anonymous discussion anonymous: a participant or the police who learnt
of a named child only through "anonym drøftelse" find no trace of who the child is on the case
page or in the meeting window (its agenda, side panels, participants and every other text)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from stevnsmoeder.services import meetings
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.services.test_anonymous_discussion import Anon, build_anon, leaks

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def anon(login: LoginFn) -> Anon:
    return build_anon(login)


def _model_text(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = QModelIndex() if parent is None else parent
    out = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model: one column, no children
        return [model.index(r, 0).data() or "" for r in range(model.rowCount())]
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    out.append(value)
            if col == 0 and model.rowCount(index) > 0:
                out += _model_text(model, index)
    return out


def every_text(window: QWidget) -> str:
    """Everything the window shows or would show on hover: titles, labels, text boxes, combo
    boxes and every cell of every table and list."""
    out = [window.windowTitle()]
    out += [w.text() for w in window.findChildren(QLabel)]
    out += [w.text() for w in window.findChildren(QLineEdit)]
    out += [w.toPlainText() for w in window.findChildren(QTextEdit)]
    out += [w.toPlainText() for w in window.findChildren(QPlainTextEdit)]
    for combo in window.findChildren(QComboBox):
        out += [combo.itemText(i) for i in range(combo.count())]
    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None:
            out += _model_text(view.model())
    return "\n".join(out)


@pytest.mark.parametrize("role", ["deltager", "politi"])
def test_the_case_page_shows_an_anonymous_case(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, anon: Anon, role: str
) -> None:
    window = CaseWindow(
        login(role), anon.karla.id, RecordingPrompts(), lambda _m: None, lambda: False
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.heading.text() == "anonym drøftelse"
    assert window.timeline_proxy.rowCount() == 1
    text = every_text(window)
    assert "anonym drøftelse" in text
    assert leaks(text, anon.karla.reference) == []
    window.close()


@pytest.mark.parametrize("role", ["deltager", "politi"])
def test_the_meeting_window_agenda_says_anonym_droeftelse(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, anon: Anon, role: str
) -> None:
    ctx = login(role)
    meeting = anon.ssp if role == "politi" else anon.district
    main = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, meeting.id))
    window = main.meeting_windows[meeting.id]
    qtbot.addWidget(window)
    rows = [window.agenda.item_at(r) for r in range(window.agenda.rowCount())]
    (row,) = [
        r
        for r, item in enumerate(rows)
        if item.title in ("Uro ved stationen", "Bekymring for en elev")
    ]
    assert window.agenda.index(row, 3).data() == "anonym drøftelse"
    for r in range(window.agenda.rowCount()):
        window.view.selectRow(r)  # every side panel, for every item
        assert leaks(every_text(window), anon.karla.reference) == [], r
    assert leaks(every_text(main), anon.karla.reference) == []  # the start page too
    assert re.search("anonym drøftelse", every_text(main))  # the participant's due agreement
