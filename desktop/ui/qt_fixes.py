"""Work-arounds for defects of the Qt binding, applied once when ``desktop.ui`` is imported.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it,
so every ``signal.emit(...)`` written in Python drops one reference to ``True``.  After a few
hundred emits CPython 3.11 aborts with "Fatal Python error: bool_dealloc: deallocating True
or False" (checked here: 6.12.0 loses one reference per emit; 6.11.3 does not).  A counter
app emits signals all day, so the fix below restores the missing reference.

It is applied only where the defect is measured (a probe emits a few times and compares
``sys.getrefcount(True)``), so a fixed PySide6 release turns it off by itself.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

_applied = False
_PROBES = 8


class _Probe(QObject):
    ping = Signal()


def emit_loses_true_reference() -> bool:
    """True when each Python-side emit drops one reference to ``True`` (the 6.12.0 defect)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    return lost == _PROBES


def apply() -> bool:
    """Patch ``SignalInstance.emit`` when needed; returns whether the patch is in place."""
    global _applied
    if _applied:
        return True
    if not emit_loses_true_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef  # PyDLL: called with the GIL held
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        incref(True)  # the reference emit() returned without owning
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _applied = True
    log.info("PySide6 SignalInstance.emit reference fix applied")
    return True
