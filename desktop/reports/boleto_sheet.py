"""The FEBRABAN grid of a boleto page: titled boxes, rows, the bank header, QR and barcode.

:class:`Sheet` draws on one page of a canvas; the boleto's layout (which boxes, in which
order, for the *recibo do pagador* and the *ficha de compensação*) is ``desktop.reports.
boleto``.  Geometry in points from the bottom left; the measures are FEBRABAN's (REFERENCE.md
§2): barcode 103 x 13 mm, the right-hand column 45 mm, rows 8 mm.

Speed (benchmarks/documents.py): text widths and fits are cached, a page's strings go out as
one text object whose operators ``boleto_draw.text_object`` writes directly, and colour, font
and line width are set only when they change.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.boleto_draw import Text, qr_image, text_object
from desktop.reports.fitting import fit, text_width

if TYPE_CHECKING:
    from desktop.reports.boleto import BoletoDocument, Party

PAGE_W: float = A4[0]
PAGE_H: float = A4[1]
LEFT: float = 10 * mm
WIDTH: float = 190 * mm
RIGHT_COL: float = 45 * mm  # the right-hand column of the ficha (vencimento, valores...)
ROW: float = 8 * mm
TITLE_SIZE = 5.8
VALUE_SIZE = 8.8
GREY = Color(0.35, 0.35, 0.35)
SHADE = Color(0.93, 0.93, 0.93)

BARCODE_WIDTH: float = 103 * mm
BARCODE_HEIGHT: float = 13 * mm


# Text widths and fits are pure functions of their arguments, and most of a page's strings
# (titles, dates, the bank's fields) come back on every boleto: computed once per process.
Cell = tuple[float, str, str]  # width in mm (0: what is left of the row), title, value


class Sheet:
    """Drawing helpers on one page of a canvas (points, origin at the bottom left).

    The page's strings are collected by :meth:`text` and drawn by :meth:`finish`, in the
    same order, as one text object (no string overlaps a shape, so drawing them last looks
    the same); colours, fonts and line width are set only when they change."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self._fill: Color | None = None
        self._line_width: float | None = None
        self._texts: list[Text] = []

    def fill(self, color: Color) -> None:
        if color is not self._fill:
            self.c.setFillColor(color)
            self._fill = color

    def line_width(self, width: float) -> None:
        if width != self._line_width:
            self.c.setLineWidth(width)
            self._line_width = width

    def finish(self) -> None:
        """Draw the collected strings (call once, when the page's shapes are drawn)."""
        text_object(self.c, self._texts)
        self._texts = []

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = VALUE_SIZE,
        bold: bool = False,
        width: float | None = None,
        align: str = "left",
        color: Color = black,
    ) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        if width is not None:
            text, size = fit(text, font, size, width)
        if align == "right":
            x -= text_width(text, font, size)
        elif align == "center":
            x -= 0.5 * text_width(text, font, size)
        self._texts.append((color, font, size, x, y, text))

    def title(self, x: float, top: float, text: str, width: float = WIDTH) -> None:
        self.text(x + 1.2 * mm, top - 2.4 * mm, text, size=TITLE_SIZE, color=GREY, width=width)

    def cell(
        self,
        x: float,
        top: float,
        w: float,
        h: float,
        title: str,
        value: str = "",
        *,
        strong: bool = False,
        right: bool = False,
    ) -> None:
        """A titled box of the grid: small grey title on top, value on its bottom line;
        ``strong`` boxes (vencimento, valor) are shaded and bold."""
        if strong:
            self.fill(SHADE)
            self.c.rect(x, top - h, w, h, stroke=0, fill=1)
        self.line_width(0.5)
        self.c.rect(x, top - h, w, h, fill=0)
        self.title(x, top, title, w - 2.4 * mm)
        if value:
            vx = x + w - 1.5 * mm if right or strong else x + 1.5 * mm
            align = "right" if right or strong else "left"
            self.text(vx, top - h + 1.8 * mm, value, bold=strong, align=align, width=w - 3 * mm)

    def row(
        self,
        top: float,
        cells: Sequence[Cell],
        right: tuple[str, str] | None = None,
        *,
        strong: bool = False,
    ) -> float:
        """One row of the grid; ``right`` is the box of the right-hand column."""
        left_w = WIDTH - (RIGHT_COL if right else 0)
        rest = left_w - sum(w * mm for w, _, _ in cells)
        x = LEFT
        for w, title, value in cells:
            width = w * mm or rest
            self.cell(x, top, width, ROW, title, value)
            x += width
        if right:
            self.cell(
                LEFT + left_w, top, RIGHT_COL, ROW, right[0], right[1], strong=strong, right=True
            )
        return top - ROW

    def header(self, top: float, doc: BoletoDocument, right_text: str, right_size: float) -> float:
        """Bank logo/name | bank code with DV | linha digitável; returns its bottom rule's y."""
        c, h = self.c, 9 * mm
        bottom = top - h
        if doc.bank_logo_png:
            logo = ImageReader(io.BytesIO(doc.bank_logo_png))
            c.drawImage(
                logo,
                LEFT,
                bottom + 1 * mm,
                40 * mm,
                h - 2 * mm,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
        else:
            self.text(
                LEFT + 1 * mm, bottom + 2.5 * mm, doc.bank_name, size=12, bold=True, width=40 * mm
            )
        self.line_width(1.4)
        for x in (LEFT + 42 * mm, LEFT + 62 * mm):
            c.line(x, bottom, x, bottom + h - 2 * mm)
        c.line(LEFT, bottom, LEFT + WIDTH, bottom)
        self.line_width(0.5)
        self.text(
            LEFT + 52 * mm, bottom + 2.2 * mm, doc.bank_code_dv, size=15, bold=True, align="center"
        )
        self.text(
            LEFT + WIDTH,
            bottom + 2.4 * mm,
            right_text,
            size=right_size,
            bold=True,
            align="right",
            width=WIDTH - 64 * mm,
        )
        return float(bottom)

    def lines(
        self, x: float, top: float, width: float, lines: Sequence[str], size: float = 7.6
    ) -> None:
        for i, line in enumerate(lines):
            self.text(x, top - i * 3.6 * mm, line, size=size, width=width)

    def party(self, x: float, y: float, width: float, who: Party, label: str, bold: bool) -> None:
        """Name (shrunk or cut to fit) and the CPF/CNPJ, which is never cut."""
        document = f"{label} {who.document}"
        doc_w = text_width(document, "Helvetica-Bold", VALUE_SIZE) + 4 * mm
        self.text(x, y, who.name, bold=bold, width=width - doc_w)
        self.text(x + width, y, document, bold=True, align="right")

    def qr(self, payload: str, x: float, y: float, side: float) -> None:
        """QR code (level M), ``side`` wide including a 4-module margin, on white."""
        # imported when drawing: keeps `import desktop.reports.boleto` light (qrcode, PIL)
        from desktop.reports.qr import ERROR_CORRECT_M, qr_bitmap

        self.fill(white)
        self.c.rect(x, y, side, side, stroke=0, fill=1)
        self.fill(black)
        qr_image(self.c, *qr_bitmap(payload, ERROR_CORRECT_M, border=4), x, y, side)

    def barcode(self, digits: str, x: float, y: float) -> None:
        """The Interleaved 2 of 5 bars of the 44 digits, bottom left at (x, y)."""
        # reportlab.graphics.barcode imports every symbology (~50 ms): only when drawing.
        from desktop.reports.i2of5 import FastI2of5

        # 103 x 13 mm; the 10 mm page margin on the left and the blank space around it are the
        # quiet zones (quiet=0), and checksum=0 keeps reportlab from adding a 45th digit.
        bc = FastI2of5(
            digits,
            barWidth=BARCODE_WIDTH / 405,
            ratio=3,
            barHeight=BARCODE_HEIGHT,
            bearers=0,
            quiet=0,
            checksum=0,
        )
        self.fill(black)  # the bars are filled with the current colour
        bc.drawOn(self.c, x, y)
