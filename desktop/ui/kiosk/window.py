"""The kiosk window: welcome → login → menu → one menu at a time, until logout.

Full screen with no way out to the desktop: closing is refused (Alt+F4 included) and
Escape does nothing, unless an administrator logs in through the hidden corner gesture
(:mod:`desktop.ui.kiosk.admin_exit`).  Logout, by the *Sair* button or after
``kiosk.idle_timeout_s`` without a touch, closes the session's atendimento, destroys the
screens that showed the subscriber (their tab widgets and models with them), empties the
login fields and drops the actor.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QResizeEvent, QShowEvent, QWindow
from PySide6.QtWidgets import QApplication, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop.config.paths import resources_dir
from desktop.db import Database
from desktop.domain.clock import today_local
from desktop.services import company, settings, tickets
from desktop.services.subscribers import Menu
from desktop.ui.kiosk.admin_exit import AdminExitDialog, KioskGuard
from desktop.ui.kiosk.idle import CountdownOverlay, IdleWatcher
from desktop.ui.kiosk.login_screens import KioskSession, LoginScreen, WelcomeScreen
from desktop.ui.kiosk.screens import MenuScreen, TaskScreen
from desktop.ui.tabs import SubscriberTab, tab_classes_for
from desktop.ui.workers import TaskRunner, runner

if TYPE_CHECKING:
    from desktop.ui.pix_payment import PixPaymentView

log = logging.getLogger(__name__)

# The application font in kiosk mode: the type of the reused counter tabs (their columns are
# measured with it).  The kiosk's own screens are larger, set in kiosk.qss (16-40 pt): with a
# style sheet in force Qt gives every widget the application font, not its parent's.
KIOSK_POINT_SIZE = 14
DEFAULT_IDLE_S = 90

# What opening a menu adds to the session's atendimento (tickets.ACTION_*).
MENU_ACTIONS = {
    Menu.CALLS: tickets.ACTION_STATEMENT,
    Menu.CONNECTIONS: tickets.ACTION_STATEMENT,
    Menu.FINANCIAL: tickets.ACTION_STATEMENT,
    Menu.INVOICES: tickets.ACTION_INVOICE,
}
END_BY_SUBSCRIBER = "Sessão do quiosque encerrada pelo assinante."
END_BY_IDLE = "Sessão do quiosque encerrada por inatividade."


def _tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


def _company_name(db: Database) -> str:
    info = company.load(db)
    return info.trade_name or info.name


def apply_kiosk_font(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(KIOSK_POINT_SIZE)
    app.setFont(font)


def contrast_style_sheet() -> str:
    """resources/kiosk_contrast.qss: appended to the kiosk's own in high-contrast mode."""
    try:
        return (resources_dir() / "kiosk_contrast.qss").read_text(encoding="utf-8")
    except OSError:
        log.warning("kiosk contrast style sheet not found")
        return ""


def kiosk_style_sheet() -> str:
    """resources/kiosk.qss (empty when missing: the kiosk still works, plainer)."""
    path = resources_dir() / "kiosk.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("kiosk style sheet not found at %s", path)
        return ""


class KioskWindow(QWidget):
    """The whole kiosk.  ``closed_by_admin`` is emitted when an administrator ends it."""

    closed_by_admin = Signal()

    def __init__(
        self,
        db: Database,
        station: str,
        *,
        task_runner: TaskRunner | None = None,
        today: Callable[[], dt.date] = today_local,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.station = station
        self.task_runner = task_runner or runner()
        self._today = today
        self.session: KioskSession | None = None
        self.menu_screen: MenuScreen | None = None
        self.task_screen: TaskScreen | None = None
        self.exit_dialog: AdminExitDialog | None = None
        self._may_close = False
        self._idle_timeout_s = DEFAULT_IDLE_S
        self._screen_size = (1366, 768)

        self.setObjectName("kioskWindow")
        self.setWindowTitle(_tr("Central do Assinante — Autoatendimento"))
        self.setStyleSheet(kiosk_style_sheet())

        self.stack = QStackedWidget(self)
        self.welcome = WelcomeScreen(self.stack)
        self.login = LoginScreen(db, station, self.task_runner, self.stack)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.login)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.overlay = CountdownOverlay(self)
        # On every screen: high contrast and large text (Lei 13.146/2015, ABNT NBR 15250).
        self.high_contrast = False
        self.contrast_button = QPushButton(_tr("Alto contraste"), self)
        self.contrast_button.setObjectName("kioskContrast")
        self.contrast_button.setCheckable(True)
        self.contrast_button.setAccessibleName(_tr("Alto contraste e letras grandes"))
        self.contrast_button.setToolTip(_tr("Alto contraste e letras grandes"))
        self.contrast_button.toggled.connect(self.set_high_contrast)

        self.welcome.started.connect(self.show_login)
        self.login.back.connect(self.show_welcome)
        self.login.logged_in.connect(self._logged_in)

        self.idle = IdleWatcher(clock, self)
        self.idle.countdown.connect(self.overlay.show_seconds)
        self.idle.activity.connect(self.overlay.dismiss)
        self.overlay.continued.connect(self.idle.touch)
        self.idle.timed_out.connect(self._timed_out)
        self.guard = KioskGuard(self, clock)
        self.guard.exit_requested.connect(self.request_exit)
        self._filtered: QWindow | None = None
        # Dialogs the kiosk opens (the DANFE preview) are windows of their own: their
        # touches must count as activity too, or the session ends under the subscriber.
        self._dialog_windows: list[QWindow] = []
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch_dialog_window)

    # ----------------------------------------------------------------- start and screens
    def start(self) -> None:
        """Show the welcome screen and read what it needs (company name, idle timeout)."""
        self.show_welcome()
        db = self.db
        self.task_runner.submit(
            ("kiosk-start", id(self)),
            lambda: (_company_name(db), int(settings.read(db, "kiosk.idle_timeout_s"))),
            on_success=self._started,
            on_error=lambda message: log.warning("kiosk start-up: %s", message),
            owner=self,
        )

    def _started(self, result: tuple[str, int]) -> None:
        name, timeout = result
        self.welcome.set_company(name)
        self._idle_timeout_s = timeout

    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_welcome(self) -> None:
        self.idle.stop()
        self.overlay.hide()
        self.login.reset()
        self.stack.setCurrentWidget(self.welcome)

    def show_login(self) -> None:
        self.login.reset()
        self.stack.setCurrentWidget(self.login)
        self.login.document_edit.setFocus()
        self.idle.start(self._idle_timeout_s)  # a half-typed CPF does not stay on screen

    def _logged_in(self, session: KioskSession) -> None:
        self.session = session
        self._idle_timeout_s = session.idle_timeout_s
        self.login.reset()
        self._show_menu()
        self.idle.start(session.idle_timeout_s)

    def _show_menu(self) -> None:
        session = self.session
        if session is None:
            return
        if self.menu_screen is None:
            classes = tab_classes_for(session.workspace.menus)
            self.menu_screen = MenuScreen(session, classes, self.stack)
            self.menu_screen.set_narrow(self.is_narrow(), self.is_portrait())
            self.menu_screen.chosen.connect(self.open_menu)
            self.menu_screen.logout.connect(self.logout)
            self.stack.addWidget(self.menu_screen)
        self.stack.setCurrentWidget(self.menu_screen)
        self._drop_task_screen()

    def open_menu(self, cls: type[SubscriberTab]) -> None:
        """The chosen menu alone on screen; the atendimento's history records it."""
        session = self.session
        if session is None:
            return
        self._drop_task_screen()
        screen = TaskScreen(session, cls, self.db, self.task_runner, self._today, self.stack)
        screen.back.connect(self._show_menu)
        screen.logout.connect(self.logout)
        self.task_screen = screen
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.activate()
        db, actor, ticket_id = self.db, session.actor, session.ticket.id
        action = MENU_ACTIONS.get(cls.menu, tickets.ACTION_NOTE)
        text = f"Abriu no quiosque: {cls.title_text}."
        self.task_runner.submit(
            None,
            lambda: tickets.record_session_action(db, actor, ticket_id, action, text),
            on_error=lambda message: log.warning("session history: %s", message),
        )

    def hold_idle_while(self, view: PixPaymentView) -> None:
        """No idle logout while ``view`` shows a PIX charge waiting for its payment.

        A subscriber reading the QR with the bank's app does not touch the kiosk for a
        minute or two; cutting them then lost the screen that confirms the payment.  The hold
        ends when the charge is paid, expires or fails, or the screen closes; the idle time
        then starts over.  Leaving anyway never loses a payment: the reconciliation job
        settles what no screen watched.
        """
        key = id(view)

        def waiting(now: bool) -> None:
            if now:
                self.idle.hold(key)
            else:
                self.idle.release(key)

        view.waiting_changed.connect(waiting)
        view.destroyed.connect(lambda *_args: self.idle.release(key))
        if view.waiting:
            self.idle.hold(key)

    def _drop_task_screen(self) -> None:
        screen, self.task_screen = self.task_screen, None
        if screen is not None:
            self._destroy(screen)

    def _destroy(self, screen: QWidget) -> None:
        self.stack.removeWidget(screen)
        screen.hide()
        screen.deleteLater()  # its tab, models and labels go with it

    # ----------------------------------------------------------------- logout
    def logout(self, reason: str = END_BY_SUBSCRIBER) -> None:
        """Close the atendimento, destroy every view of the subscriber, back to welcome."""
        self.idle.stop()
        self.set_high_contrast(False)  # the next person starts from the usual screen
        self._close_modal_widgets()
        session, self.session = self.session, None
        self._drop_task_screen()
        menu, self.menu_screen = self.menu_screen, None
        if menu is not None:
            self._destroy(menu)
        if session is not None:
            db, actor, ticket_id = self.db, session.actor, session.ticket.id
            self.task_runner.submit(
                None,
                lambda: tickets.close_ticket(db, actor, ticket_id, reason),
                on_error=lambda message: log.warning("closing the session ticket: %s", message),
            )
        self.show_welcome()

    def _timed_out(self) -> None:
        if self.session is not None:
            self.logout(END_BY_IDLE)
        else:
            self.show_welcome()

    def _close_modal_widgets(self) -> None:
        """A message box or popup left open by the previous person closes with the session."""
        for _ in range(10):
            widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
            if widget is None or widget is self.exit_dialog:
                return
            widget.close()

    # ----------------------------------------------------------------- no way out
    def request_exit(self) -> AdminExitDialog:
        """The hidden gesture: ask for an administrator (the dialog is not blocking)."""
        if self.exit_dialog is not None:
            return self.exit_dialog
        dialog = AdminExitDialog(self.db, self.station, self.task_runner, self)
        dialog.granted.connect(self._exit_granted)
        dialog.finished.connect(self._exit_dialog_closed)
        self.exit_dialog = dialog
        dialog.open()
        return dialog

    def _exit_dialog_closed(self) -> None:
        dialog, self.exit_dialog = self.exit_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _exit_granted(self) -> None:
        log.warning("kiosk %s closed by an administrator", self.station)
        self.allow_close()
        if self.session is not None:
            self.logout()
        self.closed_by_admin.emit()
        self.close()

    @property
    def may_close(self) -> bool:
        return self._may_close

    def allow_close(self) -> None:
        """From now on the window may close (an administrator said so, or a script ends)."""
        self._may_close = True

    def _watch_input(self) -> None:
        """Watch the touches and keys of this window at its QWindow.

        Every mouse, touch and key event of the window passes through its QWindow before
        reaching a widget, so one filter there sees them all, once each.  (A filter on the
        whole QApplication would also see the events of objects being destroyed, which a
        Python filter must not touch.)  Showing full screen may replace the QWindow.
        """
        handle = self.windowHandle()
        if handle is None or handle is self._filtered:
            return
        if self._filtered is not None:
            self._filtered.removeEventFilter(self.idle)
            self._filtered.removeEventFilter(self.guard)
        handle.installEventFilter(self.idle)
        handle.installEventFilter(self.guard)
        self._filtered = handle

    def _watch_dialog_window(self, window: QWindow | None) -> None:
        if window is None or window is self._filtered or window in self._dialog_windows:
            return
        self._dialog_windows.append(window)
        window.installEventFilter(self.idle)
        window.destroyed.connect(lambda *_: self._forget_dialog_window(window))

    def _forget_dialog_window(self, window: QWindow) -> None:
        if window in self._dialog_windows:
            self._dialog_windows.remove(window)

    def _unwatch_input(self) -> None:
        handle, self._filtered = self._filtered, None
        if handle is not None:
            handle.removeEventFilter(self.idle)
            handle.removeEventFilter(self.guard)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch_input()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            self.idle.stop()
            self._unwatch_input()
            event.accept()
        else:
            event.ignore()  # Alt+F4, the window manager's close button...

    def set_high_contrast(self, on: bool) -> None:
        """White and yellow on black with larger type, for the whole kiosk."""
        self.high_contrast = on
        self.setProperty("highContrast", on)
        extra = contrast_style_sheet() if on else ""
        self.setStyleSheet(kiosk_style_sheet() + "\n" + extra)
        if self.contrast_button.isChecked() != on:
            self.contrast_button.setChecked(on)
        self._place_contrast_button()

    def _place_contrast_button(self) -> None:
        """Bottom centre, between Voltar and Sair, above every screen."""
        button = self.contrast_button
        button.adjustSize()
        size = button.sizeHint()
        button.setGeometry(
            (self.width() - size.width()) // 2, self.height() - size.height() - 20, *size.toTuple()
        )
        button.raise_()
        if self.overlay.isVisible() and self.overlay.parentWidget() is self:
            self.overlay.raise_()

    NARROW_PX = 1200  # below this width (1024×768, 768×1360 portrait) the screens stack

    def is_narrow(self) -> bool:
        return self._screen_size[0] < self.NARROW_PX

    def is_portrait(self) -> bool:
        return self._screen_size[1] > self._screen_size[0]

    def fit_screens(self, width: int, height: int) -> None:
        """Lay the screens out for a ``width``×``height`` kiosk — before resizing to it, as a
        window cannot be made smaller than what its screens ask for."""
        self._screen_size = (width, height)
        narrow, portrait = self.is_narrow(), self.is_portrait()
        self.login.set_narrow(narrow, portrait)
        if self.menu_screen is not None:
            self.menu_screen.set_narrow(narrow, portrait)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_screens(event.size().width(), event.size().height())
        self._place_contrast_button()
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())

    def show_kiosk(self, *, windowed: bool = False, size: tuple[int, int] = (1366, 768)) -> None:
        """Full screen, frameless and on top; ``windowed`` for development and screenshots."""
        if windowed:
            self.fit_screens(*size)
            self.resize(*size)
            self.show()
            return
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:  # a kiosk image may run no window manager to do this
            self.fit_screens(screen.geometry().width(), screen.geometry().height())
            self.setGeometry(screen.geometry())
        self.showFullScreen()
