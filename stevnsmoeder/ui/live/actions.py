"""The item's actions (hvem, hvad, hvornår): the list, the row that adds one, and what the chair
typed but did not add. That stays with its item (✎ in the agenda) until the chair comes back
to it, never follows the chair to the next child; it is kept in the (encrypted) database, so
it is there again when the meeting's window is closed and opened, on this laptop or another.
It goes when the action is added, or when the minutes are approved."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)

from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.model.minutes import ActionView
from stevnsmoeder.services import minutes
from stevnsmoeder.services.planning import PlanItem, PlanParticipant
from stevnsmoeder.ui.common.forms import DATE_FORMAT, pydate, qdate
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.live.host import ItemHost
from stevnsmoeder.ui.live.widgets import on_enter


class ActionPane(QObject):
    """The actions of the item shown, and the row that adds one (Enter adds it from any of
    its fields). Its parts (``heading``, ``table``, ``row``) stand in the item's fields: the
    table shares the spare height with the text boxes."""

    drafts_changed = Signal()  # an item got or lost an action typed but not added

    def __init__(self, host: ItemHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.drafts: dict[uuid.UUID, minutes.DraftView] = {}
        self.model: TableModel[ActionView] = TableModel(
            [
                Column(self.tr("Who"), lambda a: a.owner),
                Column(self.tr("What"), lambda a: a.text),
                Column(
                    self.tr("When"),
                    lambda a: short_date(a.due_on) if a.due_on else "",
                    lambda a: a.due_on,
                ),
                Column(
                    self.tr("Status"),
                    lambda a: self.tr("done") if a.status.value == "done" else self.tr("open"),
                ),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("actions")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(70)
        self.what = QLineEdit()
        self.what.setObjectName("action-what")
        self.what.setPlaceholderText(self.tr("What – Ctrl+Shift+A"))
        self.who = QComboBox()
        self.who.setObjectName("action-who")
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.when = QDateEdit()
        self.when.setObjectName("action-when")
        self.when.setDisplayFormat(DATE_FORMAT)
        self.when.setCalendarPopup(True)
        self.add_button = QPushButton(self.tr("Add action"))
        self.add_button.clicked.connect(self.add)
        self.what.returnPressed.connect(self.add)
        who_line = self.who.lineEdit()
        if who_line is not None:
            who_line.returnPressed.connect(self.add)
        on_enter(self.when, self.add)  # Enter in the date adds it too
        self.heading = QLabel(self.tr("Actions (who, what, when)"))
        self.row = QHBoxLayout()
        self.row.addWidget(self.what, 3)
        self.row.addWidget(self.who, 2)
        self.row.addWidget(self.when)
        self.row.addWidget(self.add_button)

    def set_people(self, people: Sequence[PlanParticipant]) -> None:
        """The meeting's people to choose from; what is typed as who for the item shown
        stays with it."""
        who = self.who.currentText()
        self.who.clear()
        for p in people:
            self.who.addItem(p.name, p.person_id)
        self.who.setCurrentIndex(-1)
        self.who.setEditText(who)

    def show_actions(self, actions: Sequence[ActionView]) -> None:
        self.model.set_rows(actions)
        self.table.resizeColumnsToContents()

    def set_editable(self, writable: bool) -> None:
        for widget in (self.what, self.who, self.when, self.add_button):
            widget.setEnabled(writable)

    # -- typed but not added -------------------------------------------------------------
    def has_draft(self, item_id: uuid.UUID) -> bool:
        return item_id in self.drafts

    def set_drafts(self, drafts: dict[uuid.UUID, minutes.DraftView]) -> None:
        """The drafts kept in the database (when the meeting's window opens)."""
        self.drafts = dict(drafts)
        self.drafts_changed.emit()

    def keep_draft(self, item_id: uuid.UUID) -> None:
        """The chair leaves an item (or closes the window) with an action half written: it
        stays with that item (shown again on coming back, marked ✎ in the agenda), never
        with the next child, and is kept in the database."""
        if not self.what.isEnabled():
            return  # nothing could be typed here (approved minutes, a reader)
        what, who = self.what.text(), self.who.currentText()
        draft = None
        if what.strip() or who.strip():
            draft = minutes.DraftView(item_id, what, who, pydate(self.when.date()))
        if self.drafts.get(item_id) == draft:
            return
        if draft is None:
            self.drafts.pop(item_id, None)
        else:
            self.drafts[item_id] = draft
        self.drafts_changed.emit()
        host = self.host
        # Not asked for by the chair: a refusal (the meeting changed meanwhile) is not told;
        # the draft stays in the window and is kept again on leaving the item.
        host.operations.run(
            lambda: minutes.keep_action_draft(
                host.ctx, item_id, what, who, draft.due_on if draft else None
            ),
            quiet=True,
        )

    def show_draft(self, item_id: uuid.UUID) -> None:
        draft = self.drafts.get(item_id)
        self.what.setText(draft.what if draft else "")
        self.who.setCurrentIndex(-1)
        self.who.setEditText(draft.who if draft else "")
        due = draft.due_on if draft and draft.due_on else self.host.default_due()
        self.when.setDate(qdate(due))

    def unadded(self, items: Sequence[PlanItem]) -> list[PlanItem]:
        """The items with an action typed but not added (the one shown included)."""
        if self.host.shown_item is not None:
            self.keep_draft(self.host.shown_item)
        return [i for i in items if i.id in self.drafts]

    def forget_drafts(self) -> None:
        """The minutes are locked, or the meeting is planned again: nothing more is added
        (the service forgot them too)."""
        self.drafts.clear()
        self.what.clear()
        self.who.setEditText("")

    # -- adding --------------------------------------------------------------------------
    def add(self) -> None:
        item_id = self.host.shown_item
        if item_id is None:
            return
        who_text = self.who.currentText().strip()
        index = self.who.findText(who_text)
        owner_id = self.who.itemData(index) if index >= 0 else None
        new = minutes.NewAction(
            self.what.text(),
            owner_id=owner_id,
            owner_text="" if owner_id else who_text,
            due_on=pydate(self.when.date()),
        )
        self.host.operations.run(
            lambda: minutes.add_action(self.host.ctx, item_id, new),
            then=lambda _added: self._added(item_id),
        )

    def _added(self, item_id: uuid.UUID) -> None:
        self.host.written()
        if self.drafts.pop(item_id, None) is not None:  # the service forgot it too
            self.drafts_changed.emit()
        self.what.clear()
        self.who.setEditText("")
        self.when.setDate(qdate(self.host.default_due()))
        self.host.refresh_minutes()
        self.host.focus(self.what)
