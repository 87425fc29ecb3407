"""A small grid of totals under a list (calls per type, connections, ...)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget


class TotalsGrid(QFrame):
    """A small grid of totals: a header row, then rows of figures (right-aligned).

    The overall figures are bold: the last row (``overall="row"``) or, for a grid with one
    column per category, the last column (``overall="column"``).  Headers may hold a line
    break (two-line headers keep long category names narrow).
    """

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self._headers = list(headers)
        # The grid scrolls sideways when it is wider than the window (seven call types in
        # kiosk-sized type), instead of making the whole tab wider than the screen.
        self._inner = QWidget()
        self._inner.setAutoFillBackground(False)
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(12, 6, 12, 6)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(1)
        self._scroll = QScrollArea(self)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._inner)
        self._scroll.setObjectName("totalsScroll")
        self._inner.setObjectName("totalsInner")
        self._scroll.setStyleSheet(  # the panel's own background shows through
            "QScrollArea#totalsScroll, QWidget#totalsInner { background: transparent; }"
        )
        self._scroll.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)  # inside the panel's border
        layout.addWidget(self._scroll)
        self._labels: list[list[QLabel]] = []
        self._copies: list[QLabel] = []  # row titles repeated in front of a wrapped block
        self._per_block = 0
        self.set_rows([])

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        *,
        headers: Sequence[str] | None = None,
        overall: str = "",  # "", "row" or "column"
    ) -> None:
        for line in self._labels:
            for label in line:
                self._grid.removeWidget(label)
                label.hide()  # at once: deleteLater waits for the event loop
                label.deleteLater()
        self._labels = []
        if headers is not None:
            self._headers = list(headers)
        self._add_row(self._headers, "totalsHeader", overall == "column")
        for i, row in enumerate(rows):
            last = overall == "row" and i == len(rows) - 1
            self._add_row(row, "totalsOverall" if last else "totalsCell", overall == "column")
        self._per_block = 0
        self._place()
        self._fit_height()

    def _columns_per_block(self) -> int:
        """How many figure columns fit beside the row titles in the panel's width."""
        count = max((len(line) for line in self._labels), default=1)
        if count <= 1:
            return 1
        widths = [
            max(line[c].sizeHint().width() for line in self._labels if c < len(line))
            for c in range(count)
        ]
        margins = self._grid.contentsMargins()
        available = (self._scroll.viewport().width() or self.width()) - margins.left()
        available -= margins.right()
        spacing = self._grid.horizontalSpacing()
        used, fitting = widths[0], 0
        for width in widths[1:]:
            used += spacing + width
            if used > available:
                break
            fitting += 1
        return max(1, fitting)

    def _place(self) -> None:
        """Wrap the figure columns into blocks under each other (row titles repeated) when
        the panel is too narrow: the trial saw the call totals scroll sideways and hide
        *Total* at 1024×768."""
        per_block = self._columns_per_block()
        if per_block == self._per_block:
            return
        self._per_block = per_block
        for copy in self._copies:
            self._grid.removeWidget(copy)
            copy.hide()
            copy.deleteLater()
        self._copies = []
        for line in self._labels:
            for label in line:
                self._grid.removeWidget(label)
        count = max((len(line) for line in self._labels), default=1)
        height = len(self._labels)
        for row, line in enumerate(self._labels):
            if line:
                self._grid.addWidget(line[0], row, 0)
            for column in range(1, len(line)):
                block, offset = divmod(column - 1, per_block)
                self._grid.addWidget(line[column], block * height + row, offset + 1)
                if offset == 0 and block > 0:
                    copy = QLabel(line[0].text(), self._inner)
                    copy.setObjectName(line[0].objectName())
                    copy.setAlignment(line[0].alignment())
                    self._grid.addWidget(copy, block * height + row, 0)
                    copy.show()
                    self._copies.append(copy)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        self._grid.setColumnStretch(min(count, per_block + 1), 1)  # figures keep to the left
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the figures, plus the scroll bar when they are wider than the panel."""
        self._grid.activate()
        height = self._inner.sizeHint().height()
        if self._inner.sizeHint().width() > self._scroll.viewport().width() > 0:
            height += self._scroll.horizontalScrollBar().sizeHint().height()
        self._scroll.setFixedHeight(height)

    def rows(self) -> list[list[str]]:
        """The grid as text, row by row (headers first)."""
        return [[label.text() for label in line] for line in self._labels]

    def _add_row(self, cells: Sequence[str], name: str, bold_last_column: bool) -> None:
        row = len(self._labels)
        labels = []
        vertical = Qt.AlignmentFlag.AlignBottom if row == 0 else Qt.AlignmentFlag.AlignVCenter
        for column, text in enumerate(cells):
            label = QLabel(text, self._inner)
            overall = bold_last_column and column == len(cells) - 1 and row > 0
            label.setObjectName("totalsOverall" if overall else name)
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            label.setAlignment(align | vertical)
            self._grid.addWidget(label, row, column)
            label.show()  # now, not queued: _fit_height measures the labels right away
            labels.append(label)
        self._labels.append(labels)


def two_lines(text: str, longer_than: int = 12) -> str:
    """A long header split at the space nearest its middle ("Longa distância\nmóvel")."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: (abs(i - middle), -i))
    return text[:cut] + "\n" + text[cut + 1 :]
