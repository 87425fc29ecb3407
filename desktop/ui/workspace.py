"""The subscriber workspace: a header (who, documents, contracts) and one tab per menu."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import today_local
from desktop.services import subscribers, tickets
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import ContractSummary, SubscriberWorkspace
from desktop.ui import formatting as fmt
from desktop.ui.tabs import PendingTab, SubscriberTab, TabContext, tab_classes_for
from desktop.ui.widgets import Badge, BusyIndicator, MessageLine, no_tab_stops
from desktop.ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workspace", text)


def contract_details(contract: ContractSummary) -> str:
    """Terminals and login of a contract, for the header and tooltips."""
    parts: list[str] = []
    if contract.terminals:
        parts.append(_tr("Tel.: ") + ", ".join(fmt.phone(t) for t in contract.terminals))
    if contract.radius_login:
        parts.append(_tr("Login: ") + contract.radius_login)
    return "  ·  ".join(parts)


class SubscriberHeader(QFrame):
    """Name, CPF/CNPJ, phone, e-mail, address and the contracts with a status badge each.

    Every text may wrap, so a long address or login never widens the window past the screen.
    """

    def __init__(
        self,
        ws: SubscriberWorkspace,
        parent: QWidget | None = None,
        ticket: tickets.TicketItem | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("subscriberHeader")
        name = self._label(ws.name, "subscriberName")
        self.protocol: QLabel | None = None
        if ticket is not None:
            self.protocol = self._label(
                _tr("Protocolo do atendimento: ") + display_protocol(ticket.protocol),
                "sessionProtocol",
            )
            self.protocol.setToolTip(
                _tr("Informe este número ao assinante: ele identifica este atendimento (ANATEL).")
            )
        kind = _tr("CPF") if len(ws.document) == 11 else _tr("CNPJ")
        facts = [f"{kind} {fmt.document(ws.document)}"]
        if ws.phone:
            facts.append(fmt.phone(ws.phone))
        if ws.email:
            facts.append(ws.email)
        facts_label = self._label("   ·   ".join(facts), "subscriberFacts")
        address = self._label(ws.address or _tr("Endereço não cadastrado"), "subscriberAddress")

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(name)
        left.addWidget(facts_label)
        left.addWidget(address)
        if self.protocol is not None:
            left.addWidget(self.protocol)
        left.addStretch(1)

        self.badges: list[Badge] = []
        right = QVBoxLayout()
        right.setSpacing(2)
        if not ws.contracts:
            right.addWidget(self._label(_tr("Nenhum contrato"), "contractDetails"))
        for contract in ws.contracts:
            line = QHBoxLayout()
            line.setSpacing(10)
            plan = self._label(contract.plan, "contractPlan")
            plan.setWordWrap(False)  # short names; wrapping them looks broken
            badge = Badge(
                fmt.contract_status(contract.status), fmt.contract_tone(contract.status), self
            )
            self.badges.append(badge)
            line.addWidget(plan, 0, Qt.AlignmentFlag.AlignVCenter)
            line.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
            line.addStretch(1)
            details = "  ·  ".join(
                part
                for part in (_tr("Contrato ") + contract.number, contract_details(contract))
                if part
            )
            right.addLayout(line)
            right.addWidget(self._label(details, "contractDetails"))
            right.addSpacing(4)
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(32)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label


class WorkspaceView(QWidget):
    """One open subscriber (a tab of the main window).  Loads its data in the worker pool."""

    loaded = Signal(object)  # SubscriberWorkspace

    def __init__(
        self,
        db: Database,
        actor: Actor,
        subscriber_id: int,
        *,
        task_runner: TaskRunner | None = None,
        today: Callable[[], dt.date] = today_local,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.subscriber_id = subscriber_id
        self.task_runner = task_runner or runner()
        self._today = today
        self.workspace: SubscriberWorkspace | None = None
        self.session_ticket: tickets.TicketItem | None = None
        self.header: SubscriberHeader | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("menuTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.setVisible(False)
        # The tab bar showed no focus yet took a Tab stop; it is reached by shortcuts instead.
        no_tab_stops(self.tabs)
        self._menu_shortcuts()
        self.busy = BusyIndicator(self)
        self.message = MessageLine(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.tabs, 1)
        self.load()

    def _menu_shortcuts(self) -> None:
        """Ctrl+Tab / Ctrl+PgDn (next), Ctrl+Shift+Tab / Ctrl+PgUp (previous), Alt+1…9."""
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+Tab", lambda: self.step_tab(1)),
            ("Ctrl+PgDown", lambda: self.step_tab(1)),
            ("Ctrl+Shift+Tab", lambda: self.step_tab(-1)),
            ("Ctrl+Backtab", lambda: self.step_tab(-1)),
            ("Ctrl+PgUp", lambda: self.step_tab(-1)),
        ]
        for n in range(1, 10):
            keys.append((f"Alt+{n}", partial(self.go_to_tab, n - 1)))
        self.shortcuts: list[QShortcut] = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.go_to_tab((self.tabs.currentIndex() + step) % count)

    def go_to_tab(self, index: int) -> None:
        """Show the menu tab ``index`` and put the focus on its first field."""
        if not 0 <= index < self.tabs.count():
            return
        self.tabs.setCurrentIndex(index)
        page = self.tabs.widget(index)
        if page is None:
            return
        widget: QWidget | None = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def load(self) -> None:
        self.busy.set_busy(True)
        self.message.clear_message()
        db, actor, sid = self.db, self.actor, self.subscriber_id
        has_protocol = self.session_ticket is not None

        def work() -> tuple[SubscriberWorkspace, tickets.TicketItem | None]:
            ws = subscribers.workspace(db, actor, sid)
            # ANATEL: every session with a subscriber has a protocol, given at its start.
            ticket = None if has_protocol else tickets.start_session_protocol(db, actor, sid)
            return ws, ticket

        self.task_runner.submit(
            ("workspace", id(self)),
            work,
            on_success=self._loaded,
            on_error=self._failed,
            on_finished=lambda: self.busy.set_busy(False),
            owner=self,
        )

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def tab(self, cls: type[SubscriberTab]) -> SubscriberTab | None:
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, cls):
                return widget
        return None

    def _loaded(self, result: tuple[SubscriberWorkspace, tickets.TicketItem | None]) -> None:
        ws, ticket = result
        if ticket is not None:
            self.session_ticket = ticket
        self._show(ws)

    def refresh_header(self) -> None:
        """Reload the subscriber (statuses change after an enablement) and redraw the header."""
        db, actor, sid = self.db, self.actor, self.subscriber_id
        self.task_runner.submit(
            ("workspace-header", id(self)),
            lambda: subscribers.workspace(db, actor, sid),
            on_success=self._replace_header,
            on_error=lambda message: log.warning("refreshing the header: %s", message),
            owner=self,
        )

    def _replace_header(self, ws: SubscriberWorkspace) -> None:
        old = self.header
        self.workspace = ws
        self.header = SubscriberHeader(ws, self, self.session_ticket)
        if old is not None:
            self._layout.replaceWidget(old, self.header)
            old.deleteLater()
        else:
            self._layout.insertWidget(0, self.header)

    def end_session(self) -> None:
        """Close the session's atendimento (the subscriber's tab is being closed)."""
        ticket, self.session_ticket = self.session_ticket, None
        if ticket is None:
            return
        db, actor = self.db, self.actor
        self.task_runner.submit(
            None,
            lambda: tickets.close_ticket(db, actor, ticket.id, "Atendimento encerrado no balcão."),
            on_error=lambda message: log.warning("closing the session protocol: %s", message),
        )

    def _show(self, ws: SubscriberWorkspace) -> None:
        self.workspace = ws
        self.header = SubscriberHeader(ws, self, self.session_ticket)
        self._layout.insertWidget(0, self.header)
        context = TabContext(
            self.db,
            self.actor,
            ws,
            self.task_runner,
            self._today,
            self.session_ticket.id if self.session_ticket else None,
            self.refresh_header,
        )
        self.tabs.blockSignals(True)
        for cls in tab_classes_for(ws.menus):
            self.tabs.addTab(cls(context, self.tabs), cls.title())
        # Open on the first menu that is built (the others only say they are coming).
        for i in range(self.tabs.count()):
            if not isinstance(self.tabs.widget(i), PendingTab):
                self.tabs.setCurrentIndex(i)
                break
        self.tabs.blockSignals(False)
        self.tabs.setVisible(True)
        self.loaded.emit(ws)
        self._tab_changed(self.tabs.currentIndex())

    def _failed(self, message: str) -> None:
        self.message.show_error(message)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, SubscriberTab):
            widget.activated()
