"""The arrows point one way: services, reports and models never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A meta-path finder that makes PySide6 unimportable, then imports every non-UI module.
PROBE = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import desktop
for pkg in ("desktop.models", "desktop.services", "desktop.reports", "desktop.importers"):
    module = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(module.__path__, pkg + "."):
        importlib.import_module(info.name)
for name in ("desktop.db", "desktop.config", "desktop.cli", "desktop.demo"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
print("ok")
"""


def test_domain_layers_import_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_services_do_not_mention_qt_in_source() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for layer in ("services", "reports", "models", "importers")
        for path in (ROOT / "desktop" / layer).rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
