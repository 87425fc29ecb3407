"""Atendimentos (SPEC §1.8): the subscriber's tickets, new tickets, history, receipts.

Filters: **Campo** (Protocolo, Descrição, Tipo) with its text, **Período** of opening,
**Status** and **Contatos**.  *Todos* lists every ticket; a contact lists the tickets whose
**first** contact is that person (the service matches the first contact, SPEC §1.8);
*Com contato informado* lists the tickets of any of the subscriber's contacts.  The list is
the shared lazy keyset model over ``ticket_search.page``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import changes as op_changes
from desktop.domain.clock import to_local
from desktop.domain.enums import TicketStatus
from desktop.errors import UserError
from desktop.services import ticket_receipts, ticket_search, tickets
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import Menu
from desktop.services.ticket_search import TicketDetail, TicketFilter
from desktop.services.tickets import TicketItem
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.print_job import print_job, receipt_document
from desktop.ui.query_model import Column, QueryModel
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs.base import SubscriberTab, TabContext, is_kiosk
from desktop.ui.tabs.ticket_dialogs import (
    NewTicketDialog,
    ProtocolDialog,
    TicketDetailDialog,
    status_words,
)
from desktop.ui.widgets import BusyIndicator, PeriodPicker, data_table, fit_columns

ANY_CONTACT = "any"  # the combo's data for "Com contato informado"

FIELDS: list[tuple[str, str]] = [
    ("Protocolo", "protocolo"),
    ("Descrição", "descricao"),
    ("Tipo", "tipo"),
]
STATUSES: list[tuple[str, TicketStatus | None]] = [
    ("Todos", None),
    ("Aberto", TicketStatus.OPEN),
    ("Em andamento", TicketStatus.IN_PROGRESS),
    ("Encerrado", TicketStatus.CLOSED),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("TicketsTab", text)


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last year of tickets (history is kept for at least three years)."""
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28)
    return start, today


def _status_color(item: TicketItem) -> str | None:
    if item.status is TicketStatus.OPEN:
        return fmt.AMBER
    if item.status is TicketStatus.CLOSED:
        return fmt.GREY
    return None


def ticket_columns() -> list[Column]:
    return [
        Column(_tr("Protocolo"), lambda t: display_protocol(t.protocol)),
        Column(_tr("Abertura"), lambda t: fmt.local_datetime(t.opened_at)),
        Column(_tr("Tipo"), lambda t: t.type),
        Column(_tr("Descrição"), lambda t: t.description, tooltip=lambda t: t.description),
        Column(_tr("Situação"), status_words, foreground=_status_color),
        Column(
            _tr("Contatos"),
            lambda t: ", ".join(t.contacts),
            tooltip=lambda t: ", ".join(t.contacts) or None,
        ),
    ]


class TicketsTab(SubscriberTab):
    menu = Menu.TICKETS
    title_text = "Atendimentos"
    watches = frozenset({"tickets"})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.field_combo = QComboBox(self)
        for text, code in FIELDS:
            self.field_combo.addItem(_tr(text), code)
        self.field_combo.setCurrentIndex(1)
        self.field_combo.setAccessibleName(_tr("Campo"))
        self.text_edit = QLineEdit(self)
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setPlaceholderText(_tr("Texto a procurar"))
        self.text_edit.setAccessibleName(_tr("Texto a procurar"))
        self.text_edit.returnPressed.connect(self.consult)
        self.period_picker = PeriodPicker(*default_period(context.today()), parent=self)
        self.status_combo = QComboBox(self)
        for text, status in STATUSES:
            self.status_combo.addItem(_tr(text), status)
        self.status_combo.setAccessibleName(_tr("Status"))
        self.contact_combo = QComboBox(self)
        self.contact_combo.addItem(_tr("Todos"), None)
        self.contact_combo.addItem(_tr("Com contato informado"), ANY_CONTACT)
        for contact in context.workspace.contacts:
            self.contact_combo.addItem(contact.name, contact.id)
        self.contact_combo.setAccessibleName(_tr("Contatos"))
        self.contact_combo.setToolTip(
            _tr("Um contato: os atendimentos em que ele é o primeiro contato.")
        )
        self.consult_button = QPushButton(_tr("Ver"), self)  # one word in every tab
        self.consult_button.setToolTip(_tr("Mostrar os atendimentos com estes filtros (Enter)"))
        self.consult_button.clicked.connect(self.consult)
        self.busy = BusyIndicator(self)
        self.message = ResultBar(
            context.task_runner, allow_save=not is_kiosk(context.actor), parent=self
        )

        row1 = QHBoxLayout()
        row1.setSpacing(8)
        for label, widget in (
            (_tr("Campo:"), self.field_combo),
            (None, self.text_edit),
            (_tr("Período:"), self.period_picker),
        ):
            if label:
                caption = QLabel(label, self)
                caption.setBuddy(widget)
                row1.addWidget(caption)
            row1.addWidget(widget, 1 if widget is self.text_edit else 0)
        row2 = QHBoxLayout()
        row2.setSpacing(8)
        for label, widget in (
            (_tr("Status:"), self.status_combo),
            (_tr("Contatos:"), self.contact_combo),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            row2.addWidget(caption)
            row2.addWidget(widget)
            row2.addSpacing(10)
        row2.addWidget(self.consult_button)
        row2.addSpacing(10)
        row2.addWidget(self.busy)
        row2.addStretch(1)

        self.model = QueryModel(
            ticket_columns(),
            key=lambda t: t.sort_key,
            task_runner=context.task_runner,
            parent=self,
        )
        self.model.loading_changed.connect(self.busy.set_busy)
        self.model.failed.connect(self.message.show_error)
        self.model.page_loaded.connect(self._page_loaded)
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Atendimentos do assinante"))
        fit_columns(
            self.table,
            {
                0: "00000000 00000 000000",
                1: "00/00/0000 00:00",
                2: "Segunda via de documento",
                4: "Em andamento",
                5: "Maria Aparecida da Silva",
            },
            stretch=3,
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.show_detail())

        self.new_button = QPushButton(_tr("Novo atendimento"), self)
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_ticket)
        self.detail_button = QPushButton(_tr("Detalhes"), self)
        self.detail_button.clicked.connect(self.show_detail)
        self.print_button = QPushButton(_tr("Imprimir comprovante"), self)
        self.print_button.clicked.connect(lambda: self.print_receipt())
        self.email_button = QPushButton(_tr("Enviar por e-mail"), self)
        self.email_button.clicked.connect(lambda: self.email_receipt())
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        for button in (self.detail_button, self.print_button, self.email_button):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.new_dialog: NewTicketDialog | None = None
        self.protocol_dialog: ProtocolDialog | None = None
        self.detail_dialog: TicketDetailDialog | None = None
        self._update_buttons()

    # ------------------------------------------------------------------ list
    def refresh(self) -> None:
        self.consult()

    def current_filter(self) -> TicketFilter:
        contact = self.contact_combo.currentData()
        text = self.text_edit.text().strip()
        return TicketFilter(
            self.context.workspace.id,
            field=self.field_combo.currentData() if text else None,
            text=text,
            period=self.period_picker.period(),
            status=self.status_combo.currentData(),
            contact_id=contact if isinstance(contact, int) else None,
            with_contact=contact == ANY_CONTACT,
        )

    def consult(self) -> None:
        try:
            flt = self.current_filter()
        except UserError as exc:
            self.model.clear()  # no old list under the error
            self.message.show_error(exc.message)
            return
        self.mark_loaded()
        self.message.clear()
        ctx = self.context

        def fetch(after: Any, limit: int) -> list[TicketItem]:
            return ticket_search.page(ctx.db, ctx.actor, flt, after=after, limit=limit)

        self.model.reset(fetch)
        self._update_buttons()

    def _page_loaded(self, _count: int) -> None:
        if self.model.rowCount() == 0 and self.model.exhausted:
            self.message.show_info(_tr("Nenhum atendimento encontrado com estes filtros."))
        self._update_buttons()

    def selected(self) -> TicketItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        has = self.selected() is not None
        for button in (self.detail_button, self.print_button, self.email_button):
            button.setEnabled(has)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.consult()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ new ticket
    def new_ticket(self) -> NewTicketDialog:
        dialog = NewTicketDialog(self.context.workspace.contacts, self)
        dialog.submitted.connect(
            lambda kind, text, contact: self._open(dialog, kind, text, contact)
        )
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _open(self, dialog: NewTicketDialog, kind: str, text: str, contact: int | None) -> None:
        ctx = self.context
        dialog.set_busy(True)
        ctx.write(
            ("open-ticket", id(dialog)),
            lambda: tickets.open_ticket(ctx.db, ctx.actor, ctx.workspace.id, kind, text, contact),
            op_changes.TICKET,
            origin=self,
            owner=dialog,
            on_success=lambda item: self._opened(dialog, item),
            on_error=dialog.message.show_error,
            on_finished=lambda: dialog.set_busy(False),
        )

    def _opened(self, dialog: NewTicketDialog, item: TicketItem) -> None:
        dialog.accept()
        dialog.deleteLater()
        self.new_dialog = None
        shown = ProtocolDialog(item, self)
        self.protocol_dialog = shown
        shown.destroyed.connect(lambda *_: setattr(self, "protocol_dialog", None))
        shown.open()
        # A counter left open past midnight still has yesterday as the period's end: widen it
        # so the ticket just opened is listed, as the attendant expects.
        start, end = self.period_picker.dates()
        opened_on = to_local(item.opened_at).date()
        if opened_on > end:
            self.period_picker.set_period(start, opened_on)
        self.consult()

    # ------------------------------------------------------------------ detail and receipt
    def show_detail(self) -> None:
        item = self.selected()
        if item is None:
            return
        ctx = self.context
        ctx.task_runner.submit(
            ("ticket-detail", item.id),
            lambda: ticket_search.detail(ctx.db, ctx.actor, item.id),
            on_success=self._show_detail,
            on_error=self.message.show_error,
            owner=self,
        )

    def _show_detail(self, detail: TicketDetail) -> None:
        counter = not is_kiosk(self.context.actor)
        dialog = TicketDetailDialog(
            detail,
            self.context.task_runner,
            allow_save=counter,
            allow_edit=counter,
            parent=self,
        )
        ticket_id = detail.item.id
        dialog.print_requested.connect(lambda: self.print_receipt(ticket_id, dialog.result_bar))
        dialog.email_requested.connect(lambda: self.email_receipt(ticket_id, dialog))
        dialog.note_requested.connect(lambda text: self.add_note(dialog, text))
        dialog.close_requested.connect(lambda: self.close_ticket(dialog))
        self.detail_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "detail_dialog", None))
        dialog.open()

    def add_note(self, dialog: TicketDetailDialog, text: str) -> None:
        ctx = self.context
        ticket_id = dialog.detail.item.id

        def work() -> TicketDetail:
            tickets.add_note(ctx.db, ctx.actor, ticket_id, text)
            return ticket_search.detail(ctx.db, ctx.actor, ticket_id)

        dialog.set_busy(True)
        ctx.write(
            ("ticket-note", ticket_id),
            work,
            op_changes.TICKET,
            origin=self,  # the list shows no notes: it stays as it is
            owner=dialog,
            on_success=dialog.note_added,
            on_error=dialog.result_bar.show_error,
            on_finished=lambda: dialog.set_busy(False),
        )

    def close_ticket(self, dialog: TicketDetailDialog) -> None:
        ctx = self.context
        item = dialog.detail.item
        question = _tr(
            "Encerrar o atendimento %1? Depois de encerrado, ele não recebe mais observações."
        ).replace("%1", display_protocol(item.protocol))
        if not dialogs().question(dialog, _tr("Encerrar atendimento"), question):
            return

        def work() -> TicketDetail:
            tickets.close_ticket(ctx.db, ctx.actor, item.id)
            return ticket_search.detail(ctx.db, ctx.actor, item.id)

        def closed(detail: TicketDetail) -> None:
            dialog.show_detail(detail)
            dialog.result_bar.show_info(_tr("Atendimento encerrado."))
            self.consult()

        dialog.set_busy(True)
        ctx.write(
            ("ticket-close", item.id),
            work,
            op_changes.TICKET,
            origin=self,
            owner=dialog,
            on_success=closed,
            on_error=dialog.result_bar.show_error,
            on_finished=lambda: dialog.set_busy(False),
        )

    def _ticket_id(self, ticket_id: int | None) -> int | None:
        if ticket_id is not None:
            return ticket_id
        item = self.selected()
        return item.id if item is not None else None

    def print_receipt(self, ticket_id: int | None = None, bar: ResultBar | None = None) -> None:
        chosen = self._ticket_id(ticket_id)
        if chosen is None:
            return
        ctx = self.context
        title = _tr("Comprovante de atendimento")
        print_job(
            ctx.task_runner,
            ("ticket-receipt-print", chosen),
            lambda: receipt_document(
                ticket_receipts.receipt_documents(ctx.db, ctx.actor, chosen), title
            ),
            bar or self.message,
            after_print=lambda outcome: ticket_receipts.record_printed(
                ctx.db, ctx.actor, chosen, outcome.printer or ""
            ),
        )

    def email_receipt(self, ticket_id: int | None = None, owner: QWidget | None = None) -> None:
        chosen = self._ticket_id(ticket_id)
        if chosen is None:
            return
        ctx = self.context
        parent = owner or self
        bar = owner.result_bar if isinstance(owner, TicketDetailDialog) else self.message

        def sent(address: str) -> None:
            text = _tr("Comprovante enviado para %1.").replace("%1", address)
            bar.show_info(text)
            dialogs().information(parent, _tr("Enviar por e-mail"), text)

        ctx.task_runner.submit(
            ("ticket-receipt-email", chosen),
            lambda: ticket_receipts.email_receipt(ctx.db, ctx.actor, chosen),
            on_success=sent,
            on_error=bar.show_error,
            owner=parent,
        )
