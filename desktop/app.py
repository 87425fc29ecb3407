"""QApplication start-up for counter mode (kiosk mode adds its own ``run_kiosk``).

Start-up order: logging to a file, the application with its style, the database (migrated on
start; a database newer than the program or one that cannot be reached ends with a clear
message and exit code 1), then the login and the main window.
"""

from __future__ import annotations

import argparse
import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QDir, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.config.paths import resources_dir
from desktop.db import Database
from desktop.errors import UserError
from desktop.startup import log_to_file, open_database
from desktop.startup import station as startup_station
from desktop.ui.jobs_timer import JobsTimer
from desktop.ui.workers import wait_for_workers

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 11


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the existing one) with the house style."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Central do Assinante")
    app.setOrganizationName("CentralAssinante")
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """Fusion (the same look on Windows and Linux), light scheme, 11 pt, resources/style.qss."""
    app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: the style sheet is written for light
        hints.setColorScheme(Qt.ColorScheme.Light)
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))  # url(icons:...) in the QSS
    qss = resources_dir() / "style.qss"
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet not found at %s; using the plain style", qss)


def install_excepthook() -> None:
    """An exception escaping a slot is a bug: log it, tell the person briefly, keep running."""
    from desktop.ui.dialogs import dialogs
    from desktop.ui.workers import bug_message

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, UserError):
            dialogs().warning(None, _tr("Central do Assinante"), exc.message)
            return
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        try:
            dialogs().error(None, _tr("Erro inesperado"), bug_message())
        except Exception:  # the crash path must never crash
            log.exception("could not show the error dialog")

    sys.excepthook = hook


def start_jobs_timer(db: Database, parent: QObject) -> JobsTimer:
    """Expire provisional enablements from the app too (SPEC §1.7), off the GUI thread."""
    jobs = JobsTimer(db, parent=parent)
    jobs.start()
    return jobs


def binding_refused() -> bool:
    """True (after telling the user) when the Qt binding would abort the program later."""
    from desktop.ui.binding_check import defects, refusal
    from desktop.ui.dialogs import dialogs

    found = defects()
    if not found:
        return False
    message = refusal(found)
    log.error("refusing to start: %s", message)
    print(message, file=sys.stderr)
    dialogs().error(None, _tr("Central do Assinante"), message)
    return True


def run_counter(args: argparse.Namespace) -> int:
    """``central-assinante`` with no command: the counter GUI.  Returns the exit code."""
    from desktop.ui.counter import CounterController
    from desktop.ui.dialogs import dialogs

    log_to_file()
    app = create_application()
    if binding_refused():
        return 2
    try:
        db = open_database(args)
        station = startup_station(args)
    except UserError as exc:
        log.warning("cannot open the database: %s", exc.message)
        dialogs().error(None, _tr("Central do Assinante"), exc.message)
        return 1
    from desktop.ui.i18n import install_translator, interface_language

    install_translator(app, interface_language(db))
    install_excepthook()
    controller = CounterController(db, station)
    controller.start()
    jobs = start_jobs_timer(db, app)
    try:
        return int(app.exec())
    finally:
        jobs.stop()
        wait_for_workers()
        db.dispose()


def run_kiosk(args: argparse.Namespace) -> int:
    """``central-assinante kiosk``: the self-service kiosk, full screen (``--windowed``)."""
    from desktop.ui.dialogs import dialogs
    from desktop.ui.i18n import install_translator, interface_language
    from desktop.ui.kiosk.keypad import use_system_keyboard
    from desktop.ui.kiosk.window import KioskWindow, apply_kiosk_font

    log_to_file()
    use_system_keyboard()  # Qt Virtual Keyboard, when it can load, must be chosen first
    app = create_application()
    if binding_refused():
        return 2
    apply_kiosk_font(app)
    try:
        db = open_database(args)
        station = startup_station(args)
    except UserError as exc:
        log.warning("cannot open the database: %s", exc.message)
        dialogs().error(None, _tr("Central do Assinante"), exc.message)
        return 1
    install_translator(app, interface_language(db))
    install_excepthook()
    window = KioskWindow(db, station)
    window.start()
    jobs = start_jobs_timer(db, app)
    window.show_kiosk(windowed=bool(getattr(args, "windowed", False)))
    try:
        return int(app.exec())
    finally:
        jobs.stop()
        wait_for_workers()
        db.dispose()
