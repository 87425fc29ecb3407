"""The interface language: Brazilian Portuguese (the source text) or English.

Qt's own tools (DESIGN practice 9): the strings are ``QCoreApplication.translate(context,
text)`` calls, extracted by ``pyside6-lupdate`` into ``resources/translations/central_en.ts``
(scripts/update-translations.py) and compiled by ``pyside6-lrelease`` into ``.qm`` files
(scripts/build-translations.sh; the bundle ships them).  When a ``.qm`` is missing or older
than its ``.ts`` (a source checkout), :func:`install_translator` builds it on the fly into the
data directory, provided lrelease is at hand.

The language comes from the shared setting ``ui.language``; :func:`install_translator` also
sets the default ``QLocale`` (so Qt's date and number widgets follow) and loads Qt's own
translation of its standard buttons.  :func:`babel_locale` is the matching locale for money
and numbers formatted with babel.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

from sqlalchemy.exc import SQLAlchemyError

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import errors
from desktop.config.paths import data_dir, resources_dir
from desktop.db import Database
from desktop.errors import UserError
from desktop.services import settings

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "pt_BR"
LANGUAGES = ("pt_BR", "en")
CATALOG = "central"
_BABEL = {"pt_BR": "pt_BR", "en": "en_US"}
_QLOCALE = {
    "pt_BR": (QLocale.Language.Portuguese, QLocale.Country.Brazil),
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
}

_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)
_current = SOURCE_LANGUAGE


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_path(language: str) -> Path:
    return translations_dir() / f"{CATALOG}_{language}.ts"


def lrelease() -> str | None:
    """``pyside6-lrelease`` beside the running Python, or on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` with lrelease; False (and a log line) when it cannot."""
    tool = lrelease()
    if tool is None:
        log.warning("no lrelease to build %s; the interface stays in Portuguese", qm.name)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("lrelease failed for %s: %s", ts, exc)
        return False
    if done.returncode != 0 or not qm.exists():
        log.warning("lrelease failed for %s: %s", ts, done.stderr.strip())
        return False
    return True


def qm_file(language: str) -> Path | None:
    """The compiled catalogue of ``language``: shipped, or built now from the ``.ts``."""
    shipped = translations_dir() / f"{CATALOG}_{language}.qm"
    ts = ts_path(language)
    ts_time = ts.stat().st_mtime if ts.exists() else 0.0
    if shipped.exists() and shipped.stat().st_mtime >= ts_time:
        return shipped
    built = data_dir() / "translations" / f"{CATALOG}_{language}.qm"
    if built.exists() and built.stat().st_mtime >= ts_time:
        return built
    if ts.exists() and build_qm(ts, built):
        return built
    return shipped if shipped.exists() else None


def _remove_installed(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


class QtSupplement(QTranslator):
    """Qt strings that the shipped ``qtbase_pt_BR`` lacks: Qt 6.12's file dialog says
    "&Look in:" and "Files of &type:" (with mnemonics) while the catalogue has them without,
    so the save dialog mixed English with Portuguese (issue 15, item 9)."""

    WORDS: ClassVar[dict[tuple[str, str], str]] = {
        ("QFileDialog", "&Look in:"): "&Procurar em:",
        ("QFileDialog", "Files of &type:"): "Arquivos do &tipo:",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) lets Qt ask the next catalogue; "" would blank the text.
        return self.WORDS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def _load_qt_base(app: QCoreApplication, language: str) -> None:
    """Qt's own strings (Yes/No/Cancel of the standard dialogs) in the same language."""
    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", directory):
        app.installTranslator(translator)
        _installed.append(translator)
    if language == "pt_BR":  # installed last: asked first
        supplement = QtSupplement(app)
        app.installTranslator(supplement)
        _installed.append(supplement)


def install_translator(app: QCoreApplication, language: str) -> str:
    """Switch the interface to ``language`` ("pt_BR" or "en"); returns the one in effect.

    Call before the windows are built (texts are translated when widgets are created).
    An unknown language, or a catalogue that cannot be loaded, leaves Portuguese.
    """
    global _current
    _remove_installed(app)
    if language not in LANGUAGES:
        log.warning("unknown interface language %r; using %s", language, SOURCE_LANGUAGE)
        language = SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE:
        qm = qm_file(language)
        translator = QTranslator(app)
        if qm is None or not translator.load(str(qm)):
            log.warning("no translation for %s (%s); using Portuguese", language, qm)
            language = SOURCE_LANGUAGE
        else:
            app.installTranslator(translator)
            _installed.append(translator)
    _load_qt_base(app, language)
    QLocale.setDefault(QLocale(*_QLOCALE[language]))
    # Service errors carry catalog codes; their message is put into words when read, through
    # this hook (context "Erros" for the templates, the table's context for a Word param).
    errors.install_translator(None if language == SOURCE_LANGUAGE else QCoreApplication.translate)
    _current = language
    return language


def current_language() -> str:
    return _current


def babel_locale() -> str:
    """The babel locale for money and numbers in the current language (pt_BR or en_US)."""
    return _BABEL[_current]


def interface_language(db: Database) -> str:
    """The ``ui.language`` setting; Portuguese when the database cannot say."""
    try:
        return str(settings.read(db, "ui.language"))
    except (SQLAlchemyError, UserError) as exc:
        log.warning("could not read ui.language: %s", exc)
        return SOURCE_LANGUAGE
