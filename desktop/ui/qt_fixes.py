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

Neither can be fixed call by call (a Python wrapper around ``emit`` did it for ``True``, at a
cost on every emit; the void methods are thousands), so each of the two singletons is given a
reserve of references that no day, year or century of lost ones can use up.  That is safe:
CPython never frees ``None``, ``True`` or ``False`` (freeing one *is* the fatal error), and
Python 3.12 gives them an immortal count in the same way (PEP 683).

A reserve is added only where its defect is measured (a probe compares ``sys.getrefcount``
before and after a few calls), so a fixed PySide6 release turns the fix off by itself.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_PROBES = 8
# 2**40 references: a thousand lost a second would take 35 years to use them up.
RESERVE = 1 << 40
_reserved: set[str] = set()


class _Probe(QObject):
    ping = Signal()


def emit_loses_true_reference() -> bool:
    """True when each Python-side emit drops one reference to ``True`` (the 6.12.0 defect)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= _PROBES


def void_call_loses_none_reference() -> bool:
    """True when each call of a ``void`` Qt method drops one reference to ``None``."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


def _reserve(singleton: object) -> None:
    # ob_refcnt is the first field of every CPython object; the GIL is held here.
    ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE


def apply() -> set[str]:
    """Add the reserves this PySide6 needs (once); returns the names of those in place."""
    if "True" not in _reserved and emit_loses_true_reference():
        _reserve(True)
        _reserved.add("True")
        log.info("PySide6 emit() reference fix applied (reserve of references for True)")
    if "None" not in _reserved and void_call_loses_none_reference():
        _reserve(None)
        _reserved.add("None")
        log.info("PySide6 void-call reference fix applied (reserve of references for None)")
    return set(_reserved)
