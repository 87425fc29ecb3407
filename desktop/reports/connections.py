"""The printed Extrato de Conexões (SPEC §1.2): daily traffic chart, sessions, totals."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.domain.vocabulary.words import TERMINATE_CAUSES
from desktop.reports.common import (
    FONT,
    Column,
    Document,
    build_pdf,
    data_size,
    datetime_br,
    duration,
    number,
    paged_tables,
    period_line,
    small_table,
    totals_section,
    used_height,
)

if TYPE_CHECKING:
    from desktop.services.connection_statement import ConnectionStatement
    from desktop.services.connection_totals import DayTraffic

TITLE = "Extrato de Conexões"
DOWNLOAD_COLOR = colors.Color(0.16, 0.38, 0.67)
UPLOAD_COLOR = colors.Color(0.93, 0.55, 0.17)
CHART_HEIGHT = 58 * mm

TOTAL_COLUMNS = (
    Column("Sessões", 14, "RIGHT"),
    Column("Tempo conectado", 20, "RIGHT"),
    Column("Download", 18, "RIGHT"),
    Column("Upload", 18, "RIGHT"),
)


def _columns(with_login: bool) -> tuple[Column, ...]:
    columns = [
        Column("Início", 27),
        Column("Fim", 27),
        Column("Duração", 17, "RIGHT"),
    ]
    if with_login:
        columns.append(Column("Login", 22, clip=True))
    columns += [
        Column("IPv4", 22, clip=True),
        Column("Prefixo IPv6", 36, clip=True),
        Column("MAC", 27, clip=True),
        Column("NAS", 21, clip=True),
        Column("Download", 17, "RIGHT"),
        Column("Upload", 17, "RIGHT"),
        Column("Motivo do término", 29, clip=True),
    ]
    return tuple(columns)


# --------------------------------------------------------------------------- chart
def _unit(days: Sequence[DayTraffic]) -> tuple[str, int]:
    peak = max((max(d.download_bytes, d.upload_bytes) for d in days), default=0)
    if peak >= 10**9:
        return "GB", 10**9
    if peak >= 10**6:
        return "MB", 10**6
    return "kB", 10**3


def _axis_label(value: float) -> str:
    exact = Decimal(str(round(value, 2))).normalize()
    places = max(0, -int(exact.as_tuple().exponent))
    return number(exact, places) if places else number(int(exact))


def _nice_max(peak: float) -> float:
    """The axis top: 1, 2, 2.5 or 5 times a power of ten, just above the peak."""
    if peak <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(peak))
    for step in (1, 2, 2.5, 5, 10):
        if peak <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def traffic_chart(days: Sequence[DayTraffic], width: float) -> Drawing:
    """Bars of download and upload per day, values in the unit that fits the peak."""
    unit, factor = _unit(days)
    down = [d.download_bytes / factor for d in days]
    up = [d.upload_bytes / factor for d in days]
    drawing = Drawing(width, CHART_HEIGHT)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 22
    chart.width, chart.height = width - 44, CHART_HEIGHT - 42
    chart.data = [down or [0.0], up or [0.0]]
    step = max(1, math.ceil(len(days) / 31))
    chart.categoryAxis.categoryNames = [
        f"{d.day.day:02d}/{d.day.month:02d}" if i % step == 0 else "" for i, d in enumerate(days)
    ] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 5.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.tickDown = 2
    top = _nice_max(max([*down, *up, 0.0]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.labelTextFormat = _axis_label
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = DOWNLOAD_COLOR
    chart.bars[1].fillColor = UPLOAD_COLOR
    chart.bars.strokeColor = None
    chart.bars[0].strokeColor = chart.bars[1].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 2 if len(days) <= 62 else 0.5
    drawing.add(chart)
    drawing.add(
        String(2, CHART_HEIGHT - 10, f"Tráfego por dia ({unit})", fontName=FONT, fontSize=8)
    )
    legend = Legend()
    legend.x, legend.y = width - 150, CHART_HEIGHT - 4
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.fontName = FONT
    legend.fontSize = 7
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [(DOWNLOAD_COLOR, "Download"), (UPLOAD_COLOR, "Upload")]
    drawing.add(legend)
    return drawing


# --------------------------------------------------------------------------- document
def build_connections_pdf(st: ConnectionStatement) -> bytes:
    """The connection statement as PDF bytes (same statement, same bytes)."""
    lines = (period_line(st.period.start, st.period.end), f"Login(s): {', '.join(st.logins)}")
    doc = Document(TITLE, st.company, st.subscriber, lines, st.generated_at, wide=True)
    with_login = len(st.logins) > 1
    rows = []
    for item in st.items:
        row = [
            datetime_br(item.started_at),
            datetime_br(item.stopped_at) if item.stopped_at else "em andamento",
            duration(item.duration_s),
        ]
        if with_login:
            row.append(item.login)
        cause = item.terminate_cause or ""
        row += [
            item.ip or "",
            item.ipv6_prefix or "",
            item.mac or "",
            item.nas_ip,
            data_size(item.download_bytes),
            data_size(item.upload_bytes),
            TERMINATE_CAUSES.get(cause, cause) if item.stopped_at else "",
        ]
        rows.append(row)
    t = st.totals

    def body(width: float, height: float, free: float) -> list[Flowable]:
        chart: list[Flowable] = [traffic_chart(st.daily, width), Spacer(1, 3 * mm)]
        free -= used_height(chart, width, height)
        story = chart + paged_tables(
            _columns(with_login),
            rows,
            frame_width=width,
            frame_height=height,
            first_page_free=free,
            empty_text="Nenhuma conexão no período.",
        )
        totals = [
            [
                number(t.sessions),
                duration(t.duration_s),
                data_size(t.download_bytes),
                data_size(t.upload_bytes),
            ]
        ]
        notes = (
            f"Download (recebido pelo assinante): {number(t.download_bytes)} bytes; "
            f"upload (enviado): {number(t.upload_bytes)} bytes. 1 GB = 1.000.000.000 bytes.",
            "O tráfego de cada sessão é contado no dia em que ela começou. Sessões em andamento: "
            "duração até a emissão.",
            "Registros de conexão são sigilosos (Marco Civil da Internet, Lei 12.965/2014, art. 13).",
        )
        block = small_table(TOTAL_COLUMNS, totals, width * 0.45, bold_last=False)
        return story + totals_section("Totais do período", block, notes)

    return build_pdf(doc, body)
