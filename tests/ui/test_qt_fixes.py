"""The PySide6 6.12.0 emit() reference defect is neutralised for the whole UI."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import desktop.ui  # noqa: F401  (applies the fix)
from desktop.ui import qt_fixes


class _Emitter(QObject):
    flag = Signal(bool)
    nothing = Signal()


def test_emitting_all_day_does_not_drop_references_to_true() -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.flag.connect(seen.append)
    before = sys.getrefcount(True)
    for n in range(5000):  # unpatched 6.12.0 aborts the interpreter long before this
        emitter.flag.emit(n % 2 == 0)
        emitter.nothing.emit()
    del seen[:]
    assert abs(sys.getrefcount(True) - before) < 10  # unpatched: 7500 fewer
    assert not qt_fixes.emit_loses_true_reference()
