"""Faker for the bundle: the providers with only the locales the demo data can reach.

Replaces pyinstaller-hooks-contrib's hook (all 80+ locales, ~25 MB).  Faker("pt_BR") asks each
localized provider for pt_BR and otherwise falls back to the provider's ``default_locale``
(``en_US``, ``en_GB``, ``la``...).  Frozen, Faker lists a provider's locales by globbing for
``<locale>/__init__.py`` under ``sys._MEIPASS`` (``faker.utils.loading.list_module``), so those
files are shipped as data besides the compiled modules.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from faker.config import DEFAULT_LOCALE, PROVIDERS
from PyInstaller.utils.hooks import collect_submodules, get_module_file_attribute

LOCALES = {"pt_BR", DEFAULT_LOCALE}
for _provider in PROVIDERS:
    _module = importlib.import_module(_provider)
    if getattr(_module, "localized", False):
        LOCALES.add(getattr(_module, "default_locale", "") or DEFAULT_LOCALE)


def _wanted(name: str) -> bool:
    parts = name.split(".")  # faker.providers.<provider>[.<locale>[...]]
    return len(parts) < 4 or parts[3] in LOCALES


hiddenimports = collect_submodules("faker.providers", filter=_wanted)

_root = Path(get_module_file_attribute("faker")).parent
datas = []
for _init in sorted((_root / "providers").rglob("__init__.py")):
    _relative = _init.parent.relative_to(_root.parent)
    if _wanted(".".join(_relative.parts)):
        datas.append((str(_init), str(_relative)))
