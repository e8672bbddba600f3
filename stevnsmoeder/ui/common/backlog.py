"""A start-page section of work waiting: a heading with how much, and the oldest rows.

The minutes awaiting approval and the documents not yet filed are alike: shown to those who
may approve minutes (hidden for everyone else), the oldest ``SHOWN`` rows in the order the
service gives them, the heading counting them all. A section reads in two steps, so the start
page can read off the GUI thread: ``reader()`` (on the GUI thread) gives the read, which
touches no widget; ``show()`` puts its answer on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.common.models import ROW_ROLE, Column, TableModel, table_view
from stevnsmoeder.ui.common.prompts import Prompts

SHOWN = 50  # the oldest rows waiting; the heading counts them all

T = TypeVar("T")

Backlog = tuple[Sequence[T], int]  # the oldest rows, and how many wait in all


class BacklogSection(QWidget, Generic[T]):
    """A heading and a table of the oldest rows waiting (see the module's text)."""

    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        name: str,
        columns: Sequence[Column[T]],
        *,
        word: str,
        none_word: str,
        read: Callable[[ServiceContext, int], Backlog[T]],
        open_row: Callable[[T], object],
        parent: QWidget | None = None,
    ) -> None:
        """``word``: the heading; ``none_word``: its count when nothing waits; ``read``:
        the service read of the oldest rows (at most the number given) and the count."""
        super().__init__(parent)
        self.setObjectName(name)
        self.ctx = ctx
        self.prompts = prompts
        self._word = word
        self._none_word = none_word
        self._read = read
        self._open_row = open_row
        self.heading = QLabel()
        self.heading.setObjectName(f"{name}-heading")
        self.model: TableModel[T] = TableModel(columns, self)
        self.view = table_view(self.model, f"{name}-list")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.setVisible(allowed(ctx, Permission.EDIT_MEETINGS))  # filled by reload()

    def reader(self) -> Callable[[], Backlog[T] | None]:
        """The read to make (None for those who do not see the section); no widget in it."""
        ctx, read = self.ctx, self._read
        if not allowed(ctx, Permission.EDIT_MEETINGS):
            return lambda: None
        return lambda: read(ctx, SHOWN)

    def show_rows(self, answer: Backlog[T] | None) -> None:
        """Put a read's answer on screen."""
        if answer is None:
            return
        found, total = answer
        self.model.set_rows(found)  # oldest first, as the service gives them
        count = str(total) if total else self._none_word
        if total > len(found):  # a long backlog: the oldest are what must be done first
            count += " " + QCoreApplication.translate(
                "BacklogSection", "(the oldest %1 shown)"
            ).replace("%1", str(len(found)))
        self.heading.setText(f"<b>{self._word}</b> – {count}")
        self.view.setVisible(bool(found))

    def reload(self) -> None:
        """Read and show at once."""
        try:
            answer = self.reader()()
        except ServiceError as exc:
            title = QCoreApplication.translate("BacklogSection", "Start")
            self.prompts.error(self, title, str(exc))
            answer = ([], 0)
        self.show_rows(answer)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self._open_row(row)
