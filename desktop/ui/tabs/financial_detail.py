"""Extrato Financeiro → a bill's detail: its payments and what the bank said about it.

Opened by a double click on a line of the statement.  Payments show the bank's figures from
the return file (fee, interest, credit date) and the ones kept for refund (paid twice); the
bank's occurrences (entrada confirmada, rejeitada with its motives, baixa, tarifas) come from
``import retorno``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop.services import financial
from desktop.services.financial import FinancialItem, ReceivableDetail
from desktop.ui import formatting as fmt
from desktop.ui.tabs.base import TabContext
from desktop.ui.widgets import MessageLine, close_buttons, data_table

PAYMENT_HEADERS = ["Data", "Valor", "Forma", "Tarifa", "Juros", "Desconto", "Crédito", "Observação"]
OCCURRENCE_HEADERS = ["Data", "Banco", "Nosso número", "Ocorrência", "Valor", "Arquivo"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FinancialDetail", text)


def _model(parent: QWidget, headers: list[str], rows: list[list[str]]) -> QStandardItemModel:
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels([_tr(h) for h in headers])
    for row in rows:
        items = [QStandardItem(text) for text in row]
        for item in items:
            item.setEditable(False)
        model.appendRow(items)
    return model


def payment_rows(detail: ReceivableDetail) -> list[list[str]]:
    return [
        [
            fmt.local_date(p.paid_at),
            fmt.money(p.amount),
            fmt.payment_method(p.method),
            fmt.money(p.fee),
            fmt.money(p.interest),
            fmt.money(p.discount),
            fmt.date_br(p.credited_on),
            (_tr("pago em duplicidade: a devolver") + " · " if p.duplicate else "") + p.reference,
        ]
        for p in detail.payments
    ]


def occurrence_rows(detail: ReceivableDetail) -> list[list[str]]:
    return [
        [
            fmt.date_br(o.occurred_on),
            o.bank_code,
            o.nosso_numero,
            f"{o.occurrence} {o.description}",
            fmt.money(o.amount),
            f"{o.file_name.rsplit('/', 1)[-1]}:{o.line}",
        ]
        for o in detail.occurrences
    ]


class ReceivableDetailDialog(QDialog):
    def __init__(self, context: TabContext, item: FinancialItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Detalhe da conta %1").replace("%1", str(item.receivable_id)))
        self.heading = QLabel(
            f"{item.description} · {fmt.date_br(item.due_date)} · {fmt.money(item.amount)}", self
        )
        self.heading.setStyleSheet("font-weight: 600;")
        self.message = MessageLine(self)
        self.payments_table = data_table(self)
        self.occurrences_table = data_table(self)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(_tr("Pagamentos"), self))
        layout.addWidget(self.payments_table, 1)
        layout.addWidget(QLabel(_tr("Ocorrências do banco (arquivos de retorno)"), self))
        layout.addWidget(self.occurrences_table, 1)
        layout.addWidget(buttons)
        self.resize(900, 460)
        db, actor, rid = context.db, context.actor, item.receivable_id
        context.task_runner.submit(
            ("receivable-detail", rid),
            lambda: financial.receivable_detail(db, actor, rid),
            on_success=self.show_detail,
            on_error=self.message.show_error,
            owner=self,
        )

    def show_detail(self, detail: ReceivableDetail) -> None:
        self.payments_table.setModel(_model(self, PAYMENT_HEADERS, payment_rows(detail)))
        self.occurrences_table.setModel(_model(self, OCCURRENCE_HEADERS, occurrence_rows(detail)))
        for table in (self.payments_table, self.occurrences_table):
            table.resizeColumnsToContents()
            table.horizontalHeader().setStretchLastSection(True)
        if not detail.payments and not detail.occurrences:
            self.message.show_info(_tr("Nenhum pagamento nem ocorrência do banco para esta conta."))


def open_detail(parent: QWidget, context: TabContext, item: FinancialItem | None) -> QDialog | None:
    if item is None:
        return None
    dialog = ReceivableDetailDialog(context, item, parent)
    dialog.setModal(False)
    dialog.show()
    return dialog
