"""Refuse to start on a Qt binding that loses references (PySide6 6.12.0), with a message.

PySide6 6.12.0 returns two objects without taking the reference it hands over:

* ``SignalInstance.emit()`` returns ``True`` unowned, so every ``signal.emit(...)`` written in
  Python drops one reference to ``True`` ("Fatal Python error: bool_dealloc" after a few
  hundred emits on CPython 3.11);
* every wrapped C++ method that returns ``void`` (``setText``, ``setEnabled``,
  ``beginResetModel``...) returns ``None`` unowned: "Fatal Python error: none_dealloc" after
  about five thousand calls, minutes of work at a counter.

Measured here (2026-12-08, CPython 3.11.7, 100 calls of each): 6.12.0 loses 100 references to
``True`` and 100 to ``None``; 6.11.3 loses none.  Until session 6 the program survived 6.12.0
by adding 2**40 references to both singletons through ``ctypes`` — surgery on the interpreter
for the defect of one release.  The fix is the dependency instead: ``pyproject.toml`` excludes
6.12.0 (6.11.3 gives the same widgets, and QtPdf through ``PySide6_Addons``), and this probe
stays as the start-up check, so a station whose Python was given the defective binding anyway
(a hand-made install, a future release with the same defect) says so on the first screen and
in the log instead of aborting mid-payment.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QCoreApplication, QObject, Signal

_PROBES = 8


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


def defects() -> list[str]:
    """The reference defects of the installed binding (empty on a sound one)."""
    found = []
    if emit_loses_true_reference():
        found.append("emit() → True")
    if void_call_loses_none_reference():
        found.append("void → None")
    return found


def refusal(found: list[str], version: str = PYSIDE_VERSION) -> str:
    """The message a station shows (and logs) when it will not start on this binding."""
    return QCoreApplication.translate(
        "BindingCheck",
        "Esta instalação usa o PySide6 {version}, que perde referências do Python ({defects}) "
        "e encerraria o programa no meio do trabalho. Reinstale a Central do Assinante pelo "
        "instalador oficial ou instale o PySide6 6.11.3 (pip install 'PySide6-Essentials==6.11.3').",
    ).format(version=version, defects=", ".join(found))
