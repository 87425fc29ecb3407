"""Drawing helpers of the DANFE-COM: typed millimetres, a page-numbering canvas, titled boxes.

reportlab has no type hints; this module keeps the ``Any`` at its edge so the layout in
:mod:`desktop.reports.danfe_com` stays typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm as _mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fitting import fit
from desktop.reports.qr import qr_matrix

mm = float(_mm)  # a typed millimetre
PAGE_W, PAGE_H = float(A4[0]), float(A4[1])
LEFT = 10 * mm
WIDTH = 190 * mm
TOP = PAGE_H - 10 * mm
BOTTOM = 14 * mm  # above the footer
ROW = 8.5 * mm
ITEM_ROW = 5 * mm
TITLE_SIZE = 5.8
VALUE_SIZE = 8.6
GREY = Color(0.35, 0.35, 0.35)
SHADE = Color(0.92, 0.92, 0.92)
ALERT = Color(0.75, 0.05, 0.05)
ALERT_SHADE = Color(1, 0.92, 0.92)
WATERMARK = Color(0.88, 0.88, 0.88)


def money(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def quantity(value: Decimal) -> str:
    text = f"{value:,.4f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text.rstrip("0").rstrip(",") if "," in text else text


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Writes "Página n de m" once the number of pages is known (reportlab's usual recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.footer_text = ""

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont("Helvetica", 6.5)
            self.setFillColor(GREY)
            self.drawString(LEFT, 8 * mm, self.footer_text)
            self.drawRightString(LEFT + WIDTH, 8 * mm, f"Página {number} de {total}")
            super().showPage()
        super().save()


class Sheet:
    """Titled boxes and text on one canvas (points, origin at the bottom left)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

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
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        draw = {"right": self.c.drawRightString, "center": self.c.drawCentredString}
        draw.get(align, self.c.drawString)(x, y, text)
        self.c.setFillColor(black)

    def box(self, x: float, top: float, w: float, h: float, fill: Color | None = None) -> None:
        self.c.setLineWidth(0.5)
        if fill is not None:
            self.c.setFillColor(fill)
            self.c.rect(x, top - h, w, h, stroke=0, fill=1)
            self.c.setFillColor(black)
        self.c.rect(x, top - h, w, h, fill=0)

    def cell(
        self,
        x: float,
        top: float,
        w: float,
        title: str,
        value: str,
        *,
        h: float = ROW,
        strong: bool = False,
        right: bool = False,
    ) -> None:
        self.box(x, top, w, h, SHADE if strong else None)
        self.text(
            x + 1.2 * mm, top - 2.4 * mm, title, size=TITLE_SIZE, color=GREY, width=w - 2.4 * mm
        )
        vx, align = (x + w - 1.5 * mm, "right") if right or strong else (x + 1.5 * mm, "left")
        self.text(vx, top - h + 2 * mm, value, bold=strong, align=align, width=w - 3 * mm)

    def row(
        self, top: float, cells: Sequence[tuple[float, str, str]], strong_last: bool = False
    ) -> float:
        """Cells of (width mm, title, value); width 0 takes what is left."""
        rest = WIDTH - sum(w * mm for w, _, _ in cells)
        x = LEFT
        for i, (w, title, value) in enumerate(cells):
            width = w * mm or rest
            last = i == len(cells) - 1
            self.cell(
                x, top, width, title, value, strong=strong_last and last, right=strong_last and last
            )
            x += width
        return top - ROW

    def section(self, top: float, title: str) -> float:
        self.text(LEFT, top - 3 * mm, title, size=7, bold=True)
        return top - 4 * mm

    def qr(self, payload: str, x: float, y: float, side: float) -> None:
        matrix = qr_matrix(payload)  # the same modules as qrcode's, computed faster
        module = side / len(matrix)
        self.c.setFillColor(white)
        self.c.rect(x, y, side, side, stroke=0, fill=1)
        self.c.setFillColor(black)
        for r, cells in enumerate(matrix):
            col = 0
            while col < len(cells):
                start = col
                while col < len(cells) and cells[col]:
                    col += 1
                if col > start:  # a run of dark modules as one rectangle
                    self.c.rect(
                        x + start * module,
                        y + side - (r + 1) * module,
                        (col - start) * module,
                        module,
                        stroke=0,
                        fill=1,
                    )
                col += 1
