"""What every subscriber tab shares: its context and the "coming in a later version" panel.

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
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import today_local
from desktop.services import tickets
from desktop.services.subscribers import Menu, SubscriberWorkspace
from desktop.ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)


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

    def notify_changed(self) -> None:
        if self.changed is not None:
            self.changed()

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
            lambda: tickets.record_session_action(db, actor, ticket_id, action, text),
            on_error=lambda message: log.warning("session history: %s", message),
        )


class SubscriberTab(QWidget):
    """A tab of the subscriber workspace."""

    menu: ClassVar[Menu]
    title_text: ClassVar[str]  # the Portuguese source text, translated in title()

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"tab_{self.menu.value}")

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("Tabs", cls.title_text)

    def activated(self) -> None:
        """Called when the tab becomes visible (a place to load data lazily)."""


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
