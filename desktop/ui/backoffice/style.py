"""The back-office windows' own style rules (added to the application's style sheet).

``resources/style.qss`` styles the counter; these windows are plain top-level widgets with a
section list, so they add a few rules scoped by object name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.ui.workers import TaskRunner, runner

BACKOFFICE_QSS = """
QWidget#settingsPanel, QWidget#queueWindow, QWidget#auditLog, QWidget#retornoWindow {
    background: #f6f8fa;
}
QListWidget#settingsSections {
    background: #ffffff; border: 1px solid #d0d7de; border-radius: 4px; padding: 4px;
}
QListWidget#settingsSections::item { padding: 7px 10px; border-radius: 4px; }
QListWidget#settingsSections::item:selected {
    background: #cfe0fc; color: #1f2328; font-weight: 600;
}
QScrollArea#settingsPage { background: #ffffff; border: 1px solid #d0d7de; border-radius: 4px; }
QWidget#settingsForm, QWidget#creditValues { background: #ffffff; }
QLabel#windowTitle { font-size: 15pt; font-weight: 700; }
"""


def apply_backoffice_style(window: QWidget) -> None:
    window.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    window.setStyleSheet(BACKOFFICE_QSS)


class BackofficeWindow(QWidget):
    """A back-office window beside the counter window: its database, actor, worker pool,
    house style, window title and the big title label at its top (``title_label``)."""

    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        title: str,
        object_name: str,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.db = db
        self.actor = actor
        self.task_runner = task_runner or runner()
        self.setObjectName(object_name)
        apply_backoffice_style(self)
        self.setWindowTitle(title)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("windowTitle")
