"""The access log for the administrator: who did what and when, filtered; the chain check; and
the per-child export for a data-subject access request (saved as JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.model.enums import Role
from stevnsmoeder.reports.base import write_atomically
from stevnsmoeder.services import access_log, audit_trail
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.admin.users_dialog import role_label
from stevnsmoeder.ui.common.forms import optional_date, optional_date_edit
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.prompts import Prompts


def _role(entry: access_log.Entry) -> str:
    try:
        return role_label(Role(entry.role))
    except ValueError:  # no user of this database (a mistyped name at the login)
        return ""


def entry_columns() -> list[Column[access_log.Entry]]:
    """When, what happened in words ("Hanne Jensen åbnede sagen S-2025-0074"), the person's
    role, and the technical detail as it was recorded (filters, counts; never note text)."""
    return [
        Column(
            QCoreApplication.translate("audit_view", "When"),
            lambda e: e.at.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H.%M.%S"),
            lambda e: e.seq,
        ),
        Column(
            QCoreApplication.translate("audit_view", "What happened"),
            lambda e: e.label,
            tooltip=lambda e: QCoreApplication.translate("audit_view", "User name: %1").replace(
                "%1", e.login
            ),
        ),
        Column(QCoreApplication.translate("audit_view", "Role"), _role),
        Column(QCoreApplication.translate("audit_view", "Technical detail"), lambda e: e.detail),
    ]


class AuditPage(QWidget):
    def __init__(self, ctx: ServiceContext, prompts: Prompts) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        self.loaded = False
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("User (name or user name)"))
        self.action_combo = QComboBox()
        for label, code in (
            (self.tr("All actions"), None),
            (self.tr("Logins and failures"), "login"),
            (self.tr("Case views"), "case"),
            (self.tr("Searches"), "search"),
            (self.tr("Prints and exports"), "export"),
            (self.tr("Minutes"), "minutes"),
            (self.tr("Refusals"), "denied"),
        ):
            self.action_combo.addItem(label, code)
        self.case_edit = QLineEdit()
        self.case_edit.setPlaceholderText(self.tr("Case no. (S-2026-0001)"))
        self.from_edit = optional_date_edit(self.tr("from the start"))
        self.to_edit = optional_date_edit(self.tr("until now"))
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        for edit in (self.user_edit, self.case_edit):
            edit.returnPressed.connect(self.reload)
        self.model: TableModel[access_log.Entry] = TableModel(entry_columns(), self)
        self.view = QTableView()
        self.view.setObjectName("audit-log")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The sentence takes the spare width; the technical detail comes last.
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setResizeContentsPrecision(50)
        self.status = QLabel()
        self.status.setObjectName("audit-status")
        verify = QPushButton(self.tr("Check the chain"))
        verify.clicked.connect(self.verify)
        export = QPushButton(self.tr("Export for a child …"))
        export.clicked.connect(self.export_case)
        collector = QPushButton(self.tr("Export for the log collector …"))
        collector.setObjectName("audit-collector")
        collector.setToolTip(
            self.tr(
                "Every closing appends the new events, signed, to a file per day in this "
                "folder: a record of the log outside the database."
            )
        )
        collector.clicked.connect(self.export_for_collector)

        filters = QHBoxLayout()
        filters.addWidget(self.user_edit)
        filters.addWidget(self.action_combo)
        filters.addWidget(self.case_edit)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(show)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(verify)
        bottom.addWidget(export)
        bottom.addWidget(collector)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def query(self) -> access_log.Query:
        case_id = None
        if self.case_edit.text().strip():
            case_id = access_log.case_id_for(self.ctx, self.case_edit.text())
        return access_log.Query(
            case_id=case_id,
            login=self.user_edit.text().strip() or None,
            action=self.action_combo.currentData(),
            start=optional_date(self.from_edit),
            end=optional_date(self.to_edit),
            limit=5000,
        )

    def reload(self) -> None:
        self.loaded = True
        try:
            rows = access_log.entries(self.ctx, self.query())
        except ServiceError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.status.setText(self.tr("%n events", "", len(rows)))

    def verify(self) -> None:
        try:
            report = access_log.verify(self.ctx)
        except ServiceError as exc:
            self.status.setText(str(exc))
            return
        if report.ok:
            text = self.tr("The access log is unbroken (%n events).", "", report.events)
        else:
            text = self.tr("The access log is BROKEN at event %1.").replace(
                "%1", str(report.first_bad_seq)
            )
        self.status.setText(text)
        self.prompts.info(self, self.tr("Access log"), text)

    def export_case(self) -> None:
        number = self.prompts.text(self, self.tr("Export for a child"), self.tr("Case no.:"))
        if not number:
            return
        try:
            case_id = access_log.case_id_for(self.ctx, number)
            data = access_log.case_export(self.ctx, case_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Export for a child"), str(exc))
            return
        suggested = Path.home() / f"{data['case_reference']} adgangslog.json"
        path = self.prompts.save_path(
            self, self.tr("Export for a child"), suggested, self.tr("JSON files (*.json)")
        )
        if path is None:
            return
        try:
            write_atomically(path, json.dumps(data, indent=2, ensure_ascii=False).encode())
        except OSError as exc:
            self.prompts.error(self, self.tr("Export for a child"), exc.strerror or str(exc))
            return
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def export_for_collector(self) -> None:
        """Choose (or confirm) the log collector's folder and export what is new at once."""
        title = self.tr("Export for the log collector")
        try:
            current = audit_trail.export_folder(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, title, str(exc))
            return
        folder = self.prompts.folder(self, title, current or Path.home())
        if folder is None:
            return
        try:
            done = audit_trail.export(self.ctx, folder)
        except (ServiceError, OSError) as exc:
            self.prompts.error(self, title, str(exc))
            return
        self.status.setText(
            self.tr("%n events exported to %1", "", done.events).replace("%1", str(done.folder))
        )
