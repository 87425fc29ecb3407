"""A printer as the station sees it: the one type both printing backends return.

Its own module so the Qt backend (:mod:`desktop.adapters.qt_printing`) and the dispatcher
(:mod:`desktop.adapters.printing`), which imports that backend lazily, do not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrinterInfo:
    name: str
    is_default: bool
    state: str  # "idle" | "printing" | "stopped" | "unknown" (see STATE_LABELS)
    accepting: bool
    reason: str = ""  # why it is stopped or refusing jobs, as the system says it

    @property
    def ready(self) -> bool:
        return self.state != "stopped" and self.accepting
