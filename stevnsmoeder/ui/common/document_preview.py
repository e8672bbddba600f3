"""Print preview of a document: its pages on screen, "Udskriv …" to a printer through the
system dialog, and "Gem som PDF …". The PDF is built off the GUI thread and kept in memory
only; saving writes it where the user chooses, atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stevnsmoeder.reports.base import write_atomically
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.worker import run_in_thread

Build = Callable[[], tuple[bytes, int, str]]  # (pdf, pages, suggested file name)


class DocumentPreview(QDialog):
    def __init__(
        self, title: str, build: Build, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(900, 1000))
        self.prompts = prompts
        self.data = b""
        self.pages = 0
        self.suggested = "dokument.pdf"
        self.status = QLabel(self.tr("Building the document …"))
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.save_button = QPushButton(self.tr("Save as PDF …"))
        self.print_button = QPushButton(self.tr("Print …"))
        close = QPushButton(self.tr("Close"))
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        run_in_thread(self, build, self._built, self._failed)

    def _built(self, result: tuple[bytes, int, str]) -> None:
        self.data, self.pages, self.suggested = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.status.setText(self.tr("%n pages", "", self.pages))
        for button in (self.save_button, self.print_button):
            button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):
            self.status.setText(str(exc))
            self.prompts.error(self, self.windowTitle(), str(exc))
            return
        raise exc

    def save(self) -> None:
        path = self.prompts.save_path(
            self, self.tr("Save as PDF"), Path.home() / self.suggested, self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self.data)
        except OSError as exc:
            self.prompts.error(
                self,
                self.tr("Save as PDF"),
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or ""),
            )
            return
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def print_(self, printer: QPrinter | None = None) -> bool:
        """Print every page; with no printer given, the system dialog chooses one."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            self.prompts.error(self, self.tr("Print"), self.tr("The printer could not be started."))
            return False
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                scale = min(area.width() / size.width(), area.height() / size.height())
                target = QSize(int(size.width() * scale), int(size.height() * scale))
                image = self.document.render(page, target)
                painter.drawImage(area.topLeft(), image)
        finally:
            painter.end()
        self.status.setText(self.tr("Sent to the printer."))
        return True
