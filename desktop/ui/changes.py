"""THE application signal that broadcasts what a write changed (``desktop.domain.changes``).

One :class:`ChangeBus` per application (``change_bus()``, like the worker runner).  A screen
that wrote something calls ``broadcast(changes, origin)``; every subscriber tab listens
(``SubscriberTab``), marks itself stale when a flag it shows changed and reloads when it is
shown (at once when it is on screen).  ``origin`` is the widget that made the write: it has
already shown its own result and does not reload for its own broadcast.

What to broadcast comes from the services themselves: a write runs through :func:`recorded`
(``TabContext.write`` does it), which collects what the service calls inside declared
(``desktop.domain.changes.writes`` / ``note``); the screen never names the changes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6

from PySide6.QtCore import QObject, Signal

from desktop.domain.changes import OpChanges, recording

T = TypeVar("T")


class ChangeBus(QObject):
    changed = Signal(object, object)  # (OpChanges, origin widget or None)

    def broadcast(self, changes: OpChanges, origin: QObject | None = None) -> None:
        if not changes.empty:
            self.changed.emit(changes, origin)


_bus: ChangeBus | None = None


def change_bus() -> ChangeBus:
    """The application's bus (created on first use, in the GUI thread)."""
    global _bus
    if _bus is None or not shiboken6.isValid(_bus):
        _bus = ChangeBus()
    return _bus


def reset_change_bus() -> None:
    """Forget the shared bus (tests: a fresh one per test)."""
    global _bus
    _bus = None


def recorded(fn: Callable[[], T]) -> Callable[[], tuple[T, OpChanges]]:
    """``fn`` for the worker: its result, and what the service calls it made changed."""

    def work() -> tuple[T, OpChanges]:
        with recording() as record:
            result = fn()
        return result, record.changes

    return work
