"""Nota Fiscal (SPEC §1.4): the subscriber's NFCom, the DANFE-COM on screen, XML, print.

The list is the shared lazy model over ``invoices.list_invoices`` (newest first), loaded when
the tab is first shown.  The actions work on the selected row and stay disabled until a row
is selected:

* *Visualizar* (or a double click): the DANFE-COM rendered in the worker, shown in a QtPdf
  preview (the system PDF viewer when QtPdf is missing);
* *Salvar XML…* at the counter: where to save (the dialog seam), written in the worker; at a
  kiosk the button reads *Enviar XML por e-mail* and mails it to the registered address;
* *Imprimir*: the DANFE-COM to this station's printer.
"""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.domain.documents import mask_document
from desktop.domain.enums import InvoiceStatus
from desktop.domain.fiscal.types import NfcomInfo, Party
from desktop.domain.vocabulary.words import INVOICE_ACTIONS as ACTION_WORDS
from desktop.errors import UserError
from desktop.reports.danfe_com import render_danfe_com
from desktop.services import invoices, settings, tickets
from desktop.services.invoices import InvoiceItem
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.files import write_file
from desktop.ui.pdf_view import show_pdf
from desktop.ui.print_job import Document, PrintOutcome
from desktop.ui.query_model import CENTER, LEFT, RIGHT, Column, QueryModel
from desktop.ui.tabs.base import TabContext
from desktop.ui.tabs.list_tab import ListTab
from desktop.ui.widgets import data_table, fit_columns

COLUMN_SAMPLES = {
    0: "000.000.000",
    1: "000",
    2: "NFCom (62)",
    3: "00/00/0000 00:00",
    4: "R$ 99.999,99",
    5: "Autorizada",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("InvoicesTab", text)


def status_word(status: InvoiceStatus) -> str:
    return _tr("Autorizada") if status is InvoiceStatus.AUTHORIZED else _tr("Cancelada")


def status_text(item: InvoiceItem) -> str:
    """The status, and for a homologation document (tpAmb=2) that it has no fiscal value."""
    word = status_word(item.status)
    return word if item.has_fiscal_value else word + _tr(" — sem valor fiscal (homologação)")


def model_word(model: str) -> str:
    return _tr("NFCom (62)") if model == "62" else model


def _status_color(item: InvoiceItem) -> str | None:
    return fmt.GREY if item.status is InvoiceStatus.CANCELLED else None


def invoice_columns() -> list[Column]:
    return [
        Column(_tr("Número"), lambda i: i.number, RIGHT),
        Column(_tr("Série"), lambda i: i.series, CENTER),
        Column(_tr("Modelo"), lambda i: model_word(i.model), LEFT),
        Column(_tr("Emissão"), lambda i: fmt.local_datetime(i.issued_at)),
        Column(_tr("Valor"), lambda i: fmt.money(i.amount), RIGHT),
        Column(
            _tr("Situação"),
            status_text,
            LEFT,
            tooltip=lambda i: _tr("Chave de acesso: %1").replace("%1", i.access_key),
            foreground=_status_color,
        ),
    ]


class MaskedParty(Party):
    """The recipient as a public kiosk screen shows it: ***.982.247-** (LGPD)."""

    @property
    def document_formatted(self) -> str:
        return mask_document(self.document)


def masked_recipient(info: NfcomInfo) -> NfcomInfo:
    party = info.recipient
    values = {f.name: getattr(party, f.name) for f in fields(party)}
    return replace(info, recipient=MaskedParty(**values))


def danfe_pdf(
    db: Database, actor: Any, invoice_id: int, *, masked: bool = False
) -> tuple[str, bytes]:
    """Runs in the worker: (title, PDF bytes) of the invoice's DANFE-COM, logo included.

    ``masked``: the preview on a kiosk screen, where the header masks the CPF too; the
    printed or e-mailed document keeps the full number (issue 15, item 12).
    """
    info = invoices.invoice_info(db, actor, invoice_id)
    if masked:
        info = masked_recipient(info)
    logo: bytes | None = None
    logo_path = str(settings.read(db, "company.logo_path") or "").strip()
    if logo_path:
        try:
            logo = Path(logo_path).read_bytes()
        except OSError:
            logo = None  # the DANFE is valid without the logo
    title = f"DANFE-COM nº {info.number} série {info.series}"
    return title, render_danfe_com(info, logo)


class InvoicesTab(ListTab):
    menu = Menu.INVOICES
    title_text = "Nota Fiscal"
    selects_the_only_row = True

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.preview_button = self.button(
            _tr("Visualizar"),
            _tr("Mostrar o DANFE-COM da nota selecionada"),
            self.preview,
            primary=True,
        )
        if self.kiosk:
            self.xml_button = self.button(
                _tr("Enviar XML por e-mail"),
                _tr("Enviar o XML da nota ao e-mail cadastrado"),
                self.export_xml,
            )
        else:
            self.xml_button = self.button(
                _tr("Salvar XML…"),
                _tr("Gravar o XML autorizado da nota em um arquivo"),
                self.export_xml,
            )
        self.print_button = self.button(
            _tr("Imprimir"),
            _tr("Imprimir o DANFE-COM na impressora desta estação"),
            self.print_invoice,
        )
        self.action_buttons = (self.preview_button, self.xml_button, self.print_button)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in self.action_buttons:
            actions.addWidget(button)
        actions.addSpacing(10)
        actions.addWidget(self.busy)
        actions.addStretch(1)

        self.set_model(
            QueryModel(
                invoice_columns(),
                key=lambda item: item.sort_key,
                task_runner=context.task_runner,
                parent=self,
            ),
            data_table(self),
        )
        self.table.setAccessibleName(_tr("Notas fiscais do assinante"))
        fit_columns(self.table, COLUMN_SAMPLES, stretch=5)
        self.table.doubleClicked.connect(lambda _index: self.preview())
        self.preview_dialog: QDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        self.update_buttons()

    # ------------------------------------------------------------------ list
    def reload(self) -> None:
        self.view()

    def page(self, flt: None, after: Any, limit: int) -> list[InvoiceItem]:
        ctx = self.context
        return invoices.list_invoices(ctx.db, ctx.actor, ctx.workspace.id, after=after, limit=limit)

    def empty_message(self) -> str:
        return _tr("Nenhuma nota fiscal emitida para este assinante.")

    def update_buttons(self, *_args: object) -> None:
        """Enabled once a row is selected; an action running on it waits for its end."""
        has_row = self.selected() is not None
        for button, what in zip(self.action_buttons, ("preview", "xml", "print"), strict=True):
            button.setEnabled(has_row and not self.working(what))

    def _record(self, what: str, item: InvoiceItem) -> None:
        self.context.record(
            tickets.ACTION_INVOICE,
            f"Nota fiscal {item.number}/{item.series}: {ACTION_WORDS.get(what, what)}.",
        )

    def _run(self, what: str, item: InvoiceItem, fn: Any, on_success: Any) -> None:
        """One action on one invoice in the worker; the same action twice runs once."""

        def succeeded(result: Any) -> None:
            on_success(result)
            self._record(what, item)

        self.run(what, fn, succeeded, key=(item.id,))

    # ------------------------------------------------------------------ actions
    def preview(self) -> None:
        """*Visualizar*: the DANFE-COM on screen."""
        item = self.selected()
        if item is None:
            return
        ctx = self.context
        masked = self.kiosk
        self._run(
            "preview",
            item,
            lambda: danfe_pdf(ctx.db, ctx.actor, item.id, masked=masked),
            self._show,
        )

    def _show(self, result: tuple[str, bytes]) -> None:
        title, pdf = result
        try:
            self.preview_dialog = show_pdf(pdf, title, self)
        except UserError as exc:  # no PDF viewer at all: say where the file is
            self.result.show_error(exc.message)

    def export_xml(self) -> None:
        """Counter: *Salvar XML…*; kiosk: *Enviar XML por e-mail*."""
        item = self.selected()
        if item is None:
            return
        ctx = self.context
        if self.kiosk:
            self._run(
                "xml",
                item,
                lambda: invoices.email_invoice_xml(ctx.db, ctx.actor, item.id),
                lambda address: self.result.show_info(
                    _tr("XML da nota enviado para %1.").replace("%1", address)
                ),
            )
            return
        path = dialogs().save_file(
            self,
            _tr("Salvar XML da nota fiscal"),
            invoices.xml_file_name(item.access_key),
            _tr("XML (*.xml)"),
        )
        if path is None:
            return

        def job() -> Path:
            _name, data = invoices.invoice_xml(ctx.db, ctx.actor, item.id)
            return write_file(path, data)

        self._run(
            "xml",
            item,
            job,
            lambda saved: self.result.show_info(_tr("XML salvo em %1.").replace("%1", str(saved))),
        )

    def print_invoice(self) -> None:
        """*Imprimir*: the DANFE-COM to this station's printer."""
        item = self.selected()
        if item is None:
            return
        ctx = self.context

        def build() -> Document:
            title, pdf = danfe_pdf(ctx.db, ctx.actor, item.id)
            return Document(pdf, title)

        def printed(outcome: PrintOutcome, _document: Document) -> None:
            if outcome.printed:
                self._record("print", item)

        self.start_print("print", build, key=(item.id,), on_done=printed)
