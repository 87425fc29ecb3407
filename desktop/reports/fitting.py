"""Fitting a string into a printed box: shared by the boleto and the DANFE-COM."""

from __future__ import annotations

import functools

from reportlab.pdfbase.pdfmetrics import stringWidth

# Widths are asked for the same few strings many times per page: cache them.
text_width = functools.lru_cache(maxsize=8192)(stringWidth)


@functools.lru_cache(maxsize=8192)
def fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Shrink the font down to 6 pt, then cut with an ellipsis, so the text stays in its box."""
    while size > 6 and text_width(text, font, size) > width:
        size -= 0.25
    if text_width(text, font, size) <= width:
        return text, size
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size
