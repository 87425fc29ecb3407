"""The kiosk's screens, one task each: welcome, login, menu, and the chosen menu in a frame.

Touch first: every target is at least 48 px high (``TOUCH_PX``), type is large
(resources/kiosk.qss), and every screen after the welcome has a big *Voltar* or *Sair*.
The subscriber's data appears only on the menu and task screens, which the window destroys
at logout; the CPF/CNPJ is always masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import KioskActor
from desktop.domain.documents import mask_document, parse_document
from desktop.errors import InvalidInput
from desktop.services import auth, settings, subscribers, tickets
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import Menu, SubscriberWorkspace
from desktop.services.tickets import TicketItem
from desktop.ui.kiosk.keypad import ALPHA, DocumentEdit, Keypad
from desktop.ui.tabs import SubscriberTab, TabContext
from desktop.ui.widgets import BusyIndicator, MessageLine
from desktop.ui.workers import TaskRunner

TOUCH_PX = 64  # the big buttons
MIN_TARGET_PX = 48  # the smallest target anywhere
STRETCH_MIN_PX = 280  # a description column in a reused counter table


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


def make_touch_friendly(root: QWidget) -> None:
    """Grow the targets of a counter tab to finger size (buttons, fields, table rows).

    The tabs are built for a mouse; the kiosk reuses them as they are and only enlarges
    what a finger must hit (the style sheet does the type).
    """
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QComboBox | QLineEdit | QAbstractSpinBox):
            widget.setMinimumHeight(max(widget.minimumHeight(), MIN_TARGET_PX))
        elif isinstance(widget, QTableView):
            rows = widget.verticalHeader()
            rows.setDefaultSectionSize(max(rows.defaultSectionSize(), MIN_TARGET_PX))
            keep_stretch_column_readable(widget)


def keep_stretch_column_readable(view: QTableView) -> None:
    """A stretching column (a description) keeps a readable width on a narrow screen.

    A stretch section only gets what the other columns leave; with kiosk-sized type a wide
    statement leaves it nothing ("M…").  Here it gets a fixed readable width instead, the
    table scrolls sideways, and the last column takes any room left over.
    """
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(header.sectionSize(column), STRETCH_MIN_PX))
            header.setStretchLastSection(True)


def big_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(TOUCH_PX)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch: no focus ring left behind
    return button


def bottom_bar(parent: QWidget, *buttons: QPushButton | None) -> QHBoxLayout:
    """Buttons along the bottom edge; ``None`` is the stretch between left and right."""
    bar = QHBoxLayout()
    bar.setSpacing(16)
    for button in buttons:
        if button is None:
            bar.addStretch(1)
        else:
            button.setMinimumWidth(160)  # two of them and the keys fit a 1024-px kiosk
            bar.addWidget(button)
    return bar


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
        self.columns.setContentsMargins(48, 40, 48, 40)
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
        self.columns.setContentsMargins(margin, 20 if narrow else 40, margin, 20 if narrow else 40)
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


class SessionHeader(QFrame):
    """Who is logged in (masked document), what they are doing, and the session's protocol."""

    def __init__(
        self, session: KioskSession, title: str = "", *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHeader")
        ws = session.workspace
        kind = _tr("CPF") if len(ws.document) == 11 else _tr("CNPJ")
        self.name_label = QLabel(ws.name, self)
        self.name_label.setObjectName("kioskName")
        self.document_label = QLabel(f"{kind} {mask_document(ws.document)}", self)
        self.document_label.setObjectName("kioskDocumentMasked")
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("kioskHeaderTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setVisible(bool(title))
        self.protocol_caption = QLabel(_tr("Protocolo deste atendimento"), self)
        self.protocol_caption.setObjectName("kioskProtocolCaption")
        self.protocol_label = QLabel(display_protocol(session.ticket.protocol), self)
        self.protocol_label.setObjectName("kioskProtocol")
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.name_label)
        who.addWidget(self.document_label)
        protocol = QVBoxLayout()
        protocol.setSpacing(2)
        protocol.addWidget(self.protocol_caption, 0, Qt.AlignmentFlag.AlignRight)
        protocol.addWidget(self.protocol_label, 0, Qt.AlignmentFlag.AlignRight)
        # Long names and titles wrap: the header never makes the kiosk wider than a 768-px
        # portrait or 1024-px screen.
        for label in (self.name_label, self.title_label):
            label.setWordWrap(True)
            label.setMinimumWidth(120)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(16)
        layout.addLayout(who, 1)
        layout.addWidget(self.title_label, 1)
        layout.addLayout(protocol, 1)


class MenuScreen(QFrame):
    """A grid of big buttons, one per menu the subscriber has (SPEC order)."""

    chosen = Signal(object)  # type[SubscriberTab]
    logout = Signal()

    COLUMNS = 3

    def __init__(
        self,
        session: KioskSession,
        tab_classes: list[type[SubscriberTab]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskMenu")
        self.header = SessionHeader(session, parent=self)
        first_name = session.workspace.name.split()[0] if session.workspace.name else ""
        greeting = QLabel(_tr("Olá, %1! O que você deseja fazer?").replace("%1", first_name), self)
        greeting.setObjectName("kioskTitle")
        greeting.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(20)
        self.grid = grid
        self.columns = self.COLUMNS
        self.buttons: dict[type[SubscriberTab], QPushButton] = {}
        for index, cls in enumerate(tab_classes):
            button = big_button(cls.title(), "kioskMenuButton", self)
            button.setMinimumHeight(112)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _checked=False, c=cls: self.chosen.emit(c))
            self.buttons[cls] = button
            grid.addWidget(button, index // self.COLUMNS, index % self.COLUMNS)
        self.exit_button = big_button(_tr("Sair"), "kioskExit", self)
        self.exit_button.clicked.connect(self.logout)
        # The welcome screen promises bills and invoices: say why a tile is missing.
        menus = session.workspace.menus
        missing = []
        if Menu.BOLETOS not in menus:
            missing.append(
                _tr("Segunda via de boleto: você não tem boletos em aberto para reimprimir.")
            )
        if Menu.INVOICES not in menus:
            missing.append(_tr("Notas fiscais: ainda não há nota fiscal emitida para você."))
        self.missing_label = QLabel("\n".join(missing), self)
        self.missing_label.setObjectName("kioskHint")
        self.missing_label.setWordWrap(True)
        self.missing_label.setVisible(bool(missing))
        body = QVBoxLayout()
        body.setContentsMargins(48, 24, 48, 32)
        body.setSpacing(24)
        body.addWidget(greeting)
        body.addLayout(grid, 1)
        body.addWidget(self.missing_label)
        body.addLayout(bottom_bar(self, None, self.exit_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    def titles(self) -> list[str]:
        return [button.text() for button in self.buttons.values()]

    def set_narrow(self, narrow: bool, portrait: bool = False) -> None:
        """One column of tiles on a 768-px portrait kiosk, two at 1024 px, three otherwise."""
        columns = 1 if portrait else 2 if narrow else self.COLUMNS
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons.values()):
            self.grid.addWidget(button, index // columns, index % columns)


class TaskScreen(QFrame):
    """One menu (a subscriber tab, reused as it is) inside the kiosk frame."""

    back = Signal()
    logout = Signal()

    def __init__(
        self,
        session: KioskSession,
        cls: type[SubscriberTab],
        db: Database,
        task_runner: TaskRunner,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskTask")
        self.header = SessionHeader(session, cls.title(), parent=self)
        body = QFrame(self)
        body.setObjectName("kioskTaskBody")
        # The scroll area makes sure a wide tab never pushes the window (and its Sair
        # button) off the screen.
        scroll = QScrollArea(body)
        scroll.setObjectName("kioskTaskScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The session's atendimento: what the tabs do (a PIX payment, a reprint) goes in it.
        context = TabContext(
            db, session.actor, session.workspace, task_runner, today, session.ticket.id
        )
        self.tab = cls(context, scroll)
        make_touch_friendly(self.tab)
        scroll.setWidget(self.tab)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(8, 8, 8, 8)
        body_layout.addWidget(scroll)
        self.back_button = big_button(_tr("Voltar"), "kioskBack", self)
        self.back_button.clicked.connect(self.back)
        self.exit_button = big_button(_tr("Sair"), "kioskExit", self)
        self.exit_button.clicked.connect(self.logout)
        content = QVBoxLayout()
        content.setContentsMargins(24, 12, 24, 20)
        content.setSpacing(12)
        content.addWidget(body, 1)
        content.addLayout(bottom_bar(self, self.back_button, None, self.exit_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(content, 1)

    def activate(self) -> None:
        self.tab.activated()
        make_touch_friendly(self.tab)  # what the tab built on activation too
