"""The municipality's closed days: listed, and new ones added (a refusal is shown in the
dialog, with what was typed kept)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.services.meetings import MAX_REASON
from stevnsmoeder.services.series import ClosedPeriodInfo
from stevnsmoeder.ui.common.forms import (
    ERROR_STYLE,
    date_edit,
    line_edit,
    pydate,
)
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.screen import fit_to_screen


class ClosedPeriodsDialog(QDialog):
    """The municipality's closed days: listed, and new ones added."""

    def __init__(
        self,
        periods: Sequence[ClosedPeriodInfo],
        add: Callable[[date, date, str, bool], Sequence[ClosedPeriodInfo]],
        can_edit: bool,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        """``add`` records a closed period and returns them all, or raises ServiceError (shown
        here, with what was typed kept)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Closed days"))
        fit_to_screen(self, QSize(620, 480))
        self._add = add

        def when(p: ClosedPeriodInfo) -> str:
            if p.yearly:
                return f"{p.starts_on:%d.%m.} – {p.ends_on:%d.%m.} " + self.tr("(every year)")
            if p.starts_on == p.ends_on:
                return short_date(p.starts_on)
            return f"{short_date(p.starts_on)} – {short_date(p.ends_on)}"

        self.model: TableModel[ClosedPeriodInfo] = TableModel(
            [
                Column(self.tr("When"), when, lambda p: (p.yearly, p.starts_on)),
                Column(self.tr("Reason"), lambda p: p.reason),
            ],
            self,
        )
        self.model.set_rows(periods)
        view = QTableView()
        view.setObjectName("closed-periods")
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.resizeColumnsToContents()
        note = QLabel(
            self.tr(
                "Public holidays are known already. Add the days the municipality is closed "
                "beyond them: school holidays, the days between Christmas and New Year, "
                "Grundlovsdag if offices close."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(view)
        self.error = QLabel()
        self.error.setObjectName("form-error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.operations = Operations(self, show=self._show_problem)
        if can_edit:
            self.first = date_edit(today or date.today())
            self.last = date_edit(today or date.today())
            self.reason = line_edit(MAX_REASON, placeholder=self.tr("Reason, e.g. Vinterferie"))
            self.yearly = QCheckBox(self.tr("Every year"))
            self.add_button = QPushButton(self.tr("Add"))
            self.add_button.clicked.connect(self._on_add)
            row = QHBoxLayout()
            for widget in (self.first, QLabel("–"), self.last, self.reason, self.yearly):
                row.addWidget(widget)
            row.addWidget(self.add_button)
            layout.addLayout(row)
            layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _on_add(self) -> None:
        first, last = pydate(self.first.date()), pydate(self.last.date())
        reason, yearly = self.reason.text(), self.yearly.isChecked()
        self.operations.run(lambda: self._add(first, last, reason, yearly), then=self._added)

    def _added(self, periods: Sequence[ClosedPeriodInfo]) -> None:
        self.error.hide()
        self.model.set_rows(periods)
        self.reason.clear()
