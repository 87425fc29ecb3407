"""The PySide6 6.12.0 reference defects (emit() and void methods) are neutralised for the
whole UI: a day of Qt calls in a fresh interpreter does not abort the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What a counter does all day, in a fresh interpreter: 100,000 emits and 100,000 void Qt calls
# (setText, setEnabled, beginResetModel...).  Unfixed, 6.12.0 aborts after a few hundred
# emits ("bool_dealloc") or about 5,000 void calls ("none_dealloc").
_EMITS = """
from PySide6.QtCore import QObject, Signal
import desktop.ui
class Emitter(QObject):
    flag = Signal(bool)
    nothing = Signal()
emitter = Emitter()
seen = []
emitter.flag.connect(seen.append)
for n in range(100_000):
    emitter.flag.emit(n % 2 == 0)
    emitter.nothing.emit()
    seen.clear()
print("ok")
"""
_VOID_CALLS = """
import desktop.ui
from PySide6.QtCore import QObject
probe = QObject()
for _ in range(100_000):
    probe.setObjectName("x")
print("ok")
"""


@pytest.mark.parametrize("day", [_EMITS, _VOID_CALLS], ids=["emits", "void-calls"])
def test_a_day_of_qt_calls_does_not_abort_the_program(day: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", day],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-800:]
