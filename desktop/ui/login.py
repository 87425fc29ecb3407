"""The counter login: user and password; Enter submits; refusals shown inline in red."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.services import auth
from desktop.ui.widgets import BusyIndicator, MessageLine
from desktop.ui.workers import TaskRunner, runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("LoginDialog", text)


class LoginDialog(QDialog):
    """Checks the password in the worker pool (argon2 is deliberately slow)."""

    logged_in = Signal(object)  # CounterActor

    def __init__(
        self,
        db: Database,
        station: str,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.station = station
        self.task_runner = task_runner or runner()
        self.actor: CounterActor | None = None
        self.setWindowTitle(_tr("Central do Assinante — Entrar"))
        self.setObjectName("loginDialog")
        self.setModal(True)

        title = QLabel(_tr("Central do Assinante"), self)
        title.setObjectName("loginTitle")
        subtitle = QLabel(_tr("Atendimento no balcão"), self)
        subtitle.setObjectName("loginSubtitle")

        self.login_edit = QLineEdit(self)
        self.login_edit.setPlaceholderText(_tr("seu login"))
        self.login_edit.setAccessibleName(_tr("Usuário"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(_tr("Senha"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        form.addRow(_tr("&Usuário:"), self.login_edit)
        form.addRow(_tr("&Senha:"), self.password_edit)

        self.message = MessageLine(self)
        self.busy = BusyIndicator(self)
        self.busy.label.setText(_tr("Verificando…"))
        self.enter_button = QPushButton(_tr("Entrar"), self)
        self.enter_button.setObjectName("primary")
        self.enter_button.setDefault(True)
        self.enter_button.clicked.connect(self.submit)
        self.close_button = QPushButton(_tr("Fechar"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.enter_button)

        station_label = QLabel(_tr("Estação: %1").replace("%1", station), self)
        station_label.setObjectName("stationLabel")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(station_label)
        self.setMinimumWidth(460)
        self.login_edit.setFocus()

    def submit(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login:
            self.message.show_error(_tr("Informe o usuário."))
            self.login_edit.setFocus()
            return
        if not password:
            self.message.show_error(_tr("Informe a senha."))
            self.password_edit.setFocus()
            return
        if self.task_runner.is_running("login"):
            return  # a second Enter while the first is being checked
        db, station = self.db, self.station
        self._set_busy(True)
        self.task_runner.submit(
            "login",
            lambda: auth.login_counter(db, login, password, station),
            on_success=self._succeeded,
            on_error=self._refused,
            on_finished=self._finished,
            owner=self,
        )

    def _succeeded(self, actor: CounterActor) -> None:
        self.actor = actor
        self.message.clear_message()
        self.logged_in.emit(actor)
        self.accept()

    def _refused(self, message: str) -> None:
        self.message.show_error(message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _finished(self) -> None:
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy.set_busy(busy)
        self.enter_button.setEnabled(not busy)
        self.login_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
