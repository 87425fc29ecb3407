"""Counter mode: the login and the main window, in turns, until the attendant closes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.workers import TaskRunner, runner


class CounterController(QObject):
    """Shows the login; on success the main window; on logout the login again."""

    def __init__(
        self, db: Database, station: str, *, task_runner: TaskRunner | None = None
    ) -> None:
        super().__init__()
        self.db = db
        self.station = station
        self.task_runner = task_runner or runner()
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        self.show_login()

    def show_login(self) -> None:
        dialog = LoginDialog(self.db, self.station, task_runner=self.task_runner)
        dialog.logged_in.connect(self._logged_in)
        dialog.rejected.connect(self._login_closed)
        self.login_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _login_closed(self) -> None:
        self.login_dialog = None
        if self.window is None:
            QApplication.quit()

    def _logged_in(self, actor: CounterActor) -> None:
        dialog, self.login_dialog = self.login_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        window = MainWindow(self.db, actor, task_runner=self.task_runner)
        window.logout_requested.connect(self._logout)
        self.window = window
        screen = QApplication.primaryScreen()
        if screen is not None:  # without a window manager showMaximized() does nothing
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()

    def _logout(self) -> None:
        window, self.window = self.window, None
        self.show_login()  # first: closing the last window would quit the application
        if window is not None:
            window.close()
            window.deleteLater()
