"""The PySide6 6.12.0 reference defects (emit() and void methods) are neutralised for the
whole UI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


# A day at the counter in a fresh interpreter: 100,000 void Qt calls (setText, setEnabled,
# beginResetModel...).  Unfixed, 6.12.0 aborts after about 5,000 ("none_dealloc").
_DAY_OF_CALLS = """
import desktop.ui
from PySide6.QtCore import QObject
probe = QObject()
for _ in range(100_000):
    probe.setObjectName("x")
print("ok")
"""


def test_a_day_of_void_qt_calls_does_not_abort_the_program() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _DAY_OF_CALLS],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-800:]
