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
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.dates import clock, long_date, short_date
from stevnsmoeder.domain.minutes_fields import MinutesField, MinutesSection
from stevnsmoeder.model.enums import AgendaItemStatus, Attendance, MeetingStatus
from stevnsmoeder.model.minutes import ActionView, ItemMinutesView
from stevnsmoeder.services import live, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.planning import MeetingPlan, PlanItem
from stevnsmoeder.ui.common.autosave import AutoSaver
from stevnsmoeder.ui.common.forms import DATE_FORMAT, pydate, qdate
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.live.addendum_dialog import AddendumDialog
from stevnsmoeder.ui.live.approved_minutes import addenda_label, approved_line, show_addenda
from stevnsmoeder.ui.live.versions_dialog import VersionsDialog

AnyIndex = QModelIndex | QPersistentModelIndex
# The minimum height and the share of spare room of a free-text box (others: 50 px, 1).
BOX_SIZES = {"notes": (140, 3), "decision": (60, 1)}
PRELIMINARY_BASES = ("bl20", "bl5", "bl30", "bl133")
GREY = QColor("#6b6b6b")


@dataclass(frozen=True)
class ActionDraft:
    """An action typed but not added, kept with its item."""

    what: str
    who: str
    when: date


def _show(label: QLabel, text: str, style: str) -> None:
    if label.text() != text:
        label.setText(text)
    if label.styleSheet() != style:
        label.setStyleSheet(style)


def _mmss(seconds: int) -> str:
    sign = "+" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class PresenceModel(QAbstractListModel):
    """Who is present for the current item: a checkable list of the meeting's people."""

    toggled = Signal(object, bool)  # person id, present

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._people: list[planning.PlanParticipant] = []
        self._present: frozenset[uuid.UUID] = frozenset()

    def set_people(
        self, people: tuple[planning.PlanParticipant, ...], present: frozenset[uuid.UUID]
    ) -> None:
        self.beginResetModel()
        self._people, self._present = list(people), present
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{person.name} – {person.role_name}"
        if role == Qt.ItemDataRole.CheckStateRole:
            present = person.person_id in self._present
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        person = self._people[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(person.person_id, checked)
        return True


class LiveAgendaModel(TableModel[PlanItem]):
    """The live agenda. Its time column is named for what it shows: the planned minutes,
    the time left while the meeting runs, and afterwards what became of the items."""

    time_header = ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            section == 2
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self.time_header
        return super().headerData(section, orientation, role)


class ElidedLabel(QLabel):
    """One line that never widens the window: a long title ends in "…" and is shown whole
    in its tooltip (and in the agenda)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 400), super().sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )


class _FieldsLayout(QVBoxLayout):
    """The item's fields. A wrapped title would make the layout height-for-width, and the
    scroll area would then give the fields their preferred heights (tall text boxes) and
    scroll on a laptop where their minimum heights fit: they share the height instead."""

    def hasHeightForWidth(self) -> bool:
        return False


class LiveView(QWidget):
    """The running meeting and its minutes. ``changed`` asks the window to reload."""

    changed = Signal()

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
        self.screen_safe = screen_safe
        self.can_edit = can_edit
        self.plan: MeetingPlan | None = None
        self.state: live.LiveState | None = None
        self.minutes: minutes.MinutesState | None = None
        self.projection: live.TimeProjection | None = None
        self.shown_item: uuid.UUID | None = None
        self.drafts: dict[uuid.UUID, ActionDraft] = {}  # actions typed but not added
        self._wrote = False  # something written since the state was read
        self._loading = False
        self._enter_adds: dict[QObject, Callable[[], None]] = {}  # Enter in these adds
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

        # -- left: the agenda
        self.agenda_model = LiveAgendaModel(
            [
                Column(self.tr("No."), lambda i: str(i.number), align_right=True),
                Column(
                    self.tr("Item"),
                    self._agenda_title,
                    tooltip=self._agenda_tooltip,
                    foreground=self._agenda_colour,
                ),
                Column(
                    "",
                    self._agenda_clock,
                    align_right=True,
                    tooltip=self._agenda_tooltip,
                    foreground=self._agenda_colour,
                ),
            ],
            self,
        )
        self.agenda = QTableView()
        self.agenda.setObjectName("live-agenda")
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().hide()
        self.agenda.horizontalHeader().setStretchLastSection(False)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.activated.connect(self._agenda_activated)
        self.agenda.doubleClicked.connect(self._agenda_activated)
        # A single click (or an arrow key) shows the item; only while the meeting runs does
        # moving the meeting on take a double-click or Enter.
        self.agenda.selectionModel().currentRowChanged.connect(self._agenda_selected)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.agenda.setMinimumWidth(220)

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

        # A box for every free-text field of the registry (domain.minutes_fields): the common
        # fields stand on their own; the others are grouped by section, and a group shows at
        # the meeting types whose flags name its section.
        self.fields: dict[str, QPlainTextEdit] = {}

        def text_box(field: MinutesField) -> QPlainTextEdit:
            box = QPlainTextEdit()
            box.setObjectName(field.name)
            box.setPlaceholderText(field.placeholder)
            box.setMinimumHeight(BOX_SIZES.get(field.name, (50, 1))[0])
            box.setTabChangesFocus(True)
            box.textChanged.connect(lambda f=field.name, b=box: self._typed(f, b))
            self.fields[field.name] = box
            return box

        common = [text_box(f) for f in minutes_fields.in_section(MinutesSection.COMMON)]
        self.section_boxes: dict[MinutesSection, QGroupBox] = {}
        for section in MinutesSection:
            if section is MinutesSection.COMMON:
                continue
            group = QGroupBox(str(minutes_fields.SECTION_TITLES[section]))
            group.setObjectName(f"section-{section.value}")
            rows = QFormLayout(group)
            for f in minutes_fields.in_section(section):
                rows.addRow(f"{f.prompt}:", text_box(f))
            self.section_boxes[section] = group
        self.notes = self.fields["notes"]
        self.decision = self.fields["decision"]
        self.preliminary = self.fields["preliminary_decision"]
        self.ftm_box = self.section_boxes[MinutesSection.FAMILY_ROUNDS]
        self.forvisitation_box = self.section_boxes[MinutesSection.PRELIMINARY_DECISION]
        fv = self.forvisitation_box.layout()
        assert isinstance(fv, QFormLayout)
        self.preliminary_basis = QComboBox()
        self.preliminary_basis.setObjectName("preliminary-basis")
        self.preliminary_basis.currentIndexChanged.connect(self._preliminary_basis_changed)
        self.next_step = QComboBox()
        self.next_step.addItem(
            self.tr("Conversation with the child (Barnets lov § 5)"), "conversation"
        )
        self.next_step.addItem(
            self.tr("Child-welfare investigation (Barnets lov §§ 20–23)"), "investigation"
        )
        self.next_step_due = QDateEdit()
        self.next_step_due.setDisplayFormat(DATE_FORMAT)
        self.next_step_due.setCalendarPopup(True)
        self.next_step_add = QPushButton(self.tr("Create the next step"))
        self.next_step_add.clicked.connect(self._add_next_step)
        # Enter in the choice or its deadline creates the step (keyboard only).
        self._enter_adds[self.next_step] = self._add_next_step
        self._enter_adds[self.next_step_due] = self._add_next_step
        self.next_step.installEventFilter(self)
        self.next_step_due.installEventFilter(self)
        fv.addRow(self.tr("Legal basis:"), self.preliminary_basis)
        step_row = QHBoxLayout()
        step_row.addWidget(self.next_step, 1)
        step_row.addWidget(self.next_step_due)
        step_row.addWidget(self.next_step_add)
        fv.addRow(self.tr("Next step:"), step_row)

        # actions
        self.actions_model: TableModel[ActionView] = TableModel(
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
        self.actions_view = QTableView()
        self.actions_view.setObjectName("actions")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.verticalHeader().hide()
        self.actions_view.horizontalHeader().setStretchLastSection(True)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setMinimumHeight(70)
        self.action_what = QLineEdit()
        self.action_what.setObjectName("action-what")
        self.action_what.setPlaceholderText(self.tr("What – Ctrl+Shift+A"))
        self.action_who = QComboBox()
        self.action_who.setObjectName("action-who")
        self.action_who.setEditable(True)
        self.action_who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.action_when = QDateEdit()
        self.action_when.setObjectName("action-when")
        self.action_when.setDisplayFormat(DATE_FORMAT)
        self.action_when.setCalendarPopup(True)
        self.action_add = QPushButton(self.tr("Add action"))
        self.action_add.clicked.connect(self._add_action)
        self.action_what.returnPressed.connect(self._add_action)
        who_line = self.action_who.lineEdit()
        if who_line is not None:
            who_line.returnPressed.connect(self._add_action)
        self._enter_adds[self.action_when] = self._add_action  # Enter in the date adds it too
        self.action_when.installEventFilter(self)
        action_row = QHBoxLayout()
        action_row.addWidget(self.action_what, 3)
        action_row.addWidget(self.action_who, 2)
        action_row.addWidget(self.action_when)
        action_row.addWidget(self.action_add)

        # level and follow-up
        self.level_buttons = QButtonGroup(self)
        self.level_buttons.setExclusive(True)
        level_row = QHBoxLayout()
        for level in range(1, 6):
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setMaximumWidth(56)
            button.setObjectName(f"level-{level}")
            button.setToolTip(self.tr("Level %1 (Alt+%1)").replace("%1", str(level)))
            self.level_buttons.addButton(button, level)
            level_row.addWidget(button)
        self.level_buttons.idClicked.connect(self.set_level)
        self.level_label = QLabel()
        self.level_label.setObjectName("level-label")
        level_row.addWidget(self.level_label, 1)
        self.follow_up = QDateEdit()
        self.follow_up.setDisplayFormat(DATE_FORMAT)
        self.follow_up.setCalendarPopup(True)
        self.follow_up_set = QCheckBox(self.tr("Follow-up on"))
        self.follow_up_set.toggled.connect(self._follow_up_changed)
        self.follow_up.dateChanged.connect(self._follow_up_changed)
        level_row.addWidget(self.follow_up_set)
        level_row.addWidget(self.follow_up)
        self.level_box = QGroupBox(self.tr("Trivselslinealen – Alt+1 … Alt+5"))
        self.level_box.setLayout(level_row)

        # presence for this item
        self.presence = PresenceModel(self)
        self.presence.toggled.connect(self._presence_toggled)
        self.presence_view = QListView()
        self.presence_view.setObjectName("presence")
        self.presence_view.setModel(self.presence)
        self.presence_view.setMinimumHeight(60)
        self.presence_box = QGroupBox(self.tr("Present for this item – Ctrl+T"))
        presence_layout = QVBoxLayout(self.presence_box)
        presence_layout.setContentsMargins(4, 4, 4, 4)
        presence_layout.addWidget(self.presence_view)

        self.editor = QWidget()
        form = _FieldsLayout(self.editor)
        form.setContentsMargins(6, 4, 6, 4)
        form.setSpacing(4)
        form.addLayout(head)
        form.addWidget(self.level_box)
        for box in common:
            form.addWidget(box, BOX_SIZES.get(box.objectName(), (50, 1))[1])
        self.addenda_label = addenda_label()
        form.addWidget(self.addenda_label)
        for group in self.section_boxes.values():
            form.addWidget(group)
        form.addWidget(QLabel(self.tr("Actions (who, what, when)")))
        form.addWidget(self.actions_view, 1)
        form.addLayout(action_row)
        # The item's fields scroll where the screen is low (FTM rounds, a forvisitation).
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("item-fields")
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setWidget(self.editor)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # -- bottom: moving on, ending, approving
        self.prev_button = QPushButton(self.tr("◀ Previous (Ctrl+PgUp)"))
        self.next_button = QPushButton(self.tr("Next ▶ (Ctrl+PgDown)"))
        self.push_button = QPushButton(self.tr("To next meeting (Ctrl+Shift+P)"))
        self.end_button = QPushButton(self.tr("End the meeting (Ctrl+Shift+E)"))
        self.set_back_button = QPushButton(self.tr("Set back to planned …"))
        self.set_back_button.setObjectName("set-back")
        self.set_back_button.setToolTip(
            self.tr(
                "Started by mistake? While nothing is written, the meeting can be planned again."
            )
        )
        self.approve_button = QPushButton(self.tr("Approve the minutes (Ctrl+Shift+G)"))
        self.addendum_button = QPushButton(self.tr("Add an addendum …"))
        self.versions_button = QPushButton(self.tr("Versions …"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.push_button.clicked.connect(self.push)
        self.end_button.clicked.connect(self.end_meeting)
        self.set_back_button.clicked.connect(self.set_back_to_planned)
        self.approve_button.clicked.connect(self.approve)
        self.addendum_button.clicked.connect(self.addendum)
        self.versions_button.clicked.connect(self.show_versions)
        bottom = QHBoxLayout()
        for button in (self.prev_button, self.next_button, self.push_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        for button in (
            self.set_back_button,
            self.end_button,
            self.approve_button,
            self.addendum_button,
            self.versions_button,
        ):
            bottom.addWidget(button)

        # The agenda and who is present share a column; either (or the column) collapses.
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("live-side")
        self.side.addWidget(self.agenda)
        self.side.addWidget(self.presence_box)
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
        layout.addLayout(bottom)

        self._shortcuts()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self._enter_adds
        ):
            self._enter_adds[watched]()
            return True
        return super().eventFilter(watched, event)

    # -- keys ----------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+PgDown", lambda: self.step(1)),
            ("Alt+Right", lambda: self.step(1)),
            ("Ctrl+PgUp", lambda: self.step(-1)),
            ("Alt+Left", lambda: self.step(-1)),
            ("Ctrl+Shift+A", partial(self.focus, self.action_what)),
            ("Ctrl+T", partial(self.focus, self.presence_view)),
            ("Ctrl+Shift+K", partial(self.focus, self.next_step)),
            ("Ctrl+Shift+P", self.push),
            ("Ctrl+Shift+E", self.end_meeting),
            ("Ctrl+Shift+G", self.approve),
            ("Alt+0", lambda: self.set_level(0)),
        ]
        keys += [(f"Alt+{n}", partial(self.set_level, n)) for n in range(1, 6)]
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
        try:
            self.plan = planning.get_plan(self.ctx, self.meeting_id)
            self.state = live.state(self.ctx, self.meeting_id)
            self.minutes = minutes.get_minutes(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting"), str(exc))
            return
        self._wrote = self.saver.has_pending()
        self._project()
        self.agenda_model.time_header = self._time_header()
        self.agenda_model.set_rows(self.plan.items)
        self.agenda.setColumnHidden(2, not self._time_column_needed())
        who = self.action_who.currentText()  # typed for the item shown: kept with it
        self.action_who.clear()
        for p in self.plan.participants:
            self.action_who.addItem(p.name, p.person_id)
        self.action_who.setCurrentIndex(-1)
        self.action_who.setEditText(who)
        self.preliminary_basis.clear()
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

    def _item(self, item_id: uuid.UUID | None) -> PlanItem | None:
        if self.plan is None:
            return None
        return next((i for i in self.plan.items if i.id == item_id), None)

    def show_item(self, item_id: uuid.UUID | None) -> None:
        """Show an item with its minutes as they are now in the database (what this view
        saved since it last loaded included); text not saved yet stays in its box."""
        try:
            self.minutes = minutes.get_minutes(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting"), str(exc))
            return
        self._show_item(item_id)

    def _show_item(self, item_id: uuid.UUID | None) -> None:
        item = self._item(item_id)
        if item is None or self.plan is None or self.minutes is None or self.state is None:
            return
        moved = item.id != self.shown_item
        if moved and self.shown_item is not None:
            self._keep_draft(self.shown_item)
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
        status = self._status_text(item)
        self.item_status.setText(status)
        self.item_status.setVisible(bool(status))
        view = self.minutes.items.get(item.id) or ItemMinutesView(item.id)
        self._loading = True
        try:
            for field, box in self.fields.items():
                self.saver.show(box, item.id, field, getattr(view, field))
            show_addenda(self.addenda_label, view.addenda)
            self.actions_model.set_rows(view.actions)
            self.actions_view.resizeColumnsToContents()
            child_item = item.case_id is not None
            self.level_box.setVisible(child_item)
            checked = self.level_buttons.checkedButton()
            if view.level:
                self.level_buttons.button(view.level).setChecked(True)
            elif checked is not None:
                self.level_buttons.setExclusive(False)
                checked.setChecked(False)
                self.level_buttons.setExclusive(True)
            self.level_label.setText(
                f"{view.level_label} → {view.step_label}" if view.level else self.tr("not set")
            )
            self.follow_up_set.setChecked(view.follow_up_on is not None)
            day = view.follow_up_on or self.plan.summary.starts_at.date()
            self.follow_up.setDate(qdate(day))
            self.follow_up.setEnabled(view.follow_up_on is not None)
            if moved:
                self._show_draft(item.id)
            due = self.plan.summary.starts_at.date()
            self.next_step_due.setDate(qdate(due).addDays(14))
            for section, group in self.section_boxes.items():
                group.setVisible(section in self.plan.minutes_sections and child_item)
            if self.preliminary_basis.count() == 0:
                for code, citation in self._references():
                    self.preliminary_basis.addItem(citation, code)
            chosen = self.preliminary_basis.findText(view.legal_reference)
            self.preliminary_basis.setCurrentIndex(max(chosen, -1))
            present = self.state.item_present.get(item.id, frozenset())
            self.presence.set_people(self.plan.participants, present)
        finally:
            self._loading = False
        self._set_editable()
        self._update_buttons()
        self.tick()

    # -- actions typed but not added -----------------------------------------------------
    def _default_due(self) -> date:
        assert self.plan is not None
        return self.plan.summary.starts_at.date() + timedelta(days=14)

    def _keep_draft(self, item_id: uuid.UUID) -> None:
        """The chair leaves an item with an action half written: it stays with that item
        (shown again on coming back, marked ✎ in the agenda), never with the next child."""
        what, who = self.action_what.text().strip(), self.action_who.currentText().strip()
        if what or who:
            when = pydate(self.action_when.date()) or self._default_due()
            self.drafts[item_id] = ActionDraft(
                self.action_what.text(), self.action_who.currentText(), when
            )
        else:
            self.drafts.pop(item_id, None)
        self._agenda_changed()

    def _show_draft(self, item_id: uuid.UUID) -> None:
        draft = self.drafts.get(item_id)
        self.action_what.setText(draft.what if draft else "")
        self.action_who.setCurrentIndex(-1)
        self.action_who.setEditText(draft.who if draft else "")
        self.action_when.setDate(qdate(draft.when if draft else self._default_due()))

    def unadded_actions(self) -> list[PlanItem]:
        """The items with an action typed but not added (the one shown included)."""
        if self.shown_item is not None:
            self._keep_draft(self.shown_item)
        return [i for i in (self.plan.items if self.plan else ()) if i.id in self.drafts]

    def _unadded_warning(self) -> str:
        waiting = self.unadded_actions()
        if not waiting:
            return ""
        numbers = ", ".join(str(i.number) for i in waiting)
        return self.tr("Actions typed but not added (item %1) are not in the minutes.").replace(
            "%1", numbers
        )

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
        for box in self.fields.values():
            box.setReadOnly(not writable)
        for widget in (
            self.action_what,
            self.action_who,
            self.action_when,
            self.action_add,
            self.follow_up_set,
            self.preliminary_basis,
            self.next_step,
            self.next_step_due,
            self.next_step_add,
        ):
            widget.setEnabled(writable)
        for button in self.level_buttons.buttons():
            button.setEnabled(writable)
        self.presence_view.setEnabled(
            writable and self.state is not None and self.state.status is MeetingStatus.IN_PROGRESS
        )

    def _update_buttons(self) -> None:
        status = self.state.status if self.state else MeetingStatus.PLANNED
        locked = bool(self.minutes and self.minutes.locked)
        running = status is MeetingStatus.IN_PROGRESS
        for button in (self.prev_button, self.next_button, self.push_button, self.end_button):
            button.setVisible(running and self.can_edit)
        item = self._item(self.shown_item)
        pushed = item is not None and self.state is not None and item.id in self.state.pushed
        self.push_button.setText(
            self.tr("Take it back into today (Ctrl+Shift+P)")
            if pushed
            else self.tr("To next meeting (Ctrl+Shift+P)")
        )
        self.set_back_button.setVisible(
            running
            and self.can_edit
            and self.state is not None
            and self.state.can_set_back
            and not self._wrote
        )
        self.approve_button.setVisible(
            status is MeetingStatus.HELD and not locked and self.can_edit
        )
        self.addendum_button.setVisible(locked and self.can_edit)
        self.versions_button.setVisible(locked)

    def _written(self) -> None:
        """Something was recorded: a meeting with records is no longer set back."""
        if not self._wrote:
            self._wrote = True
            self._update_buttons()

    # -- the clock (the projection is the service's; this only shows it) -----------------
    def _project(self) -> None:
        self.projection = (
            live.projection(self.state, self.ctx.now()) if self.state is not None else None
        )

    def _running(self) -> bool:
        return self.state is not None and self.state.status is MeetingStatus.IN_PROGRESS

    def _time_header(self) -> str:
        if self.state is None or self.state.status is MeetingStatus.PLANNED:
            return self.tr("Time")
        return self.tr("Time left") if self._running() else ""

    def _time_column_needed(self) -> bool:
        """After the meeting the column shows only what became of items: pushed, not
        reached. Without such items it goes."""
        if self.state is None or self.plan is None or self.state.status is not MeetingStatus.HELD:
            return True
        return any(self._status_word(i) for i in self.plan.items)

    def _item_status(self, item: PlanItem) -> AgendaItemStatus:
        time = self.projection.of(item.id) if self.projection else None
        return time.status if time is not None else item.status

    def _status_word(self, item: PlanItem) -> str:
        """What became of an item, where it is news: pushed, not reached."""
        status = self._item_status(item)
        if status is AgendaItemStatus.NEXT_TIME:
            return self.tr("pushed")
        if status is AgendaItemStatus.NOT_REACHED:
            return self.tr("not reached")
        return ""

    def _status_text(self, item: PlanItem) -> str:
        status = self._item_status(item)
        if status is AgendaItemStatus.NEXT_TIME:
            return self.tr("Pushed to the next meeting")
        if status is AgendaItemStatus.NOT_REACHED:
            return self.tr("Not reached")
        return ""

    def _agenda_title(self, item: PlanItem) -> str:
        mark = (
            "▶ " if self._running() and self.state and item.id == self.state.current_item_id else ""
        )
        if item.id in self.drafts:
            mark += "✎ "
        return mark + item.title

    def _agenda_clock(self, item: PlanItem) -> str:
        word = self._status_word(item)
        if word or not self._running():
            if self.state is not None and self.state.status is MeetingStatus.PLANNED:
                return self.tr("%1 min").replace("%1", str(item.time_box_minutes))
            return word
        time = self.projection.of(item.id) if self.projection else None
        if time is None:
            return ""
        if self._done(item):
            return "✓"
        return _mmss(time.left_seconds)

    def _done(self, item: PlanItem) -> bool:
        """Discussed, and not the item the meeting is at now."""
        time = self.projection.of(item.id) if self.projection else None
        return (
            time is not None
            and self._running()
            and time.status is AgendaItemStatus.DISCUSSED
            and not time.current
        )

    def _agenda_colour(self, item: PlanItem) -> QColor | None:
        return GREY if self._status_word(item) or self._done(item) else None

    def _agenda_tooltip(self, item: PlanItem) -> str:
        lines = [f"{item.number}. {item.title}"]
        time = self.projection.of(item.id) if self.projection else None
        if time is not None:
            lines.append(
                self.tr("Planned at %1, %2 min")
                .replace("%1", clock(time.planned_start)[-5:])
                .replace("%2", str(item.time_box_minutes))
            )
            if time.expected_start is not None:
                lines.append(
                    self.tr("Expected at %1").replace("%1", clock(time.expected_start)[-5:])
                )
        if time is not None and self._done(item):
            lines.append(
                self.tr("Discussed, %1 min used").replace("%1", str(time.spent_seconds // 60))
            )
        status = self._status_text(item)
        if status and self._running() and item.id in (self.state.pushed if self.state else ()):
            status += " – " + self.tr("go to it and press Ctrl+Shift+P to take it back")
        if status:
            lines.append(status)
        if item.id in self.drafts:
            lines.append(self.tr("✎ An action is typed but not added"))
        return "\n".join(lines)

    def _agenda_changed(self) -> None:
        rows = self.agenda_model.rowCount()
        if rows:
            top = self.agenda_model.index(0, 0)
            bottom = self.agenda_model.index(rows - 1, 2)
            self.agenda_model.dataChanged.emit(top, bottom)

    def tick(self) -> None:
        """Refresh the countdowns from the clock (every second while the meeting runs).
        Labels are set only when what they show changes: a second's tick stays cheap."""
        if self.plan is None or self.state is None:
            return
        self._project()
        projection = self.projection
        assert projection is not None
        running = projection.running
        if self.timer_label.isVisibleTo(self) != running:
            self.timer_label.setVisible(running)  # a countdown means nothing afterwards
        shown = projection.of(self.shown_item)
        if shown is not None and running:
            over, left = self.tr("over"), self.tr("left")
            if shown.pushed:
                colour, text = "#6b6b6b", self.tr("pushed")
            elif shown.overrun:
                colour, text = "#a4161a", _mmss(shown.left_seconds) + " " + over
            elif shown.warning:
                colour, text = "#b35c00", _mmss(shown.left_seconds) + " " + left
            else:
                colour, text = "#2e6b30", _mmss(shown.left_seconds) + " " + left
            _show(self.timer_label, text, f"color: {colour};")
        status = self.state.status
        style = ""
        if running and projection.expected_end is not None:
            text = (
                self.tr("Meeting: %1 min left · expected end %2 · booked until %3")
                .replace("%1", str(projection.remaining_seconds // 60))
                .replace("%2", clock(projection.expected_end)[-5:])
                .replace("%3", clock(projection.booked_until)[-5:])
            )
            style = "color: #a4161a; font-weight: bold;" if projection.late else ""
        elif status is MeetingStatus.HELD:
            text = (
                approved_line(self.minutes)
                if self.minutes is not None and self.minutes.locked
                else self.tr("Held. Finish the minutes and approve them.")
            )
        else:
            text = long_date(self.plan.summary.starts_at.date())
        _show(self.meeting_line, text, style)
        rows = self.agenda_model.rowCount()
        if rows:  # the time column
            column = self.agenda_model.index(0, 2), self.agenda_model.index(rows - 1, 2)
            self.agenda_model.dataChanged.emit(*column)

    # -- typing --------------------------------------------------------------------------
    def _typed(self, field: str, box: QPlainTextEdit) -> None:
        if self._loading or self.shown_item is None or box.isReadOnly():
            return
        self._written()
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

    def _refresh_minutes(self) -> None:
        self.show_item(self.shown_item)

    def _call(self, call: Callable[[], object]) -> bool:
        try:
            call()
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting"), str(exc))
            return False
        return True

    # -- actions on the current item -----------------------------------------------------
    def selected_item(self) -> PlanItem | None:
        """The item chosen in the agenda (what an extract or an addendum is about): the row
        clicked last, else the item shown."""
        index = self.agenda.currentIndex()
        if index.isValid() and 0 <= index.row() < self.agenda_model.rowCount():
            return self.agenda_model.row_at(index.row())
        return self._item(self.shown_item)

    def _agenda_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.state is None:
            return
        item = self.agenda_model.row_at(current.row())
        if item.id == self.shown_item:
            return
        if self.state.status is MeetingStatus.IN_PROGRESS and self.can_edit:
            return  # the chair moves the meeting on with a double-click or Enter
        self.show_item(item.id)

    def _agenda_activated(self, index: QModelIndex) -> None:
        item = self.agenda_model.row_at(index.row())
        if (
            self.state is not None
            and self.state.status is MeetingStatus.IN_PROGRESS
            and self.can_edit
        ):
            self.flush()
            if self._call(lambda: live.go_to(self.ctx, self.meeting_id, item.id)):
                self.load()
        else:
            self.show_item(item.id)

    def step(self, direction: int) -> None:
        if self.state is None or self.plan is None:
            return
        if self.state.status is MeetingStatus.IN_PROGRESS and self.can_edit:
            self.flush()
            if self._call(lambda: live.step(self.ctx, self.meeting_id, direction)):
                self.load()
                self.focus(self.notes)
        else:
            ids = [i.id for i in self.plan.items]
            at = ids.index(self.shown_item) if self.shown_item in ids else 0
            self.show_item(ids[max(0, min(at + direction, len(ids) - 1))])

    def push(self) -> None:
        """The item shown goes to the next meeting, and the meeting moves on; on an item
        pushed already, the same key takes it back into today."""
        item = self._item(self.shown_item)
        if item is None or self.state is None or self.state.status is not MeetingStatus.IN_PROGRESS:
            return
        if not self.can_edit:
            return
        if item.id in self.state.pushed:
            self.flush()
            if self._call(lambda: live.undo_push(self.ctx, self.meeting_id, item.id)):
                self.save_status.setText(
                    self.tr("'%1' is on today's agenda again").replace("%1", item.title)
                )
                self.load()
            return
        if self._call(lambda: live.push_to_next_time(self.ctx, self.meeting_id, item.id)):
            self._written()
            self.save_status.setText(
                self.tr("'%1' goes to the next meeting").replace("%1", item.title)
            )
            self.step(1)

    def set_level(self, level: int) -> None:
        item = self._item(self.shown_item)
        if item is None or item.case_id is None or not self.can_edit:
            return
        if self.minutes is not None and self.minutes.locked:
            return
        if self._call(lambda: minutes.set_level(self.ctx, item.id, level or None)):
            self._written()
            self._refresh_minutes()

    def _follow_up_changed(self, *_args: object) -> None:
        if self._loading or self.shown_item is None:
            return
        on = self.follow_up_set.isChecked()
        self.follow_up.setEnabled(on)
        day = pydate(self.follow_up.date()) if on else None
        item_id = self.shown_item
        if self._call(lambda: minutes.set_follow_up(self.ctx, item_id, day)):
            self._written()
            self._refresh_minutes()

    def _add_action(self) -> None:
        if self.shown_item is None:
            return
        what = self.action_what.text()
        who_text = self.action_who.currentText().strip()
        index = self.action_who.findText(who_text)
        owner_id = self.action_who.itemData(index) if index >= 0 else None
        due = pydate(self.action_when.date())
        new = minutes.NewAction(
            what, owner_id=owner_id, owner_text="" if owner_id else who_text, due_on=due
        )
        item_id = self.shown_item
        if self._call(lambda: minutes.add_action(self.ctx, item_id, new)):
            self._written()
            self.drafts.pop(item_id, None)
            self.action_what.clear()
            self.action_who.setEditText("")
            self.action_when.setDate(qdate(self._default_due()))
            self._refresh_minutes()
            self.focus(self.action_what)

    def _references(self) -> list[tuple[str, str]]:
        if not hasattr(self, "_reference_cache"):
            try:
                found = {r.code: r.citation for r in minutes.legal_references(self.ctx)}
            except ServiceError:
                found = {}
            self._reference_cache = [(c, found[c]) for c in PRELIMINARY_BASES if c in found]
        return self._reference_cache

    def _preliminary_basis_changed(self, index: int) -> None:
        if self._loading or self.shown_item is None or index < 0:
            return
        item_id, code = self.shown_item, str(self.preliminary_basis.currentData())
        if self._call(lambda: minutes.set_preliminary_basis(self.ctx, item_id, code)):
            self._written()

    def _add_next_step(self) -> None:
        if self.shown_item is None:
            return
        item_id = self.shown_item
        due = pydate(self.next_step_due.date())
        step = str(self.next_step.currentData())
        if self._call(lambda: minutes.add_next_step(self.ctx, item_id, step, due, None)):
            self._written()
            self._refresh_minutes()

    def _presence_toggled(self, person_id: uuid.UUID, present: bool) -> None:
        if self.shown_item is None:
            return
        attendance = Attendance.PRESENT if present else Attendance.ABSENT
        item_id = self.shown_item
        if self._call(
            lambda: live.set_present(
                self.ctx, self.meeting_id, person_id, attendance, item_id=item_id
            )
        ):
            self.state = live.state(self.ctx, self.meeting_id)
            self._wrote = self.saver.has_pending()  # the state says what is recorded now
            self.show_item(item_id)

    # -- the meeting as a whole ------------------------------------------------------------
    def end_meeting(self) -> None:
        if self.state is None or self.state.status is not MeetingStatus.IN_PROGRESS:
            return
        question = self.tr("End the meeting? Items not reached go to the next meeting.")
        waiting = self._unadded_warning()
        if waiting:
            question += (
                "\n\n"
                + waiting
                + " "
                + self.tr("They stay with their items: add them before the minutes are approved.")
            )
        if not self.prompts.confirm(self, self.tr("End the meeting"), question):
            return
        if not self.flush():
            self.prompts.error(
                self,
                self.tr("End the meeting"),
                self.tr("Some text could not be saved yet; try again."),
            )
            return
        try:
            report = live.end(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("End the meeting"), str(exc))
            return
        self.prompts.info(
            self,
            self.tr("End the meeting"),
            self.tr("The meeting is held. %1; %2.")
            .replace("%1", self.tr("%n items were not reached", "", report.not_reached))
            .replace("%2", self.tr("%n items go to the next meeting", "", report.carried)),
        )
        self.load()
        self.changed.emit()

    def set_back_to_planned(self) -> None:
        """A meeting started by mistake is planned again, while nothing is written."""
        if self.state is None or not self._running() or not self.can_edit:
            return
        if not self.prompts.confirm(
            self,
            self.tr("Set back to planned"),
            self.tr(
                "Set the meeting back to planned? It is as if it was never started: the "
                "clock is reset and the participants are invited again."
            ),
        ):
            return
        if not self.flush():
            self.prompts.error(
                self,
                self.tr("Set back to planned"),
                self.tr("Some text could not be saved yet; try again."),
            )
            return
        try:
            live.set_back_to_planned(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Set back to planned"), str(exc))
            self.load()
            return
        self.ticker.stop()
        self.drafts.clear()
        self.state = live.state(self.ctx, self.meeting_id)
        self.changed.emit()  # the window shows the planning page again

    def approve(self) -> None:
        if self.state is None or self.state.status is not MeetingStatus.HELD:
            return
        if self.minutes is not None and self.minutes.locked:
            return
        if not self.flush():
            self.prompts.error(
                self,
                self.tr("Approve the minutes"),
                self.tr("Some text could not be saved yet; try again."),
            )
            return
        question = self.tr("Approve the minutes? They lock; later corrections are dated addenda.")
        waiting = self._unadded_warning()
        if waiting:
            question += "\n\n" + waiting + " " + self.tr("Approved, they are left out.")
        if not self.prompts.confirm(self, self.tr("Approve the minutes"), question):
            return
        if self._call(lambda: minutes.approve(self.ctx, self.meeting_id)):
            self.drafts.clear()  # the minutes are locked: nothing more is added
            self.action_what.clear()
            self.action_who.setEditText("")
            self.load()
            self.changed.emit()

    def addendum(self) -> None:
        """A correction to approved minutes, about the item shown (or another, or the meeting
        in general): who reads it follows from what it is about."""
        if self.plan is None:
            return
        chosen = self.selected_item()
        dialog = AddendumDialog(self.plan.items, chosen.id if chosen else None, self)
        if dialog.exec() != AddendumDialog.DialogCode.Accepted:
            return
        text, item_id = dialog.value()
        if self._call(lambda: minutes.add_addendum(self.ctx, self.meeting_id, text, item_id)):
            self.load()

    def show_versions(self) -> None:
        try:
            found = minutes.versions(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Versions"), str(exc))
            return

        def number(item_id: uuid.UUID | None) -> int | None:
            item = self._item(item_id)
            return item.number if item is not None else None

        VersionsDialog(found, number, self).exec()

    def shutdown(self) -> None:
        self.ticker.stop()
        self.saver.stop()
