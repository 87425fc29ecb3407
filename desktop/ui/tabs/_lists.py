"""Helpers for the lists of the subscriber tabs and the back office built on the shared model.

* :class:`TintedModel` is the shared :class:`~desktop.ui.query_model.QueryModel` plus a row
  background and a row tooltip (a duplicated card payment is amber, with the reason).
* :func:`whole_list` adapts a service that returns a short, complete list (a subscriber's
  card payments, their SMS purchases) to the model's page fetch: the list arrives as one
  page, in the worker pool, like any other list.
* :func:`print_pdf_job` builds a PDF and sends it to this station's printer in the worker
  pool (``tabs._common.print_document``) and shows the outcome in a ``ResultBar``: a printer
  error keeps the document under ``nao-impressos``, says where, and offers *Salvar PDF…*;
  :func:`print_receipt_job` does the same for a receipt (the thermal printer when there is one).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.query_model import Column, Fetch, QueryModel
from desktop.ui.tabs._common import PrintOutcome, ResultBar, print_document
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


def print_pdf_job(
    result_bar: ResultBar,
    task_runner: TaskRunner,
    key: Hashable,
    build: Callable[[], bytes],
    title: str,
    *,
    after_print: Callable[[PrintOutcome], None] | None = None,
    done_text: str | None = None,
    on_finished: Callable[[], None] | None = None,
) -> bool:
    """Build and print a document off the GUI thread; False when that job is already running.

    ``build`` and ``after_print`` (e.g. a note in the ticket's history, only when it printed)
    run in the worker.  The outcome lands in ``result_bar``: "Enviado para a impressora X",
    or the printer's message with *Salvar PDF…* (the PDF is never lost).
    """

    def work() -> PrintOutcome:
        outcome = print_document(build(), title)
        if outcome.printed and after_print is not None:
            after_print(outcome)
        return outcome

    return task_runner.submit(
        key,
        work,
        on_success=lambda outcome: result_bar.show_print_outcome(outcome, done_text),
        on_error=result_bar.show_error,
        on_finished=on_finished,
        owner=result_bar,
    )


def print_receipt_job(
    result_bar: ResultBar,
    task_runner: TaskRunner,
    key: Hashable,
    build: Callable[[], tuple[bytes, bytes]],
    title: str,
    *,
    after_print: Callable[[PrintOutcome], None] | None = None,
    done_text: str | None = None,
) -> bool:
    """:func:`print_pdf_job` for a short document with an ESC/POS rendering too (SPEC §3).

    ``build`` returns (A4 PDF, ESC/POS bytes): the receipt printer gets the bytes when the
    station has one (``receipt_printer``), else the A4 printer the PDF, as before.
    """

    def work() -> PrintOutcome:
        pdf, receipt = build()
        outcome = print_document(pdf, title, receipt)
        if outcome.printed and after_print is not None:
            after_print(outcome)
        return outcome

    return task_runner.submit(
        key,
        work,
        on_success=lambda outcome: result_bar.show_print_outcome(outcome, done_text),
        on_error=result_bar.show_error,
        owner=result_bar,
    )
