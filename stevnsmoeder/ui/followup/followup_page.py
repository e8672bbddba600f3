"""Opfølgning: the annual policy follow-up in the window. A year and a district are chosen; the
page shows the key figures, what changed since last year, the charts and every table with the
year before beside it, and saves the same as PDF or workbook. Counting runs off the GUI thread
(services.statistics; each time is written to the access log, so it runs only when asked)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import date_words
from stevnsmoeder.model.policy import Figure, PolicyReport, TablePair
from stevnsmoeder.services import statistics
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common.forms import title_label, wrapped
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.worker import run_in_thread
from stevnsmoeder.ui.followup.charts import ChartWidget
from stevnsmoeder.ui.followup.table_model import PolicyTableModel

CHART_AFTER = {"children_by_step": 2, "discussions_by_step": 3, "time_to_agreement": 5}


def _heading(text: str, scale: float = 1.15) -> QLabel:
    label = title_label(text, scale)
    label.setContentsMargins(0, 8, 0, 2)
    return label


def _table(model: PolicyTableModel) -> QTableView:
    """A table as tall as its rows: the page scrolls, not each table."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    height = header.sizeHint().height() + 4
    height += rows.defaultSectionSize() * model.rowCount()
    view.setFixedHeight(height)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return view


Counter = Callable[[int, str | None], PolicyReport]


class FollowUpPage(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        choices: statistics.Choices | None = None,
        counter: Counter | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        # Who counts: this database, or — on a connected laptop, which holds only part of
        # the record — the server (``followup_online.fetch``).
        self.counter: Counter | None = counter
        self.loaded = False
        self.report: PolicyReport | None = None
        self.models: list[PolicyTableModel] = []
        self.on_loaded: Callable[[], None] | None = None  # for tests and the screenshots
        found = choices or statistics.choices(ctx)
        if counter is not None and choices is None:  # the server holds every year
            last = ctx.today().year
            years = tuple(range(last, max(statistics.FIRST_YEAR, last - 9) - 1, -1))
            found = statistics.Choices(years, found.districts)
        self.year_box = QComboBox()
        self.year_box.setObjectName("followup-year")
        today = ctx.today()
        for year in found.years:
            # A year still running is counted as it stands.
            label = (
                self.tr("%1 (so far)").replace("%1", str(year)) if year == today.year else str(year)
            )
            self.year_box.addItem(label, year)
        # The last whole year is what the committee follows up on.
        whole = next((n for n, y in enumerate(found.years) if y < today.year), 0)
        self.year_box.setCurrentIndex(whole)
        self.district_box = QComboBox()
        self.district_box.setObjectName("followup-district")
        self.district_box.addItem(self.tr("The whole municipality"), None)
        for code, name in found.districts:
            self.district_box.addItem(name, code)
        self.pdf_button = QPushButton(self.tr("Save as &PDF …"))
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.xlsx_button = QPushButton(self.tr("Save as spread&sheet …"))
        self.xlsx_button.clicked.connect(lambda: self.save(".xlsx"))
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(False)
        self.year_box.currentIndexChanged.connect(self._chosen_again)
        self.district_box.currentIndexChanged.connect(self._chosen_again)
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year_box)
        district_label = QLabel(self.tr("&District"))
        district_label.setBuddy(self.district_box)
        controls = QHBoxLayout()
        controls.addWidget(year_label)
        controls.addWidget(self.year_box)
        controls.addSpacing(12)
        controls.addWidget(district_label)
        controls.addWidget(self.district_box, 1)
        controls.addSpacing(12)
        controls.addWidget(self.pdf_button)
        controls.addWidget(self.xlsx_button)
        self.status = wrapped()
        self.status.setObjectName("followup-status")
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)

    # -- reading ---------------------------------------------------------------------------

    def chosen(self) -> tuple[int, str | None]:
        return int(self.year_box.currentData()), self.district_box.currentData()

    def _chosen_again(self) -> None:
        if self.loaded:  # before the page is first shown, nothing is counted (or logged)
            self.reload()

    def reload(self) -> None:
        self.loaded = True
        year, district = self.chosen()
        self.status.setText(self.tr("Counting …"))
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(False)
        ctx, counter = self.ctx, self.counter

        def count() -> PolicyReport:
            if counter is not None:
                return counter(year, district)
            return statistics.policy_report(ctx, year, district)

        run_in_thread(self, count, lambda report: self._show(report, (year, district)), self._fail)

    def _fail(self, exc: BaseException) -> None:
        self.status.setText("")
        if isinstance(exc, ServiceError):
            self.prompts.error(self, self.tr("Follow-up"), str(exc))
            return
        raise exc

    def _show(self, report: PolicyReport, asked: tuple[int, str | None]) -> None:
        if asked != self.chosen():
            return  # the user chose again meanwhile: that answer is on its way
        self.report = report
        self._clear()
        add = self.content_layout.addWidget
        title = self.tr("Follow-up on the child and youth policy %1").replace(
            "%1", str(report.year)
        )
        add(title_label(title, 1.35))
        where = report.district or self.tr("The whole municipality")
        add(
            wrapped(
                self.tr("%1. Agreements as they stand on %2.")
                .replace("%1", where)
                .replace("%2", date_words(report.as_of))
            )
        )
        add(_heading(self.tr("Key figures")))
        add(self._figures(report.headline, report))
        add(_heading(self.tr("Compared with last year")))
        trends = wrapped("\n".join(f"• {sentence}" for sentence in report.trends))
        trends.setObjectName("followup-trends")
        add(trends)
        charts = {c.key: c for c in report.charts}
        for section in report.sections:
            add(_heading(f"{section.number}. {section.title}"))
            add(wrapped(section.intro))
            for pair in section.tables:
                add(self._pair(pair))
            if section.figures:
                add(self._figures(section.figures, report))
            for key, number in CHART_AFTER.items():
                if number == section.number and key in charts:
                    add(ChartWidget(charts[key]))
        add(_heading(self.tr("Method")))
        for paragraph in (*report.method, report.rule):
            note = wrapped(paragraph)
            note.setObjectName("followup-method")
            add(note)
        self.content_layout.addStretch(1)
        self.status.setText(report.legend)
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(True)
        if self.on_loaded is not None:
            self.on_loaded()

    def _clear(self) -> None:
        self.models = []
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _pair(self, pair: TablePair) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        caption = QLabel(f"<b>{escape(pair.title)}</b> ({pair.current.year}; {escape(pair.unit)})")
        caption.setWordWrap(True)
        layout.addWidget(caption)
        model = PolicyTableModel(pair, box)
        self.models.append(model)
        view = _table(model)
        view.setObjectName(f"followup-{pair.key}")
        view.setAccessibleName(pair.title)
        layout.addWidget(view)
        notes = []
        for year_view in (pair.current, pair.previous):
            if year_view.too_few:
                notes.append(
                    self.tr("Too few discussions in %1 to show any figure.").replace(
                        "%1", str(year_view.year)
                    )
                )
            elif year_view.withheld:
                notes.append(
                    self.tr(
                        "%1: only the totals can be shown without revealing a small count."
                    ).replace("%1", str(year_view.year))
                )
        if pair.current.merged:
            notes.append(self.tr("Categories are merged: most counts would otherwise be hidden."))
        if notes:
            note = wrapped(" ".join(notes))
            note.setStyleSheet("color: #444444;")
            layout.addWidget(note)
        return box

    def _figures(self, figures: tuple[Figure, ...], report: PolicyReport) -> QWidget:
        box = QWidget()
        grid = QVBoxLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = [("", str(report.year), str(report.previous_year))]
        rows += [(f.label, f.current, f.previous) for f in figures]
        table = "".join(
            "<tr>"
            + f"<td>{escape(label)}</td>"
            + "".join(
                f"<td align='right'>&nbsp;&nbsp;{'<b>' if n == 0 else ''}{escape(v)}</td>"
                for v in (a, b)
            )
            + "</tr>"
            for n, (label, a, b) in enumerate(rows)
        )
        label = QLabel(f"<table cellspacing='2'>{table}</table>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        grid.addWidget(label)
        return box

    # -- saving ----------------------------------------------------------------------------

    def save(self, suffix: str) -> None:
        report = self.report
        if report is None:
            return
        title = self.tr("Save the follow-up")
        kind = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Spreadsheet (*.xlsx)")
        path = self.prompts.save_path(
            self, title, Path.home() / statistics.file_name(report, suffix), kind
        )
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        ctx = self.ctx

        def write() -> Any:
            return statistics.write(ctx, report, path)

        def done(_written: object) -> None:
            self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (ServiceError, OSError)):
                self.prompts.error(self, title, str(exc))
                return
            raise exc

        run_in_thread(self, write, done, failed)
