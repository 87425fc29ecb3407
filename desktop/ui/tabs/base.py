"""What every subscriber tab shares: its context and the "coming in a later version" panel.

One module per menu (SPEC §1) under ``desktop/ui/tabs/``; each defines a subclass of
:class:`SubscriberTab` with its :class:`Menu` and title.  Later work replaces one module
without touching the workspace.  Titles use ``QCoreApplication.translate`` with an explicit
context ("Tabs"): ``self.tr()`` in a base class would take the subclass's name as context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.services.actors import Actor
from desktop.services.clock import today_local
from desktop.services.subscribers import Menu, SubscriberWorkspace
from desktop.ui.workers import TaskRunner, runner


@dataclass(frozen=True)
class TabContext:
    """Who is asking, about whom, and how to reach the services."""

    db: Database
    actor: Actor
    workspace: SubscriberWorkspace
    task_runner: TaskRunner = field(default_factory=runner)
    today: Callable[[], dt.date] = today_local


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
