"""PDF operators of the boleto written straight into a reportlab canvas's page stream.

Why by hand: a boleto page has ~90 strings, ~40 boxes and a QR code, and reportlab's
generic calls (a ``PDFTextObject`` method per colour, font, origin and string; a path
object per shape) were most of the time spent on a page.  The text functions here write
the very operators those calls write (the same bytes: tests/reports/test_boleto_pdf.py
compares them with reportlab's), caching what repeats from one boleto to the next; the QR
code is a 1-bit inline image mask, a few hundred bytes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str, unicode2T1
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

# colour, font name, size, x, y, text: one string of the page, drawn at (x, y)
Text = tuple[Color, str, float, float, float, str]


@functools.lru_cache(maxsize=64)
def _fill_op(color: Color) -> str:
    """``PDFTextObject.setFillColor`` of an RGB colour (its alpha writes nothing in text)."""
    return f"{fp_str(color.red, color.green, color.blue)} rg"


@functools.lru_cache(maxsize=8192)
def _shown(font_name: str, x: float, y: float, text: str) -> str | None:
    """``setTextOrigin(x, y)`` + ``textLine(text)``, or None if the string needs another
    font for some character (reportlab's substitution: then reportlab writes it)."""
    font = getFont(font_name)
    if font._dynamicFont:
        return None
    segments = unicode2T1(text, [font, *font.substitutionFonts])
    if len(segments) > 1 or (segments and segments[0][0] is not font):
        return None
    shown = f"({escapePDF(segments[0][1])}) Tj" if segments else ""  # textLine("") shows none
    return f"1 0 0 1 {fp_str(x, y)} Tm {shown} T*"


def text_object(canvas: Canvas, texts: Iterable[Text]) -> None:
    """Draw ``texts`` in order as one text object, setting colour and font only when they
    change: what ``beginText``, ``setFillColor``, ``setFont``, ``setTextOrigin``,
    ``textLine`` and ``drawText`` write, in fewer steps."""
    doc = canvas._doc
    code = ["BT 1 0 0 1 0 0 Tm"]  # beginText(): the origin at (0, 0)
    color: Color | None = None
    font: tuple[str, float] | None = None
    for text_color, name, size, x, y, text in texts:
        if text_color is not color:
            code.append(_fill_op(text_color))
            color = text_color
        if (name, size) != font:
            code.append(
                f"{doc.getInternalFontName(name)} {fp_str(size)} Tf {fp_str(size * 1.2)} TL"
            )
            font = (name, size)
        shown = _shown(name, x, y, text)
        if shown is None:  # rare: let reportlab write the string and its font changes
            t = PDFTextObject(canvas)
            t.setFont(name, size)
            shown = f"1 0 0 1 {fp_str(x, y)} Tm {t._formatText(text)} T*"
        code.append(shown)
    code.append("ET")
    canvas._code.append(" ".join(code))


def qr_image(canvas: Canvas, width: int, samples: str, x: float, y: float, side: float) -> None:
    """A QR code, ``side`` wide at (x, y), painted in the current fill colour as a 1-bit
    inline image mask: ``width`` x ``width`` samples (``qr.qr_bitmap``: hexadecimal, rows
    from the top, 1 = dark), one per module, scaled up without interpolation
    (``/I false``), so each module is a sharp square at any resolution.

    reportlab's ``drawInlineImage`` would need a PIL image and re-encode it; these few
    hundred bytes are the whole symbol (the vector path of its squares was ~6 KB)."""
    canvas._code.append(
        f"q {fp_str(side, 0, 0, side, x, y)} cm BI /W {width} /H {width} /IM true /D [1 0]"
        f" /I false /F /AHx ID {samples}> EI Q"
    )
