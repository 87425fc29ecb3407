"""THE list tab: what every list of the subscriber workspace does the same way.

A :class:`ListTab` owns filters → the shared lazy query model (``desktop.ui.query_model``),
the busy indicator, the first load when the tab is first shown and the reload when a write
elsewhere made it stale (``SubscriberTab``), the empty-result message, *Ver*, *Imprimir*
(one print job, ``desktop.ui.print_job``) and actions on the selected row that run once at a
time.  A tab gives:

* its widgets' layout, a model and a table (:meth:`set_model`);
* ``current_filter()`` (may raise ``UserError``: the list goes and the message stays) and
  ``page(flt, after, limit)``, run **in the worker** (use ``self.context`` and ``flt`` only);
* optionally ``fetch_totals(flt)`` (worker) with ``show_totals(value)`` / ``clear_totals()``;
* optionally ``document(flt)`` (worker) and ``print_history(flt)`` for *Imprimir*;
* ``empty_message()``: what an empty result says.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services import tickets
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.print_job import Document, DoneText, PrintOutcome, print_job
from desktop.ui.query_model import QueryModel
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs.base import SubscriberTab, TabContext
from desktop.ui.widgets import BusyIndicator, PeriodPicker, select_the_only_row

_INVALID = object()  # the filters on screen cannot be read


def _tr(text: str) -> str:
    return QCoreApplication.translate("ListTab", text)


def labelled_filters(
    parent: QWidget, fields: Sequence[tuple[str, QWidget]], buttons: Sequence[QWidget]
) -> QWidget:
    """Filters with their labels above them and the buttons on the fields' line; the groups
    wrap onto a second line on a 1024-px counter instead of widening the window."""
    filters = FlowLayout(spacing=18, line_spacing=8)
    for text, field in fields:
        group = QWidget(parent)
        column = QVBoxLayout(group)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        label = QLabel(text, group)
        label.setObjectName("fieldLabel")
        label.setBuddy(field.start_edit if isinstance(field, PeriodPicker) else field)
        column.addWidget(label)
        column.addWidget(field)
        filters.addWidget(group)
    buttons_box = QWidget(parent)
    buttons_box.setProperty("flowBottom", True)  # on the fields' line, under no caption
    row = QHBoxLayout(buttons_box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    for widget in buttons:
        if isinstance(widget, BusyIndicator):
            row.addSpacing(10)
        row.addWidget(widget)
    filters.addWidget(buttons_box)
    box = QWidget(parent)
    box.setLayout(filters)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    box.setSizePolicy(policy)
    return box


class ListTab(SubscriberTab):
    """A subscriber tab built around one list (see the module's docstring)."""

    # A kiosk list with one line has it chosen already (its buttons act on a selection).
    selects_the_only_row: ClassVar[bool] = False
    # Enter anywhere in the tab is *Ver*; a tab with a FilterBar takes Enter in its fields
    # only (Enter in its table opens nothing and queries nothing).
    enter_views: ClassVar[bool] = True

    model: QueryModel
    table: QTableView

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.busy = BusyIndicator(self)
        self.result = ResultBar(context.task_runner, allow_save=not self.kiosk)
        self.message = self.result.message
        self.view_button: QPushButton | None = None
        self.print_button: QPushButton | None = None
        self._working: set[str] = set()
        self._filter: Any = None

    # ------------------------------------------------------------------ building
    def button(
        self, text: str, tooltip: str, slot: Callable[[], Any], *, primary: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self)
        if primary:
            button.setObjectName("primary")
        button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def add_view_button(self, tooltip: str) -> QPushButton:
        """*Ver* (one word in every tab; Enter does the same)."""
        self.view_button = self.button(_tr("Ver"), tooltip, self.view, primary=True)
        return self.view_button

    def add_print_button(self, tooltip: str) -> QPushButton:
        """*Imprimir* the statement of the filters on screen."""
        self.print_button = self.button(_tr("Imprimir"), tooltip, self.print_statement)
        return self.print_button

    def set_model(self, model: QueryModel, table: QTableView) -> None:
        self.model, self.table = model, table
        model.loading_changed.connect(self.update_busy)
        model.page_loaded.connect(self._page_loaded)
        model.failed.connect(self.result.show_error)
        model.modelReset.connect(self.update_buttons)
        model.rowsInserted.connect(self.update_buttons)
        table.setModel(model)
        table.selectionModel().selectionChanged.connect(self.update_buttons)

    # ------------------------------------------------------------------ what a tab gives
    def current_filter(self) -> Any:
        """The filters on screen (hashable); ``UserError`` when they cannot be read."""
        return None

    def page(self, flt: Any, after: Any, limit: int) -> Sequence[Any]:
        """One keyset page (runs in the worker)."""
        raise NotImplementedError

    def empty_message(self) -> str:
        return ""

    def fetch_totals(self, flt: Any) -> Any:
        """The totals of ``flt`` (worker); a tab without totals does not define it."""
        return None

    def show_totals(self, value: Any) -> None:
        """Show what ``totals`` returned."""

    def clear_totals(self, *, loading: bool) -> None:
        """No totals on screen: new ones are ``loading``, or the filters were refused."""

    def totals_failed(self, message: str) -> None:
        self.result.show_error(message)

    def document(self, flt: Any) -> Document:
        """The statement of ``flt`` for *Imprimir* (worker)."""
        raise NotImplementedError

    def print_history(self, flt: Any) -> str | None:
        """What *Imprimir* adds to the session's atendimento once it printed."""
        return None

    def update_buttons(self, *_args: object) -> None:
        """Buttons follow the selection and the running actions."""
        if self.print_button is not None:
            self.print_button.setEnabled(not self.working("print"))

    # ------------------------------------------------------------------ state
    def working(self, what: str) -> bool:
        return what in self._working

    def update_busy(self, *_args: object) -> None:
        self.busy.set_busy(self.model.loading or bool(self._working))

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _page_loaded(self, _count: int) -> None:
        if self.model.rowCount() == 0 and self.model.exhausted:
            text = self.empty_message()
            if text:
                self.result.show_info(text)
        if self.selects_the_only_row:
            select_the_only_row(self.table, self.model, kiosk=self.kiosk)

    # ------------------------------------------------------------------ Ver
    def refresh(self) -> None:
        self.view()

    def _checked_filter(self) -> Any:
        try:
            return self.current_filter()
        except UserError as exc:
            # The list on screen no longer matches the filters: it goes, so nobody reads old
            # results under the error (a garbled date, "Período muito longo").
            self._filter = None
            self._working.discard("totals")
            self.model.clear()
            self.clear_totals(loading=False)
            self.result.show_error(exc.message)
            self.update_busy()
            return _INVALID

    def view(self) -> None:
        """*Ver*: the list of the filters on screen, and its totals."""
        flt = self._checked_filter()
        if flt is _INVALID:
            return
        self.mark_loaded()
        self.result.clear()
        self._filter = flt
        self.before_reload()
        self.model.reset(lambda after, limit: self.page(flt, after, limit))
        if type(self).fetch_totals is not ListTab.fetch_totals:
            self._load_totals(flt)

    def before_reload(self) -> None:
        """What goes when the list reloads (a confirmation about the old rows)."""

    def _load_totals(self, flt: Any) -> None:
        self.clear_totals(loading=True)
        self._working.add("totals")
        self.update_busy()
        self.context.task_runner.submit(
            ("totals", id(self), flt),  # the same query twice runs once
            lambda: self.fetch_totals(flt),
            on_success=lambda value: self._totals_arrived(flt, value),
            on_error=lambda message: self._totals_failed(flt, message),
            owner=self,
        )

    def _totals_arrived(self, flt: Any, value: Any) -> None:
        if flt != self._filter:
            return  # totals of filters replaced meanwhile; the newer ones are on their way
        self._working.discard("totals")
        self.show_totals(value)
        self.update_busy()

    def _totals_failed(self, flt: Any, message: str) -> None:
        if flt != self._filter:
            return
        self._working.discard("totals")
        self.totals_failed(message)
        self.update_busy()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            self.enter_views
            and self.view_button is not None
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.view()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ actions
    def _begin(self, what: str, key: tuple[Hashable, ...]) -> tuple[Hashable, ...] | None:
        job_key = (type(self).__name__, what, id(self), *key)
        if self.context.task_runner.is_running(job_key):
            return None  # a double click runs once
        self.result.clear()
        self._working.add(what)
        self._state_changed()
        return job_key

    def _end(self, what: str) -> None:
        self._working.discard(what)
        self._state_changed()

    def _state_changed(self) -> None:
        self.update_busy()
        self.update_buttons()

    def run(
        self,
        what: str,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        *,
        key: tuple[Hashable, ...] = (),
    ) -> bool:
        """One action in the worker, once at a time; what its service calls changed (a
        write's ``desktop.domain.changes``) is broadcast to the other tabs."""
        job_key = self._begin(what, key)
        if job_key is None:
            return False
        return self.context.write(
            job_key,
            fn,
            origin=self,
            on_success=on_success,
            on_error=self.result.show_error,
            on_finished=lambda: self._end(what),
        )

    def start_print(
        self,
        what: str,
        build: Callable[[], Document],
        *,
        key: tuple[Hashable, ...] = (),
        done_text: DoneText = None,
        on_done: Callable[[PrintOutcome, Document], None] | None = None,
    ) -> bool:
        """Print a document built in the worker (the one print job), once at a time."""
        job_key = self._begin(what, key)
        if job_key is None:
            return False
        return print_job(
            self.context.task_runner,
            job_key,
            build,
            self.result,
            done_text=done_text,
            on_done=on_done,
            on_finished=lambda: self._end(what),
            owner=self,
            broadcast=lambda changes: self.context.broadcast(changes, self),
        )

    def print_statement(self) -> None:
        """*Imprimir*: the statement of the filters on screen, to this station's printer."""
        flt = self._checked_filter()
        if flt is _INVALID:
            return
        history = self.print_history(flt)

        def printed(outcome: PrintOutcome, _document: Document) -> None:
            if outcome.printed and history:
                self.context.record(tickets.ACTION_STATEMENT, history)

        self.start_print("print", lambda: self.document(flt), on_done=printed)
