"""Carry-over: the items the previous meeting did not reach or pushed, put on this agenda;
and the open agreements of the children on it, noted under the child's item."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.services import carry_over
from stevnsmoeder.ui.common.models import Column, TableModel, table_view
from stevnsmoeder.ui.meeting.host import PlanHost


class CarryOverPane(QWidget):
    def __init__(self, host: PlanHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
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
        self.unfinished_view = table_view(self.unfinished, "unfinished")
        self.unfinished_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.agreements_view = table_view(self.agreements, "agreements")
        self.agreements_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.carry_button = QPushButton(self.tr("Put the chosen items on this agenda"))
        self.carry_button.clicked.connect(self._carry)
        self.bring_button = QPushButton(
            self.tr("Note the chosen agreements under the child's item")
        )
        self.bring_button.clicked.connect(self._bring)
        refresh = QPushButton(self.tr("Look again"))
        refresh.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Not reached or pushed at the previous meeting:")))
        layout.addWidget(self.unfinished_view, 1)
        layout.addWidget(self.carry_button)
        layout.addWidget(
            QLabel(self.tr("Open agreements for the children on the agenda, from any meeting:"))
        )
        layout.addWidget(self.agreements_view, 2)
        layout.addWidget(self.bring_button)
        layout.addWidget(refresh)
        self.loaded = False  # when the window is first shown: it opens sooner

    def load(self) -> None:
        host = self.host
        self.loaded = True
        found = host.operations.fetch(
            lambda: carry_over.carry_over_candidates(host.ctx, host.meeting_id),
            None,
            title=self.tr("Carry-over"),
        )
        if found is None:
            return
        self.unfinished.set_rows(found.unfinished)
        self.agreements.set_rows(found.agreements)
        for view in (self.unfinished_view, self.agreements_view):
            view.resizeColumnsToContents()
        self.carry_button.setEnabled(host.editable() and bool(found.unfinished))
        self.bring_button.setEnabled(host.editable() and bool(found.agreements))

    def _chosen(self, view: QTableView, model: TableModel) -> list:  # type: ignore[type-arg]
        return [model.row_at(i.row()) for i in view.selectionModel().selectedRows()]

    def _carry(self) -> None:
        host = self.host
        chosen = self._chosen(self.unfinished_view, self.unfinished)
        if not chosen:
            host.prompts.info(
                self, self.tr("Carry-over"), self.tr("Choose items in the list first.")
            )
            return
        ids = [u.item_id for u in chosen]
        if host.operation(lambda rev: carry_over.carry_over(host.ctx, host.meeting_id, rev, ids)):
            self.load()

    def _bring(self) -> None:
        host = self.host
        chosen: Sequence[carry_over.OpenAgreement] = self._chosen(
            self.agreements_view, self.agreements
        )
        if not chosen:
            host.prompts.info(self, self.tr("Carry-over"), self.tr("Choose agreements first."))
            return
        children = {a.case_id for a in chosen}
        target = next((i for i in host.plan.items if i.case_id in children), None)
        if len(children) != 1 or target is None:
            host.prompts.error(
                self, self.tr("Carry-over"), self.tr("Choose agreements about one child at a time.")
            )
            return
        host.operation(
            lambda rev: carry_over.bring_agreements(
                host.ctx, host.meeting_id, rev, target.id, chosen
            ),
            keep=target.id,
        )
