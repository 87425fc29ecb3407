"""A layout that wraps its items onto the next line when the window is narrow (Qt's flow example).

Filter rows and totals used one ``QHBoxLayout`` row each: at 1024×768 (many store counters)
they made the whole window wider than the screen.  Here items keep their size hint and go on
to the next line instead.  A caption (a ``QLabel``) stays on the line of the field after it,
and ``addSpacing`` / ``addStretch`` keep the ``QHBoxLayout`` calls of the tabs working.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowLayout(QLayout):
    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, line_spacing: int = 6
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    # ------------------------------------------------------------------ QHBoxLayout's calls
    def addSpacing(self, size: int) -> None:
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def addStretch(self, _stretch: int = 0) -> None:
        """Nothing to stretch in a flow: the items keep to the left."""

    def setSpacing(self, spacing: int) -> None:
        self._spacing = spacing

    def spacing(self) -> int:
        return self._spacing

    # ------------------------------------------------------------------ QLayout
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One line, as wide as every item side by side."""
        visible = self._visible()
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(
            0, len(visible) - 1
        )
        height = max((i.sizeHint().height() for i in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest unit (a caption and its field), not the whole row."""
        size = QSize()
        for unit in self._units():
            width = sum(i.minimumSize().width() for i in unit) + self._spacing * (len(unit) - 1)
            height = max(i.minimumSize().height() for i in unit)
            size = size.expandedTo(QSize(width, height))
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # ------------------------------------------------------------------ arranging
    def _visible(self) -> list[QLayoutItem]:
        visible = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                visible.append(item)
        return visible

    def _units(self) -> list[list[QLayoutItem]]:
        """Items that stay on one line: a caption with the field after it."""
        units: list[list[QLayoutItem]] = []
        pending: list[QLayoutItem] = []
        for item in self._visible():
            pending.append(item)
            if not isinstance(item.widget(), QLabel):
                units.append(pending)
                pending = []
        if pending:
            units.append(pending)
        return units

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        lines: list[list[tuple[QLayoutItem, QRect]]] = [[]]
        for unit in self._units():
            if x == area.x() and unit[0].spacerItem() is not None:
                continue  # no spacing at the start of a line
            sizes = [item.sizeHint() for item in unit]
            width = sum(s.width() for s in sizes) + self._spacing * (len(unit) - 1)
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += line_height + self._line_spacing
                line_height = 0
                lines.append([])
            for item, size in zip(unit, sizes, strict=True):
                lines[-1].append((item, QRect(QPoint(x, y), size)))
                x += size.width() + self._spacing
            line_height = max(line_height, max(s.height() for s in sizes))
        if move:
            for line in lines:
                height = max((r.height() for _i, r in line), default=0)
                for item, place in line:
                    widget = item.widget()
                    bottom = widget is not None and bool(widget.property("flowBottom"))
                    # Buttons sit on the fields' baseline; captions are centred on the line.
                    shift = height - place.height() if bottom else (height - place.height()) // 2
                    item.setGeometry(place.translated(0, shift))
        return y + line_height - rect.y() + margins.bottom()
