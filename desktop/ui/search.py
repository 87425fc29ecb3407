"""Subscriber search as you type: debounced, lazy, keyset-paged results."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.enums import ContractStatus
from desktop.services import subscribers
from desktop.services.subscribers import SubscriberHit
from desktop.ui import formatting as fmt
from desktop.ui.column_fit import ContentFit
from desktop.ui.query_model import Column, QueryModel
from desktop.ui.widgets import BusyIndicator, configure_table
from desktop.ui.workers import TaskRunner, runner
from desktop.ui.workspace import contract_details

DEBOUNCE_MS = 250
MIN_CHARS = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("Search", text)


def _contracts_text(hit: SubscriberHit) -> str:
    if not hit.contracts:
        return _tr("sem contrato")
    return "   ·   ".join(f"{c.plan} ({fmt.contract_status(c.status)})" for c in hit.contracts)


def _contracts_tooltip(hit: SubscriberHit) -> str | None:
    lines = []
    for c in hit.contracts:
        line = f"{_tr('Contrato')} {c.number}: {c.plan}, {fmt.contract_status(c.status)}"
        details = contract_details(c)
        lines.append(f"{line}\n    {details}" if details else line)
    return "\n".join(lines) or None


def _contracts_color(hit: SubscriberHit) -> str | None:
    statuses = {c.status for c in hit.contracts}
    if statuses & {ContractStatus.SUSPENDED_DEBT, ContractStatus.SUSPENDED_OTHER}:
        return fmt.AMBER
    if statuses and statuses <= {ContractStatus.CANCELLED}:
        return fmt.GREY
    return None


def search_columns() -> list[Column]:
    return [
        Column(_tr("Nome"), lambda h: h.name, tooltip=lambda h: h.name),
        Column(_tr("CPF/CNPJ"), lambda h: fmt.document(h.document)),
        Column(
            _tr("Contratos"),
            _contracts_text,
            tooltip=_contracts_tooltip,
            foreground=_contracts_color,
        ),
    ]


class ResultsTable(QTableView):
    """Up from the first row goes back to the search box."""

    leave_up = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave_up.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The results list; the main window feeds it the text typed in its search box."""

    open_requested = Signal(int, str)  # subscriber id, name

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.task_runner = task_runner or runner()
        self._text = ""
        self._searched = ""
        self._open_when_loaded = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        self.model = QueryModel(
            search_columns(),
            key=lambda hit: hit.sort_key,
            task_runner=self.task_runner,
            parent=self,
        )
        self.model.loading_changed.connect(self._loading_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(self._failed)
        self.table = ResultsTable(self)
        configure_table(self.table)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Assinantes encontrados"))
        # A long name is shown whole (sized to the names found); the contracts take the rest.
        self.column_fit = ContentFit(
            self.table, stretch=2, samples={1: "00.000.000/0000-00"}, min_stretch=240
        )
        self.table.activated.connect(self._activated)
        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)
        self.busy = BusyIndicator(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        self._show_hint()

    # ------------------------------------------------------------------ input
    def set_text(self, text: str) -> None:
        """Called on every keystroke: search once typing pauses for a moment."""
        self._text = text
        self._open_when_loaded = False
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        text = self._text.strip()
        if text == self._searched and self.model.error is None:
            return  # the same words again (a failed search is tried again)
        self._searched = text
        if len(text.replace(" ", "")) < MIN_CHARS:
            self.model.clear()
            self._show_hint()
            return
        db, actor = self.db, self.actor

        def fetch(after: Any, limit: int) -> list[SubscriberHit]:
            return subscribers.search(db, actor, text, after=after, limit=limit)

        self.model.reset(fetch)

    def submit(self) -> None:
        """Enter in the search box: open the only result, or go to the list to choose."""
        self.search_now()
        if self.model.loading:
            self._open_when_loaded = True
            return
        self._enter_results()

    def focus_results(self) -> None:
        if self.model.rowCount() > 0:
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def _enter_results(self) -> None:
        if self.model.rowCount() == 1 and self.model.exhausted:
            self._open_row(0)
        else:
            self.focus_results()

    # ------------------------------------------------------------------ results
    def _activated(self, index: QModelIndex) -> None:
        self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.open_requested.emit(hit.id, hit.name)

    def _loading_changed(self, loading: bool) -> None:
        self.busy.set_busy(loading)

    def _page_loaded(self, _count: int) -> None:
        self._show_hint()
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._enter_results()

    def _failed(self, message: str) -> None:
        self._open_when_loaded = False
        self.hint.setProperty("kind", "error")
        self._repolish()
        self.hint.setText(message)

    def _show_hint(self) -> None:
        self.hint.setProperty("kind", "info")
        self._repolish()
        rows = self.model.rowCount()
        if len(self._searched.replace(" ", "")) < MIN_CHARS:
            text = _tr(
                "Digite o nome, CPF/CNPJ, número do contrato, login ou telefone do assinante "
                "(Ctrl+F volta para a busca)."
            )
        elif rows == 0:
            text = _tr("Nenhum assinante encontrado para “%1”.").replace("%1", self._searched)
        elif self.model.exhausted:
            text = (
                _tr("1 assinante encontrado.")
                if rows == 1
                else _tr("%1 assinantes encontrados.").replace("%1", fmt.number(rows))
            )
            text += " " + _tr("Enter ou clique duplo abre o assinante.")
        else:
            text = _tr(
                "Mais de %1 assinantes: role a lista para ver mais ou refine a busca."
            ).replace("%1", fmt.number(rows))
        self.hint.setText(text)

    def _repolish(self) -> None:
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
