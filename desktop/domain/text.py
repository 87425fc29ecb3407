"""Text helpers shared by searches."""

from __future__ import annotations

import re
import unicodedata


def search_key(text: str) -> str:
    """Lower case without accents: 'João Açaí' -> 'joao acai' (indexed copy of names)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


def like_escape(text: str) -> str:
    """Escape LIKE wildcards so a typed '%' or '_' matches itself (use with escape='\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# C0 control characters and DEL, but tab, line feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAKS = re.compile(r"[\t\n\r]")


def clean_input(text: str, limit: int | None = None, *, single_line: bool = True) -> str:
    """Typed or pasted text made safe for either database before it reaches a query.

    PostgreSQL refuses a NUL character in text and no UTF-8 codec takes a lone surrogate: either
    would end a search in an unexpected error instead of "nothing found".  Control
    characters become spaces (tabs and line breaks too when ``single_line``); the text is cut
    to ``limit`` characters first, so a 100 KB paste costs nothing.
    """
    if limit is not None:
        text = text[:limit]
    text = text.encode("utf-8", "ignore").decode("utf-8")  # drops lone surrogates
    text = _CONTROLS.sub(" ", text)
    return _BREAKS.sub(" ", text) if single_line else text
