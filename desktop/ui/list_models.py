"""Models for the lists built on the shared lazy model (subscriber tabs and back office).

* :class:`TintedModel` is the shared :class:`~desktop.ui.query_model.QueryModel` plus a row
  background and a row tooltip (a duplicated card payment is amber, with the reason).
* :func:`whole_list` adapts a service that returns a short, complete list (a subscriber's
  card payments, their SMS purchases) to the model's page fetch: the list arrives as one
  page, in the worker pool, like any other list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.query_model import Column, Fetch, QueryModel
from desktop.ui.workers import TaskRunner

Index = QModelIndex | QPersistentModelIndex
RowStyle = Callable[[Any], str | None]


def whole_list(load: Callable[[], Sequence[Any]]) -> Fetch:
    """A page fetch for a service that returns everything at once (one page, then the end)."""

    def fetch(after: Any, _limit: int) -> Sequence[Any]:
        return list(load()) if after is None else []

    return fetch


class TintedModel(QueryModel):
    """The shared lazy model with a background colour and a tooltip for whole rows."""

    def __init__(
        self,
        columns: Sequence[Column],
        key: Callable[[Any], Any],
        *,
        background: RowStyle | None = None,
        row_tooltip: RowStyle | None = None,
        page_size: int = 200,
        task_runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, key, page_size=page_size, task_runner=task_runner, parent=parent)
        self._background = background
        self._row_tooltip = row_tooltip
        self._backgrounds: dict[str, QBrush] = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if value is not None or not index.isValid():
            return value
        item = self.row_at(index.row())
        if item is None or index.column() >= self.columnCount():
            return None
        try:
            if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
                color = self._background(item)
                if color:
                    brush = self._backgrounds.get(color)
                    if brush is None:
                        brush = self._backgrounds[color] = QBrush(QColor(color))
                    return brush
            if role == Qt.ItemDataRole.ToolTipRole and self._row_tooltip is not None:
                return self._row_tooltip(item)
        except Exception:  # never raise from data(): a styling bug only loses the colour
            return None
        return None

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        """The first loaded row that matches, or -1."""
        for row, item in enumerate(self.rows()):
            if predicate(item):
                return row
        return -1
