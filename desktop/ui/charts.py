"""Charts drawn with QPainter: PySide6-Essentials has no QtCharts, and one bar chart does not
justify the 100 MB PySide6-Addons wheel.

:class:`DailyTrafficChart` shows the traffic of a connection statement: two bars per day
(download, upload), a value axis in the unit that fits the peak (kB, MB, GB, TB; SI units, as
data plans are sold and as the printed statement says), day labels that never overlap, a
legend, the hovered day highlighted and a tooltip with that day's figures.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.reports.common import data_size, number
from desktop.services.connection_totals import DayTraffic

DOWNLOAD_COLOR = "#0b57d0"  # the app's blue
UPLOAD_COLOR = "#e8710a"  # orange: tells apart from blue for the common colour blindnesses
TEXT_COLOR = "#1f2328"
MUTED_COLOR = "#5f6368"
GRID_COLOR = "#e1e4e8"
AXIS_COLOR = "#8c959f"
BORDER_COLOR = "#d0d7de"
HOVER_COLOR = "#e8eef7"

UNITS = (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3))
WEEKDAYS = ("seg", "ter", "qua", "qui", "sex", "sáb", "dom")
LABEL_STEPS = (1, 2, 3, 5, 7, 10, 14, 15, 28)
OVERLAY_BELOW_PX = 5.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)


def chart_unit(peak: int) -> tuple[str, int]:
    """The unit the axis counts in: the largest one the peak reaches (MB for no traffic)."""
    for name, factor in UNITS:
        if peak >= factor:
            return name, factor
    return ("kB", 10**3) if peak > 0 else ("MB", 10**6)


def nice_scale(peak: float, ticks: int = 4) -> tuple[float, float]:
    """(top, step) of the value axis: a step of 1, 2, 2.5 or 5 times a power of ten."""
    if peak <= 0:
        return 1.0, 0.25
    raw = peak / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9))
    return math.ceil(peak / step - 1e-9) * step, step


def axis_number(value: float) -> str:
    """0, 2,5, 1.000 (pt-BR, no trailing zeros)."""
    exact = Decimal(str(round(value, 2))).normalize()
    places = max(0, -int(exact.as_tuple().exponent))
    return number(exact, places) if places else number(int(exact))


@dataclass(frozen=True)
class _Geometry:
    plot: QRectF
    slot: float  # horizontal room of one day
    top: float  # axis maximum, in ``unit``
    step: float
    unit: str
    factor: int


class DailyTrafficChart(QWidget):
    """Download and upload per day, as bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_tr("Gráfico de tráfego por dia"))
        self._days: tuple[DayTraffic, ...] = ()
        self._placeholder = ""
        self._hover: int | None = None

    # ------------------------------------------------------------------ data
    @property
    def days(self) -> tuple[DayTraffic, ...]:
        return self._days

    @property
    def placeholder(self) -> str:
        return self._placeholder

    def set_days(self, days: Sequence[DayTraffic]) -> None:
        self._days = tuple(days)
        self._placeholder = ""
        self._hover = None
        down = sum(d.download_bytes for d in self._days)
        up = sum(d.upload_bytes for d in self._days)
        self.setAccessibleDescription(
            _tr("%1 dias; download %2, upload %3")
            .replace("%1", str(len(self._days)))
            .replace("%2", data_size(down))
            .replace("%3", data_size(up))
        )
        self.update()

    def set_placeholder(self, text: str) -> None:
        """No data: the chart area shows ``text`` instead (e.g. "Clique em Ver")."""
        self._days = ()
        self._placeholder = text
        self._hover = None
        self.setAccessibleDescription(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(320, int(line * 7.5))  # leaves rows for the sessions list at 768 px

    # ------------------------------------------------------------------ geometry
    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        return font

    def _geometry(self) -> _Geometry:
        peak = max((max(d.download_bytes, d.upload_bytes) for d in self._days), default=0)
        unit, factor = chart_unit(peak)
        top, step = nice_scale(peak / factor)
        small = QFontMetricsF(self._small_font())
        labels = [axis_number(step * i) for i in range(round(top / step) + 1)]
        left = 14 + max(small.horizontalAdvance(text) for text in labels)
        header = QFontMetricsF(self.font()).height() + 20
        bottom = small.height() + 14
        plot = QRectF(
            left + 6, header, max(10.0, self.width() - left - 22), self.height() - header - bottom
        )
        slot = plot.width() / max(1, len(self._days))
        return _Geometry(plot, slot, top, step, unit, factor)

    def day_at(self, pos: QPointF) -> int | None:
        """The index of the day under ``pos`` (its column of the plot and the label below)."""
        if not self._days:
            return None
        geo = self._geometry()
        if not (geo.plot.left() <= pos.x() < geo.plot.right()):
            return None
        if not (geo.plot.top() - 4 <= pos.y() <= self.height()):
            return None
        index = int((pos.x() - geo.plot.left()) // geo.slot)
        return index if 0 <= index < len(self._days) else None

    def day_center(self, index: int) -> QPointF:
        """Where day ``index`` is drawn (the middle of its column): for tests and tooltips."""
        geo = self._geometry()
        return QPointF(geo.plot.left() + (index + 0.5) * geo.slot, geo.plot.center().y())

    def tooltip_text(self, index: int) -> str:
        day = self._days[index]
        return "\n".join(
            (
                f"{WEEKDAYS[day.day.weekday()]}, {day.day:%d/%m/%Y}",
                _tr("Download: %1").replace("%1", data_size(day.download_bytes)),
                _tr("Upload: %1").replace("%1", data_size(day.upload_bytes)),
            )
        )

    # ------------------------------------------------------------------ events
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.day_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(index), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.day_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(QColor(BORDER_COLOR), 1))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(frame, 4, 4)
        geo = self._geometry()
        self._paint_header(p, geo)
        if not self._days:
            p.setPen(QColor(MUTED_COLOR))
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._placeholder)
            return
        self._paint_axis(p, geo)
        self._paint_bars(p, geo)
        self._paint_day_labels(p, geo)
        if not any(d.download_bytes or d.upload_bytes for d in self._days):
            p.setPen(QColor(MUTED_COLOR))
            p.drawText(geo.plot, Qt.AlignmentFlag.AlignCenter, _tr("Nenhum tráfego no período."))

    def _paint_header(self, p: QPainter, geo: _Geometry) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        title = _tr("Tráfego por dia")
        if self._days:
            title += f" ({geo.unit})"
        p.setFont(bold)
        p.setPen(QColor(TEXT_COLOR))
        baseline = 10 + metrics.ascent()
        p.drawText(QPointF(12, baseline), title)
        if not self._days:
            return
        p.setFont(self.font())
        normal = QFontMetricsF(self.font())
        box = normal.ascent() * 0.8
        entries = [
            (_tr("Download (recebido)"), DOWNLOAD_COLOR),
            (_tr("Upload (enviado)"), UPLOAD_COLOR),
        ]
        x = self.width() - 12.0
        for text, color in reversed(entries):
            x -= normal.horizontalAdvance(text)
            p.setPen(QColor(TEXT_COLOR))
            p.drawText(QPointF(x, baseline), text)
            x -= box + 6
            p.fillRect(QRectF(x, baseline - box, box, box), QColor(color))
            x -= 18

    def _paint_axis(self, p: QPainter, geo: _Geometry) -> None:
        small = self._small_font()
        metrics = QFontMetricsF(small)
        p.setFont(small)
        ticks = round(geo.top / geo.step)
        for i in range(ticks + 1):
            value = geo.step * i
            y = geo.plot.bottom() - value / geo.top * geo.plot.height()
            p.setPen(QPen(QColor(AXIS_COLOR if i == 0 else GRID_COLOR), 1))
            p.drawLine(QPointF(geo.plot.left(), y), QPointF(geo.plot.right(), y))
            text = axis_number(value)
            p.setPen(QColor(MUTED_COLOR))
            width = metrics.horizontalAdvance(text)
            p.drawText(QPointF(geo.plot.left() - 8 - width, y + metrics.ascent() / 2 - 1), text)

    def _paint_bars(self, p: QPainter, geo: _Geometry) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp bar edges
        if self._hover is not None:
            x = geo.plot.left() + self._hover * geo.slot
            p.fillRect(QRectF(x, geo.plot.top(), geo.slot, geo.plot.height()), QColor(HOVER_COLOR))
        # Side by side while a day has room for two bars; for long periods (a few pixels a
        # day) the upload bar is drawn over the download one, the full width of the day.
        side_by_side = geo.slot >= OVERLAY_BELOW_PX
        group = geo.slot * (0.72 if geo.slot >= 8 else 0.9) if side_by_side else geo.slot
        bar = group / 2 if side_by_side else group
        scale = geo.plot.height() / (geo.top * geo.factor)
        colors = (QColor(DOWNLOAD_COLOR), QColor(UPLOAD_COLOR))
        for i, day in enumerate(self._days):
            x = geo.plot.left() + i * geo.slot + (geo.slot - group) / 2
            for k, value in enumerate((day.download_bytes, day.upload_bytes)):
                if value <= 0:
                    continue
                height = max(1.0, value * scale)  # a day with traffic is never invisible
                left = x + k * bar if side_by_side else x
                p.fillRect(
                    QRectF(left, geo.plot.bottom() - height, max(1.0, bar), height), colors[k]
                )
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_day_labels(self, p: QPainter, geo: _Geometry) -> None:
        small = self._small_font()
        metrics = QFontMetricsF(small)
        p.setFont(small)
        need = (metrics.horizontalAdvance("00/00") + 12) / geo.slot
        step = next((s for s in LABEL_STEPS if s >= need), LABEL_STEPS[-1])
        if step >= 28:  # long periods: the first day of each month
            labelled = [i for i, d in enumerate(self._days) if d.day.day == 1]
        else:
            labelled = list(range(0, len(self._days), step))
        baseline = geo.plot.bottom() + 6 + metrics.ascent()
        for i in labelled:
            day = self._days[i]
            center = geo.plot.left() + (i + 0.5) * geo.slot
            p.setPen(QPen(QColor(AXIS_COLOR), 1))
            p.drawLine(QPointF(center, geo.plot.bottom()), QPointF(center, geo.plot.bottom() + 3))
            text = _day_label(day.day)
            width = metrics.horizontalAdvance(text)
            left = min(max(center - width / 2, 2.0), self.width() - width - 2)
            p.setPen(QColor(TEXT_COLOR if i == self._hover else MUTED_COLOR))
            p.drawText(QPointF(left, baseline), text)


def _day_label(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}"
