"""The live meeting and its minutes: what the chair sees on the laptop during the meeting,
and what the secretary finishes and approves afterwards.

The current item is large, with a countdown of its time box (warning at 80 %, overrun in
red) and the whole meeting's remaining time and expected end (the projection is the
service's rule; this view only shows it). Per item: notes, decision, actions (hvem / hvad /
hvornår), the Trivselslinealen level with its ladder step, the next follow-up, who is
present; FTM rounds and the family's view; forvisitation's preliminary decision and next
step. Everything has a key. Text saves itself as it is typed; an action typed but not added
stays with its item until the chair comes back to it.

Laid out for a 1280×720 laptop: the agenda and who is present share a collapsible column,
the item's fields scroll, and a key that puts the cursor in a field first brings it into view.

The parts: ``agenda``, ``presence``, ``fields`` (the text boxes), ``actions``, ``level``, and
``meeting_control`` (moving on, ending, approving: the buttons below).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.model.enums import Attendance, MeetingStatus
from stevnsmoeder.model.minutes import ItemMinutesView
from stevnsmoeder.services import live, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.planning import PlanItem
from stevnsmoeder.ui.common.autosave import AutoSaver
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.live.actions import ActionPane
from stevnsmoeder.ui.live.agenda import TIME, LiveAgendaModel, agenda_table
from stevnsmoeder.ui.live.approved_minutes import addenda_label, show_addenda
from stevnsmoeder.ui.live.fields import MinutesFields
from stevnsmoeder.ui.live.level import LevelPane
from stevnsmoeder.ui.live.meeting_control import MeetingControl
from stevnsmoeder.ui.live.presence import PresencePane
from stevnsmoeder.ui.live.widgets import ElidedLabel, FieldsLayout


class LiveView(MeetingControl):
    """The running meeting and its minutes. ``changed`` asks the window to reload."""

    def __init__(
        self,
        ctx: ServiceContext,
        meeting_id: uuid.UUID,
        prompts: Prompts,
        screen_safe: Callable[[], bool],
        can_edit: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.prompts = prompts
        self.operations = Operations(self, prompts, self.tr("Meeting"))
        self.screen_safe = screen_safe
        self.can_edit = can_edit
        self.plan = None
        self.state = None
        self.minutes = None
        self.shown_item = None
        self._wrote = False  # something written since the state was read
        self._loading = False
        self._drafts_read = False  # the actions typed but not added, kept in the database
        self.saver = AutoSaver(self._save_text, self)
        self.saver.failed.connect(self._save_failed)
        self.saver.saved.connect(self._saved)

        # -- top: the meeting as a whole
        self.meeting_line = QLabel()
        self.meeting_line.setObjectName("meeting-line")
        self.save_status = QLabel()
        self.save_status.setObjectName("save-status")
        top = QHBoxLayout()
        top.addWidget(self.meeting_line, 1)
        top.addWidget(self.save_status)

        # -- the item's parts (made first: the agenda marks an item's unadded action)
        self.item_fields = MinutesFields(self, self)
        self.item_fields.typed.connect(self._typed)
        self.fields = self.item_fields.boxes
        self.section_boxes = self.item_fields.sections
        self.notes = self.fields["notes"]
        self.decision = self.fields["decision"]
        self.action_pane = ActionPane(self, self)
        self.level_pane = LevelPane(self, can_edit)

        # -- left: the agenda
        self.agenda_model = LiveAgendaModel(self.action_pane.has_draft, self)
        self.action_pane.drafts_changed.connect(self.agenda_model.changed)
        self.agenda = agenda_table(self.agenda_model)
        self.agenda.activated.connect(self._agenda_activated)
        self.agenda.doubleClicked.connect(self._agenda_activated)
        # A single click (or an arrow key) shows the item; only while the meeting runs does
        # moving the meeting on take a double-click or Enter.
        self.agenda.selectionModel().currentRowChanged.connect(self._agenda_selected)

        # -- centre: the current item
        self.item_title = ElidedLabel()
        self.item_title.setObjectName("item-title")
        big = QFont(self.item_title.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.item_title.setFont(big)
        self.item_child = ElidedLabel()
        self.item_child.setObjectName("item-child")
        child_font = QFont(self.item_child.font())
        child_font.setPointSizeF(child_font.pointSizeF() * 1.3)
        self.item_child.setFont(child_font)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        timer_font = QFont(self.timer_label.font())
        timer_font.setPointSizeF(timer_font.pointSizeF() * 2.4)
        timer_font.setBold(True)
        self.timer_label.setFont(timer_font)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.item_status = QLabel()  # pushed to the next meeting, not reached
        self.item_status.setObjectName("item-status")
        self.item_status.setStyleSheet("color: #8a5a00; font-weight: bold;")
        head = QGridLayout()
        head.addWidget(self.item_title, 0, 0)
        head.addWidget(self.timer_label, 0, 1, 3, 1)
        head.addWidget(self.item_child, 1, 0)
        head.addWidget(self.item_status, 2, 0)
        head.setColumnStretch(0, 1)

        self.presence_pane = PresencePane()
        self.presence_pane.model.toggled.connect(self._presence_toggled)

        self.editor = QWidget()
        form = FieldsLayout(self.editor)
        form.setContentsMargins(6, 4, 6, 4)
        form.setSpacing(4)
        form.addLayout(head)
        form.addWidget(self.level_pane)
        for box in self.item_fields.common:
            form.addWidget(box, self.item_fields.stretch(box))
        self.addenda_label = addenda_label()
        form.addWidget(self.addenda_label)
        for group in self.section_boxes.values():
            form.addWidget(group)
        form.addWidget(self.action_pane.heading)
        form.addWidget(self.action_pane.table, 1)
        form.addLayout(self.action_pane.row)
        # The item's fields scroll where the screen is low (FTM rounds, a forvisitation).
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("item-fields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setWidget(self.editor)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # The agenda and who is present share a column; either (or the column) collapses.
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("live-side")
        self.side.addWidget(self.agenda)
        self.side.addWidget(self.presence_pane)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("live-splitter")
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.fields_area)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 900])
        self.side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._meeting_buttons())  # -- bottom: moving on, ending, approving

        self._shortcuts()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)

    # -- keys ----------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        level = self.level_pane.set_level
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+PgDown", lambda: self.step(1)),
            ("Alt+Right", lambda: self.step(1)),
            ("Ctrl+PgUp", lambda: self.step(-1)),
            ("Alt+Left", lambda: self.step(-1)),
            ("Ctrl+Shift+A", partial(self.focus, self.action_pane.what)),
            ("Ctrl+T", partial(self.focus, self.presence_pane.view)),
            ("Ctrl+Shift+K", partial(self.focus, self.item_fields.next_step)),
            ("Ctrl+Shift+P", self.push),
            ("Ctrl+Shift+E", self.end_meeting),
            ("Ctrl+Shift+G", self.approve),
            ("Alt+0", lambda: level(0)),
        ]
        keys += [(f"Alt+{n}", partial(level, n)) for n in range(1, 6)]
        keys += [  # a text field's own key (F6 the notes, Ctrl+D the decision …)
            (f.shortcut, partial(self.focus, self.fields[f.name]))
            for f in minutes_fields.MINUTES_FIELDS
            if f.shortcut
        ]
        for key, handler in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            # wherever the focus is in the window (a button below too), while it is shown
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handler)
            self.addAction(action)

    def focus(self, widget: QWidget) -> None:
        """Put the cursor in a field, and the field where the chair can see it: a collapsed
        pane opens again, the item's fields scroll to it."""
        for splitter, share in ((self.splitter, 0.28), (self.side, 0.4)):
            sizes = splitter.sizes()
            for index, size in enumerate(sizes):
                pane = splitter.widget(index)
                if size == 0 and pane is not None and (pane is widget or pane.isAncestorOf(widget)):
                    total = sum(sizes)
                    sizes[index] = int(total * share)
                    sizes[1 - index] = total - sizes[index]
                    splitter.setSizes(sizes)
        if not widget.isVisibleTo(self) or not widget.isEnabled():
            return  # not there for this item (the FTM rounds at a district meeting, say)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._into_view(widget)

    def _into_view(self, widget: QWidget | None) -> None:
        # (Tab needs nothing: the scroll area brings the next field into view itself.)
        if widget is not None and self.editor.isAncestorOf(widget):
            self.fields_area.ensureWidgetVisible(widget, 8, 8)

    # -- loading and showing -------------------------------------------------------------
    def load(self) -> None:
        """Fetch plan, running state and minutes; show the current item."""
        found = self.operations.fetch(
            lambda: (
                planning.get_plan(self.ctx, self.meeting_id),
                live.state(self.ctx, self.meeting_id),
                minutes.get_minutes(self.ctx, self.meeting_id),
            ),
            None,
        )
        if found is None:
            return
        self.plan, self.state, self.minutes = found
        self._wrote = self.saver.has_pending()
        self.agenda_model.set_meeting(self.plan.items, self.state, self.ctx.now())
        self.agenda.setColumnHidden(TIME, not self.agenda_model.time_column_needed())
        self.action_pane.set_people(self.plan.participants)
        if self.can_edit and not self._drafts_read:
            self._drafts_read = True  # once: later this view keeps what it shows itself
            self.action_pane.set_drafts(
                self.operations.fetch(
                    lambda: minutes.action_drafts(self.ctx, self.meeting_id), {}, quiet=True
                )
            )
        self.item_fields.clear_references()
        current = self.state.current_item_id or (self.plan.items[0].id if self.plan.items else None)
        self._show_item(
            self.shown_item
            if self.shown_item in {i.id for i in self.plan.items}
            and self.state.status is not MeetingStatus.IN_PROGRESS
            else current
        )
        self._update_buttons()
        if self.state.status is MeetingStatus.IN_PROGRESS:
            self.ticker.start()
        else:
            self.ticker.stop()
        self.tick()

    def current(self) -> PlanItem | None:
        """The item shown."""
        return self._item(self.shown_item)

    def _item(self, item_id: uuid.UUID | None) -> PlanItem | None:
        if self.plan is None:
            return None
        return next((i for i in self.plan.items if i.id == item_id), None)

    def show_item(self, item_id: uuid.UUID | None) -> None:
        """Show an item with its minutes as they are now in the database (what this view
        saved since it last loaded included); text not saved yet stays in its box."""
        found = self.operations.fetch(lambda: minutes.get_minutes(self.ctx, self.meeting_id), None)
        if found is None:
            return
        self.minutes = found
        self._show_item(item_id)

    def refresh_minutes(self) -> None:
        self.show_item(self.shown_item)

    def _show_item(self, item_id: uuid.UUID | None) -> None:
        item = self._item(item_id)
        if item is None or self.plan is None or self.minutes is None or self.state is None:
            return
        moved = item.id != self.shown_item
        if moved and self.shown_item is not None:
            self.action_pane.keep_draft(self.shown_item)
        self.shown_item = item.id
        row = next(r for r, i in enumerate(self.plan.items) if i.id == item.id)
        self.agenda.selectRow(row)
        self.item_title.setText(f"{item.number}. {item.title}")
        child = ""
        if item.case_id:
            name = item.case_initials if self.screen_safe() else item.case_name
            if item.shown_anonymously and not item.case_anonymous:
                child = f"{name} – " + self.tr("discussed anonymously")
            else:
                child = f"{name} · {item.basis.label}"
        self.item_child.setText(child)
        self.item_child.setVisible(bool(child))
        status = self.agenda_model.status_text(item)
        self.item_status.setText(status)
        self.item_status.setVisible(bool(status))
        view = self.minutes.items.get(item.id) or ItemMinutesView(item.id)
        day = self.plan.summary.starts_at.date()
        child_item = item.case_id is not None
        self._loading = True
        try:
            for field, box in self.fields.items():
                self.saver.show(box, item.id, field, getattr(view, field))
            show_addenda(self.addenda_label, view.addenda)
            self.action_pane.show_actions(view.actions)
            self.level_pane.setVisible(child_item)
            self.level_pane.show_minutes(view, day)
            if moved:
                self.action_pane.show_draft(item.id)
            self.item_fields.show_item(view, self.plan.minutes_sections, child_item, day)
            present = self.state.item_present.get(item.id, frozenset())
            self.presence_pane.model.set_people(self.plan.participants, present)
        finally:
            self._loading = False
        self._set_editable()
        self._update_buttons()
        self.tick()

    def _set_editable(self) -> None:
        writable = (
            self.can_edit
            and self.minutes is not None
            and not self.minutes.locked
            and (
                self.state is not None
                and self.state.status in (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD)
            )
        )
        self.item_fields.set_editable(writable)
        self.action_pane.set_editable(writable)
        self.level_pane.set_editable(writable)
        self.presence_pane.view.setEnabled(writable and self._running())

    # -- actions typed but not added -----------------------------------------------------
    def default_due(self) -> date:
        assert self.plan is not None
        return self.plan.summary.starts_at.date() + timedelta(days=14)

    def unadded_actions(self) -> list[PlanItem]:
        """The items with an action typed but not added (the one shown included)."""
        return self.action_pane.unadded(self.plan.items if self.plan else ())

    def forget_drafts(self) -> None:
        self.action_pane.forget_drafts()

    # -- typing --------------------------------------------------------------------------
    def _typed(self, field: str, box: QPlainTextEdit) -> None:
        if self._loading or self.shown_item is None or box.isReadOnly():
            return
        self.written()
        self.save_status.setText(self.tr("Saving …"))
        self.saver.changed(self.shown_item, field, box.toPlainText())

    def _save_text(self, item_id: uuid.UUID, field: str, text: str) -> None:
        minutes.save_text(self.ctx, item_id, field, text)

    def _saved(self) -> None:
        if not self.saver.has_pending():
            self.save_status.setStyleSheet("")
            self.save_status.setText(self.tr("All saved"))

    def _save_failed(self, message: str) -> None:
        self.save_status.setText(self.tr("Not saved yet – your text is kept and saving is retried"))
        self.save_status.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.saver.retry_later()

    def flush(self) -> bool:
        ok = self.saver.flush()
        if ok:
            self.save_status.setStyleSheet("")
            self.save_status.setText(self.tr("All saved"))
        return ok

    # -- the agenda ----------------------------------------------------------------------
    def selected_item(self) -> PlanItem | None:
        """The item chosen in the agenda (what an extract or an addendum is about): the row
        clicked last, else the item shown."""
        index = self.agenda.currentIndex()
        if index.isValid() and 0 <= index.row() < self.agenda_model.rowCount():
            return self.agenda_model.row_at(index.row())
        return self.current()

    def _agenda_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.state is None:
            return
        item = self.agenda_model.row_at(current.row())
        if item.id == self.shown_item:
            return
        if self._running() and self.can_edit:
            return  # the chair moves the meeting on with a double-click or Enter
        self.show_item(item.id)

    def _agenda_activated(self, index: QModelIndex) -> None:
        item = self.agenda_model.row_at(index.row())
        if self._running() and self.can_edit:
            self.flush()
            if self.operations.run(lambda: live.go_to(self.ctx, self.meeting_id, item.id)):
                self.load()
        else:
            self.show_item(item.id)

    # -- presence --------------------------------------------------------------------------
    def _presence_toggled(self, person_id: uuid.UUID, present: bool) -> None:
        item_id = self.shown_item
        if item_id is None:
            return
        attendance = Attendance.PRESENT if present else Attendance.ABSENT
        if self.operations.run(
            lambda: live.set_present(
                self.ctx, self.meeting_id, person_id, attendance, item_id=item_id
            )
        ):
            self.state = live.state(self.ctx, self.meeting_id)
            self._wrote = self.saver.has_pending()  # the state says what is recorded now
            self.show_item(item_id)

    def shutdown(self) -> None:
        """The window closes: what was typed is saved, an action half written kept."""
        self.ticker.stop()
        if self.shown_item is not None:
            self.action_pane.keep_draft(self.shown_item)
        self.saver.stop()
