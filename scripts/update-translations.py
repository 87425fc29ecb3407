"""Extract the interface strings into resources/translations/central_<lang>.ts with pyside6-lupdate.

    .venv/bin/python scripts/update-translations.py          # then translate, then
    bash scripts/build-translations.sh                      # .ts -> .qm (pyside6-lrelease)

lupdate reads ``QCoreApplication.translate("Context", "text")`` and ``QT_TRANSLATE_NOOP``,
but the UI modules call a one-line wrapper, ``_tr("text")``, defined per module as
``return QCoreApplication.translate("Context", text)`` (the context is explicit, as DESIGN
practice 9 asks; ``self.tr()`` in a base class would take the subclass's name).  lupdate
cannot see through the wrapper, so this script gives it copies of the modules in which:

* each ``_tr("...")`` call is written out as ``QCoreApplication.translate("Context", "...")``
  (same lines, so nothing else moves);
* text translated through a variable - ``_tr(PDF_FILTER)``, ``for text, code in FIELDS:
  _tr(text)``, ``translate("TicketTypes", kind)`` over ``words.TICKET_TYPES`` - is found
  by following the variable to the constant it comes from (a module or class constant, or
  a service module's attribute), and listed as ``QT_TRANSLATE_NOOP`` in one extra file;
* a few registries known only at run time (the menu titles of the tabs, the groups of the
  settings panel, the error catalog, every word of desktop.domain.vocabulary.words under its
  own context) are listed the same way.

The .ts keeps its translations across runs (lupdate merges); strings gone from the code are
marked obsolete.  Source locations are not stored (they would point at the copies).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "desktop" / "ui", ROOT / "desktop" / "app.py"]
LANGUAGES = ("en",)
TS_DIR = ROOT / "resources" / "translations"


def wrappers(tree: ast.Module) -> dict[str, str]:
    """``def _tr(text): return QCoreApplication.translate("Ctx", text)`` -> {"_tr": "Ctx"}."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [n for n in node.body if not isinstance(n, ast.Expr)]  # skip a docstring
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = str(call.args[0].value)
    return found


def strings_in(node: ast.AST | None) -> Iterator[str]:
    """Every string constant of an expression (tuple items, dict values, nested tuples)."""
    if node is None:
        return
    if isinstance(node, ast.Dict):
        for value in node.values:  # the keys are codes, the values are words
            yield from strings_in(value)
        return
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str) and child.value:
            yield child.value


def constants(tree: ast.Module) -> dict[str, ast.AST]:
    """Module-level and class-level ``NAME = <expr>`` assignments, by name."""
    found: dict[str, ast.AST] = {}
    scopes: list[list[ast.stmt]] = [tree.body]
    scopes += [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
    for body in scopes:
        for node in body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = node.value
            elif (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.value is not None
            ):
                found[node.target.id] = node.value
    return found


def imported_modules(tree: ast.Module) -> dict[str, str]:
    """``from desktop.services import tickets`` -> {"tickets": "desktop.services.tickets"}."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found[alias.asname or alias.name] = alias.name
    return found


def loop_sources(tree: ast.Module) -> dict[str, list[ast.AST]]:
    """Loop variables -> the iterables they come from (for statements and comprehensions)."""
    found: dict[str, list[ast.AST]] = {}
    for node in ast.walk(tree):
        pairs: list[tuple[ast.AST, ast.AST]] = []
        if isinstance(node, ast.For | ast.comprehension):
            pairs.append((node.target, node.iter))
        for target, iterable in pairs:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    found.setdefault(name.id, []).append(iterable)
    return found


def runtime_strings(module: str, attribute: str) -> list[str]:
    """The words of a constant of another module (``words.TICKET_STATUSES``), imported."""
    try:
        value = getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError):
        return []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def dynamic_strings(expr: ast.AST, tree: ast.Module, depth: int = 0) -> Iterator[str]:
    """Follow the names of a non-literal translate argument to the strings they hold."""
    if depth > 3:
        return
    consts = constants(tree)
    loops = loop_sources(tree)
    modules = imported_modules(tree)
    for node in ast.walk(expr):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in modules:  # words.TICKET_STATUSES
                yield from runtime_strings(modules[node.value.id], node.attr)
            elif node.attr in consts:  # self.HEADERS, cls.title_text
                yield from strings_in(consts[node.attr])
        elif isinstance(node, ast.Name):
            if node.id in consts:
                yield from strings_in(consts[node.id])
            elif node.id in modules and "." in modules[node.id]:  # an imported constant
                module, _, attribute = modules[node.id].rpartition(".")
                yield from runtime_strings(module, attribute)
            for iterable in loops.get(node.id, []):
                yield from dynamic_strings(iterable, tree, depth + 1)


def harvest(tree: ast.Module, aliases: dict[str, str]) -> set[tuple[str, str]]:
    """(context, text) of the translations made through a variable in this module."""
    found: set[tuple[str, str]] = set()
    own = {n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in aliases}
    calls = [
        node
        for top in tree.body
        if top not in own
        for node in ast.walk(top)
        if isinstance(node, ast.Call) and node.args
    ]
    for node in calls:
        func = node.func
        context: str | None = None
        argument: ast.AST | None = None
        if isinstance(func, ast.Name) and func.id in aliases:
            context, argument = aliases[func.id], node.args[0]
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
        ):
            context, argument = str(node.args[0].value), node.args[1]
        if context is None or argument is None or isinstance(argument, ast.Constant):
            continue
        for text in dynamic_strings(argument, tree):
            found.add((context, text))
    return found


def registries() -> set[tuple[str, str]]:
    """Texts translated under a context known only at run time."""
    found: set[tuple[str, str]] = set()
    from desktop.config.registry import SETTINGS
    from desktop.ui.tabs import TAB_CLASSES

    found |= {("Tabs", cls.title_text) for cls in TAB_CLASSES}
    found |= {("SettingGroups", d.group) for d in SETTINGS.values()}
    # The error catalog: UserError.message translates each template under "Erros".
    from desktop.domain.vocabulary import ERRORS, ERRORS_CONTEXT

    found |= {(ERRORS_CONTEXT, template) for template in ERRORS.values()}
    # The vocabulary's words, each under its own context: a table a tab reads through a
    # variable is found above too, but some words reach the screen only as an error's param
    # (the errors hook translates a Word under its context) or from a service.
    from desktop.domain.vocabulary import words

    found |= {(word.context, str(word)) for word in words.every_word()}
    return found


def rewrite(source: str, aliases: dict[str, str]) -> str:
    """``_tr("x")`` -> ``QCoreApplication.translate("Ctx", "x")`` on the same line."""
    for name, context in aliases.items():
        pattern = re.compile(rf"(?<![\w.])(?<!def ){re.escape(name)}\((?=\s*[\"'(\n])")
        source = pattern.sub(f'QCoreApplication.translate("{context}", ', source)
    return source


def python_files() -> Iterator[Path]:
    for source in SOURCES:
        yield from sorted(source.rglob("*.py")) if source.is_dir() else [source]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", default=str(Path(sys.executable).parent / "pyside6-lupdate"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    extra: set[tuple[str, str]] = registries()
    with tempfile.TemporaryDirectory(prefix="central-lupdate-") as tmp:
        work = Path(tmp)
        for path in python_files():
            source = path.read_text(encoding="utf-8")
            tree = ast.parse(source)
            aliases = wrappers(tree)
            extra |= harvest(tree, aliases)
            target = work / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rewrite(source, aliases), encoding="utf-8")
        lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
        lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in sorted(extra)]
        (work / "harvested_strings.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
        TS_DIR.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            ts = TS_DIR / f"central_{language}.ts"
            files = sorted(str(p) for p in work.rglob("*.py"))  # a directory scan skips .py
            command = [
                args.lupdate,
                *files,
                "-locations",
                "none",
                "-source-language",
                "pt_BR",
                "-target-language",
                language,
                "-ts",
                str(ts),
            ]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            print(done.stdout.strip() or done.stderr.strip())
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return done.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
