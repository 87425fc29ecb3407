"""THE lazy, keyset-paged table model behind every SQL-backed list (DESIGN practice 2).

Modelled on Anki's browser table model and QGIS's query result model: a list is described by

* ``fetch(after_key, limit) -> list[row]``: one keyset page from a service
  (``WHERE (key, id) > (:k, :i) ORDER BY key, id LIMIT :n``, a short session per page),
* ``key(row)``: the keyset cursor of a row (the ``after_key`` of the next page),
* a column spec (:class:`Column`): header, value function, alignment, optional tooltip and
  foreground colour.  Rows are frozen dataclasses; there is no sorting in the view (the
  order is the keyset order).

Pages load in the worker pool: ``fetchMore`` starts one page and returns; rows are appended
when it arrives.  Views call ``fetchMore`` repeatedly while they scroll, so a second call
while a page is loading does nothing.  ``data()`` never raises and never does I/O.  Nothing
ever loads the whole result (no ``while canFetchMore(): fetchMore()`` anywhere).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)

PAGE_SIZE = 200

Fetch = Callable[[Any, int], Sequence[Any]]
Index = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    """One column: its header and how a row becomes text, colour and tooltip."""

    header: str
    value: Callable[[Any], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Any], str | None] | None = None
    foreground: Callable[[Any], str | None] | None = None  # a colour name such as "#b3261e"


class QueryModel(QAbstractTableModel):
    """Rows appended page by page from ``fetch``; ``reset(fetch)`` starts over (new filters)."""

    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows in the page that just arrived
    failed = Signal(str)  # a message in Portuguese

    def __init__(
        self,
        columns: Sequence[Column],
        key: Callable[[Any], Any],
        fetch: Fetch | None = None,
        *,
        page_size: int = PAGE_SIZE,
        task_runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._page_size = page_size
        self._runner = task_runner
        self._rows: list[Any] = []
        self._fetch: Fetch | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self._error: str | None = None
        self._resetting = False
        self._brushes: dict[str, QBrush] = {}
        self._logged_columns: set[int] = set()
        if fetch is not None:
            self.reset(fetch)

    # ------------------------------------------------------------------ state
    @property
    def runner(self) -> TaskRunner:
        return self._runner if self._runner is not None else runner()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        """True once a page came back shorter than the page size (the end of the result)."""
        return self._exhausted

    @property
    def error(self) -> str | None:
        return self._error

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> tuple[Any, ...]:
        """The rows loaded so far (not the whole result)."""
        return tuple(self._rows)

    # ------------------------------------------------------------------ loading
    def reset(self, fetch: Fetch | None) -> None:
        """Drop every row and load the first page of ``fetch`` (None: an empty list)."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._fetch = fetch
        self._exhausted = fetch is None
        self._error = None
        self._set_loading(False)  # a page of the previous fetch may still arrive: it is ignored
        # Views and the model tester call fetchMore from their modelReset slots; the first
        # page starts here instead, once every slot has seen the reset end.
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False
        if fetch is not None:
            self._start_page()

    def clear(self) -> None:
        self.reset(None)

    def retry(self) -> None:
        """After a failed page, try that page again."""
        if self._error is not None and self._fetch is not None:
            self._error = None
            self._start_page()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._fetch is not None and not self._exhausted and self._error is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore(parent) or self._loading or self._resetting:
            return
        self._start_page()

    def _start_page(self) -> None:
        fetch = self._fetch
        if fetch is None or self._loading:
            return
        after = self._key(self._rows[-1]) if self._rows else None
        generation = self._generation
        limit = self._page_size
        self._set_loading(True)
        job_key: Hashable = ("query-model-page", id(self), generation)
        self.runner.submit(
            job_key,
            lambda: list(fetch(after, limit)),
            on_success=lambda rows: self._page_arrived(generation, rows),
            on_error=lambda message: self._page_failed(generation, message),
            owner=self,
        )

    def _page_arrived(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return  # a page for filters that were replaced meanwhile
        if len(rows) < self._page_size:
            self._exhausted = True
        if rows:
            # Still "loading" while the rows go in: a fetchMore from a rowsInserted slot
            # (the model tester does that) must not start a page inside this insertion.
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(False)
        self.page_loaded.emit(len(rows))

    def _page_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._error = message
        self._set_loading(False)
        self.failed.emit(message)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(column.align)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(self._columns)):
            return None
        column = self._columns[col]
        item = self._rows[row]
        try:
            if role == Qt.ItemDataRole.DisplayRole:
                return column.value(item)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(column.align)
            if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
                return column.tooltip(item)
            if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
                color = column.foreground(item)
                return self._brush(color) if color else None
            if role == Qt.ItemDataRole.UserRole:
                return item
        except Exception:  # a formatting bug must not take the table down: log it once
            if col not in self._logged_columns:
                self._logged_columns.add(col)
                log.exception("column %r failed to format a row", column.header)
            return None
        return None

    def _brush(self, color: str) -> QBrush:
        brush = self._brushes.get(color)
        if brush is None:
            brush = self._brushes[color] = QBrush(QColor(color))
        return brush
