"""The case page: one child's path across meetings, for review (PPR) and preparation.

Header with the child (initials and no CPR in screen-safe mode), age, school, district,
custody holders and the state of consent; the Trivselslinealen level over time as a small
chart with the intervention ladder shaded; open agreements (overdue first) and the next
follow-up; the timeline of every item about the child across meeting types, filterable by
type, with what was written, decided and agreed, and a way to the meeting itself. The page
only reads: every role that may see the case sees it read-only here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.dates import LOCAL_TZ, long_date, month_year, short_date
from stevnsmoeder.model.case_history import (
    CaseHistory,
    LevelPoint,
    OpenAction,
    ScaleStep,
    TimelineEntry,
)
from stevnsmoeder.model.enums import AgendaItemStatus
from stevnsmoeder.services import case_history, documents
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.common.document_preview import DocumentPreview
from stevnsmoeder.ui.common.forms import title_label
from stevnsmoeder.ui.common.models import ROW_ROLE, Column, FilterProxy, TableModel
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen

OVERDUE = QColor("#b00020")
STEP_SHADES = {
    "none": QColor("#ffffff"),
    "prevention": QColor("#eef3ee"),
    "early": QColor("#fdf1d6"),
    "intrusive": QColor("#f8dcdc"),
}


def _para(text: str, tag: str = "") -> str:
    body = escape(text).replace(chr(10), "<br>")
    return f"<p><{tag}>{body}</{tag}></p>" if tag else f"<p>{body}</p>"


class LevelChart(QWidget):
    """Level (1 at the bottom) against time as steps, the ladder steps shaded behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[LevelPoint, ...] = ()
        self.scale: tuple[ScaleStep, ...] = ()
        self.today = date.today()
        self.setMinimumHeight(170)
        self.setObjectName("level-chart")

    def set_data(
        self, points: tuple[LevelPoint, ...], scale: tuple[ScaleStep, ...], today: date
    ) -> None:
        self.points, self.scale, self.today = points, scale, today
        self.setToolTip(
            "\n".join(
                f"{short_date(p.day)}: {p.level} {p.label} ({p.meeting_type})" for p in points
            )
        )
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_w = max((metrics.horizontalAdvance(f"{s.level} {s.label}") for s in self.scale),
                      default=80) + 12  # fmt: skip
        left, right = float(label_w), float(self.width() - 8)
        top, bottom = 6.0, float(self.height() - metrics.height() - 8)
        levels = [s.level for s in self.scale] or [1, 2, 3, 4, 5]
        low, high = min(levels), max(levels)
        band = (bottom - top) / (high - low + 1)

        def y(level: int) -> float:
            return bottom - (level - low + 0.5) * band

        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        for step in self.scale:
            rect = QRectF(left, bottom - (step.level - low + 1) * band, right - left, band)
            painter.fillRect(rect, STEP_SHADES.get(step.step, QColor("#ffffff")))
            painter.setPen(QPen(QColor("#cccccc"), 0.5))
            painter.drawRect(rect)
            painter.setPen(self.palette().text().color())
            painter.setFont(self.font())
            painter.drawText(
                QRectF(2, rect.top(), label_w - 6, band),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{step.level} {step.label}",
            )
            painter.setFont(small)
            painter.setPen(QColor("#666666"))
            painter.drawText(
                rect.adjusted(0, 0, -4, -1),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                step.step_label,
            )
        painter.setFont(self.font())
        if not self.points:
            painter.setPen(QColor("#666666"))
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("case_view", "No level has been given yet."),
            )
            return
        first = self.points[0].day
        last = max(self.points[-1].day, self.today)
        span = max(60, (last - first).days)

        def x(day: date) -> float:
            return left + (day - first).days / span * (right - left)

        painter.setPen(self.palette().text().color())
        ticks = [(first, month_year(first))]
        ticks += [(date(yr, 1, 1), str(yr)) for yr in range(first.year + 1, last.year + 1)]
        free = 0.0  # where the last label drawn ends: a narrow chart skips labels, not ticks
        for day, label in ticks:
            painter.drawLine(QPointF(x(day), bottom), QPointF(x(day), bottom + 4))
            if x(day) + 2 >= free:
                painter.drawText(QPointF(x(day) + 2, bottom + metrics.ascent() + 4), label)
                free = x(day) + 2 + metrics.horizontalAdvance(label) + 8
        path = QPainterPath(QPointF(x(self.points[0].day), y(self.points[0].level)))
        for previous, p in zip(self.points, self.points[1:], strict=False):
            path.lineTo(QPointF(x(p.day), y(previous.level)))
            path.lineTo(QPointF(x(p.day), y(p.level)))
        path.lineTo(QPointF(x(last), y(self.points[-1].level)))
        painter.setPen(QPen(QColor("#1f3b63"), 2.2))
        painter.drawPath(path)
        for p in self.points:
            moved = p.change != 0
            painter.setBrush(QColor("#1f3b63") if moved else QColor("#ffffff"))
            painter.setPen(QPen(QColor("#1f3b63"), 1.2))
            radius = 4.0 if moved else 3.0
            painter.drawEllipse(QPointF(x(p.day), y(p.level)), radius, radius)


def timeline_columns() -> list[Column[TimelineEntry]]:
    def level(e: TimelineEntry) -> str:
        return str(e.record.level) if e.record.level else ""

    def minutes_state(e: TimelineEntry) -> str:
        if e.minutes_approved:
            return QCoreApplication.translate("case_view", "approved")
        return QCoreApplication.translate("case_view", "not approved") if e.held else ""

    def decision(e: TimelineEntry) -> str:
        if not e.held:
            return QCoreApplication.translate("case_view", "Planned")
        text = next((t for f in minutes_fields.decisions() if (t := getattr(e.record, f.name))), "")
        return " ".join(text.split())

    return [
        Column(
            QCoreApplication.translate("case_view", "Date"),
            lambda e: short_date(e.day),
            lambda e: e.starts_at,
        ),
        Column(
            QCoreApplication.translate("case_view", "Meeting"),
            lambda e: e.type_name + (f", {e.district}" if e.district else ""),
        ),
        Column(QCoreApplication.translate("case_view", "Item"), lambda e: e.title),
        Column(
            QCoreApplication.translate("case_view", "Level"),
            level,
            lambda e: e.record.level or 0,
            align_right=True,
            tooltip=lambda e: (
                f"{e.record.level_label} ({e.record.step_label})" if e.record.level else ""
            ),
        ),
        Column(QCoreApplication.translate("case_view", "Minutes"), minutes_state),
        Column(QCoreApplication.translate("case_view", "Decision"), decision),
    ]


def action_columns() -> list[Column[OpenAction]]:
    def due(a: OpenAction) -> str:
        if a.due_on is None:
            return ""
        late = " (" + QCoreApplication.translate("case_view", "overdue") + ")" if a.overdue else ""
        return short_date(a.due_on) + late

    return [
        Column(
            QCoreApplication.translate("case_view", "Due"),
            due,
            lambda a: (a.due_on is None, a.due_on or date.max),
            foreground=lambda a: OVERDUE if a.overdue else None,
            bold=lambda a: a.overdue,
        ),
        Column(QCoreApplication.translate("case_view", "Who"), lambda a: a.who),
        Column(QCoreApplication.translate("case_view", "What"), lambda a: a.what),
        Column(
            QCoreApplication.translate("case_view", "Agreed"),
            lambda a: f"{short_date(a.agreed_on)} {a.meeting_type}",
            lambda a: a.agreed_on,
        ),
    ]


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setResizeContentsPrecision(50)
    return view


def entry_html(e: TimelineEntry) -> str:
    """The selected item as it reads in the minutes."""
    r = e.record
    where = escape(e.type_name + (f", {e.district}" if e.district else ""))
    out = [f"<h3>{escape(long_date(e.day))} – {where}</h3>", f"<p><b>{escape(e.title)}</b>"]
    if e.basis:
        out.append(
            " · "
            + escape(QCoreApplication.translate("case_view", "Legal basis"))
            + ": "
            + escape(e.basis)
        )
    out.append("</p>")
    if not e.held:
        out.append(
            _para(
                QCoreApplication.translate(
                    "case_view", "Planned; the meeting has not been held yet."
                ),
                "i",
            )
        )
        return "".join(out)
    if e.present:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Present") + ": " + ", ".join(e.present),
                "small",
            )
        )
    if e.status is AgendaItemStatus.NOT_REACHED:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Not reached; moved to the next meeting."),
                "i",
            )
        )
    for label, text in (  # every free-text field, in the registry's print order
        (str(f.title), getattr(r, f.name)) for f in minutes_fields.printed()
    ):
        if text:
            lead = f"<b>{escape(label)}:</b> " if label else ""
            out.append(f"<p>{lead}{escape(text).replace(chr(10), '<br>')}</p>")
    if r.actions:
        done = QCoreApplication.translate("case_view", "done")
        rows = "".join(
            f"<tr><td>{escape(a.owner)}</td><td>{escape(a.text)}</td>"
            f"<td>{short_date(a.due_on) if a.due_on else ''}</td>"
            f"<td>{escape(done if a.status.value == 'done' else '')}</td></tr>"
            for a in r.actions
        )
        head = "".join(
            f"<th align='left'>{escape(h)}</th>"
            for h in (
                QCoreApplication.translate("case_view", "Who"),
                QCoreApplication.translate("case_view", "What"),
                QCoreApplication.translate("case_view", "When"),
                "",
            )
        )
        out.append(
            f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{rows}</table>"
        )
    if r.level:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Trivselslinealen")
                + f": {r.level} – {r.level_label} ({r.step_label})"
            )
        )
    if r.follow_up_on:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Next follow-up")
                + ": "
                + long_date(r.follow_up_on)
            )
        )
    for note in r.addenda:  # corrections after approval, as far as the reader sees the item
        day = short_date(note.at.astimezone(LOCAL_TZ).date())
        label = QCoreApplication.translate("case_view", "Addendum")
        out.append(_para(f"{label} {day} ({note.by}): {note.text}"))
    return "".join(out)


class CaseWindow(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        case_id: uuid.UUID,
        prompts: Prompts,
        open_meeting: Callable[[uuid.UUID], None],
        screen_safe: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.case_id = case_id
        self.prompts = prompts
        self.open_meeting = open_meeting
        self.screen_safe = screen_safe
        fit_to_screen(self, QSize(1280, 820))
        self.history: CaseHistory = case_history.case_history(ctx, case_id)  # logged

        self.heading = title_label()
        self.heading.setObjectName("case-heading")
        self.details = QLabel()
        self.closed = QLabel()  # a closed case says so, and since when
        self.closed.setObjectName("case-closed")
        self.closed.setStyleSheet("color: #6b6b6b; font-weight: bold;")
        self.details.setWordWrap(True)  # a long school name must not widen the window
        self.family = QLabel()
        self.family.setWordWrap(True)
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.consent.setObjectName("consent-state")

        self.chart = LevelChart()
        self.moves = QLabel()
        self.moves.setWordWrap(True)
        self.moves.setObjectName("level-moves")
        self.actions_model: TableModel[OpenAction] = TableModel(action_columns(), self)
        self.actions_view = _table(self.actions_model)
        self.actions_view.setObjectName("open-actions")
        self.follow_up = QLabel()
        self.follow_up.setWordWrap(True)  # else it sets the left pane's least width

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("type-filter")
        self.timeline_model: TableModel[TimelineEntry] = TableModel(timeline_columns(), self)
        self.timeline_proxy = FilterProxy(self.timeline_model, self)
        self.timeline_proxy.setFilterKeyColumn(1)
        self.timeline_view = _table(self.timeline_proxy)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setSortingEnabled(True)
        self.detail = QTextBrowser()
        self.detail.setObjectName("entry-detail")
        self.detail.setOpenLinks(False)
        self.goto_button = QPushButton(QCoreApplication.translate("case_view", "Go to the meeting"))
        self.print_button = QPushButton(
            QCoreApplication.translate("case_view", "Print case history …")
        )
        menu = QMenu(self.print_button)
        menu.addAction(QCoreApplication.translate("case_view", "Case history")).triggered.connect(
            lambda: self.preview(False)
        )
        menu.addAction(
            QCoreApplication.translate("case_view", "Case history, anonymised")
        ).triggered.connect(lambda: self.preview(True))
        self.print_button.setMenu(menu)
        close = QPushButton(QCoreApplication.translate("case_view", "Close"))
        close.clicked.connect(self.close)
        self.goto_button.clicked.connect(self.go_to_meeting)
        self.timeline_view.doubleClicked.connect(lambda _i: self.go_to_meeting())
        self.timeline_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_entry())
        self.type_combo.currentIndexChanged.connect(self._filter)

        # layout
        header = QVBoxLayout()
        header.addWidget(self.heading)
        header.addWidget(self.details)
        header.addWidget(self.closed)
        header.addWidget(self.family)
        header.addWidget(self.consent)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            _section(QCoreApplication.translate("case_view", "Trivselslinealen over time"))
        )
        left_layout.addWidget(self.chart)
        left_layout.addWidget(self.moves)
        left_layout.addWidget(_section(QCoreApplication.translate("case_view", "Open agreements")))
        left_layout.addWidget(self.actions_view, 1)
        left_layout.addWidget(self.follow_up)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(_section(QCoreApplication.translate("case_view", "Timeline")))
        filter_row.addStretch(1)
        type_label = QLabel(QCoreApplication.translate("case_view", "&Meeting type:"))
        type_label.setBuddy(self.type_combo)
        filter_row.addWidget(type_label)
        filter_row.addWidget(self.type_combo)
        right_layout.addLayout(filter_row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.timeline_view)
        split.addWidget(self.detail)
        split.setSizes([320, 380])
        right_layout.addWidget(split, 1)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setSizes([520, 760])
        buttons = QHBoxLayout()
        buttons.addWidget(self.goto_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.last_preview: DocumentPreview | None = None
        self.show_history()

    # -- filling ---------------------------------------------------------------------------
    def show_history(self) -> None:
        h = self.history
        c = h.case
        safe = self.screen_safe()
        name = c.initials if safe else c.display_name
        # No case number for a child shown as "anonym drøftelse" (it is not the user's to know).
        title = f"{name} – {c.reference}" if c.reference else name
        self.setWindowTitle(title)
        self.heading.setText(title)
        parts = []
        if c.birth_date and not safe:
            parts.append(
                QCoreApplication.translate("case_view", "born %1").replace(
                    "%1", short_date(c.birth_date)
                )
            )
        if c.cpr_masked and not safe:
            parts.append(f"CPR {c.cpr_masked}")
        if h.age is not None:
            parts.append(QCoreApplication.translate("case_view", "%n years", "", h.age))
        parts += [p for p in (c.institution, h.grade, c.district or "") if p]
        if c.level:
            parts.append(
                QCoreApplication.translate("case_view", "Level now")
                + f": {c.level} – {c.level_label}"
            )
        self.details.setText(" · ".join(parts))
        if h.closed_on is not None:
            self.closed.setText(
                QCoreApplication.translate("case_view", "The case was closed on %1.").replace(
                    "%1", long_date(h.closed_on)
                )
            )
        self.closed.setVisible(h.closed_on is not None)
        holders = [
            (h_.relation or h_.name)
            if safe
            else (f"{h_.name} ({h_.relation})" if h_.relation else h_.name)
            for h_ in h.holders
        ]
        self.family.setText(
            QCoreApplication.translate("case_view", "Custody holders") + ": " + ", ".join(holders)
            if holders
            else QCoreApplication.translate("case_view", "No custody holders recorded.")
        )
        self._show_consent()
        self.chart.set_data(h.levels, h.scale, h.generated_at.date())
        self.moves.setText(_moves(h.levels))
        self.actions_model.set_rows(h.open_actions)
        _fit_columns(self.actions_view, 220)
        if h.follow_ups:
            f = h.follow_ups[0]
            self.follow_up.setText(
                QCoreApplication.translate("case_view", "Next follow-up")
                + f": {long_date(f.day)} ({f.meeting_type}: {f.title})"
            )
        else:
            self.follow_up.setText(QCoreApplication.translate("case_view", "No follow-up is set."))
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(QCoreApplication.translate("case_view", "All meeting types"), None)
        for code, type_name in h.meeting_types:
            self.type_combo.addItem(type_name, code)
        self.type_combo.blockSignals(False)
        self.timeline_model.set_rows(h.entries)
        self.timeline_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        _fit_columns(self.timeline_view, 240)
        self._select_latest_held()

    def _select_latest_held(self) -> None:
        """The newest item that was discussed (not one still to come) is shown first."""
        rows = self.timeline_proxy.rowCount()
        for row in range(rows):
            entry = self.timeline_proxy.index(row, 0).data(ROW_ROLE)
            if isinstance(entry, TimelineEntry) and entry.held:
                self.timeline_view.selectRow(row)
                break
        else:
            if rows:
                self.timeline_view.selectRow(0)
        self._show_entry()

    def _show_consent(self) -> None:
        h = self.history
        if h.case.anonymous:
            self.consent.setText(
                QCoreApplication.translate(
                    "case_view", "Anonymous case: discussed without consent."
                )
            )
            return
        lines = []
        for cs in h.consents:
            info = cs.info
            until = (
                short_date(info.expires_on)
                if info.expires_on
                else QCoreApplication.translate("case_view", "no expiry")
            )
            who = info.relation if self.screen_safe() else info.holder
            state = {
                "valid": QCoreApplication.translate("case_view", "valid"),
                "expiring": QCoreApplication.translate("case_view", "expires soon"),
                "expired": QCoreApplication.translate("case_view", "expired"),
                "withdrawn": QCoreApplication.translate("case_view", "withdrawn"),
                "future": QCoreApplication.translate("case_view", "not yet in force"),
            }[cs.state]
            text = (
                QCoreApplication.translate("case_view", "Consent from")
                + f" {who}, {short_date(info.given_on)}–{until}: {state}"
            )
            colour = "#b00020" if cs.state in ("expired", "withdrawn") else (
                "#8a5a00" if cs.state == "expiring" else "#1b5e20"
            )  # fmt: skip
            lines.append(f"<span style='color:{colour}'>{escape(text)}</span>")
        if not any(cs.state in ("valid", "expiring") for cs in h.consents):
            lines.append(
                "<span style='color:#b00020'><b>"
                + escape(
                    QCoreApplication.translate(
                        "case_view",
                        "No valid consent: discuss on another legal basis or anonymously.",
                    )
                )
                + "</b></span>"
            )
        self.consent.setText("<br>".join(lines))

    def _filter(self) -> None:
        code = self.type_combo.currentData()
        name = "" if code is None else self.type_combo.currentText()
        self.timeline_proxy.setFilterFixedString(name)
        self._select_latest_held()

    def selected_entry(self) -> TimelineEntry | None:
        index = self.timeline_view.currentIndex()
        if not index.isValid():
            return None
        entry = index.data(ROW_ROLE)
        return entry if isinstance(entry, TimelineEntry) else None

    def _show_entry(self) -> None:
        entry = self.selected_entry()
        self.goto_button.setEnabled(entry is not None)
        self.detail.setHtml(entry_html(entry) if entry else "")

    # -- actions ---------------------------------------------------------------------------
    def go_to_meeting(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_meeting(entry.meeting_id)

    def preview(self, anonymised: bool) -> DocumentPreview:
        ctx, case_id = self.ctx, self.case_id

        def build() -> tuple[bytes, int, str]:
            done = documents.render_case(ctx, case_id, anonymised=anonymised)
            return done.data, done.pages, done.file_name

        title = (
            QCoreApplication.translate("case_view", "Case history, anonymised")
            if anonymised
            else QCoreApplication.translate("case_view", "Case history")
        )
        reference = self.history.case.reference
        dialog = DocumentPreview(
            f"{title} – {reference}" if reference else title, build, self.prompts, self
        )
        self.last_preview = dialog
        dialog.open()
        return dialog

    def set_screen_safe(self) -> None:
        self.show_history()


def _fit_columns(view: QTableView, cap: int) -> None:
    """Columns as wide as their contents, none wider than ``cap`` (the last one stretches)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > cap:
            header.resizeSection(column, cap)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _moves(points: tuple[LevelPoint, ...]) -> str:
    parts = []
    for p in points:
        if p.change > 0:
            parts.append(
                QCoreApplication.translate("case_view", "up to %1 on %2")
                .replace("%1", str(p.level))
                .replace("%2", short_date(p.day))
            )
        elif p.change < 0:
            parts.append(
                QCoreApplication.translate("case_view", "down to %1 on %2")
                .replace("%1", str(p.level))
                .replace("%2", short_date(p.day))
            )
    if not parts:
        return ""
    return QCoreApplication.translate("case_view", "Moved") + ": " + "; ".join(parts)
