"""Columns sized to what they hold, so the one that needs room (a description, a name) gets it.

``fit_columns`` sizes every column from a sample of its widest possible value: at 1366×768 the
trial saw descriptions cut ("Mensali…") while empty *Multa* and *Juros* columns kept their
room, and at 1024×768 the last columns went off the screen.  :class:`ContentFit` measures the
rows actually loaded (the first page or two: a few hundred rows, a quick text measure, no I/O),
never more than the sample, never less than the header; the stretch column takes what is left,
and when even that is not enough the widest non-priority columns give way first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

MEASURED_ROWS = 200
PADDING = 24  # style.qss: 6 px item padding each side, the grid line, elision room
HEADER_PADDING = 20  # style.qss: bold header text, 8 px padding each side, the separator


class ContentFit(QObject):
    def __init__(
        self,
        view: QTableView,
        *,
        stretch: int,
        samples: Mapping[int, str] | None = None,
        min_stretch: int = 160,
        keep: Sequence[int] = (),
        hide_empty: Sequence[int] = (),
        hidden: Sequence[int] = (),
        give_way: Sequence[int] = (),
    ) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.samples = dict(samples or {})
        self.min_stretch = min_stretch
        self.keep = set(keep)  # columns that never give way (money, dates)
        # Columns hidden while every loaded row leaves them blank (no fine on a paid list):
        # an empty column said nothing and took the room the description needed.
        self.hide_empty = set(hide_empty)
        self.hidden = set(hidden)  # never shown (the same for every row of this list)
        # Columns hidden, in this order, when the view is too narrow for every column to keep
        # its width and the stretch column its minimum: a figure shown elsewhere too (a fine
        # and interest inside the updated amount) rather than a cut description.
        self.give_way = tuple(give_way)
        model = view.model()
        model.modelReset.connect(self.refit)
        model.rowsInserted.connect(self.refit)
        view.viewport().installEventFilter(self)
        header = view.horizontalHeader()
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return False

    def widths(self) -> dict[int, int]:
        """The width each column (but the stretch one) should have for the rows loaded."""
        model = self.view.model()
        metrics = QFontMetrics(self.view.font())
        header = self.view.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        header_metrics = QFontMetrics(bold)
        rows = min(model.rowCount(), MEASURED_ROWS)
        result: dict[int, int] = {}
        for column in range(model.columnCount()):
            if column == self.stretch:
                continue
            if column in self.hidden:
                result[column] = 0
                continue
            if (
                column in self.hide_empty
                and rows
                and not any(model.index(row, column).data() for row in range(rows))
            ):
                result[column] = 0
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            title_width = max(header_metrics.horizontalAdvance(line) for line in title.split("\n"))
            title_width += HEADER_PADDING
            width = title_width
            sample = self.samples.get(column)
            sample_width = metrics.horizontalAdvance(sample) + PADDING if sample else None
            if rows == 0 and sample_width is not None:
                width = max(width, sample_width)
            for row in range(rows):
                text = model.index(row, column).data()
                if text:
                    width = max(width, metrics.horizontalAdvance(str(text)) + PADDING)
            if sample_width is not None:  # never wider than the widest value can be
                width = min(width, max(sample_width, title_width))
            result[column] = width
        return result

    def refit(self, *_args: object) -> None:
        widths = self.widths()
        available = self.view.viewport().width() - self.min_stretch
        excess = sum(widths.values()) - available
        for column in self.give_way:
            if excess <= 0:
                break
            if widths.get(column):
                excess -= widths[column]
                widths[column] = 0
        # Too narrow even so: the widest columns that are not kept shrink first (down to
        # 60 % of their width: the text elides with its tooltip rather than vanish off-screen).
        for column in sorted(widths, key=lambda c: -widths[c]):
            if excess <= 0:
                break
            if column in self.keep:
                continue
            give = min(excess, int(widths[column] * 0.35))
            widths[column] -= give
            excess -= give
        header = self.view.horizontalHeader()
        for column, width in widths.items():
            header.setSectionHidden(column, width == 0)
            if width == 0:
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
