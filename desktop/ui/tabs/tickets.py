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

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.clock import to_local
from desktop.domain.enums import TicketStatus
from desktop.services import ticket_receipts, ticket_search, tickets
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import Menu
from desktop.services.ticket_search import TicketDetail, TicketFilter
from desktop.services.tickets import TicketItem
from desktop.ui import formatting as fmt
from desktop.ui.column_fit import ContentFit
from desktop.ui.dialogs import dialogs
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.print_job import print_job, receipt_document
from desktop.ui.query_model import Column, QueryModel
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs.base import TabContext
from desktop.ui.tabs.list_tab import ListTab, labelled_filters
from desktop.ui.tabs.ticket_dialogs import (
    NewTicketDialog,
    ProtocolDialog,
    TicketDetailDialog,
    status_words,
)
from desktop.ui.widgets import PeriodPicker, data_table

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


COLUMN_SAMPLES = {  # what each column must show whole
    0: "00000000 00000 000000",
    1: "00/00/0000 00:00",
    2: "Segunda via de documento",
    4: "Em andamento",
    5: "Maria Aparecida da Silva",
}


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


class TicketsTab(ListTab):
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
        self.text_edit.setMinimumWidth(160)  # the flow layout gives a field its size hint
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
        # About as wide as "Com contato informado", not as the longest name (the filters keep to one
        # line at 1366 px); the list that opens shows every name whole.
        self.contact_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.contact_combo.setMinimumContentsLength(12)
        popup = self.contact_combo.view()
        popup.setMinimumWidth(popup.sizeHintForColumn(0) + 24)
        self.contact_combo.setToolTip(
            _tr("Um contato: os atendimentos em que ele é o primeiro contato.")
        )
        self.consult_button = self.add_view_button(
            _tr("Mostrar os atendimentos com estes filtros (Enter)")
        )
        filters = labelled_filters(
            self,
            (
                (_tr("Campo"), self.field_combo),
                (_tr("Texto"), self.text_edit),
                (_tr("Período de abertura"), self.period_picker),
                (_tr("Status"), self.status_combo),
                (_tr("Contatos"), self.contact_combo),
            ),
            (self.consult_button, self.busy),
        )

        self.set_model(
            QueryModel(
                ticket_columns(),
                key=lambda t: t.sort_key,
                task_runner=context.task_runner,
                parent=self,
            ),
            data_table(self),
        )
        self.table.setAccessibleName(_tr("Atendimentos do assinante"))
        # Sized to the rows loaded: at 1024 px the description keeps room, and an empty
        # Contatos column gives its room away.
        self.column_fit = ContentFit(
            self.table, stretch=3, samples=COLUMN_SAMPLES, keep=(0, 1), hide_empty=(5,)
        )
        self.table.doubleClicked.connect(lambda _index: self.show_detail())

        self.new_button = self.button(
            _tr("Novo atendimento"),
            _tr("Abrir um atendimento com protocolo"),
            self.new_ticket,
            primary=True,
        )
        self.detail_button = self.button(
            _tr("Detalhes"), _tr("Histórico do atendimento selecionado"), self.show_detail
        )
        # The receipt of the selected ticket (not a statement: no ListTab *Imprimir* here).
        self.receipt_button = self.button(
            _tr("Imprimir comprovante"),
            _tr("Comprovante do atendimento selecionado, na impressora desta estação"),
            lambda: self.print_receipt(),
        )
        self.email_button = self.button(
            _tr("Enviar por e-mail"),
            _tr("Comprovante do atendimento selecionado, para o e-mail do assinante"),
            lambda: self.email_receipt(),
        )
        actions = FlowLayout(spacing=8, line_spacing=8)  # wraps, never cut, at 1024 px
        self.print_button = self.receipt_button  # ListTab's *Imprimir* is this tab's receipt
        for button in (self.new_button, self.detail_button, self.receipt_button, self.email_button):
            actions.addWidget(button)
        actions_box = QWidget(self)
        actions_box.setLayout(actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(filters)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(actions_box)
        self.new_dialog: NewTicketDialog | None = None
        self.protocol_dialog: ProtocolDialog | None = None
        self.detail_dialog: TicketDetailDialog | None = None
        self.update_buttons()

    # ------------------------------------------------------------------ list
    def consult(self) -> None:
        """Query with the filters on screen (the Ver button and Enter)."""
        self.view()

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

    def page(self, flt: TicketFilter, after: Any, limit: int) -> list[TicketItem]:
        return ticket_search.page(self.context.db, self.context.actor, flt, after=after, limit=limit)

    def empty_message(self) -> str:
        return _tr("Nenhum atendimento encontrado com estes filtros.")

    def update_buttons(self, *_args: object) -> None:
        has = self.selected() is not None
        for button in (self.detail_button, self.receipt_button, self.email_button):
            button.setEnabled(has)

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
            on_error=self.result.show_error,
            owner=self,
        )

    def _show_detail(self, detail: TicketDetail) -> None:
        counter = not self.kiosk
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
            bar or self.result,
            after_print=lambda outcome: ticket_receipts.record_printed(
                ctx.db, ctx.actor, chosen, outcome.printer or ""
            ),
            broadcast=lambda changes: ctx.broadcast(changes, self),
        )

    def email_receipt(self, ticket_id: int | None = None, owner: QWidget | None = None) -> None:
        chosen = self._ticket_id(ticket_id)
        if chosen is None:
            return
        ctx = self.context
        parent = owner or self
        bar = owner.result_bar if isinstance(owner, TicketDetailDialog) else self.result

        def sent(address: str) -> None:
            text = _tr("Comprovante enviado para %1.").replace("%1", address)
            bar.show_info(text)
            dialogs().information(parent, _tr("Enviar por e-mail"), text)

        ctx.write(
            ("ticket-receipt-email", chosen),
            lambda: ticket_receipts.email_receipt(ctx.db, ctx.actor, chosen),
            origin=self,
            owner=parent,
            on_success=sent,
            on_error=bar.show_error,
        )
