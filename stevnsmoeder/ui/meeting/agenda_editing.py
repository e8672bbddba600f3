"""Changing the agenda from the meeting window: an item or a child added (a child from the
register, or new, in one service call), one removed, moved (Ctrl+Up/Down, dragged) or renamed
and timed in place. Titles typed in the agenda survive a change made elsewhere: the window
reloads once the editor has closed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableView, QWidget

from stevnsmoeder.model.enums import AgendaItemKind
from stevnsmoeder.services import cases, planning, reference_data
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.planning import MeetingPlan, PlanItem
from stevnsmoeder.ui.case.case_dialogs import AddItemDialog, ChildItemDialog
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.meeting.agenda_model import AgendaModel

T = TypeVar("T")


class AgendaEditing(QWidget):
    """The meeting window's part that changes the agenda (see the module's text). The window
    provides what is declared here."""

    ctx: ServiceContext
    meeting_id: uuid.UUID
    prompts: Prompts
    operations: Operations
    plan: MeetingPlan
    screen_safe: Callable[[], bool]
    agenda: AgendaModel
    view: QTableView
    _reload_after_edit: bool

    def editable(self) -> bool:
        raise NotImplementedError

    def selected(self) -> PlanItem | None:
        raise NotImplementedError

    def operation(self, call: Callable[[int], MeetingPlan], keep: uuid.UUID | None = None) -> bool:
        raise NotImplementedError

    def in_dialog(self, call: Callable[[int], T]) -> T:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _changed(self, plan: MeetingPlan, keep: uuid.UUID | None = None) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table view would take Ctrl+arrows for its own cursor moves: caught here first.
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.shift(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete and self.view.state() != (
                QAbstractItemView.State.EditingState
            ):
                self.remove_item()
                return True
        return super().eventFilter(watched, event)

    def add_item(self) -> None:
        if not self.editable():
            return
        dialog = AddItemDialog(self)

        def submit() -> None:
            title, minutes, kind = dialog.value()
            self._changed(
                self.in_dialog(
                    lambda rev: planning.add_item(
                        self.ctx, self.meeting_id, rev, title=title, minutes=minutes,
                        kind=AgendaItemKind(kind),
                    )
                )
            )  # fmt: skip

        dialog.submit = submit
        dialog.exec()

    def add_child(self) -> None:
        """A child on the agenda: from the register (a closed case reopened when the user
        says so) or new, in one service call; refusals are shown in the dialog."""
        if not self.editable():
            return
        found = self.operations.fetch(lambda: cases.list_cases(self.ctx), None)
        if found is None:
            return
        dialog = ChildItemDialog(
            found, reference_data.districts(self.ctx), screen_safe=self.screen_safe(),
            district=self.plan.summary.district, parent=self,
        )  # fmt: skip
        added: list[planning.ChildItemAdded] = []

        def submit() -> None:
            title, minutes = dialog.item()
            new, chosen = dialog.new_case(), dialog.selected_case()
            done = self.in_dialog(
                lambda rev: planning.add_child_item(
                    self.ctx, self.meeting_id, rev, title=title, minutes=minutes,
                    case_id=chosen.id if new is None and chosen else None, new_case=new,
                    reopen=dialog.reopen_case(),
                )
            )  # fmt: skip
            added.append(done)
            self._changed(done.plan)

        dialog.submit = submit
        if dialog.exec() != QDialog.DialogCode.Accepted or not added:
            return
        done = added[0]
        for warning in done.warnings:
            self.prompts.info(self, self.tr("New case"), warning)
        if dialog.new_case() is not None or done.reopened:
            changes.bus().announce(changes.CASE, done.case.id)
        new_row = next((r for r, i in enumerate(self.plan.items) if i.case_id == done.case.id), -1)
        if new_row >= 0:
            self.view.selectRow(new_row)

    def remove_item(self) -> None:
        item = self.selected()
        if item is None or not self.editable():
            return
        if not self.prompts.confirm(
            self,
            self.tr("Remove item"),
            self.tr("Remove '%1' from the agenda?").replace("%1", item.title),
        ):
            return
        self.operation(lambda rev: planning.remove_item(self.ctx, self.meeting_id, rev, item.id))

    def shift(self, step: int) -> None:
        item = self.selected()
        if item is None or not self.editable():
            return
        row = self.agenda.row_of(item.id)
        self._move(item.id, max(0, min(row + step, self.agenda.rowCount() - 1)))

    def _move(self, item_id: uuid.UUID, to: int) -> None:
        if self.agenda.row_of(item_id) == to:
            return
        self.operation(
            lambda rev: planning.move_item(self.ctx, self.meeting_id, rev, item_id, to),
            keep=item_id,
        )

    def _edit(self, item_id: uuid.UUID, field: str, value: object) -> None:
        if self.view.state() == QAbstractItemView.State.EditingState:
            # Called from the cell editor's commit: saving reloads the agenda, which would
            # pull the editor away from under its delegate. Save once it has closed.
            QTimer.singleShot(0, self, partial(self._edit, item_id, field, value))
            return
        if field == "title":
            call = lambda rev: planning.update_item(  # noqa: E731 - one expression
                self.ctx, self.meeting_id, rev, item_id, title=str(value)
            )
        else:
            call = lambda rev: planning.update_item(  # noqa: E731
                self.ctx, self.meeting_id, rev, item_id, minutes=int(str(value))
            )
        self.operation(call, keep=item_id)

    # -- a change elsewhere while a title is typed ---------------------------------------
    def _changed_elsewhere(self, what: str, ident: object) -> None:
        mine = (what == changes.MEETING and ident in (None, self.meeting_id)) or (
            what == changes.ARRIVED
        )
        if mine and not self.operations.busy:
            if self.view.state() == QAbstractItemView.State.EditingState:
                # A title or time box is being typed: the reload (which would close the
                # editor and lose the text) waits until the editor closes; the typed text
                # is saved first.
                self._reload_after_edit = True
                return
            self.reload()

    def _editor_closing(self, *_args: object) -> None:
        QTimer.singleShot(0, self._editor_closed)  # once the view is done with the editor

    def _editor_closed(self) -> None:
        if self._reload_after_edit:
            self._reload_after_edit = False
            self.reload()
