"""Shared pieces of the printed statements: header, period line, long tables, totals, footer.

Statements are pure functions: dataclasses in, PDF bytes out.  The canvas is built with
``invariant=1`` (no creation date, fixed document id), so the same input gives the same
bytes.  Long tables are cut into one platypus ``Table`` per page before layout: splitting a
single 10,000-row table page by page re-measures the rest of it each time (quadratic), while
page-sized tables with fixed row heights lay out in linear time.  The header row is part of
every page's table; the footer "Página x de y" is drawn when the page count is known
(reportlab's usual two-step canvas).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any, Literal, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from desktop.domain.clock import to_local
from desktop.domain.documents import format_document

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
TABLE_FONT_SIZE = 7.5
ROW_HEIGHT = 11.0  # points; fixed, so page capacity is known before layout
MARGIN = 12 * mm
HEADER_FILL = colors.Color(0.85, 0.88, 0.93)
ZEBRA = colors.Color(0.95, 0.95, 0.95)
RULE = colors.Color(0.55, 0.55, 0.55)

Align = Literal["LEFT", "RIGHT", "CENTER"]

STYLE_TITLE = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=14, leading=17, spaceAfter=3)
STYLE_COMPANY = ParagraphStyle("company", fontName=FONT_BOLD, fontSize=10, leading=12)
STYLE_SMALL = ParagraphStyle("small", fontName=FONT, fontSize=7.5, leading=9.5, alignment=TA_LEFT)
STYLE_TEXT = ParagraphStyle("text", fontName=FONT, fontSize=8.5, leading=11)
STYLE_SECTION = ParagraphStyle(
    "section", fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=3
)


# --------------------------------------------------------------------------- pt-BR formatting
# Hand-written rather than babel: these run for every cell of 10,000-row statements and must
# not depend on the host's locale data; the pt-BR rules needed are only separators.
def number(value: int | Decimal, places: int = 0) -> str:
    """1234567 -> '1.234.567'; Decimal('1234.5'), 2 -> '1.234,50'."""
    if places:
        quantum = Decimal(1).scaleb(-places)
        text = f"{Decimal(value).quantize(quantum, ROUND_HALF_UP):,.{places}f}"
    else:
        text = f"{int(value):,d}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def money(value: Decimal) -> str:
    """Decimal('1234.5') -> 'R$ 1.234,50' (negative: '-R$ 1,00')."""
    sign = "-" if value < 0 else ""
    return f"{sign}R$ {number(abs(value), 2)}"


def money_plain(value: Decimal) -> str:
    """Without the currency sign, for table cells under a 'Valor (R$)' heading."""
    return number(value, 2)


def date_br(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def datetime_br(moment: dt.datetime, seconds: bool = True) -> str:
    """A UTC instant as São Paulo wall-clock time: '30/11/2026 23:59:07'."""
    local = to_local(moment)
    text = f"{date_br(local.date())} {local.hour:02d}:{local.minute:02d}"
    return f"{text}:{local.second:02d}" if seconds else text


def duration(seconds: int) -> str:
    """Seconds as H:MM:SS (hours may pass 24): 3725 -> '1:02:05'."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


SIZE_UNITS = (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3))


def data_size(n_bytes: int) -> str:
    """Decimal (SI) units, as data plans are sold: 5368709120 -> '5,37 GB'."""
    for unit, factor in SIZE_UNITS:
        if n_bytes >= factor:
            return f"{number(Decimal(n_bytes) / factor, 2)} {unit}"
    return f"{number(n_bytes)} B"


def phone(number_text: str) -> str:
    """'4430451234' -> '(44) 3045-1234'; 11 digits -> '(44) 99988-7766'; non-geographic
    numbers as Anatel writes them: '08007771234' -> '0800 777 1234' (0300, 0500, 0900 too),
    '40031234' -> '4003-1234' (300X/400X); others as given."""
    if (
        len(number_text) == 11
        and number_text.isdigit()
        and number_text[:4] in ("0800", "0300", "0500", "0900")
    ):
        return f"{number_text[:4]} {number_text[4:7]} {number_text[7:]}"
    if len(number_text) == 8 and number_text.isdigit() and number_text[:3] in ("300", "400"):
        return f"{number_text[:4]}-{number_text[4:]}"
    if len(number_text) == 10 and number_text.isdigit():
        return f"({number_text[:2]}) {number_text[2:6]}-{number_text[6:]}"
    if len(number_text) == 11 and number_text.isdigit() and not number_text.startswith("0"):
        return f"({number_text[:2]}) {number_text[2:7]}-{number_text[7:]}"
    return number_text


def period_line(start: dt.date, end: dt.date) -> str:
    return f"Período: {date_br(start)} a {date_br(end)}"


# --------------------------------------------------------------------------- header shapes
class CompanyLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def trade_name(self) -> str: ...
    @property
    def cnpj(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...


class SubscriberLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def address(self) -> str: ...


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative; scaled to the frame width
    align: Align = "LEFT"
    clip: bool = False  # cut long text with '…' to the column width


@dataclass(frozen=True)
class Document:
    """What every statement has around its table."""

    title: str
    company: CompanyLike | None
    subscriber: SubscriberLike
    lines: tuple[str, ...]  # period, filters...
    generated_at: dt.datetime | None
    wide: bool = False  # landscape A4


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def header_flowables(doc: Document) -> list[Flowable]:
    story: list[Flowable] = []
    if doc.company is not None:
        c = doc.company
        story.append(Paragraph(_escape(c.trade_name or c.name), STYLE_COMPANY))
        contact = " · ".join(p for p in (c.address, c.phone, c.email) if p)
        story.append(
            Paragraph(
                _escape(f"{c.name} — CNPJ {format_document(c.cnpj)}")
                + (f"<br/>{_escape(contact)}" if contact else ""),
                STYLE_SMALL,
            )
        )
        story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(_escape(doc.title), STYLE_TITLE))
    s = doc.subscriber
    kind = "CPF" if len(s.document) == 11 else "CNPJ"
    lines = [
        f"<b>Assinante:</b> {_escape(s.name)} &nbsp; <b>{kind}:</b> {format_document(s.document)}"
    ]
    if s.address:
        lines.append(f"<b>Endereço:</b> {_escape(s.address)}")
    lines.extend(_escape(line) for line in doc.lines)
    story.append(Paragraph("<br/>".join(lines), STYLE_TEXT))
    story.append(Spacer(1, 3 * mm))
    return story


# --------------------------------------------------------------------------- long tables
def _clip(text: str, width: float, size: float) -> str:
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def table_style(columns: Sequence[Column], rows: int, bold_last: bool = False) -> TableStyle:
    """Table-wide commands only: header fill, rule, zebra (cell styles come pre-made)."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
    ]
    if rows > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    if bold_last:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, RULE))
    return TableStyle(commands)


def _cell_style(name: str, font: str, align: Align) -> CellStyle:
    style = CellStyle(name)
    style.fontname = font
    style.fontsize = TABLE_FONT_SIZE
    style.leading = TABLE_FONT_SIZE * 1.2
    style.leftPadding = style.rightPadding = 2.5
    style.topPadding = 1
    style.bottomPadding = 2
    style.valign = "MIDDLE"
    style.alignment = align
    return style


def cell_styles(columns: Sequence[Column], rows: int, bold_last: bool = False) -> list[list[Any]]:
    """Per-cell styles for a table of ``rows`` rows (header included), shared between rows.

    Giving ``Table`` ready-made cell styles instead of FONT/ALIGN/PADDING commands avoids
    applying every command to every cell of every page (most of the layout time of a
    10,000-row statement).  The objects are only read while drawing, so rows share them.
    """
    header = [_cell_style(f"h{i}", FONT_BOLD, c.align) for i, c in enumerate(columns)]
    body = [_cell_style(f"b{i}", FONT, c.align) for i, c in enumerate(columns)]
    styles = [header, *([body] * (rows - 1))]
    if bold_last and rows > 1:
        styles[-1] = [_cell_style(f"t{i}", FONT_BOLD, c.align) for i, c in enumerate(columns)]
    return styles


def widths(columns: Sequence[Column], total: float) -> list[float]:
    scale = total / sum(c.width for c in columns)
    return [c.width * scale for c in columns]


def paged_tables(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    frame_width: float,
    frame_height: float,
    first_page_free: float,
    empty_text: str,
) -> list[Flowable]:
    """Page-sized tables, each with its header row, so they never need splitting."""
    if not rows:
        return [Paragraph(_escape(empty_text), STYLE_TEXT)]
    col_widths = widths(columns, frame_width)
    clip_at = [w - 5 for w in col_widths]
    clipped = [i for i, c in enumerate(columns) if c.clip]
    header = [c.title for c in columns]
    per_page = max(1, int(frame_height // ROW_HEIGHT) - 2)  # header row + a safety row
    first = int(first_page_free // ROW_HEIGHT) - 2
    story: list[Flowable] = []
    start = 0
    if first < 3:  # not even a few rows fit under the header block: start on a new page
        story.append(PageBreak())
        first = per_page
    size = first
    style_cache: dict[int, TableStyle] = {}
    styles = cell_styles(columns, per_page + 1)
    while start < len(rows):
        chunk = rows[start : start + size]
        data: list[list[str]] = [header]
        for row in chunk:
            cells = list(row)
            for i in clipped:
                cells[i] = _clip(cells[i], clip_at[i], TABLE_FONT_SIZE)
            data.append(cells)
        style = style_cache.get(len(data))
        if style is None:
            style = style_cache[len(data)] = table_style(columns, len(data))
        story.append(
            Table(
                data,
                colWidths=col_widths,
                rowHeights=[ROW_HEIGHT] * len(data),
                style=style,
                cellStyles=styles[: len(data)],
                repeatRows=1,
                hAlign="LEFT",
            )
        )
        start += size
        size = per_page
    return story


def small_table(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: float, bold_last: bool = True
) -> Table:
    """A totals block: header, rows, the last one (the overall total) in bold."""
    data = [[c.title for c in columns], *[list(r) for r in rows]]
    return Table(
        data,
        colWidths=widths(columns, width),
        rowHeights=[ROW_HEIGHT + 1] * len(data),
        style=table_style(columns, len(data), bold_last=bold_last),
        cellStyles=cell_styles(columns, len(data), bold_last=bold_last),
        hAlign="LEFT",
    )


def totals_section(title: str, block: Flowable, notes: Sequence[str] = ()) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(_escape(title), STYLE_SECTION), block]
    for note in notes:
        parts.append(Paragraph(_escape(note), STYLE_SMALL))
    return [CondPageBreak(40 * mm), KeepTogether(parts)]


# --------------------------------------------------------------------------- page furniture
class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Draws the footer ('Página x de y') and the running header once the count is known."""

    def __init__(self, *args: Any, running: str = "", footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._running = running
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's method name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number_, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture(number_, total)
            super().showPage()
        super().save()

    def _furniture(self, page: int, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(FONT, 7)
        self.setFillColor(colors.Color(0.3, 0.3, 0.3))
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        if page > 1 and self._running:
            self.drawString(MARGIN, height - MARGIN + 4 * mm, self._running)
        self.line(MARGIN, MARGIN - 3 * mm, width - MARGIN, MARGIN - 3 * mm)
        if self._footer:
            self.drawString(MARGIN, MARGIN - 6.5 * mm, self._footer)
        self.drawRightString(width - MARGIN, MARGIN - 6.5 * mm, f"Página {page} de {total}")
        self.restoreState()


def page_size(wide: bool) -> tuple[float, float]:
    width, height = landscape(A4) if wide else A4
    return float(width), float(height)


def frame_size(wide: bool) -> tuple[float, float]:
    """Width and height of the frame SimpleDocTemplate makes with our margins."""
    width, height = page_size(wide)
    # SimpleDocTemplate's frame has 6 pt padding on every side.
    return width - 2 * MARGIN - 12, height - 2 * MARGIN - 12


def used_height(flowables: Sequence[Flowable], width: float, height: float) -> float:
    """Height the flowables take at the top of a page (for the first table's size)."""
    used = 0.0
    for index, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, height)
        used += h + flowable.getSpaceAfter()
        if index:
            used += flowable.getSpaceBefore()
    return used


def build_pdf(doc: Document, body: Callable[[float, float, float], list[Flowable]]) -> bytes:
    """Lay out header + ``body(frame_width, frame_height, first_page_free)`` and render.

    ``body`` receives the room left on page 1 under the header so its first table fits.
    """
    frame_w, frame_h = frame_size(doc.wide)
    head = header_flowables(doc)
    free = frame_h - used_height(head, frame_w, frame_h)
    story = head + body(frame_w, frame_h, free)
    buffer = io.BytesIO()
    company_name = (doc.company.trade_name or doc.company.name) if doc.company else ""
    footer = company_name
    if doc.generated_at is not None:
        emitted = f"Emitido em {datetime_br(doc.generated_at, seconds=False)}"
        footer = f"{footer} — {emitted}" if footer else emitted
    running = f"{doc.title} — {doc.subscriber.name}"
    if doc.lines:
        running += f" — {doc.lines[0]}"
    template = SimpleDocTemplate(
        buffer,
        pagesize=page_size(doc.wide),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{doc.title} — {doc.subscriber.name}",
        author=company_name,
        subject=doc.lines[0] if doc.lines else doc.title,
        creator="Central do Assinante",
        invariant=1,
    )
    template.build(story, canvasmaker=partial(NumberedCanvas, running=running, footer=footer))
    return buffer.getvalue()
