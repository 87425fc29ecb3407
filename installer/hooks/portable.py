"""PyInstaller runtime hook: a portable copy keeps its data beside the program.

Picard's ``portable-hook.py`` pattern.  When a file ``portable.ini`` or a folder ``data`` sits
beside the executable, the data directory (SQLite file, logs, documents not printed) and the
configuration directory (``station.ini``) both become that folder, through the
``CENTRAL_DATA_DIR`` / ``CENTRAL_CONFIG_DIR`` variables that ``desktop.config`` reads.  A kiosk
image then carries everything it needs in one directory.

``portable.ini`` may name another folder (absolute, or relative to the executable)::

    [portable]
    data = /var/lib/central-assinante

The marker beside the program wins over variables set in the environment: it is the most
specific statement about this copy.  Runs before any application module is imported.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import sys
from pathlib import Path

MARKER = "portable.ini"
DEFAULT_FOLDER = "data"


def portable_dir(exe_dir: Path) -> Path | None:
    """The folder a portable copy in ``exe_dir`` keeps its data in, or None if not portable."""
    ini = exe_dir / MARKER
    folder = exe_dir / DEFAULT_FOLDER
    if ini.is_file():
        parser = configparser.ConfigParser()
        # a broken marker still means "portable", with the default folder
        with contextlib.suppress(configparser.Error, OSError, UnicodeDecodeError):
            parser.read(ini, encoding="utf-8")
        named = parser.get("portable", "data", fallback="").strip()
        if named:
            folder = Path(os.path.expandvars(os.path.expanduser(named)))
            if not folder.is_absolute():
                folder = exe_dir / folder
        return folder
    if folder.is_dir():
        return folder
    return None


def apply(exe_dir: Path, environ: dict[str, str] | os._Environ[str]) -> Path | None:
    folder = portable_dir(exe_dir)
    if folder is not None:
        environ["CENTRAL_DATA_DIR"] = str(folder)
        environ["CENTRAL_CONFIG_DIR"] = str(folder)
        environ["CENTRAL_PORTABLE"] = "1"
    return folder


if getattr(sys, "frozen", False):
    apply(Path(sys.executable).resolve().parent, os.environ)
