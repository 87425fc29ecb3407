"""The kiosk's screens after the login: the menu, and the chosen menu in a frame.

Touch first: every target is at least 48 px high (``TOUCH_PX``), type is large
(resources/kiosk.qss), and every screen after the welcome has a big *Voltar* or *Sair*.
The subscriber's data appears only on the menu and task screens, which the window destroys
at logout; the CPF/CNPJ is always masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.documents import mask_document
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import Menu
from desktop.ui.kiosk.login_screens import KioskSession
from desktop.ui.kiosk.touch import big_button, bottom_bar, make_touch_friendly
from desktop.ui.tabs import SubscriberTab, TabContext
from desktop.ui.workers import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


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
