"""Text helpers shared by searches."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """Lower case without accents: 'João Açaí' -> 'joao acai' (indexed copy of names)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()


def like_escape(text: str) -> str:
    """Escape LIKE wildcards so a typed '%' or '_' matches itself (use with escape='\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
