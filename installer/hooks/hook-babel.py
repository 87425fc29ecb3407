"""Babel for the bundle: the CLDR data of the two UI languages (pt_BR, en) only.

Replaces PyInstaller's hook (all 1,100+ locales, ~35 MB).  ``Locale.parse("pt_BR")`` reads
``locale-data/pt_BR.dat``, then its parents ``pt.dat`` and ``root.dat``, plus ``global.dat``.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files

LOCALES = ("root", "pt", "pt_BR", "en", "en_US", "en_001")

datas = collect_data_files(
    "babel", includes=["global.dat", *(f"locale-data/{name}.dat" for name in LOCALES)]
)
hiddenimports = ["babel.dates", "babel.localedata", "babel.plural", "babel.numbers"]
