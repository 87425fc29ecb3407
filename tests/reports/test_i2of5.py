"""desktop.reports.i2of5 writes the same bars as reportlab's I2of5."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode.common import I2of5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.i2of5 import FastI2of5


def page_code(cls: type[I2of5], digits: str, **options: object) -> str:
    canvas = Canvas(io.BytesIO(), invariant=1)
    cls(digits, **options).drawOn(canvas, 10 * mm, 50)
    return "\n".join(canvas._code)


BOLETO = {
    "barWidth": 103 * mm / 405,
    "ratio": 3,
    "barHeight": 13 * mm,
    "bearers": 0,
    "quiet": 0,
    "checksum": 0,
}


@settings(max_examples=100, deadline=None)
@given(st.text("0123456789", min_size=1, max_size=60))
def test_boleto_barcodes_as_reportlab(digits: str) -> None:
    assert page_code(FastI2of5, digits, **BOLETO) == page_code(I2of5, digits, **BOLETO)


@settings(max_examples=40, deadline=None)
@given(
    st.text("0123456789", min_size=1, max_size=20),
    st.sampled_from([0, 1]),
    st.sampled_from([0, 3.0]),
    st.sampled_from([0, 1]),
    st.sampled_from([2, 2.2, 3]),
)
def test_other_options_as_reportlab(
    digits: str, quiet: int, bearers: float, checksum: int, ratio: float
) -> None:
    options = {"quiet": quiet, "bearers": bearers, "checksum": checksum, "ratio": ratio}
    assert page_code(FastI2of5, digits, **options) == page_code(I2of5, digits, **options)
