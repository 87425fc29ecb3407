"""Segunda via Boleto (SPEC §1.5): the open bills and their boletos, printed or saved as PDF.

The list comes from ``boletos.open_bills`` (due up to the configured days ahead, and overdue
ones within the payment limit; a kiosk also sees those past the limit, marked *pagar no
balcão*).  It goes through the shared query model as one page (the service caps it).

* *Imprimir*: the selected bill's boleto (registered on first use, then always the same);
* *Salvar PDF…* (counter only): the same PDF to a file chosen through the dialog seam;
* *Imprimir todos*: every reprintable open bill in one PDF, one print job.

The boleto, its PDF and the printing run in the worker.  Afterwards the linha digitável is
shown in a selectable, fixed-width line, so the attendant can read it to the subscriber.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import UserError
from desktop.reports.boleto import document_from_info, render_boleto, render_boletos
from desktop.services import boletos, tickets
from desktop.services.boletos import BoletoInfo, OpenBill
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.files import PDF_FILTER, write_file
from desktop.ui.pix_button import PixPayBar
from desktop.ui.print_job import Document, PrintOutcome
from desktop.ui.query_model import LEFT, RIGHT, Column, QueryModel
from desktop.ui.tabs.base import TabContext
from desktop.ui.tabs.list_tab import ListTab
from desktop.ui.widgets import (
    data_table,
    fit_columns,
    monospace_label,
)

LIST_LIMIT = 500  # open_bills returns at most this many: one page
COLUMN_SAMPLES = {
    0: "00/00/0000",
    2: "R$ 99.999,99",
    3: "Vencido há 59 dias — valor atualizado R$ 9.999,99 (informativo)",
}
CONFIRMATION_STYLE = (
    "QFrame#boletoConfirmation { background: #e1ecfd; border: 1px solid #8fb0e6;"
    " border-radius: 4px; }"
    "QLabel#digitableLine { color: #1f2328; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoletosTab", text)


def situation(bill: OpenBill) -> str:
    if not bill.reprintable:
        return _tr("Fora do prazo: pagar no balcão")
    if bill.overdue_days > 0:
        days = (
            _tr("Vencido há 1 dia")
            if bill.overdue_days == 1
            else _tr("Vencido há %n dias").replace("%n", str(bill.overdue_days))
        )
        updated = _tr("valor atualizado %1 (informativo)").replace(
            "%1", fmt.money(bill.updated_amount)
        )
        return f"{days} — {updated}"
    return _tr("A vencer")


def _situation_tooltip(bill: OpenBill) -> str | None:
    if not bill.reprintable:
        return _tr("O prazo para pagar terminou em %1. Procure o balcão de atendimento.").replace(
            "%1", fmt.date_br(bill.payment_limit)
        )
    if bill.overdue_days > 0:
        return (
            _tr("Multa %1 + juros %2 até hoje. O boleto sai como registrado no banco;")
            .replace("%1", fmt.money(bill.fine))
            .replace("%2", fmt.money(bill.interest))
            + " "
            + _tr("os encargos são cobrados no pagamento. Pagável até %1.").replace(
                "%1", fmt.date_br(bill.payment_limit)
            )
        )
    return None


def _color(bill: OpenBill) -> str | None:
    if not bill.reprintable:
        return fmt.GREY
    return fmt.RED if bill.overdue_days > 0 else None


def bill_columns() -> list[Column]:
    return [
        Column(_tr("Vencimento"), lambda b: fmt.date_br(b.due_date), LEFT, foreground=_color),
        Column(
            _tr("Descrição"),
            lambda b: b.description,
            tooltip=lambda b: b.description,
            foreground=_color,
        ),
        Column(_tr("Valor"), lambda b: fmt.money(b.amount), RIGHT, foreground=_color),
        Column(_tr("Situação"), situation, LEFT, tooltip=_situation_tooltip, foreground=_color),
    ]


def digitable_lines(infos: list[BoletoInfo]) -> str:
    """One line per boleto: due date, amount and the linha digitável (spaced for reading)."""
    if len(infos) == 1:
        return infos[0].formatted_line
    return "\n".join(
        f"{fmt.date_br(i.due_date)}  {fmt.money(i.amount):>13}  {i.formatted_line}" for i in infos
    )


def _done_text(document: Document) -> str:
    if len(document.extra) == 1:
        return _tr("Boleto enviado para a impressora %1.")
    return _tr("%n boletos enviados para a impressora %1.").replace("%n", str(len(document.extra)))


class BoletosTab(ListTab):
    menu = Menu.BOLETOS
    title_text = "Segunda via Boleto"
    watches = frozenset({"receivables"})
    selects_the_only_row = True
    print_button: QPushButton  # the selected bill's boleto

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.print_button = self.button(
            _tr("Imprimir"), _tr("Imprimir o boleto selecionado"), self.print_selected, primary=True
        )
        self.save_button = self.button(
            _tr("Salvar PDF…"), _tr("Gravar o boleto selecionado em PDF"), self.save_selected
        )
        self.save_button.setVisible(not self.kiosk)  # a kiosk never shows a file dialog
        self.print_all_button = self.button(
            _tr("Imprimir todos"),
            _tr("Imprimir todos os boletos em aberto, de uma vez"),
            self.print_all,
        )
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.print_button, self.save_button, self.print_all_button):
            actions.addWidget(button)
        actions.addSpacing(10)
        actions.addWidget(self.busy)
        actions.addStretch(1)

        self.set_model(
            QueryModel(
                bill_columns(),
                key=lambda bill: (bill.due_date, bill.receivable_id),
                page_size=LIST_LIMIT,
                task_runner=context.task_runner,
                parent=self,
            ),
            data_table(self),
        )
        self.table.setAccessibleName(_tr("Contas em aberto"))
        fit_columns(self.table, COLUMN_SAMPLES, stretch=1)
        self.pix = PixPayBar(context, self.table, self)

        self.confirmation = QFrame(self)
        self.confirmation.setObjectName("boletoConfirmation")
        self.confirmation.setStyleSheet(CONFIRMATION_STYLE)
        self.confirmation_title = QLabel(self.confirmation)
        self.confirmation_title.setWordWrap(True)
        self.digitable = monospace_label(self.confirmation)
        self.digitable.setAccessibleName(_tr("Linha digitável"))
        box = QVBoxLayout(self.confirmation)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(4)
        box.addWidget(self.confirmation_title)
        box.addWidget(self.digitable)
        self.confirmation.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pix)
        layout.addWidget(self.confirmation)
        self.update_buttons()

    # ------------------------------------------------------------------ list
    def reload(self) -> None:
        self.view()

    def page(self, flt: None, after: Any, limit: int) -> list[OpenBill]:
        if after is not None:
            return []  # the service returns the whole (capped) list at once
        ctx = self.context
        return boletos.open_bills(
            ctx.db, ctx.actor, ctx.workspace.id, ctx.today(), include_expired=self.kiosk
        )

    def empty_message(self) -> str:
        return _tr("Nenhuma conta em aberto para reimprimir.")

    def reprintable(self) -> list[OpenBill]:
        return [bill for bill in self.model.rows() if bill.reprintable]

    def update_buttons(self, *_args: object) -> None:
        bill = self.selected()
        one = bill is not None and bill.reprintable
        self.print_button.setEnabled(one and not self.working("print"))
        self.save_button.setEnabled(one and not self.working("save"))
        self.print_all_button.setEnabled(bool(self.reprintable()) and not self.working("print-all"))

    # ------------------------------------------------------------------ actions
    def _boleto(self, receivable_id: int) -> BoletoInfo:
        ctx = self.context
        return boletos.boleto_for_receivable(ctx.db, ctx.actor, receivable_id, today=ctx.today())

    def _print(self, what: str, build: Any) -> None:
        self.confirmation.setVisible(False)
        self.start_print(what, build, done_text=_done_text, on_done=self._printed)

    def print_selected(self) -> None:
        """*Imprimir*: the selected bill's boleto to this station's printer."""
        bill = self.selected()
        if bill is None or not bill.reprintable:
            return
        title = _tr("Boleto — %1").replace("%1", bill.description)

        def build() -> Document:
            info = self._boleto(bill.receivable_id)
            return Document(render_boleto(document_from_info(info)), title, extra=[info])

        self._print("print", build)

    def print_all(self) -> None:
        """*Imprimir todos*: every reprintable open bill, one page each, in one job."""
        if not self.reprintable():
            return
        ctx = self.context
        title = _tr("Boletos em aberto — %1").replace("%1", ctx.workspace.name)

        def build() -> Document:
            infos = boletos.open_boletos(ctx.db, ctx.actor, ctx.workspace.id, ctx.today())
            if not infos:
                raise UserError("Nenhuma conta em aberto para reimprimir.")
            pdf = render_boletos([document_from_info(info) for info in infos])
            return Document(pdf, title, extra=infos)

        self._print("print-all", build)

    def _printed(self, outcome: PrintOutcome, document: Document) -> None:
        self._show_lines(document.extra)
        if outcome.printed:
            self._record_reprint(document.extra, "impressa")

    def save_selected(self) -> None:
        """*Salvar PDF…* (counter): the selected bill's boleto to a file."""
        bill = self.selected()
        if bill is None or not bill.reprintable or self.kiosk:
            return
        suggested = f"boleto-{bill.due_date:%Y-%m-%d}-{bill.receivable_id}.pdf"
        path = dialogs().save_file(self, _tr("Salvar boleto em PDF"), suggested, _tr(PDF_FILTER))
        if path is None:
            return

        def job() -> tuple[Path, list[BoletoInfo]]:
            info = self._boleto(bill.receivable_id)
            return write_file(path, render_boleto(document_from_info(info))), [info]

        self.confirmation.setVisible(False)
        self.run("save", job, lambda result: self._saved(*result))

    def _saved(self, path: Path, infos: list[BoletoInfo]) -> None:
        self.result.show_info(_tr("Boleto salvo em %1.").replace("%1", str(path)))
        self._show_lines(infos)
        self._record_reprint(infos, "salva em PDF")

    def _record_reprint(self, infos: list[BoletoInfo], how: str) -> None:
        bills = ", ".join(f"{i.due_date:%d/%m/%Y} ({i.receivable_id})" for i in infos)
        self.context.record(tickets.ACTION_REPRINT, f"Segunda via {how}: vencimento {bills}.")

    def _show_lines(self, infos: list[BoletoInfo]) -> None:
        if self.kiosk:  # the subscriber reads this screen: no words meant for the attendant
            title = (
                _tr("Linha digitável do seu boleto (para pagar pelo aplicativo do banco):")
                if len(infos) == 1
                else _tr("Linhas digitáveis dos seus boletos (vencimento, valor, linha):")
            )
        else:
            title = (
                _tr("Linha digitável (para ler ao assinante):")
                if len(infos) == 1
                else _tr("Linhas digitáveis (vencimento, valor, linha):")
            )
        self.confirmation_title.setText(title)
        self.digitable.setText(digitable_lines(infos))
        self.confirmation.setVisible(True)
        self.digitable.setFocus(Qt.FocusReason.OtherFocusReason)
