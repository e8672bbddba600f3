"""*Konflikter*: the changes the server refused, each beside the server's version, for the
user to decide on (services.sync_conflicts).

On the left the list (what, when, why); on the right, for the chosen one, what was attempted
in words, the server's reason, and the laptop's and the server's versions side by side with
who and when. The buttons are the choices the service offers for it: *Behold min* (the change
is made again and sent at the next sync), *Behold serverens*, *Flet i hånden …* (an editor
with the laptop's text to edit and the server's beside it) and, for minutes approved
meanwhile, *Gem som tillæg …*; *Kopiér min tekst* is always there, so a text can be kept
whatever is decided. Nothing is dropped until the user decides. Each decision runs through
the window's Operations and is announced on the app's bus, so open views refresh;
``count_changed`` tells the status bar how many are left.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.services import sync_conflicts
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.sync_conflicts import Choice, ConflictDetail, Version
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.forms import ERROR_STYLE, title_label, wrapped
from stevnsmoeder.ui.common.operations import Change, Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.sync.conflict_parts import ConflictListModel, TextEditor, when_text

PREFERRED = QSize(1200, 680)


class ConflictsDialog(QDialog):
    count_changed = Signal(int)

    def __init__(
        self, ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setWindowTitle(self.tr("Conflicts"))
        self.ctx = ctx
        self.prompts = prompts
        self.operations = Operations(self, prompts, self.tr("Conflicts"))
        self.shown: ConflictDetail | None = None
        self.editor: TextEditor | None = None  # the open merge or addendum editor

        self.model = ConflictListModel(self)
        self.view = QListView()
        self.view.setObjectName("conflict_list")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSpacing(3)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.intro = wrapped(
            self.tr(
                "Changes made on this computer that the server refused. Nothing is lost "
                "until you decide."
            )
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.intro)
        left_layout.addWidget(self.view, 1)

        self.what = title_label(scale=1.2)
        self.what.setObjectName("conflict_what")
        self.field = wrapped()
        self.field.setObjectName("conflict_field")
        self.reason = wrapped()
        self.reason.setObjectName("conflict_reason")
        self.note = wrapped()
        self.note.setObjectName("conflict_note")
        self.note.setStyleSheet(ERROR_STYLE)
        self.mine_heading = wrapped()
        self.mine_heading.setObjectName("mine_heading")
        self.server_heading = wrapped()
        self.server_heading.setObjectName("server_heading")
        for heading in (self.mine_heading, self.server_heading):
            bold = QFont(heading.font())
            bold.setBold(True)
            heading.setFont(bold)
        self.mine_text = self._text_view("mine_text")
        self.server_text = self._text_view("server_text")
        sides = QGridLayout()
        sides.addWidget(self.mine_heading, 0, 0)
        sides.addWidget(self.server_heading, 0, 1)
        sides.addWidget(self.mine_text, 1, 0)
        sides.addWidget(self.server_text, 1, 1)
        sides.setRowStretch(1, 1)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)

        self.keep_mine = self._button("keep_mine", self.tr("Keep mine"), self._keep_mine)
        self.keep_server = self._button(
            "keep_server", self.tr("Keep the server's"), self._keep_server
        )
        self.merge = self._button("merge", self.tr("Merge by hand …"), self._merge)
        self.addendum = self._button("addendum", self.tr("Keep as addendum …"), self._addendum)
        self.copy = self._button("copy", self.tr("Copy my text"), self._copy)
        self.copied = QLabel()
        self.copied.setObjectName("copied")
        choices = QHBoxLayout()
        for button in (self.keep_mine, self.keep_server, self.merge, self.addendum, self.copy):
            choices.addWidget(button)
        choices.addWidget(self.copied)
        choices.addStretch(1)

        self.empty = wrapped(self.tr("There are no changes to decide on."))
        self.empty.setObjectName("no_conflicts")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.what)
        right_layout.addWidget(self.field)
        right_layout.addWidget(self.reason)
        right_layout.addWidget(self.note)
        right_layout.addLayout(sides, 1)
        right_layout.addLayout(choices)
        right_layout.addWidget(self.empty)
        self.details = right

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 800])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(close)
        fit_to_screen(self, PREFERRED)
        self.reload()

    def _text_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setTabChangesFocus(True)
        lines = view.fontMetrics().lineSpacing()
        view.setMinimumSize(20 * view.fontMetrics().averageCharWidth(), 4 * lines)
        return view

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- the list ----------------------------------------------------------------------------

    def reload(self) -> None:
        """The conflicts afresh, keeping the chosen one when it is still open."""
        keep = self.shown.id if self.shown else None
        found = self.operations.fetch(lambda: sync_conflicts.open_conflicts(self.ctx), [])
        self.model.set_rows(found)
        row = self.model.row_of(keep) if keep else None
        if row is None and found:
            row = 0
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))
        else:
            self._show(None)
        self.count_changed.emit(len(found))

    @property
    def count(self) -> int:
        return self.model.rowCount()

    def select(self, conflict_id: uuid.UUID) -> None:
        row = self.model.row_of(conflict_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def _selected(self, _now: QItemSelection, _before: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self._show(None)
            return
        listed = self.model.row_at(rows[0].row())
        self._show(self.operations.fetch(lambda: sync_conflicts.detail(self.ctx, listed.id), None))

    def _show(self, shown: ConflictDetail | None) -> None:
        self.shown = shown
        self.copied.clear()
        for part in (self.what, self.field, self.reason, self.note):
            part.setVisible(shown is not None)
        self.empty.setVisible(shown is None and self.model.rowCount() == 0)
        if shown is None:
            for part in (self.mine_heading, self.server_heading):
                part.clear()
            for view in (self.mine_text, self.server_text):
                view.clear()
            for button in (self.keep_mine, self.keep_server, self.merge, self.copy):
                button.setEnabled(False)
            self.addendum.hide()
            return
        self.what.setText(shown.what)
        self.field.setText(self.tr("Field: %1").replace("%1", shown.field))
        self.field.setVisible(bool(shown.field))
        self.reason.setText(self.tr("Why: %1").replace("%1", shown.reason))
        self.note.setText(shown.note)
        self.note.setVisible(bool(shown.note))
        self.mine_heading.setText(self._heading(shown.mine, mine=True))
        self.server_heading.setText(self._heading(shown.server, mine=False))
        self.mine_text.setPlainText(shown.mine.text)
        self.server_text.setPlainText(shown.server.text)
        self.keep_mine.setEnabled(Choice.MINE in shown.choices)
        self.keep_server.setEnabled(Choice.SERVER in shown.choices)
        self.merge.setEnabled(Choice.MERGED in shown.choices)
        self.addendum.setVisible(Choice.ADDENDUM in shown.choices)
        self.copy.setEnabled(bool(shown.mine.text))

    def _heading(self, version: Version, *, mine: bool) -> str:
        """ "Din version – Maiken Bang, mandag den 23. november 2026, kl. 10.15"."""
        by = ", ".join(p for p in (version.who, when_text(version.at) if version.at else "") if p)
        if mine:
            return self.tr("Your version – %1").replace("%1", by)
        if not by:
            return self.tr("The server's version")
        if self.shown is not None and self.shown.approved and version.who:
            return self.tr("The server's version – approved by %1").replace("%1", by)
        return self.tr("The server's version – %1").replace("%1", by)

    # -- deciding ----------------------------------------------------------------------------

    def _decide(self, call: Callable[[], object], shown: ConflictDetail) -> None:
        if shown.meeting_id is not None:
            change = Change(changes.MEETING, shown.meeting_id)
        elif shown.case_id is not None:
            change = Change(changes.CASE, shown.case_id)
        else:
            change = Change(changes.MEETING)
        self.operations.run(
            call,
            then=lambda _r: self.reload(),
            refused=lambda _e: self.reload(),
            announce=change,
        )

    def _keep_mine(self) -> None:
        shown = self.shown
        if shown is not None:
            base = shown.server.text if shown.is_text else None
            self._decide(lambda: sync_conflicts.keep_mine(self.ctx, shown.id, base=base), shown)

    def _keep_server(self) -> None:
        shown = self.shown
        if shown is None:
            return
        sure = self.prompts.confirm(
            self,
            self.tr("Keep the server's version"),
            self.tr(
                "The server's version stays, and your version is not used. It is kept with "
                "the decided conflict on this computer."
            ),
        )
        if sure:
            self._decide(lambda: sync_conflicts.keep_server(self.ctx, shown.id), shown)

    def _merge(self) -> None:
        shown = self.shown
        if shown is None:
            return
        self._edit(
            shown,
            self.tr("Merge by hand"),
            self.tr(
                "Write the text as it should be, from both versions. It is saved as a new "
                "change and sent at the next sync."
            ),
            self.tr("Save"),
            lambda text: sync_conflicts.merge(self.ctx, shown.id, text, base=shown.server.text),
        )

    def _addendum(self) -> None:
        shown = self.shown
        if shown is None:
            return
        self._edit(
            shown,
            self.tr("Keep as addendum"),
            self.tr(
                "The minutes are approved: your text is added as a dated addendum about the "
                "item. Correct it first if need be."
            ),
            self.tr("Save as addendum"),
            lambda text: sync_conflicts.keep_as_addendum(self.ctx, shown.id, text),
        )

    def _edit(
        self,
        shown: ConflictDetail,
        title: str,
        guide: str,
        ok_text: str,
        save: Callable[[str], object],
    ) -> None:
        editor = TextEditor(
            title,
            guide,
            ok_text,
            (self.tr("Your text"), shown.mine.text),
            (self._heading(shown.server, mine=False), shown.server.text),
            self,
        )
        fit_to_screen(editor, QSize(900, 480))
        self.editor = editor

        def saved() -> None:
            text = editor.value()
            self._decide(lambda: save(text), shown)

        editor.accepted.connect(saved)
        editor.open()

    def _copy(self) -> None:
        if self.shown is None:
            return
        QGuiApplication.clipboard().setText(self.shown.mine.text)
        self.copied.setText(self.tr("Your text is copied."))


def open_conflicts(
    ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
) -> ConflictsDialog:
    """Open *Konflikter* (not modal): the status bar follows its ``count_changed``."""
    dialog = ConflictsDialog(ctx, prompts, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
