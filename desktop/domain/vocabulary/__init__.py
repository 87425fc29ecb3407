"""One vocabulary: the words the product shows and the catalog of its error messages.

Qt-free and database-free (it imports nothing of ours, so ``desktop.errors`` can read it).
Words are Portuguese, the source language; the Qt interface translates them with
``QCoreApplication.translate(<table's context>, word)`` and lupdate finds them through
scripts/update-translations.py, which lists every table and every catalog template.

The error catalog maps a stable **code** to a Portuguese template with named ``{params}``
(``str.format`` syntax, format specs allowed); ``desktop.errors.UserError(code, **params)``
renders it.  Codes are ``<area>.<words>``; the templates are split by layer in
``errors_*.py`` only to keep each file short.
"""

from __future__ import annotations

from desktop.domain.vocabulary.errors_adapters import ERRORS as _ADAPTERS
from desktop.domain.vocabulary.errors_base import ERRORS as _BASE
from desktop.domain.vocabulary.errors_cli import ERRORS as _CLI
from desktop.domain.vocabulary.errors_domain import ERRORS as _DOMAIN
from desktop.domain.vocabulary.errors_importers import ERRORS as _IMPORTERS
from desktop.domain.vocabulary.errors_services import ERRORS as _SERVICES
from desktop.domain.vocabulary.words import Word

#: The Qt translation context of every catalog template.
ERRORS_CONTEXT = "Erros"

ERRORS: dict[str, str] = {
    **_BASE,
    **_DOMAIN,
    **_ADAPTERS,
    **_IMPORTERS,
    **_SERVICES,
    **_CLI,
}

__all__ = ["ERRORS", "ERRORS_CONTEXT", "Word"]
