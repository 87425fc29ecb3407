"""The counter main window: search on top, open subscribers as closable tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import today_local
from desktop.services.subscribers import SubscriberWorkspace
from desktop.ui import formatting as fmt
from desktop.ui.backoffice import Factory, backoffice_actions
from desktop.ui.dialogs import dialogs
from desktop.ui.search import SearchPanel
from desktop.ui.widgets import no_tab_stops
from desktop.ui.workers import TaskRunner, runner
from desktop.ui.workspace import WorkspaceView

TAB_TITLE_CHARS = 28


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _short(name: str) -> str:
    return name if len(name) <= TAB_TITLE_CHARS else name[: TAB_TITLE_CHARS - 1] + "…"


class MainWindow(QMainWindow):
    """One logged-in attendant.  ``logout_requested`` hands control back to the login."""

    logout_requested = Signal()

    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        *,
        task_runner: TaskRunner | None = None,
        today: Callable[[], dt.date] = today_local,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.task_runner = task_runner or runner()
        self._today = today
        self._closing_for_logout = False
        self.setWindowTitle(_tr("Central do Assinante — Balcão"))
        self.setObjectName("mainWindow")

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            _tr("Nome, CPF/CNPJ, contrato, login ou telefone do assinante")
        )
        self.search_edit.setAccessibleName(_tr("Buscar assinante"))
        self.search_edit.textEdited.connect(self._text_edited)
        self.search_edit.returnPressed.connect(self._search_submitted)
        self.search_edit.installEventFilter(self)
        search_label = QLabel(_tr("&Buscar assinante:"), self)
        search_label.setObjectName("searchLabel")
        search_label.setBuddy(self.search_edit)
        top = QHBoxLayout()
        top.setContentsMargins(12, 10, 12, 6)
        top.setSpacing(10)
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)

        self.search_panel = SearchPanel(db, actor, task_runner=self.task_runner, parent=self)
        self.search_panel.open_requested.connect(self.open_subscriber)
        self.search_panel.table.leave_up.connect(self.focus_search)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("subscriberTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.addTab(self.search_panel, _tr("Busca"))
        bar = self.tabs.tabBar()
        # No invisible Tab stop after the search field: Ctrl+W closes, a click or the search
        # opens a subscriber; the menus inside have their own shortcuts (workspace.py).
        no_tab_stops(self.tabs)
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            bar.setTabButton(0, side, None)  # the search tab stays

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_status_bar()
        self.resize(1280, 760)
        self.focus_search()

    # ------------------------------------------------------------------ chrome
    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(_tr("&Atendimento"))
        self.search_action = QAction(_tr("&Buscar assinante"), self)
        self.search_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("F3")])
        self.search_action.triggered.connect(self.focus_search)
        self.close_tab_action = QAction(_tr("&Fechar assinante"), self)
        self.close_tab_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_tab_action.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        self.logout_action = QAction(_tr("&Encerrar sessão (trocar usuário)"), self)
        self.logout_action.setShortcuts([QKeySequence("F12"), QKeySequence("Ctrl+L")])
        self.logout_action.triggered.connect(self.logout)
        menu.addAction(self.search_action)
        menu.addAction(self.close_tab_action)
        menu.addSeparator()
        menu.addAction(self.logout_action)
        for action in (self.search_action, self.close_tab_action, self.logout_action):
            self.addAction(action)  # shortcuts work even with the menu bar hidden
        self.backoffice_windows: list[QWidget] = []
        entries = backoffice_actions(self.actor)
        if entries:  # only what this role may use: no dead menu entries
            office = self.menuBar().addMenu(_tr("&Retaguarda"))
            for title, factory in entries:
                action = office.addAction(title)
                action.triggered.connect(lambda _=False, f=factory: self.open_backoffice(f))

    def open_backoffice(self, factory: Factory) -> QWidget:
        """Open a back-office window (Painel, queues, audit) beside the counter window."""
        window = factory(self.db, self)
        self.backoffice_windows.append(window)
        window.destroyed.connect(lambda _=None, w=window: self._forget(w))
        window.show()
        window.raise_()
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.backoffice_windows:
            self.backoffice_windows.remove(window)

    def _build_status_bar(self) -> None:
        text = _tr("Usuário: %1   ·   Perfil: %2   ·   Estação: %3")
        for placeholder, value in (
            ("%1", self.actor.login),
            ("%2", fmt.role(self.actor.role)),
            ("%3", self.actor.station),
        ):
            text = text.replace(placeholder, value)
        self.session_label = QLabel(text, self)
        self.session_label.setObjectName("sessionLabel")
        self.statusBar().addPermanentWidget(self.session_label)
        self.statusBar().setSizeGripEnabled(False)

    # ------------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _text_edited(self, text: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_panel.set_text(text)

    def _search_submitted(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_panel.set_text(self.search_edit.text())
        self.search_panel.submit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.tabs.setCurrentIndex(0)
            self.search_panel.focus_results()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ subscribers
    def workspace_views(self) -> list[WorkspaceView]:
        views = []
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, WorkspaceView):
                views.append(widget)
        return views

    def open_subscriber(self, subscriber_id: int, name: str = "") -> WorkspaceView:
        """Show the subscriber's workspace; an already open one is brought to the front."""
        for view in self.workspace_views():
            if view.subscriber_id == subscriber_id:
                self.tabs.setCurrentWidget(view)
                return view
        view = WorkspaceView(
            self.db,
            self.actor,
            subscriber_id,
            task_runner=self.task_runner,
            today=self._today,
            parent=self.tabs,
        )
        index = self.tabs.addTab(view, _short(name) if name else _tr("Assinante"))
        self.tabs.setTabToolTip(index, name)
        view.loaded.connect(lambda ws, v=view: self._workspace_loaded(v, ws))
        if view.workspace is not None:  # loaded already (synchronous pool)
            self._workspace_loaded(view, view.workspace)
        self.tabs.setCurrentWidget(view)
        return view

    def _workspace_loaded(self, view: WorkspaceView, ws: SubscriberWorkspace) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.setTabText(index, _short(ws.name))
            self.tabs.setTabToolTip(index, ws.name)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, WorkspaceView):
            widget.end_session()
            self.tabs.removeTab(index)
            widget.deleteLater()

    # ------------------------------------------------------------------ session
    def logout(self) -> None:
        if self.workspace_views() and not dialogs().question(
            self,
            _tr("Encerrar sessão"),
            _tr("Encerrar a sessão? Os assinantes abertos serão fechados."),
        ):
            return
        self._closing_for_logout = True
        for view in self.workspace_views():
            view.end_session()
        self.logout_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_for_logout or not self.workspace_views():
            event.accept()
            return
        if dialogs().question(
            self,
            _tr("Fechar a Central do Assinante"),
            _tr("Fechar o programa? Os assinantes abertos serão fechados."),
        ):
            for view in self.workspace_views():
                view.end_session()  # each open atendimento is closed (app start-up waits for it)
            event.accept()
        else:
            event.ignore()
