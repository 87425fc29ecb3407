"""The arrows point one way: services, reports and models never import Qt."""

from __future__ import annotations

import ast
import re
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
PACKAGES = ("desktop.models", "desktop.services", "desktop.reports", "desktop.importers", "desktop.config")
for pkg in PACKAGES:
    module = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(module.__path__, pkg + "."):
        importlib.import_module(info.name)
for name in ("desktop.db", "desktop.cli", "desktop.demo"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
print("ok")
"""


def test_domain_layers_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
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


# --------------------------------------------------------------------------- import contract
# Each layer of desktop/ and the layers it may import (DESIGN.md, "Arrows point one way"):
# ui and cli -> services and reports -> domain, models, adapters, importers -> db, config.
# Every import counts: module level, inside functions and under TYPE_CHECKING, with one stated
# exception (REPORTS_MAY_NAME_SERVICE_TYPES), and one file-precise one: ``desktop.errors``
# reads the error catalog of ``desktop.domain.vocabulary`` (ERRORS_MAY_READ), a package that
# imports nothing of ours (checked below), so the two layers form no circle of files.
BOTTOM = {"errors", "desktop"}  # ``desktop`` itself: __version__
LOWER = BOTTOM | {"domain", "config"}
DATA = LOWER | {"models", "db", "migrations"}
SERVICES_MAY_USE = DATA | {"adapters", "importers", "reports"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "desktop": set(),
    "domain": {"errors"},
    "config": BOTTOM | {"domain"},
    "models": LOWER,
    "db": LOWER | {"models", "migrations", "db_replica", "db_errors"},
    "db_errors": LOWER,  # SQLSTATE and SQLite result codes -> error classes, for db only
    "db_replica": LOWER,  # the read replica's routing, used by db.Database only
    "migrations": LOWER | {"models", "db"},
    "adapters": DATA,
    "importers": LOWER,
    "reports": LOWER | {"adapters"},
    "services": SERVICES_MAY_USE,
    "startup": DATA | {"adapters"},
    "selfcheck": SERVICES_MAY_USE | {"services", "startup"},
    "demo": SERVICES_MAY_USE | {"services"},
    "cli": SERVICES_MAY_USE | {"services", "demo", "selfcheck", "startup"},
    "ui": SERVICES_MAY_USE | {"services", "selfcheck", "startup"},
    "app": SERVICES_MAY_USE | {"services", "ui", "startup"},
    "main": BOTTOM | {"cli", "app"},
    "__main__": {"main"},
}
# Reports render the frozen dataclasses the services return; they name those types for the
# type checker only (``if TYPE_CHECKING:``), so no report imports a service when it runs.
REPORTS_MAY_NAME_SERVICE_TYPES = True
ERRORS_MAY_READ = "desktop.domain.vocabulary"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "desktop"


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, only for the type checker) for every import in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_lines(tree)
    found: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # ``from desktop.services import audit`` imports desktop.services.audit
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for name in names:
            if name == "desktop" or name.startswith("desktop."):
                found.append((name, node.lineno, node.lineno in typing_only))
    return found


def _known_modules() -> set[str]:
    return {_module_name(p) for p in (ROOT / "desktop").rglob("*.py")}


def test_every_import_points_down_the_layers() -> None:
    known = _known_modules()
    wrong: list[str] = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        source = _module_name(path)
        layer = _layer(source)
        assert layer in ALLOWED, f"{source}: layer {layer!r} is not in the import contract"
        for target, line, typing_only in _imports(path):
            if target not in known:
                continue  # a name inside a module (``from desktop.x import y``)
            to = _layer(target)
            if to == layer or to in ALLOWED[layer]:
                continue
            if typing_only and layer == "reports" and to == "services":
                continue  # REPORTS_MAY_NAME_SERVICE_TYPES
            if layer == "errors" and (
                target == ERRORS_MAY_READ or target.startswith(ERRORS_MAY_READ + ".")
            ):
                continue
            wrong.append(f"{path.relative_to(ROOT)}:{line}: {layer} -> {target}")
    assert wrong == []


def test_the_vocabulary_imports_nothing_of_ours() -> None:
    """``desktop.errors`` may read it only because it leads nowhere back."""
    package = ROOT / "desktop" / "domain" / "vocabulary"
    outside = [
        f"{path.relative_to(ROOT)}:{line}: {target}"
        for path in sorted(package.rglob("*.py"))
        for target, line, _ in _imports(path)
        if not target.startswith(ERRORS_MAY_READ)
    ]
    assert outside == []


def test_no_two_files_import_each_other() -> None:
    known = _known_modules()
    edges: dict[str, set[str]] = {}
    for path in (ROOT / "desktop").rglob("*.py"):
        source = _module_name(path)
        edges[source] = {
            t for t, _, typing_only in _imports(path) if t in known and not typing_only
        }
        edges[source].discard(source)
    circles = sorted(
        f"{a} <-> {b}"
        for a, targets in edges.items()
        for b in targets
        if a < b
        and a in edges.get(b, set())
        and not b.startswith(a + ".")
        and not a.startswith(b + ".")  # a package and its own module
    )
    assert circles == []


def test_only_ui_app_the_self_check_and_the_qt_printer_import_qt() -> None:
    qt_allowed = {"ui", "app", "selfcheck"}  # the self-check loads the binding to test it
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if _layer(_module_name(path)) not in qt_allowed
        and _module_name(path) != "desktop.adapters.qt_printing"
        and re.search(r"^\s*(from|import) PySide6", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
