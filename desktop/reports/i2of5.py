"""The boleto's Interleaved 2 of 5 barcode: reportlab's ``I2of5``, its bars written faster.

A module of its own because ``reportlab.graphics.barcode`` imports every symbology (~50 ms):
``desktop.reports.boleto`` imports this only when it draws a barcode.
"""

from __future__ import annotations

from reportlab.graphics.barcode.common import I2of5
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import PATH_OPS

_FILL = {mode: PATH_OPS[0, 1, mode] for mode in (0, 1)}  # canvas._fillMode -> fill operator


class FastI2of5(I2of5):  # type: ignore[misc]  # reportlab ships no type hints
    """reportlab's Interleaved 2 of 5, its bars written in one go: the bytes of ``I2of5.draw``
    (a ``canvas.rect`` per bar, ~110 of them, was a tenth of a boleto's time)."""

    def draw(self) -> None:
        if self.bearers or self.humanReadable:  # not on a boleto: reportlab draws them
            super().draw()
            return
        self._calculate()
        narrow = self.barWidth
        wide = narrow * self.ratio
        left = (self.quiet and self.lquiet) or 0
        # as I2of5.draw: bars from y = 0, barHeight high; "re f*" is canvas.rect(fill=1)
        narrow_bar = f" {fp_str(0, narrow, self.barHeight)} re {_FILL[self.canv._fillMode]}"
        wide_bar = f" {fp_str(0, wide, self.barHeight)} re {_FILL[self.canv._fillMode]}"
        bars = []
        for c in self.decomposed:
            if c == "i":
                left = left + self.gap
            elif c == "s":
                left = left + narrow
            elif c == "S":
                left = left + wide
            elif c == "b":
                bars.append(f"n {fp_str(left)}{narrow_bar}")
                left = left + narrow
            elif c == "B":
                bars.append(f"n {fp_str(left)}{wide_bar}")
                left = left + wide
        if bars:
            self.canv._code.append("\n".join(bars))
