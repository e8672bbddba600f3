"""On a connected laptop: searching the whole record on the server, and — for PPR — taking
a case along to work on it offline (*Tag med*, with a reason and an end date) and putting
it back (*Læg tilbage*). Both need the server at once; neither blocks the window."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import long_date
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import search, sync_client
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common.forms import (
    ERROR_STYLE,
    FormDialog,
    date_edit,
    ok_cancel,
    pydate,
    qdate,
    text_edit,
    title_label,
    wrapped,
)
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.search.search_view import HitModel
from stevnsmoeder.ui.sync.controller import SyncController

#: The longest a case may be taken along (the server's rule, said here before asking it).
LONGEST = timedelta(days=90)
USUAL = timedelta(days=30)


def may_take_along(controller: SyncController | None) -> bool:
    return controller is not None and controller.ctx.actor.role is Role.PPR


class TakeAlongDialog(FormDialog):
    """Why, and until when: both are logged on the server."""

    def __init__(self, case_label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take the case along"))
        self.today = today
        self.reason = text_edit(self.tr("e.g. Preparing the school consultation on Thursday"))
        self.reason.setObjectName("take-reason")
        self.until = date_edit(today + USUAL)
        self.until.setObjectName("take-until")
        self.until.setMinimumDate(qdate(today))
        self.until.setMaximumDate(qdate(today + LONGEST))
        intro = wrapped(
            self.tr(
                "%1 is copied to this computer at the next synchronisation, so you can read "
                "it offline. It leaves again when you put it back, or on the end date at the "
                "latest. The reason is logged on the server."
            ).replace("%1", case_label)
        )
        form = QFormLayout()
        form.addRow(self.tr("&Why:"), self.reason)
        form.addRow(self.tr("&Until:"), self.until)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Take along")))
        self.setMinimumWidth(460)

    def problem(self) -> str | None:
        if not self.reason.toPlainText().strip():
            return self.tr("Say why you take the case along.")
        if len(self.reason.toPlainText()) > 400:
            return self.tr("The reason can be at most 400 characters.")
        return None

    def chosen(self) -> tuple[str, date]:
        return self.reason.toPlainText().strip(), pydate(self.until.date())


class OnlineSearchDialog(QDialog):
    """Search on the server: the whole record the user may see, not only this computer's
    part of it. PPR can take a found child's case along."""

    def __init__(
        self,
        controller: SyncController,
        prompts: Prompts,
        screen_safe: Callable[[], bool],
        open_case: Callable[[uuid.UUID], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.ctx = controller.ctx
        self.prompts = prompts
        self.open_case = open_case
        self.setWindowTitle(self.tr("Search on the server"))
        fit_to_screen(self, self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.query = QLineEdit()
        self.query.setObjectName("online-query")
        self.query.setPlaceholderText(self.tr('Words, "a phrase", prefix*, OR, -word'))
        self.query.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.clicked.connect(self.run_search)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        self.model = HitModel(screen_safe, self)
        self.view = QTableView()
        self.view.setObjectName("online-hits")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.status = QLabel()
        self.status.setObjectName("online-status")
        self.status.setWordWrap(True)
        self.take_button = QPushButton(self.tr("&Take the case along …"))
        self.take_button.setObjectName("take-along")
        self.take_button.clicked.connect(self.take_selected)
        self.take_button.setVisible(may_take_along(controller))
        self.open_button = QPushButton(self.tr("&Open the case"))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Search on the server"), 1.2))
        layout.addWidget(
            wrapped(
                self.tr(
                    "Searches everything you may see in the shared record, also what is not "
                    "on this computer. The search is logged on the server."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 560)
        fit_to_screen(self, self.size())
        self._busy = False
        self._buttons()

    def selected(self) -> search.Hit | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _local_cases(self) -> set[uuid.UUID]:
        return sync_client.cases_here(self.ctx)

    def _buttons(self) -> None:
        hit = self.selected()
        has_case = hit is not None and hit.case_id is not None
        here = has_case and hit is not None and hit.case_id in self._local_cases()
        self.take_button.setEnabled(has_case and not here and not self._busy)
        self.open_button.setEnabled(bool(here))

    def run_search(self) -> None:
        text = self.query.text().strip()
        if not text or self._busy:
            return
        self._busy = True
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Searching on the server …"))
        self.controller.search_online(self, text, self._found, self._failed)

    def _found(self, result: object) -> None:
        assert isinstance(result, search.Result)
        self._busy = False
        self.model.set_rows(result.hits)
        self.view.resizeColumnsToContents()
        self.status.setText(
            result.message
            or (self.tr("%n hit(s) on the server", "", len(result.hits)) if result.hits else "")
            or self.tr("No hits.")
        )
        if result.hits:
            self.view.selectRow(0)
        self._buttons()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._buttons()
        if not isinstance(exc, ServiceError):
            raise exc
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, sync_client.ServerUnreachable):
            self.status.setText(
                self.tr("The server cannot be reached: searching on the server needs the network.")
            )
        else:
            self.status.setText(str(exc))

    def take_selected(self) -> None:
        hit = self.selected()
        if hit is None or hit.case_id is None or self._busy:
            return
        case_id = hit.case_id
        label = (
            self.tr("The case of %1").replace("%1", hit.child)
            if hit.child
            else self.tr("The child's case")
        )
        dialog = TakeAlongDialog(label, self.ctx.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason, until = dialog.chosen()
        self._busy = True
        self._buttons()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Taking the case along …"))

        def taken(_result: object) -> None:
            self._busy = False
            self.status.setText(
                self.tr(
                    "The case is taken along until %1; it arrives with the synchronisation."
                ).replace("%1", long_date(until))
            )
            self._buttons()

        self.controller.take_along(self, case_id, reason, until, taken, self._failed)

    def open_selected(self) -> None:
        hit = self.selected()
        if hit is not None and hit.case_id is not None:
            self.open_case(hit.case_id)


class PutBackButton(QPushButton):
    """Læg tilbage, on the case page of a case PPR took along."""

    def __init__(self, window: QWidget, controller: SyncController, case_id: uuid.UUID) -> None:
        super().__init__(window)
        self.window_, self.controller, self.case_id = window, controller, case_id
        self.setText(self.tr("Put &back"))
        self.setObjectName("put-back")
        self.setToolTip(self.tr("The case leaves this computer at the next synchronisation."))
        self.clicked.connect(self.put_back)

    def put_back(self) -> None:
        self.setEnabled(False)
        self.controller.put_back(self, self.case_id, self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.window_.close()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        if not isinstance(exc, ServiceError):
            raise exc
        prompts = getattr(self.window_, "prompts", None)
        if isinstance(prompts, Prompts):
            prompts.error(self.window_, self.tr("Put back"), str(exc))


def add_put_back(window: QWidget, controller: SyncController, case_id: uuid.UUID) -> None:
    """Læg tilbage on the case page of a case PPR took along."""
    if not may_take_along(controller) or case_id not in sync_client.taken_along(controller.ctx):
        return
    row = getattr(window, "button_row", None)
    if row is not None:
        row.insertWidget(1, PutBackButton(window, controller, case_id))
