"""The one place where paths are resolved: data, configuration and bundled resources.

``CENTRAL_DATA_DIR`` and ``CENTRAL_CONFIG_DIR`` override the per-user folders (tests, and the
PyInstaller runtime hook of a portable kiosk image, which points both beside the executable).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "central-assinante"
APP_AUTHOR = "CentralAssinante"
TIMEZONE = "America/Sao_Paulo"


def data_dir() -> Path:
    """Where the embedded SQLite database and generated files live."""
    override = os.environ.get("CENTRAL_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("CENTRAL_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` beside the package (source tree) or inside the PyInstaller bundle."""
    here = Path(__file__).resolve().parent.parent  # desktop/ (this file is desktop/config/)
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'central.sqlite3'}"
