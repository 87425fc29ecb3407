"""desktop.reports.boleto_draw writes the same text operators as reportlab's text object."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.boleto_draw import Text, text_object

GREY = Color(0.35, 0.35, 0.35)


def reportlabs(texts: list[Text]) -> str:
    """The page code of ``texts`` drawn with beginText/setFillColor/setFont/textLine."""
    canvas = Canvas(io.BytesIO(), invariant=1)
    t = canvas.beginText()
    color, font = None, None
    for text_color, name, size, x, y, text in texts:
        if text_color is not color:
            t.setFillColor(text_color)
            color = text_color
        if (name, size) != font:
            t.setFont(name, size)
            font = (name, size)
        t.setTextOrigin(x, y)
        t.textLine(text)
    canvas.drawText(t)
    return str(canvas._code[-1])


def ours(texts: list[Text]) -> str:
    canvas = Canvas(io.BytesIO(), invariant=1)
    text_object(canvas, texts)
    return str(canvas._code[-1])


def test_the_strings_of_a_boleto() -> None:
    texts: list[Text] = [
        (black, "Helvetica-Bold", 7, 489.5371, 813.5433, "RECIBO DO PAGADOR"),
        (GREY, "Helvetica", 5.8, 31.74803, 776.9764, "Beneficiário"),
        (black, "Helvetica", 8.8, 32.59843, 766.2047, "Provedor Exemplo Telecomunicações"),
        (black, "Helvetica", 8.8, 32.5, 700.0, "Endereço — (fundos) \\ 100%…"),
        (black, "Helvetica", 8.8, 40, 690, ""),
        (black, "Helvetica-Bold", 8.8, 40, 680, "€ 10,00"),
        (GREY, "Helvetica", 5.8, 40, 670, "Símbolo fora do WinAnsi: ✓ ☎ 😀 ok"),
        (black, "Helvetica", 8.8, 40, 660, "Depois da substituição"),
    ]
    assert ours(texts) == reportlabs(texts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([black, GREY]),
            st.sampled_from(["Helvetica", "Helvetica-Bold"]),
            st.sampled_from([5.8, 6.2, 7.6, 8.8, 10.5]),
            st.floats(0, 600, allow_nan=False),
            st.floats(0, 850, allow_nan=False),
            st.text(max_size=40),
        ),
        max_size=12,
    )
)
def test_any_strings(texts: list[Text]) -> None:
    assert ours(texts) == reportlabs(texts)
