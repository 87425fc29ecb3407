"""The only way out of the kiosk: a hidden gesture, then an administrator's login.

* :class:`KioskGuard` (an event filter on the kiosk's QWindow) swallows Escape and Alt+F4
  aimed at the kiosk, and counts taps in the top-right corner: ``TAPS`` of them within ``WINDOW_S``
  seconds emit ``exit_requested``.
* :class:`AdminExitDialog` asks for a counter user's login and password, checked by
  ``auth.login_counter`` (same lockout as the counter); only the ``admin`` role may close.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.errors import AccessDenied
from desktop.services import auth
from desktop.ui.kiosk.keypad import ALPHA, Keypad
from desktop.ui.widgets import MessageLine
from desktop.ui.workers import TaskRunner

TAPS = 5
WINDOW_S = 3.0
CORNER_PX = 96
NOT_ADMIN = "Apenas um administrador pode encerrar o quiosque."


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskAdminExit", text)


class KioskGuard(QObject):
    """The kiosk window's blocked keys and its corner gesture."""

    exit_requested = Signal()

    def __init__(self, window: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.taps: list[float] = []
        self.enabled = True

    def corner(self) -> QRect:
        """The top-right corner of the window, in global coordinates."""
        top_right = self.window.mapToGlobal(QPoint(self.window.width(), 0))
        return QRect(top_right.x() - CORNER_PX, top_right.y(), CORNER_PX, CORNER_PX)

    def tap(self, global_pos: QPoint) -> None:
        """One press at ``global_pos``: count it when it falls in the corner."""
        if not self.corner().contains(global_pos):
            self.taps.clear()
            return
        now = self.clock()
        self.taps = [t for t in self.taps if now - t <= WINDOW_S]
        self.taps.append(now)
        if len(self.taps) >= TAPS:
            self.taps.clear()
            self.exit_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the kiosk's QWindow: every key and press of the window, once each."""
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_f4 = event.key() == Qt.Key.Key_F4 and bool(
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if event.key() == Qt.Key.Key_Escape or alt_f4:
                event.accept()
                return True  # nothing happens
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self.tap(event.globalPosition().toPoint())
        return False


class AdminExitDialog(QDialog):
    """Login and password of a counter administrator; ``granted`` when they check out."""

    granted = Signal(object)  # CounterActor

    def __init__(
        self, db: Database, station: str, task_runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.station = station
        self.task_runner = task_runner
        self.setObjectName("kioskAdminDialog")
        self.setWindowTitle(_tr("Encerrar o quiosque"))
        self.setModal(True)
        title = QLabel(_tr("Encerrar o quiosque"), self)
        title.setObjectName("kioskDialogTitle")
        hint = QLabel(_tr("Somente um administrador do balcão pode fechar este quiosque."), self)
        hint.setWordWrap(True)
        self.login_edit = QLineEdit(self)
        self.login_edit.setPlaceholderText(_tr("Login do administrador"))
        self.login_edit.setAccessibleName(_tr("Login do administrador"))
        self.login_edit.setProperty("keypad", ALPHA)
        self.password_edit = QLineEdit(self)
        self.password_edit.setPlaceholderText(_tr("Senha"))
        self.password_edit.setAccessibleName(_tr("Senha"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setProperty("keypad", ALPHA)
        self.message = MessageLine(self)
        self.keypad = Keypad(self)
        self.keypad.follow([self.login_edit, self.password_edit])
        self.keypad.enter_pressed.connect(self.submit)
        self.login_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)
        self.cancel_button = QPushButton(_tr("Cancelar"), self)
        self.cancel_button.setObjectName("kioskBack")
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(_tr("Encerrar"), self)
        self.confirm_button.setObjectName("kioskPrimary")
        self.confirm_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.login_edit)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.keypad)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)
        self.login_edit.setFocus()

    def submit(self) -> None:
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        if not login or not password:
            self.message.show_error(_tr("Informe o login e a senha do administrador."))
            return
        db, station = self.db, self.station

        def check() -> CounterActor:
            actor = auth.login_counter(db, login, password, station)
            if actor.role is not Role.ADMIN:
                raise AccessDenied(NOT_ADMIN)
            return actor

        self.confirm_button.setEnabled(False)
        self.task_runner.submit(
            "kiosk-admin-exit",
            check,
            on_success=self._granted,
            on_error=self._refused,
            on_finished=lambda: self.confirm_button.setEnabled(True),
            owner=self,
        )

    def _granted(self, actor: CounterActor) -> None:
        self.password_edit.clear()
        self.granted.emit(actor)
        self.accept()

    def _refused(self, message: str) -> None:
        self.message.show_error(message)
        self.password_edit.clear()
