"""What every subscriber tab shares: its context, lazy and stale loading, the pending panel.

A tab loads when it is first shown (``loads_when_shown``) and listens to the application's
change signal (``desktop.ui.changes``): when a write elsewhere changed a kind of record the
tab shows (``watches``, flag names of :class:`~desktop.domain.changes.OpChanges`), it reloads
at once if it is on screen, else it marks itself stale and reloads when next shown.

One module per menu (SPEC §1) under ``desktop/ui/tabs/``; each defines a subclass of
:class:`SubscriberTab` with its :class:`Menu` and title.  Later work replaces one module
without touching the workspace.  Titles use ``QCoreApplication.translate`` with an explicit
context ("Tabs"): ``self.tr()`` in a base class would take the subclass's name as context.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import shiboken6

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.changes import OpChanges
from desktop.domain.clock import today_local
from desktop.services import tickets
from desktop.services.subscribers import Menu, SubscriberWorkspace
from desktop.ui.changes import ChangeBus, change_bus, recorded
from desktop.ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)


def is_kiosk(actor: Actor) -> bool:
    return isinstance(actor, KioskActor)


@dataclass(frozen=True)
class TabContext:
    """Who is asking, about whom, and how to reach the services."""

    db: Database
    actor: Actor
    workspace: SubscriberWorkspace
    task_runner: TaskRunner = field(default_factory=runner)
    today: Callable[[], dt.date] = today_local
    # The atendimento opened for this session (ANATEL protocol); its history gets each action.
    session_ticket_id: int | None = None
    # Called after a write that changes what the workspace header shows (contract status...).
    changed: Callable[[], None] | None = None
    bus: ChangeBus = field(default_factory=change_bus)

    @property
    def kiosk(self) -> bool:
        return is_kiosk(self.actor)

    def notify_changed(self) -> None:
        if self.changed is not None:
            self.changed()

    def broadcast(self, changes: OpChanges, origin: QObject | None = None) -> None:
        """Tell every open tab what a write changed (and the header, for a contract)."""
        if changes.enablements or changes.receivables:
            self.notify_changed()
        self.bus.broadcast(changes, origin)

    def write(
        self,
        key: Any,
        fn: Callable[[], Any],
        *,
        origin: QObject | None = None,
        owner: QObject | None = None,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> bool:
        """Run a write in the worker; when it succeeds, broadcast what it changed.

        What changed is what the service calls in ``fn`` declare (``desktop.domain.changes``),
        never a guess of the screen's.  The broadcast comes after ``on_success``: the screen
        that wrote shows its result first.  ``owner``: the widget whose closing drops the
        callbacks (default ``origin``).
        """

        def succeeded(done: tuple[Any, OpChanges]) -> None:
            result, changes = done
            if on_success is not None:
                on_success(result)
            self.broadcast(changes, origin)

        return self.task_runner.submit(
            key,
            recorded(fn),
            on_success=succeeded,
            on_error=on_error,
            on_finished=on_finished,
            owner=owner if owner is not None else origin,
        )

    def record(self, action: str, text: str) -> None:
        """Add an action (reprint, statement, enablement...) to the session's atendimento.

        Runs off the GUI thread; a failure is logged, never shown: the action itself is done.
        """
        ticket_id = self.session_ticket_id
        if ticket_id is None:
            return
        db, actor = self.db, self.actor
        self.task_runner.submit(
            None,
            recorded(lambda: tickets.record_session_action(db, actor, ticket_id, action, text)),
            on_success=lambda done: self.bus.broadcast(done[1]),
            on_error=lambda message: log.warning("session history: %s", message),
        )


class SubscriberTab(QWidget):
    """A tab of the subscriber workspace."""

    menu: ClassVar[Menu]
    title_text: ClassVar[str]  # the Portuguese source text, translated in title()
    # The kinds of records the tab shows (OpChanges flag names): a write that changed one of
    # them makes the tab reload when it is shown.
    watches: ClassVar[frozenset[str]] = frozenset()
    # False for a tab whose every query is audited (connections): it waits for *Ver*.
    loads_when_shown: ClassVar[bool] = True

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kiosk = context.kiosk
        self.setObjectName(f"tab_{self.menu.value}")
        self._loaded_once = False
        self.stale = False
        if self.watches:
            context.bus.changed.connect(self._changes_broadcast)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("Tabs", cls.title_text)

    @property
    def loaded_once(self) -> bool:
        return self._loaded_once

    def activated(self) -> None:
        """Called when the tab becomes visible: the first load, or a reload when stale."""
        if self.stale or (self.loads_when_shown and not self._loaded_once):
            self.refresh()

    def refresh(self) -> None:
        """Load (again) what the tab shows; implementations call :meth:`mark_loaded`."""

    def mark_loaded(self) -> None:
        self._loaded_once = True
        self.stale = False

    def _changes_broadcast(self, changes: OpChanges, origin: object) -> None:
        if not shiboken6.isValid(self):
            return  # closed meanwhile
        if origin is self or not changes.touches(self.watches) or not self._loaded_once:
            return  # never loaded: its first load reads the new data anyway
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True


class PendingTab(SubscriberTab):
    """A menu not built yet: says so in words and offers no buttons (no dead buttons)."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        heading = QLabel(self.title(), self)
        heading.setObjectName("pendingTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            QCoreApplication.translate(
                "Tabs",
                "Este menu chega em uma próxima versão da Central do Assinante.",
            ),
            self,
        )
        text.setObjectName("pendingText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addStretch(2)
