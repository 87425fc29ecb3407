"""The kiosk's first screens: welcome (*Toque para começar*) and login (CPF/CNPJ and password
on the on-screen keypad), and the session a login opens."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import KioskActor
from desktop.domain.documents import parse_document
from desktop.errors import InvalidInput
from desktop.services import auth, settings, subscribers, tickets
from desktop.services.subscribers import SubscriberWorkspace
from desktop.services.tickets import TicketItem
from desktop.ui.kiosk.keypad import ALPHA, DocumentEdit, Keypad
from desktop.ui.kiosk.touch import big_button, bottom_bar
from desktop.ui.widgets import BusyIndicator, MessageLine
from desktop.ui.workers import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


@dataclass(frozen=True)
class KioskSession:
    """A logged-in subscriber: who, what they have, and this session's protocol."""

    actor: KioskActor
    workspace: SubscriberWorkspace
    ticket: TicketItem
    idle_timeout_s: int


def open_session(db: Database, document: str, password: str, station: str) -> KioskSession:
    """Log in and open the session's atendimento (runs in the worker pool)."""
    actor = auth.login_kiosk(db, document, password, station)
    workspace = subscribers.workspace(db, actor, actor.subscriber_id)
    ticket = tickets.start_session_protocol(db, actor, actor.subscriber_id)
    timeout = int(settings.read(db, "kiosk.idle_timeout_s"))
    return KioskSession(actor, workspace, ticket, timeout)


class WelcomeScreen(QFrame):
    """The first screen, *Toque para começar*: a touch anywhere starts."""

    started = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWelcome")
        self.title = QLabel(_tr("Central do Assinante"), self)
        self.title.setObjectName("kioskWelcomeTitle")
        self.company = QLabel(self)
        self.company.setObjectName("kioskWelcomeCompany")
        self.subtitle = QLabel(
            _tr("Extratos, segunda via de boleto, notas fiscais e atendimentos, sem fila."),
            self,
        )
        self.subtitle.setObjectName("kioskWelcomeSubtitle")
        self.subtitle.setWordWrap(True)
        self.start_button = big_button(_tr("Toque para começar"), "kioskStart", self)
        self.start_button.setMinimumHeight(96)
        self.start_button.setMinimumWidth(520)
        self.start_button.clicked.connect(self.started)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 96)  # the bottom: room for Alto contraste
        layout.addStretch(2)
        for label in (self.company, self.title, self.subtitle):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(48)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(3)
        self.hint = QLabel(
            _tr(
                "Tenha em mãos seu CPF ou CNPJ e a senha do autoatendimento. Sem senha? Peça no balcão."
            ),
            self,
        )
        self.hint.setObjectName("kioskWelcomeHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hint)

    def set_company(self, name: str) -> None:
        self.company.setText(name)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.started.emit()


class LoginScreen(QFrame):
    """CPF/CNPJ and password with the on-screen keys; logs in in the worker pool."""

    logged_in = Signal(object)  # KioskSession
    back = Signal()

    def __init__(
        self, db: Database, station: str, task_runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskLogin")
        self.db = db
        self.station = station
        self.task_runner = task_runner
        title = QLabel(_tr("Entre na sua conta"), self)
        title.setObjectName("kioskTitle")
        hint = QLabel(_tr("Digite seu CPF ou CNPJ e a senha do autoatendimento."), self)
        hint.setObjectName("kioskHint")
        hint.setWordWrap(True)
        self.document_edit = DocumentEdit(self)
        self.document_edit.setObjectName("kioskDocument")
        self.document_edit.setPlaceholderText(_tr("CPF ou CNPJ"))
        self.document_edit.setAccessibleName(_tr("CPF ou CNPJ"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("kioskPassword")
        self.password_edit.setPlaceholderText(_tr("Senha"))
        self.password_edit.setAccessibleName(_tr("Senha"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setProperty("keypad", ALPHA)
        self.password_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.message = MessageLine(self)
        self.busy = BusyIndicator(self)
        self.busy.label.setText(_tr("Verificando…"))
        self.back_button = big_button(_tr("Voltar"), "kioskBack", self)
        self.back_button.clicked.connect(self.back)
        self.enter_button = big_button(_tr("Entrar"), "kioskPrimary", self)
        self.enter_button.clicked.connect(self.submit)
        self.keypad = Keypad(self)
        self.keypad.follow([self.document_edit, self.password_edit])
        self.keypad.enter_pressed.connect(self._keypad_enter)
        self.document_edit.returnPressed.connect(self._next_field)
        self.password_edit.returnPressed.connect(self.submit)

        form = QVBoxLayout()
        form.setSpacing(16)
        form.addWidget(title)
        form.addWidget(hint)
        form.addSpacing(8)
        form.addWidget(self._caption(_tr("CPF ou CNPJ")))
        form.addWidget(self.document_edit)
        form.addWidget(self._caption(_tr("Senha")))
        form.addWidget(self.password_edit)
        form.addWidget(self.message)
        form.addWidget(self.busy)
        form.addStretch(1)
        form.addLayout(bottom_bar(self, self.back_button, None, self.enter_button))
        self.columns = QHBoxLayout(self)
        self.columns.setContentsMargins(48, 40, 48, 96)
        self.columns.setSpacing(40)
        self.columns.addLayout(form, 4)
        self.columns.addWidget(self.keypad, 5, Qt.AlignmentFlag.AlignVCenter)

    def set_narrow(self, narrow: bool, portrait: bool = False) -> None:
        """A 1024-px kiosk: tighter margins; a portrait (768 px) one: the keys go under."""
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.columns.setDirection(direction)
        margin = 20 if narrow else 48
        # Wide, the form's column ends under the centre, where Alto contraste floats: its
        # Entrar button stays above it (narrow, the column ends left of the button).
        bottom = 20 if narrow else 96
        self.columns.setContentsMargins(margin, 20 if narrow else 40, margin, bottom)
        self.columns.setSpacing(20 if narrow else 40)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("kioskCaption")
        return label

    def reset(self) -> None:
        """Empty fields and no message: nothing of the previous person stays."""
        self.document_edit.clear()
        self.password_edit.clear()
        self.message.clear_message()
        self.busy.set_busy(False)
        self.enter_button.setEnabled(True)
        self.keypad.attach(self.document_edit)
        self.document_edit.setFocus()

    def _next_field(self) -> None:
        self.password_edit.setFocus()
        self.keypad.attach(self.password_edit)

    def _keypad_enter(self) -> None:
        if self.keypad.target is self.document_edit:
            self._next_field()
        else:
            self.submit()

    def submit(self) -> None:
        raw = self.document_edit.raw
        password = self.password_edit.text()
        try:
            parse_document(raw)
        except InvalidInput:
            self.message.show_error(_tr("Confira o CPF ou CNPJ digitado."))
            self.document_edit.setFocus()
            self.keypad.attach(self.document_edit)
            return
        if not password:
            self.message.show_error(_tr("Digite a sua senha."))
            self._next_field()
            return
        if self.task_runner.is_running("kiosk-login"):
            return  # a second touch on Entrar while the first is being checked
        self.message.clear_message()
        self.busy.set_busy(True)
        self.enter_button.setEnabled(False)
        db, station = self.db, self.station
        self.task_runner.submit(
            "kiosk-login",
            lambda: open_session(db, raw, password, station),
            on_success=self._succeeded,
            on_error=self._refused,
            on_finished=self._finished,
            owner=self,
        )

    def _succeeded(self, session: KioskSession) -> None:
        self.password_edit.clear()
        self.logged_in.emit(session)

    def _refused(self, message: str) -> None:
        self.message.show_error(message)
        self.password_edit.clear()
        self._next_field()

    def _finished(self) -> None:
        self.busy.set_busy(False)
        self.enter_button.setEnabled(True)
