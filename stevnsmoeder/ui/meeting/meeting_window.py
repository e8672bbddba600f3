"""One meeting: its agenda, the legal basis of each child's item, carry-over and who comes.

A secretary or chair plans here; everyone else reads. Every change goes through the
planning service with the revision the window shows; when the meeting changed elsewhere the
window reloads and says so. Changes are announced on the app-wide bus.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import clock, long_date, short_date, week_label
from stevnsmoeder.model.cases import ConsentInfo
from stevnsmoeder.model.enums import AgendaItemKind, Attendance, LegalBasisKind, MeetingStatus
from stevnsmoeder.services import (
    carry_over,
    cases,
    consent,
    documents,
    live,
    planning,
    reference_data,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError, ServiceError
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.services.planning import BasisState, MeetingPlan, PlanItem, PlanParticipant
from stevnsmoeder.ui.case.case_dialogs import AddItemDialog, ChildItemDialog, ConsentDialog
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.document_preview import DocumentPreview
from stevnsmoeder.ui.common.forms import compact, title_label
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.meeting.agenda_model import TITLE, AgendaModel

T = TypeVar("T")
ATTENDANCE_NAMES = {
    Attendance.INVITED: str(QT_TRANSLATE_NOOP("MeetingWindow", "invited")),
    Attendance.PRESENT: str(QT_TRANSLATE_NOOP("MeetingWindow", "present")),
    Attendance.AFBUD: str(QT_TRANSLATE_NOOP("MeetingWindow", "sent apologies")),
    Attendance.ABSENT: str(QT_TRANSLATE_NOOP("MeetingWindow", "absent")),
}


class MeetingActions(Protocol):
    """What the main window does with a whole meeting."""

    def can_plan(self) -> bool: ...
    def move_meeting(self, summary: MeetingSummary) -> bool: ...
    def cancel_meeting(self, summary: MeetingSummary) -> bool: ...
    def add_participant(self, summary: MeetingSummary) -> bool: ...
    def export_meeting(self, summary: MeetingSummary) -> None: ...
    def toggle_screen_safe(self) -> None: ...


def _table(model: TableModel, name: str) -> QTableView:  # type: ignore[type-arg]
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view


class MeetingWindow(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        meeting_id: uuid.UUID,
        prompts: Prompts,
        actions: MeetingActions,
        screen_safe: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.prompts = prompts
        self.meeting_actions = actions
        self.screen_safe = screen_safe
        self.can_plan = actions.can_plan()
        self.can_record = allowed(ctx, Permission.EDIT_CASES)
        self._busy = False
        self._reload_after_edit = False
        fit_to_screen(self, QSize(1280, 800))

        # header
        self.heading = title_label()
        self.when = QLabel()
        self.when.setWordWrap(True)  # a long place name must not widen the window
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        self.time_summary = QLabel()
        self.time_summary.setObjectName("time-summary")

        # agenda
        self.agenda = AgendaModel(screen_safe, self._editable, self)
        self.agenda.move_requested.connect(self._move)
        self.agenda.edit_requested.connect(self._edit)
        self.view = QTableView()
        self.view.setObjectName("agenda")
        self.view.setModel(self.agenda)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # Directly (a queued signal would carry a pointer to the editor, deleted by then).
        self.view.itemDelegate().closeEditor.connect(self._editor_closing)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._item_chosen)

        self.add_button = QPushButton(self.tr("Add item …"))
        self.add_child_button = QPushButton(self.tr("Add child …"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.add_button.clicked.connect(self.add_item)
        self.add_child_button.clicked.connect(self.add_child)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.shift(-1))
        self.down_button.clicked.connect(lambda: self.shift(1))
        self.up_button.setToolTip(self.tr("Move the item up (Ctrl+Up)"))
        self.down_button.setToolTip(self.tr("Move the item down (Ctrl+Down)"))
        agenda_buttons = QHBoxLayout()
        for button in (self.add_button, self.add_child_button, self.remove_button):
            agenda_buttons.addWidget(button)
        agenda_buttons.addStretch(1)
        agenda_buttons.addWidget(self.up_button)
        agenda_buttons.addWidget(self.down_button)
        # The table view would take Ctrl+arrows for its own cursor moves: catch them first.
        self.view.installEventFilter(self)
        self._planning_keys = [("Ctrl+N", self.add_item), ("Ctrl+Shift+N", self.add_child)]

        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.view, 1)
        agenda_layout.addWidget(self.time_summary)
        agenda_layout.addLayout(agenda_buttons)

        # side panel
        self.side = QTabWidget()
        self.side.addTab(self._basis_page(), self.tr("Legal basis"))
        self.side.addTab(self._suggestions_page(), self.tr("Carry-over"))
        self.side.addTab(self._participants_page(), self.tr("Participants"))

        self.splitter = splitter = QSplitter()
        splitter.addWidget(agenda_box)
        splitter.addWidget(self.side)
        for key, handler in self._planning_keys:  # only while the planning page is shown
            action = QAction(splitter)
            action.setShortcut(QKeySequence(key))
            # wherever the focus is in the window (a button below too), while it is shown
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handler)
            splitter.addAction(action)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        # whole-meeting actions
        bottom = QHBoxLayout()
        self.move_button = QPushButton(self.tr("Move meeting …"))
        self.cancel_button = QPushButton(self.tr("Cancel meeting …"))
        self.export_button = QPushButton(self.tr("Export to calendar …"))
        self.print_button = QPushButton(self.tr("Print …"))
        self.print_menu = QMenu(self.print_button)
        for label, kind, anonymised in (
            (self.tr("Agenda"), documents.AGENDA, False),
            (self.tr("Agenda, anonymised"), documents.AGENDA, True),
            (self.tr("Minutes"), documents.MINUTES, False),
            (self.tr("Minutes, anonymised"), documents.MINUTES, True),
            (self.tr("Run sheet for the chair"), documents.RUNSHEET, False),
            (self.tr("Run sheet, anonymised"), documents.RUNSHEET, True),
        ):
            action = self.print_menu.addAction(label)
            action.triggered.connect(
                lambda _=False, k=kind, a=anonymised, t=label: self.preview(k, a, t)
            )
        self.extract_action = self.print_menu.addAction(self.tr("Extract for the chosen child"))
        self.extract_action.triggered.connect(lambda: self.preview_extract())
        self.extract_anonymised_action = self.print_menu.addAction(
            self.tr("Extract for the chosen child, anonymised")
        )
        self.extract_anonymised_action.triggered.connect(
            lambda: self.preview_extract(anonymised=True)
        )
        self.print_button.setMenu(self.print_menu)
        close = QPushButton(self.tr("Close"))
        self.move_button.clicked.connect(lambda: self._whole(self.meeting_actions.move_meeting))
        self.cancel_button.clicked.connect(lambda: self._whole(self.meeting_actions.cancel_meeting))
        self.export_button.clicked.connect(
            lambda: self.meeting_actions.export_meeting(self.plan.summary)
        )
        close.clicked.connect(self.close)
        for button in (self.move_button, self.cancel_button, self.export_button, self.print_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(close)

        # the running meeting and its minutes live on a second page
        self.start_button = QPushButton(self.tr("Start the meeting (F5)"))
        self.start_button.setObjectName("start-meeting")
        self.start_button.clicked.connect(self.start_meeting)
        self.view_button = QPushButton()
        self.view_button.clicked.connect(self.toggle_view)
        bottom.insertWidget(0, self.start_button)
        bottom.insertWidget(1, self.view_button)
        for key, handler in (
            ("F5", self.start_meeting),
            ("Ctrl+Shift+S", self.meeting_actions.toggle_screen_safe),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(handler)
            self.addAction(action)
        self.live_view: LiveView | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.when)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.settings = Settings()
        geometry = self.settings.geometry(Settings.MEETING_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        split = self.settings.geometry(Settings.MEETING_SPLITTER)
        if split is not None:
            self.splitter.restoreState(split)
        changes.bus().changed.connect(self._changed_elsewhere)
        self.plan: MeetingPlan = planning.get_plan(ctx, meeting_id)
        self._show(self.plan)
        self.view.setFocus()
        if self.plan.summary.status in (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD):
            self.show_live()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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

    # -- state ---------------------------------------------------------------------------
    def _editable(self) -> bool:
        plan: MeetingPlan | None = getattr(self, "plan", None)  # None while building
        return self.can_plan and plan is not None and plan.editable

    def selected(self) -> PlanItem | None:
        index = self.view.currentIndex()
        return self.agenda.item_at(index.row()) if index.isValid() else None

    def _show(self, plan: MeetingPlan, keep: uuid.UUID | None = None) -> None:
        self.plan = plan
        m = plan.summary
        self.setWindowTitle(f"{m.title} – {short_date(m.starts_at.date())}")
        self.heading.setText(m.title)
        self.when.setText(
            f"{long_date(m.starts_at.date())} ({week_label(m.starts_at.date())}), "
            f"{clock(m.starts_at)}–{clock(m.ends_at)[-5:]} · {m.place or '–'} · "
            f"{m.status_text}"
        )
        self.note.setText(m.note)
        self.note.setVisible(bool(m.note))
        shown = self.selected()
        current = keep or (shown.id if shown else None)
        self.agenda.set_items(plan.items)
        row = self.agenda.row_of(current) if current else -1
        if row >= 0:
            self.view.selectRow(row)
        self._show_time()
        self._show_participants()
        if hasattr(self, "stack"):
            self._update_view_button()
        editable = self._editable()
        for widget in (self.move_button, self.cancel_button):
            widget.setVisible(self.can_plan and plan.editable)
        for widget in (
            self.add_button, self.add_child_button, self.remove_button, self.up_button,
            self.down_button,
        ):  # fmt: skip
            widget.setVisible(self.can_plan)
            widget.setEnabled(editable)
        self._item_chosen()

    def _show_time(self) -> None:
        p = self.plan
        text = (
            self.tr("Planned: %1 min · ends at %2 · the meeting is booked until %3")
            .replace("%1", str(p.total_minutes))
            .replace("%2", clock(p.planned_end)[-5:])
            .replace("%3", clock(p.summary.ends_at)[-5:])
        )
        if p.overrun_minutes:
            text = (
                "⚠ "
                + text
                + " – "
                + self.tr("%1 min too long").replace("%1", str(p.overrun_minutes))
            )
            self.time_summary.setStyleSheet("color: #a4161a; font-weight: bold;")
        else:
            self.time_summary.setStyleSheet("color: #2e6b30;")
        self.time_summary.setText(text)

    # -- operations ----------------------------------------------------------------------
    def operation(self, call: Callable[[int], MeetingPlan], keep: uuid.UUID | None = None) -> bool:
        """Run a planning change against the shown revision; reload on conflict."""
        self._busy = True
        try:
            plan = call(self.plan.revision)
        except ConflictError as exc:
            self.reload()
            self.prompts.error(self, self.tr("Meeting"), str(exc))
            return False
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting"), str(exc))
            return False
        finally:
            self._busy = False
        self._show(plan, keep)
        changes.bus().announce(changes.MEETING, self.meeting_id)
        return True

    def in_dialog(self, call: Callable[[int], T]) -> T:
        """Run a planning change from a dialog, against the shown revision. A refusal is
        raised for the dialog to show in place (after a reload, when the meeting changed
        elsewhere: OK again then makes the change against what is shown now)."""
        self._busy = True
        try:
            return call(self.plan.revision)
        except ConflictError:
            self.reload()
            raise
        finally:
            self._busy = False

    def _changed(self, plan: MeetingPlan, keep: uuid.UUID | None = None) -> None:
        self._show(plan, keep)
        changes.bus().announce(changes.MEETING, self.meeting_id)

    def reload(self) -> None:
        try:
            self._show(planning.get_plan(self.ctx, self.meeting_id))
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting"), str(exc))
            return
        if self.live_view is not None and self.stack.currentWidget() is self.live_view:
            self.live_view.show_item(self.live_view.shown_item)  # names follow screen-safe

    # -- documents -----------------------------------------------------------------------
    def preview(
        self,
        kind: str,
        anonymised: bool,
        title: str,
        case_id: uuid.UUID | None = None,
    ) -> DocumentPreview:
        """Build the document off the GUI thread and show it with print and save."""
        if self.live_view is not None:
            self.live_view.flush()  # print what was typed
        ctx, meeting_id = self.ctx, self.meeting_id

        def build() -> tuple[bytes, int, str]:
            done = documents.render(ctx, meeting_id, kind, anonymised=anonymised, case_id=case_id)
            return done.data, done.pages, done.file_name

        dialog = DocumentPreview(f"{title} – {self.plan.summary.title}", build, self.prompts, self)
        self.last_preview = dialog
        dialog.open()
        return dialog

    def preview_extract(self, anonymised: bool = False) -> None:
        item = self.selected()
        if self.live_view is not None and self.stack.currentWidget() is self.live_view:
            item = self.live_view.selected_item() or item  # the row clicked in the minutes
        if item is None or item.case_id is None:
            self.prompts.info(self, self.tr("Print"), self.tr("Choose a child's item first."))
            return
        title = self.tr("Extract, anonymised") if anonymised else self.tr("Extract")
        self.preview(documents.EXTRACT, anonymised, title, case_id=item.case_id)

    # -- the live meeting ----------------------------------------------------------------
    def _ensure_live(self) -> LiveView:
        if self.live_view is None:
            self.live_view = LiveView(
                self.ctx, self.meeting_id, self.prompts, self.screen_safe, self.can_plan, self
            )
            self.live_view.changed.connect(self._live_changed)
            self.stack.addWidget(self.live_view)
        return self.live_view

    def show_live(self) -> None:
        view = self._ensure_live()
        view.load()
        self.stack.setCurrentWidget(view)
        self._update_view_button()
        view.notes.setFocus()

    def show_planning(self) -> None:
        if self.live_view is not None:
            self.live_view.flush()
        self.stack.setCurrentIndex(0)
        self.reload()
        self._update_view_button()
        self.view.setFocus()

    def toggle_view(self) -> None:
        if self.stack.currentIndex() == 0:
            self.show_live()
        else:
            self.show_planning()

    def _update_view_button(self) -> None:
        on_live = self.stack.currentIndex() == 1
        status = self.plan.summary.status
        self.view_button.setText(
            self.tr("Show the agenda") if on_live else self.tr("Show the minutes")
        )
        self.view_button.setVisible(status is not MeetingStatus.PLANNED or on_live)
        self.start_button.setVisible(self.can_plan and status is MeetingStatus.PLANNED)

    def start_meeting(self) -> None:
        if not self.can_plan or self.plan.summary.status is not MeetingStatus.PLANNED:
            return
        day = self.plan.summary.starts_at.date()
        if day != self.ctx.today():
            text = (
                self.tr("The meeting is not until %1 – start it anyway?")
                if day > self.ctx.today()
                else self.tr("The meeting was on %1 – start it anyway?")
            ).replace("%1", long_date(day))
            if not self.prompts.confirm(self, self.tr("Start the meeting"), text):
                return
        blocked = [i for i in self.plan.items if i.blocked]
        if blocked and not self.prompts.confirm(
            self,
            self.tr("Start the meeting"),
            self.tr(
                "%n children's items have no legal basis and can only be discussed "
                "anonymously. Start anyway?",
                "",
                len(blocked),
            ),
        ):
            return
        try:
            live.start(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Start the meeting"), str(exc))
            return
        self.reload()
        changes.bus().announce(changes.MEETING, self.meeting_id)
        self.show_live()

    def _live_changed(self) -> None:
        self.reload()
        if self.plan.summary.status is MeetingStatus.PLANNED:
            self.show_planning()  # set back to planned: started by mistake
        self._update_view_button()
        changes.bus().announce(changes.MEETING, self.meeting_id)

    def _changed_elsewhere(self, what: str, ident: object) -> None:
        if not self._busy and what == changes.MEETING and ident in (None, self.meeting_id):
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

    def _whole(self, action: Callable[[MeetingSummary], bool]) -> None:
        if action(self.plan.summary):
            self.reload()

    def add_item(self) -> None:
        if not self._editable():
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
        if not self._editable():
            return
        try:
            found = cases.list_cases(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting"), str(exc))
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
        if item is None or not self._editable():
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
        if item is None or not self._editable():
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

    # -- legal basis ---------------------------------------------------------------------
    def _basis_page(self) -> QWidget:
        page = QWidget()
        self.basis_status = QLabel()
        self.basis_status.setObjectName("basis-status")
        self.basis_status.setWordWrap(True)
        self.consent_combo = compact(QComboBox())
        self.use_consent = QPushButton(self.tr("Use this consent"))
        self.new_consent = QPushButton(self.tr("Record consent …"))
        self.rpl115_button = QPushButton(self.tr("Retsplejeloven § 115 (SSP)"))
        self.underretning_button = QPushButton(self.tr("Report of concern (underretning)"))
        self.other_button = QPushButton(self.tr("Other legal basis …"))
        self.anonymous_button = QPushButton(self.tr("Discuss anonymously"))
        self.family_button = QPushButton(self.tr("Invite the family"))
        self.use_consent.clicked.connect(self._use_consent)
        self.new_consent.clicked.connect(self._record_consent)
        self.rpl115_button.clicked.connect(lambda: self._basis(LegalBasisKind.RPL115))
        self.underretning_button.clicked.connect(lambda: self._basis(LegalBasisKind.UNDERRETNING))
        self.other_button.clicked.connect(self._other_basis)
        self.anonymous_button.clicked.connect(lambda: self._basis(LegalBasisKind.ANONYMOUS))
        self.family_button.clicked.connect(self._invite_family)
        layout = QVBoxLayout(page)
        layout.addWidget(self.basis_status)
        layout.addWidget(QLabel(self.tr("Consents of this child:")))
        layout.addWidget(self.consent_combo)
        row = QHBoxLayout()
        row.addWidget(self.use_consent)
        row.addWidget(self.new_consent)
        layout.addLayout(row)
        for button in (
            self.rpl115_button, self.underretning_button, self.other_button,
            self.anonymous_button, self.family_button,
        ):  # fmt: skip
            layout.addWidget(button)
        layout.addStretch(1)
        self._consents: list[ConsentInfo] = []
        return page

    def _item_chosen(self, *_args: object) -> None:
        item = self.selected()
        child = item is not None and item.case_id is not None
        editable = self._editable() and self.can_record and child
        if item is None or not child:
            self.basis_status.setText(self.tr("Choose a child's item on the agenda."))
            self.basis_status.setStyleSheet("")
            self._consents = []
        else:
            assert item is not None
            if item.basis.state is BasisState.OK:
                self.basis_status.setText(f"✓ <b>{item.basis.label}</b>")
                self.basis_status.setStyleSheet("color: #2e6b30;")
            else:
                self.basis_status.setText(
                    f"⚠ <b>{item.basis.label}</b><br>{item.basis.reason}<br>"
                    + self.tr("Until a basis holds, the child can only be discussed anonymously.")
                )
                self.basis_status.setStyleSheet("color: #a4161a;")
            self._consents = self._load_consents(item) if not item.case_anonymous else []
        self.consent_combo.clear()
        day = self.plan.summary.starts_at.date()
        for c in self._consents:
            until = short_date(c.expires_on) if c.expires_on else "…"
            state = "" if c.valid_on(day) else " " + self.tr("(not valid on the meeting date)")
            self.consent_combo.addItem(
                f"{c.holder} ({c.relation}) {short_date(c.given_on)}–{until}{state}", c.id
            )
        named = child and item is not None and not item.case_anonymous
        for widget in (
            self.use_consent, self.new_consent, self.underretning_button, self.other_button,
            self.anonymous_button, self.rpl115_button,
        ):  # fmt: skip
            widget.setEnabled(bool(editable and named))
        self.use_consent.setEnabled(bool(editable and named and self._consents))
        self.rpl115_button.setVisible(self.plan.type_allows_rpl115)
        self.family_button.setEnabled(bool(self._editable() and child))

    def _load_consents(self, item: PlanItem) -> list[ConsentInfo]:
        assert item.case_id is not None
        try:
            return consent.list_consents(self.ctx, item.case_id)
        except ServiceError:
            return []

    def _basis(self, kind: LegalBasisKind, **kw: object) -> None:
        item = self.selected()
        if item is None:
            return
        self.operation(
            lambda rev: planning.set_legal_basis(
                self.ctx,
                self.meeting_id,
                rev,
                item.id,
                kind,
                **kw,  # type: ignore[arg-type]
            ),
            keep=item.id,
        )

    def _use_consent(self) -> None:
        consent_id = self.consent_combo.currentData()
        if consent_id is not None:
            self._basis(LegalBasisKind.CONSENT, consent_id=consent_id)

    def _record_consent(self) -> None:
        item = self.selected()
        if item is None or item.case_id is None:
            return
        case_id = item.case_id
        try:
            holders = consent.custody_holders(self.ctx, case_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Record consent"), str(exc))
            return
        name = item.case_initials if self.screen_safe() else item.case_name
        dialog = ConsentDialog(
            name, holders, reference_data.meeting_types(self.ctx), self.plan.summary.type_code,
            self.ctx.today(), self,
            add_holder=lambda who, relation: consent.add_custody_holder(
                self.ctx, case_id, who, relation
            ),
            screen_safe=self.screen_safe(),
        )  # fmt: skip
        recorded: list[ConsentInfo] = []
        dialog.submit = lambda: recorded.append(
            consent.record_consent(self.ctx, case_id, dialog.value())
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.added or recorded:
            changes.bus().announce(changes.CASE, case_id)
        if accepted and recorded:
            self._basis(LegalBasisKind.CONSENT, consent_id=recorded[0].id)

    def _other_basis(self) -> None:
        reason = self.prompts.text(
            self, self.tr("Other legal basis"), self.tr("Which legal basis, and why?")
        )
        if reason is not None:
            self._basis(LegalBasisKind.OTHER, reason=reason)

    def _invite_family(self) -> None:
        item = self.selected()
        if item is None or item.case_id is None:
            return
        case_id = item.case_id
        self.operation(
            lambda rev: planning.invite_family(self.ctx, self.meeting_id, rev, case_id),
            keep=item.id,
        )

    # -- carry-over ----------------------------------------------------------------------
    def _suggestions_page(self) -> QWidget:
        page = QWidget()
        self.unfinished: TableModel[carry_over.UnfinishedItem] = TableModel(
            [
                Column(self.tr("Item"), lambda u: u.title),
                Column(self.tr("Child"), lambda u: u.case_name),
                Column(self.tr("From"), lambda u: u.from_meeting),
            ],
            self,
        )
        self.agreements: TableModel[carry_over.OpenAgreement] = TableModel(
            [
                Column(self.tr("Child"), lambda a: a.case_name),
                Column(self.tr("Agreement"), lambda a: a.text),
                Column(self.tr("Who"), lambda a: a.owner),
                Column(
                    self.tr("When"),
                    lambda a: short_date(a.due_on) if a.due_on else "",
                    lambda a: a.due_on,
                ),
                Column(self.tr("From"), lambda a: a.from_meeting),
            ],
            self,
        )
        self.unfinished_view = _table(self.unfinished, "unfinished")
        self.unfinished_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.agreements_view = _table(self.agreements, "agreements")
        self.agreements_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.carry_button = QPushButton(self.tr("Put the chosen items on this agenda"))
        self.carry_button.clicked.connect(self._carry)
        self.bring_button = QPushButton(
            self.tr("Note the chosen agreements under the child's item")
        )
        self.bring_button.clicked.connect(self._bring)
        refresh = QPushButton(self.tr("Look again"))
        refresh.clicked.connect(self.load_suggestions)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Not reached or pushed at the previous meeting:")))
        layout.addWidget(self.unfinished_view, 1)
        layout.addWidget(self.carry_button)
        layout.addWidget(
            QLabel(self.tr("Open agreements for the children on the agenda, from any meeting:"))
        )
        layout.addWidget(self.agreements_view, 2)
        layout.addWidget(self.bring_button)
        layout.addWidget(refresh)
        self.side_loaded = False
        return page

    def load_suggestions(self) -> None:
        try:
            found = carry_over.carry_over_candidates(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Carry-over"), str(exc))
            return
        self.unfinished.set_rows(found.unfinished)
        self.agreements.set_rows(found.agreements)
        for view in (self.unfinished_view, self.agreements_view):
            view.resizeColumnsToContents()
        self.carry_button.setEnabled(self._editable() and bool(found.unfinished))
        self.bring_button.setEnabled(self._editable() and bool(found.agreements))

    def _chosen(self, view: QTableView, model: TableModel) -> list:  # type: ignore[type-arg]
        return [model.row_at(i.row()) for i in view.selectionModel().selectedRows()]

    def _carry(self) -> None:
        chosen = self._chosen(self.unfinished_view, self.unfinished)
        if not chosen:
            self.prompts.info(
                self, self.tr("Carry-over"), self.tr("Choose items in the list first.")
            )
            return
        ids = [u.item_id for u in chosen]
        if self.operation(lambda rev: carry_over.carry_over(self.ctx, self.meeting_id, rev, ids)):
            self.load_suggestions()

    def _bring(self) -> None:
        chosen: Sequence[carry_over.OpenAgreement] = self._chosen(
            self.agreements_view, self.agreements
        )
        if not chosen:
            self.prompts.info(self, self.tr("Carry-over"), self.tr("Choose agreements first."))
            return
        children = {a.case_id for a in chosen}
        target = next((i for i in self.plan.items if i.case_id in children), None)
        if len(children) != 1 or target is None:
            self.prompts.error(
                self, self.tr("Carry-over"), self.tr("Choose agreements about one child at a time.")
            )
            return
        self.operation(
            lambda rev: carry_over.bring_agreements(
                self.ctx, self.meeting_id, rev, target.id, chosen
            ),
            keep=target.id,
        )

    # -- participants ---------------------------------------------------------------------
    def _participants_page(self) -> QWidget:
        page = QWidget()
        self.participants: TableModel[PlanParticipant] = TableModel(
            [
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("Role"), lambda p: p.role_name),
                Column(self.tr("Organisation"), lambda p: p.organisation),
                Column(
                    self.tr("Attendance"),
                    lambda p: self.tr(ATTENDANCE_NAMES[p.attendance]),
                ),
            ],
            self,
        )
        self.participants_view = _table(self.participants, "participants")
        self.participants_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.afbud_button = QPushButton(self.tr("Sent apologies"))
        self.invited_button = QPushButton(self.tr("Coming"))
        self.guest_button = QPushButton(self.tr("Add participant …"))
        self.drop_button = QPushButton(self.tr("Remove"))
        self.afbud_button.clicked.connect(lambda: self._attendance(Attendance.AFBUD))
        self.invited_button.clicked.connect(lambda: self._attendance(Attendance.INVITED))
        self.guest_button.clicked.connect(lambda: self._whole(self.meeting_actions.add_participant))
        self.drop_button.clicked.connect(self._drop_participant)
        self.participant_count = QLabel()
        buttons = QHBoxLayout()
        for button in (self.afbud_button, self.invited_button, self.guest_button, self.drop_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.participant_count)
        layout.addWidget(self.participants_view, 1)
        layout.addLayout(buttons)
        return page

    def _show_participants(self) -> None:
        self.participants.set_rows(self.plan.participants)
        self.participants_view.resizeColumnsToContents()
        coming = sum(1 for p in self.plan.participants if p.attendance is not Attendance.AFBUD)
        self.participant_count.setText(
            self.tr("%1 invited, %2 sent apologies")
            .replace("%1", str(coming))
            .replace("%2", str(len(self.plan.participants) - coming))
        )
        for button in (self.afbud_button, self.invited_button, self.guest_button, self.drop_button):
            button.setVisible(self.can_plan)
            button.setEnabled(self._editable())

    def _participant(self) -> PlanParticipant | None:
        rows = self.participants_view.selectionModel().selectedRows()
        return self.participants.row_at(rows[0].row()) if rows else None

    def _attendance(self, attendance: Attendance) -> None:
        person = self._participant()
        if person is None:
            return
        self.operation(
            lambda rev: planning.set_attendance(
                self.ctx, self.meeting_id, rev, person.person_id, attendance
            )
        )

    def _drop_participant(self) -> None:
        person = self._participant()
        if person is None:
            return
        self.operation(
            lambda rev: planning.remove_participant(
                self.ctx, self.meeting_id, rev, person.person_id
            )
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.side_loaded:
            self.side_loaded = True
            self.load_suggestions()

    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.plan.summary.status is MeetingStatus.IN_PROGRESS
        if (
            running
            and self.can_plan
            and not self.prompts.confirm(
                self,
                self.tr("Close the window"),
                self.tr(
                    "The meeting is in progress. Close its window anyway? The meeting goes on; "
                    "open it again from the meetings list to end it."
                ),
            )
        ):
            event.ignore()
            return
        if self.live_view is not None:
            self.live_view.shutdown()  # saves what was typed
        changes.bus().changed.disconnect(self._changed_elsewhere)
        self.settings.set_geometry(Settings.MEETING_GEOMETRY, self.saveGeometry())
        self.settings.set_geometry(Settings.MEETING_SPLITTER, self.splitter.saveState())
        super().closeEvent(event)
