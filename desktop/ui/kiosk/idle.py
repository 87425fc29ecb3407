"""Idle logout: a subscriber who walks away is logged out, with a countdown first.

:class:`IdleWatcher` is an event filter on the kiosk's QWindow (every input event of the
window passes there first): any touch, click, wheel or key resets it.  A QTimer ticks :meth:`IdleWatcher.check`, which compares a clock (the
monotonic clock; tests pass their own) with the last activity: during the last
``WARNING_S`` seconds it emits ``countdown`` with the seconds left, then ``timed_out``.
Nothing here depends on the timer's accuracy, so a test drives it by moving its clock and
calling :meth:`check`, with no sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

WARNING_S = 15
TICK_MS = 250
SHADE = QColor(0, 0, 0, 150)

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskIdle", text)


class IdleWatcher(QObject):
    """Counts idle time while a subscriber is logged in (``start``) until ``stop``."""

    countdown = Signal(int)  # seconds left, during the last WARNING_S seconds
    activity = Signal()  # someone touched the screen while the countdown was showing
    timed_out = Signal()

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timeout_s = 90
        self.active = False
        self.warning = False
        self._last = clock()
        # Who holds the logout (a PIX charge on screen waiting for its payment): while any
        # does, the idle time does not count; it starts over when the last one lets go.
        self._holds: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.check)

    def start(self, timeout_s: int) -> None:
        self.timeout_s = timeout_s
        self.active = True
        self.touch()
        self.timer.start()

    def stop(self) -> None:
        self.active = False
        self._holds.clear()  # the session ended: a new one starts unheld
        self.timer.stop()
        if self.warning:
            self.warning = False
            self.activity.emit()

    def touch(self) -> None:
        """Activity: the countdown starts over."""
        self._last = self.clock()
        if self.warning:
            self.warning = False
            self.activity.emit()

    @property
    def held(self) -> bool:
        return bool(self._holds)

    def hold(self, key: int) -> None:
        """No idle logout while ``key`` holds it (the countdown, if showing, goes)."""
        self._holds.add(key)
        self.touch()

    def release(self, key: int) -> None:
        """``key`` lets go: the idle time starts over from now."""
        if key in self._holds:
            self._holds.discard(key)
            self.touch()

    def remaining(self) -> float:
        return self.timeout_s - (self.clock() - self._last)

    def check(self) -> None:
        """The timer's slot: warn during the last seconds, then time out."""
        if not self.active:
            return
        if self._holds:
            self.touch()  # held: nobody is idle while a payment is awaited
            return
        left = self.remaining()
        if left <= 0:
            self.stop()
            self.timed_out.emit()
        elif left <= WARNING_S:
            self.warning = True
            self.countdown.emit(math.ceil(left))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and event.type() in ACTIVITY_EVENTS:
            self.touch()
        return False  # never consumes: the touch still reaches its widget


class CountdownOverlay(QWidget):
    """Covers the kiosk during the countdown: "Toque na tela para continuar" and the seconds.

    A touch on it is swallowed (it only says "I am here"): the watcher has already seen it
    at the window and hides the overlay.
    """

    continued = Signal()  # the Continuar button

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card = QWidget(self)
        card.setObjectName("idleCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(_tr("Você ainda está aí?"), card)
        self.title.setObjectName("idleTitle")
        self.hint = QLabel(_tr("Toque na tela para continuar"), card)
        self.hint.setObjectName("idleHint")
        self.seconds = QLabel(card)
        self.seconds.setObjectName("idleSeconds")
        # A button to say "I am here" (a touch anywhere works too).
        self.continue_button = QPushButton(_tr("Continuar"), card)
        self.continue_button.setObjectName("kioskPrimary")
        self.continue_button.setAccessibleName(_tr("Continuar usando o quiosque"))
        self.continue_button.setMinimumHeight(72)
        self.continue_button.clicked.connect(self.continued)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 36, 48, 36)
        inner.setSpacing(16)
        for label in (self.title, self.hint, self.seconds):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)  # over a small dialog too
            inner.addWidget(label)
        inner.addWidget(self.continue_button)
        card.setMinimumWidth(min(820, max(480, parent.width() - 40)))  # 768-px portrait too
        self.card = card
        self.home = parent  # the kiosk window; a dialog on top borrows the overlay
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.hide()

    def host(self) -> QWidget:
        """Where the countdown must show: over a dialog the subscriber has open (the DANFE
        preview used to hide it, and the session ended with no warning), else the kiosk."""
        modal = QApplication.activeModalWidget()
        active = QApplication.activeWindow()
        for window in (modal, active):
            if window is not None and window is not self.home and window.isVisible():
                owner = window.parentWidget()
                while owner is not None and owner is not self.home:
                    owner = owner.parentWidget()
                if owner is self.home:  # a dialog of this kiosk, not some other window
                    return window
        return self.home

    def dismiss(self) -> None:
        """Someone is there: hide, and come back to the kiosk window."""
        self.hide()
        if self.parentWidget() is not self.home:
            self.setParent(self.home)
            self.hide()

    def show_seconds(self, seconds: int) -> None:
        text = _tr("Por segurança, a sessão será encerrada em %n segundos.")
        if seconds == 1:
            text = _tr("Por segurança, a sessão será encerrada em 1 segundo.")
        self.seconds.setText(text.replace("%n", str(seconds)))
        host = self.host()
        if self.parentWidget() is not host:
            self.setParent(host)  # (hides it: shown again below)
        self.card.setMinimumWidth(min(820, max(320, host.width() - 40)))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        if not self.isVisible():
            self.show()
            self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), SHADE)  # the screen behind, dimmed
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
