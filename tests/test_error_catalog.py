"""Every error below the interface is a catalog code, so both interface languages can say it.

Reads the source (AST) of the layers under the interface: a ``raise``-able UserError (or a
:class:`Message`) built there must name a code of ``desktop.domain.vocabulary.ERRORS`` with
the params its template needs, and every code of the catalog must be used somewhere.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import errors
from desktop.domain.vocabulary import ERRORS

ROOT = Path(__file__).resolve().parent.parent
SCANNED = (
    "services",
    "domain",
    "adapters",
    "importers",
    "cli",
    "db.py",
    "db_errors.py",
    "db_replica.py",
    "config",
    "startup.py",
)

# Files allowed to raise literal words for a while (a conversion left for a later merge, as
# issue 13 item 4 had): empty, the rule holds in every scanned file.  Keep it that way.
PENDING: set[str] = set()
PENDING_GLOBS: tuple[str, ...] = ()
# PspUnavailable(failure, reason) builds "PIX indisponível: {reason}. {hint}": its first
# argument is a Failure, the reason a catalog Message (one code per Failure, checked below).
# Known gap: the ``what`` of an answer outside the API Pix standard ("valor da devolução
# inválido: 'x'") is a Portuguese detail put into pix_psp.motivo_fora_do_padrao.
STILL_WORDS: set[str] = set()

ERROR_CLASSES = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.UserError)
}


def _files() -> Iterator[Path]:
    for name in SCANNED:
        path = ROOT / "desktop" / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _pending(path: Path) -> bool:
    rel = path.relative_to(ROOT)
    return str(rel) in PENDING | STILL_WORDS or any(rel.match(g) for g in PENDING_GLOBS)


def _error_classes(tree: ast.Module) -> set[str]:
    """The shared classes and the module's own subclasses of them (QuitacaoRefused...)."""
    names = set(ERROR_CLASSES) | {"Message"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id in names for b in node.bases
        ):
            names.add(node.name)
    return names


def _constants(tree: ast.Module) -> dict[str, str]:
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _sites() -> Iterator[tuple[str, ast.Call, ast.Module]]:
    for path in _files():
        if _pending(path):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = _error_classes(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name in classes and node.args:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node, tree


def _parameter_codes(tree: ast.Module) -> dict[str, str]:
    """``def __init__(..., hint: str = HINT_CHARGE)``: a parameter whose default is a code
    constant carries a code (the callers pass another of the module's constants)."""
    consts = _constants(tree)
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            arguments = node.args.args[len(node.args.args) - len(node.args.defaults) :]
            pairs = [
                *zip(arguments, node.args.defaults, strict=True),
                *zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True),
            ]
            for arg, default in pairs:
                if isinstance(default, ast.Name) and consts.get(default.id) in ERRORS:
                    found[arg.arg] = consts[default.id]
    return found


def _code(node: ast.expr, tree: ast.Module) -> str | None:
    """The catalog code a first argument names: a literal, a module constant, or a parameter
    whose default is one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return _constants(tree).get(node.id) or _parameter_codes(tree).get(node.id)
    return None


def _composed(node: ast.Call) -> bool:
    """``Conflict.of(message)`` and ``f"...{kind}"`` codes: their parts are checked apart."""
    return isinstance(node.func, ast.Attribute) and node.func.attr == "of"


def _code_prefix(node: ast.expr) -> str | None:
    """``f"escpos_printer.falha_{kind}"``: the literal head of a code built from a choice."""
    if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    return None


def _failure_with_a_reason(node: ast.Call, tree: ast.Module) -> bool:
    """``PspUnavailable(Failure.X, Message("pix_psp.motivo_..."))``: the code is the reason's."""
    if len(node.args) < 2 or not isinstance(node.args[0], ast.Attribute):
        return False
    reason = node.args[1]
    return (
        isinstance(reason, ast.Call)
        and isinstance(reason.func, ast.Name)
        and reason.func.id == "Message"
        and bool(reason.args)
        and _code(reason.args[0], tree) in ERRORS
    )


def test_no_raise_below_the_interface_passes_words() -> None:
    """Fails on a literal message (it could not be translated): use a catalog code."""
    literal = []
    for where, node, tree in _sites():
        if _composed(node):
            continue
        code = _code(node.args[0], tree)
        prefix = _code_prefix(node.args[0])
        if code in ERRORS or (prefix and any(c.startswith(prefix) for c in ERRORS)):
            continue
        if _failure_with_a_reason(node, tree):
            continue
        literal.append(f"{where}: {ast.unparse(node)[:90]}")
    assert literal == []


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_each_raise_gives_the_params_its_template_needs() -> None:
    wrong = []
    for where, node, tree in _sites():
        code = _code(node.args[0], tree)
        if code not in ERRORS or any(k.arg is None for k in node.keywords):
            continue  # composed, or **params passed through
        given = {k.arg for k in node.keywords if k.arg is not None}
        needed = _placeholders(ERRORS[code])
        if needed - given:
            wrong.append(f"{where}: {code} needs {sorted(needed - given)}")
    assert wrong == []


def _used_codes() -> set[str]:
    used: set[str] = set()
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                used.add(node.value)
            prefix = _code_prefix(node) if isinstance(node, ast.JoinedStr) else None
            if prefix:
                used |= {c for c in ERRORS if c.startswith(prefix)}
    return used


def test_every_catalog_code_is_used() -> None:
    unused = set(ERRORS) - _used_codes()
    assert sorted(unused) == []


@pytest.mark.parametrize("code", sorted(ERRORS))
def test_every_template_formats(code: str) -> None:
    """A template is valid ``str.format`` text (a stray brace would crash the message)."""
    template = ERRORS[code]
    fields = _placeholders(template)
    values: dict[str, object] = {}
    for name in fields:
        values[name] = _sample(template, name)
    assert template.format(**values)


def _sample(template: str, name: str) -> object:
    import datetime as dt
    from decimal import Decimal

    for _, field, spec, _ in string.Formatter().parse(template):
        if field == name and spec:
            if "%" in spec:
                return dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
            if spec[-1] in "df" or spec.startswith("0"):
                return 7 if spec[-1] == "d" else Decimal("1.50")
            return 1.5
    return "x"


def test_message_follows_the_installed_translator() -> None:
    """Portuguese by default (the CLI), the translator's words once installed (the UI)."""
    error = errors.InvalidInput("subscriber_search.cpf_invalido_confira_digitos", typed="123")
    assert error.message == "CPF inválido: 123 (confira os dígitos)."
    assert str(error) == error.message
    english = {"CPF inválido: {typed} (confira os dígitos).": "Invalid CPF: {typed} (check it)."}
    errors.install_translator(lambda context, text: english.get(text, text))
    try:
        assert error.message == "Invalid CPF: 123 (check it)."
    finally:
        errors.install_translator(None)
    assert error.code == "subscriber_search.cpf_invalido_confira_digitos"
    assert error.params == {"typed": "123"}


def test_every_template_has_its_english_translation() -> None:
    """The English interface says every error: each template is a finished entry of the .ts
    (scripts/update-translations.py adds it unfinished; translate it there)."""
    import xml.etree.ElementTree as ET

    from desktop.domain.vocabulary import ERRORS_CONTEXT

    tree = ET.parse(ROOT / "resources" / "translations" / "central_en.ts")
    translated = {
        message.findtext("source"): message.find("translation")
        for context in tree.getroot().iter("context")
        if context.findtext("name") == ERRORS_CONTEXT
        for message in context.iter("message")
    }
    missing = [
        template
        for template in ERRORS.values()
        if (entry := translated.get(template)) is None
        or entry.get("type") in ("unfinished", "vanished", "obsolete")
        or not (entry.text or "").strip()
    ]
    assert sorted(missing) == []
