"""One meeting: its agenda, the legal basis of each child's item, carry-over and who comes.

A secretary or chair plans here; everyone else reads. Every change goes through the
planning service with the revision the window shows; when the meeting changed elsewhere the
window reloads and says so. Changes are announced on the app-wide bus.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import (
    documents,
    live,
    planning,
    sync_client,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError, ServiceError
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.services.planning import MeetingPlan, PlanItem
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.forms import title_label
from stevnsmoeder.ui.common.operations import Change, Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.meeting.agenda_model import TITLE, AgendaDelegate, AgendaModel
from stevnsmoeder.ui.meeting.basis_pane import BasisPane
from stevnsmoeder.ui.meeting.carry_over_pane import CarryOverPane
from stevnsmoeder.ui.meeting.documents import MeetingDocuments
from stevnsmoeder.ui.meeting.host import MeetingActions
from stevnsmoeder.ui.meeting.participants_pane import ParticipantsPane

T = TypeVar("T")


ELSEWHERE_STYLE = "background: #fde2c8; color: #4a2600; padding: 4px 8px; font-weight: bold;"


class MeetingWindow(MeetingDocuments):
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
        self.may_plan = actions.can_plan()
        self.can_plan = self.may_plan  # not while the meeting runs on another computer
        self.can_record = allowed(ctx, Permission.EDIT_CASES)
        self.operations = Operations(self, prompts, self.tr("Meeting"))
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
        self.elsewhere = QLabel()  # "I gang på Lene Holms computer": read-only here
        self.elsewhere.setObjectName("running-elsewhere")
        self.elsewhere.setStyleSheet(ELSEWHERE_STYLE)
        self.elsewhere.hide()

        # agenda
        self.agenda = AgendaModel(screen_safe, self.editable, self)
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
        self.view.setItemDelegate(AgendaDelegate(self.view))
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
        self.basis_pane = BasisPane(self)
        self.carry_over = CarryOverPane(self)
        self.participants_pane = ParticipantsPane(self)
        self.side = QTabWidget()
        self.side.addTab(self.basis_pane, self.tr("Legal basis"))
        self.side.addTab(self.carry_over, self.tr("Carry-over"))
        self.side.addTab(self.participants_pane, self.tr("Participants"))

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
        self.file_button = QPushButton(self.tr("File in ESDH …"))
        self.file_button.setObjectName("file-in-esdh")
        self.file_button.clicked.connect(lambda: self.file_in_esdh())
        close = QPushButton(self.tr("Close"))
        self.move_button.clicked.connect(lambda: self.whole(self.meeting_actions.move_meeting))
        self.cancel_button.clicked.connect(lambda: self.whole(self.meeting_actions.cancel_meeting))
        self.export_button.clicked.connect(
            lambda: self.meeting_actions.export_meeting(self.plan.summary)
        )
        close.clicked.connect(self.close)
        for button in (
            self.move_button, self.cancel_button, self.export_button, self.print_button,
            self.file_button,
        ):  # fmt: skip
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
        layout.addWidget(self.elsewhere)
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

    # -- state ---------------------------------------------------------------------------
    def editable(self) -> bool:
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
        self._show_lease()
        shown = self.selected()
        current = keep or (shown.id if shown else None)
        self.agenda.set_items(plan.items)
        row = self.agenda.row_of(current) if current else -1
        if row >= 0:
            self.view.selectRow(row)
        self._show_time()
        self.participants_pane.show_plan(plan)
        if hasattr(self, "stack"):
            self._update_view_button()
        editable = self.editable()
        for widget in (self.move_button, self.cancel_button):
            widget.setVisible(self.can_plan and plan.editable)
        self.file_button.setVisible(m.approved_at is not None)  # approved minutes are filed
        for widget in (
            self.add_button, self.add_child_button, self.remove_button, self.up_button,
            self.down_button,
        ):  # fmt: skip
            widget.setVisible(self.can_plan)
            widget.setEnabled(editable)
        self._item_chosen()

    def _show_lease(self) -> None:
        """A meeting running on another computer (at the last contact with the server)
        opens read-only here, and says where it runs."""
        elsewhere = sync_client.elsewhere_words(self.ctx, self.meeting_id)
        self.elsewhere.setText(
            self.tr("%1 – open here to read only.").replace("%1", elsewhere) if elsewhere else ""
        )
        self.elsewhere.setVisible(bool(elsewhere))
        self.can_plan = self.may_plan and not elsewhere
        live = getattr(self, "live_view", None)
        if live is not None and live.can_edit != self.can_plan:
            live.can_edit = self.can_plan
            live.show_item(live.shown_item)

    def _item_chosen(self, *_args: object) -> None:
        self.basis_pane.show_item(self.selected())

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

        def conflict(exc: ServiceError) -> None:
            if isinstance(exc, ConflictError):
                self.reload()

        return self.operations.run(
            lambda: call(self.plan.revision),
            then=lambda plan: self._show(plan, keep),
            refused=conflict,
            announce=Change(changes.MEETING, self.meeting_id),
        )

    def in_dialog(self, call: Callable[[int], T]) -> T:
        """Run a planning change from a dialog, against the shown revision. A refusal is
        raised for the dialog to show in place (after a reload, when the meeting changed
        elsewhere: OK again then makes the change against what is shown now)."""
        try:
            return call(self.plan.revision)
        except ConflictError:
            self.reload()
            raise

    def _changed(self, plan: MeetingPlan, keep: uuid.UUID | None = None) -> None:
        self._show(plan, keep)
        changes.bus().announce(changes.MEETING, self.meeting_id)

    def reload(self) -> None:
        plan = self.operations.fetch(lambda: planning.get_plan(self.ctx, self.meeting_id), None)
        if plan is None:
            return
        self._show(plan)
        if self.live_view is not None and self.stack.currentWidget() is self.live_view:
            self.live_view.show_item(self.live_view.shown_item)  # names follow screen-safe

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
        if self.operations.run(
            lambda: live.start(self.ctx, self.meeting_id),
            title=self.tr("Start the meeting"),
            then=lambda _started: self.reload(),
            announce=Change(changes.MEETING, self.meeting_id),
        ):
            self.show_live()

    def _live_changed(self) -> None:
        self.reload()
        if self.plan.summary.status is MeetingStatus.PLANNED:
            self.show_planning()  # set back to planned: started by mistake
        self._update_view_button()
        changes.bus().announce(changes.MEETING, self.meeting_id)

    def whole(self, action: Callable[[MeetingSummary], bool]) -> None:
        """Do something to the whole meeting through the main window, then reload."""
        if action(self.plan.summary):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.carry_over.loaded:
            self.carry_over.load()

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
