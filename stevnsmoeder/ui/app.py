"""Start-up of the window: fonts, language, crash dialog, login, main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from stevnsmoeder import __version__, i18n, logging_setup, paths
from stevnsmoeder.services.errors import storage_problem
from stevnsmoeder.ui.access.login import LoginDialog
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.common.worker import wait_for_all

if TYPE_CHECKING:
    from stevnsmoeder.services.context import ServiceContext

log = logging.getLogger(__name__)
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "Symbola.ttf",
)
FONT_FAMILY = "DejaVu Sans"
# Emoji and symbols DejaVu Sans lacks: named as the next family, so Qt draws them with the
# bundled font on every system (as the PDFs do) instead of an empty box or whatever the
# system would pick.
FALLBACK_FAMILY = "Symbola"
SMOKE_ENV = "STEVNSMOEDER_SMOKE_TEST"


def prepare_environment() -> None:
    """Before QApplication exists: platforms without fontconfig (offscreen, a bare machine)
    look for fonts in QT_QPA_FONTDIR, so point it at the bundled fonts."""
    os.environ.setdefault("QT_QPA_FONTDIR", str(paths.resources_dir() / "fonts"))


_loaded_fonts: set[str] = set()  # once per process: each load reads the file again


def load_fonts(app: QApplication) -> None:
    for name in FONT_FILES:
        if name in _loaded_fonts:
            continue
        if QFontDatabase.addApplicationFont(str(paths.font_path(name))) < 0:
            log.warning("could not load bundled font %s", name)
        else:
            _loaded_fonts.add(name)
    font = QFont(FONT_FAMILY)
    font.setFamilies([FONT_FAMILY, FALLBACK_FAMILY])
    font.setPointSize(10)
    app.setFont(font)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Danish is the default; English is the source language and needs no file."""
    i18n.set_language(language)
    translators: list[QTranslator] = []
    ours = QTranslator(app)
    # English is the source; its file holds only the counts' forms ("%n meeting(s)").
    if ours.load(str(paths.resources_dir() / "translations" / f"stevnsmoeder_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        translators.append(qt_base)
    return translators


def _crash_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """The one crash dialog: what happened, and where the log is. A full disk or a
    read-only folder is no crash: it is said plainly (the autosave keeps typed text)."""
    problem = storage_problem(value)
    app = QApplication.instance()
    if problem is not None and app is not None:
        log.warning("storage problem: %s", kind.__name__)
        QMessageBox.warning(None, "stevnsmoeder", str(problem))
        return
    log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if app is None:
        sys.__excepthook__(kind, value, tb)
        return
    QMessageBox.critical(
        None,
        QApplication.translate("app", "Unexpected error"),
        QApplication.translate(
            "app",
            "Something went wrong that stevnsmoeder did not expect (%1). Your saved work is "
            "safe. The details are in the log file:\n%2",
        )
        .replace("%1", kind.__name__)
        .replace("%2", str(logging_setup.log_file())),
    )


def create_application(argv: list[str] | None = None) -> QApplication:
    prepare_environment()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("stevnsmoeder")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Stevns Kommune")
    load_fonts(app)
    install_translators(app, Settings().language)
    return app


def run(db_path: Path, user: str = "") -> int:
    """Open the login dialog, then the main window; after Log ud or Skift bruger the login
    dialog again (ui/session.py). Returns the exit code."""
    logging_setup.configure()
    app = create_application()
    sys.excepthook = _crash_hook
    from stevnsmoeder.ui.access.sessions import Sessions  # lazy: the database layer (see ui.login)

    settings = Settings()
    if os.environ.get(SMOKE_ENV):
        # Packaging check: the window comes up and the event loop runs; then leave.
        dialog = LoginDialog(db_path, user or settings.last_user)
        dialog.show()
        QTimer.singleShot(200, app.quit)
        app.exec()
        print("stevnsmoeder smoke test: login window shown")
        return 0

    sessions = Sessions(db_path, plan_ahead=True, place=settings.last_place)

    def logged_in(ctx: ServiceContext) -> None:
        settings.last_user = ctx.actor.login
        settings.last_place = sessions.place  # the standalone file or a replica

    sessions.on_login = logged_in
    if not sessions.first_login(user or settings.last_user):
        return 0
    code = app.exec()
    wait_for_all()  # let background work (planning, saving) finish before the process ends
    return code
