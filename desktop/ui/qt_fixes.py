"""Work-arounds for defects of the Qt binding, applied once when ``desktop.ui`` is imported.

PySide6 6.12.0 returns two objects without taking the reference it hands over:

* ``SignalInstance.emit()`` returns ``True`` unowned, so every ``signal.emit(...)`` written in
  Python drops one reference to ``True`` ("Fatal Python error: bool_dealloc" after a few
  hundred emits on CPython 3.11);
* every wrapped C++ method that returns ``void`` (``setText``, ``setEnabled``,
  ``beginResetModel``, ``QRunnable()``...) returns ``None`` unowned: one reference to
  ``None`` lost per call, and "Fatal Python error: none_dealloc" after about five thousand
  calls, minutes of work at a counter (checked here: 6.12.0 loses one per call; 6.11.3
  loses none).

The first is fixed where it happens (``emit`` restores the reference).  The second cannot be
fixed call by call, so ``None`` is given a reserve of references that no day, year or
century of lost ones can use up.  That is safe because CPython never frees ``None`` (freeing
it *is* the fatal error), and Python 3.12 gives it an immortal count in the same way
(PEP 683).

Each fix is applied only where its defect is measured (a probe compares
``sys.getrefcount`` before and after a few calls), so a fixed PySide6 release turns it off
by itself.
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


def void_call_loses_none_reference() -> bool:
    """True when each call of a ``void`` Qt method drops one reference to ``None``."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


# 2**40 references: a thousand void calls a second would take 35 years to use them up.
NONE_RESERVE = 1 << 40
_none_pinned = False


def pin_none() -> bool:
    """Give ``None`` its reserve of references when void calls lose them; returns whether
    the reserve is in place."""
    global _none_pinned
    if _none_pinned:
        return True
    if not void_call_loses_none_reference():
        return False
    # ob_refcnt is the first field of every CPython object; the GIL is held here.
    ctypes.c_ssize_t.from_address(id(None)).value += NONE_RESERVE
    _none_pinned = True
    log.info("PySide6 void-call reference fix applied (reserve of references for None)")
    return True


def apply() -> bool:
    """Apply every fix that this PySide6 needs; returns whether the emit patch is in place."""
    global _applied
    pin_none()
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
