"""Compra de Crédito (SPEC §1.9): buy SMS credits for a plan, print the boleto, follow it.

The form (plan, credit value) gets one **idempotency key** when it is filled: a double
click, a retry after an error or a second click on the same form records one purchase (the
service returns the purchase already recorded under that key).  Choosing another plan or
value, or **Nova compra**, starts a new form with a new key.  Below: the purchases with
their progress through the back office, and the SMS account (login and balance).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import SmsPurchaseStatus
from desktop.reports.boleto import document_from_info, render_boleto
from desktop.services import boletos, sms_credits, tickets
from desktop.services.sms_credits import AccountInfo, CreditOption, PurchaseItem
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.list_models import TintedModel, whole_list
from desktop.ui.print_job import Document, print_job
from desktop.ui.query_model import RIGHT, Column
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs.base import SubscriberTab, TabContext, is_kiosk
from desktop.ui.widgets import BusyIndicator, data_table, fit_columns


def _tr(text: str) -> str:
    return QCoreApplication.translate("SmsCreditsTab", text)


def status_color(item: PurchaseItem) -> str | None:
    return {
        SmsPurchaseStatus.AWAITING_PAYMENT: fmt.AMBER,
        SmsPurchaseStatus.TRANSFERRED: fmt.GREEN,
        SmsPurchaseStatus.CANCELLED: fmt.GREY,
    }.get(item.status)


def option_text(option: CreditOption) -> str:
    """1.000 SMS — R$ 90,00"""
    return f"{fmt.number(option.quantity)} SMS — {fmt.money(option.price)}"


def purchase_columns() -> list[Column]:
    return [
        Column(_tr("Data"), lambda p: fmt.when_by(p.created_at, p.created_by)),
        Column(_tr("Contrato"), lambda p: p.contract_number),
        Column(_tr("Quantidade"), lambda p: f"{fmt.number(p.quantity)} SMS", RIGHT),
        Column(_tr("Valor"), lambda p: fmt.money(p.price), RIGHT),
        Column(_tr("Situação"), lambda p: fmt.sms_purchase_status(p.status), foreground=status_color),
        Column(
            _tr("Pagamento confirmado"),
            lambda p: fmt.when_by(p.paid_confirmed_at, p.paid_confirmed_by),
        ),
        Column(
            _tr("Transferência"),
            lambda p: fmt.when_by(p.transferred_at, p.transferred_by),
            tooltip=lambda p: (
                _tr("Referência: %1").replace("%1", p.transfer_reference)
                if p.transfer_reference
                else None
            ),
        ),
    ]


class SmsCreditsTab(SubscriberTab):
    menu = Menu.SMS_CREDITS
    title_text = "Compra de Crédito"
    watches = frozenset({"sms"})  # a purchase paid or transferred in the back office

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setAccessibleName(_tr("Plano"))
        self.value_combo = QComboBox(self)
        self.value_combo.setAccessibleName(_tr("Valor de crédito"))
        for combo in (self.plan_combo, self.value_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(220)
        self.plan_combo.currentIndexChanged.connect(self._form_changed)
        self.value_combo.currentIndexChanged.connect(self._form_changed)
        self.buy_button = QPushButton(_tr("Comprar"), self)
        self.buy_button.setObjectName("primary")
        self.buy_button.clicked.connect(self.buy)
        self.new_button = QPushButton(_tr("Nova compra"), self)
        self.new_button.setToolTip(_tr("Começar outra compra (mesmo plano e valor)"))
        self.new_button.clicked.connect(self.new_form)
        self.new_button.setVisible(False)
        self.busy = BusyIndicator(self)
        self.message = ResultBar(
            context.task_runner, allow_save=not is_kiosk(context.actor), parent=self
        )

        # A flow row: each field keeps its size (the plan box used to shrink to "CT-2023-000"
        # while the busy bar was shown) and the row wraps on a narrow screen.
        form_box = QWidget(self)
        form = FlowLayout(form_box, spacing=8)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        form_box.setSizePolicy(policy)
        for text, widget in (
            (_tr("Plano:"), self.plan_combo),
            (_tr("Valor de crédito:"), self.value_combo),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            form.addWidget(caption)
            form.addWidget(widget)
            form.addSpacing(12)
        form.addWidget(self.buy_button)
        form.addWidget(self.new_button)
        form.addSpacing(12)
        form.addWidget(self.busy)
        form.addStretch(1)

        self.model = TintedModel(
            purchase_columns(), key=lambda p: p.id, task_runner=context.task_runner, parent=self
        )
        self.model.failed.connect(self.message.show_error)
        self.model.page_loaded.connect(self._history_loaded)
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Compras de crédito"))
        fit_columns(
            self.table,
            {
                0: "00/00/0000 00:00 (atendente)",
                1: "CT-0000-000000",
                2: "100.000 SMS",
                3: "R$ 9.999,99",
                4: "Aguardando pagamento",
                5: "00/00/0000 00:00 (financeiro)",
            },
            stretch=6,
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.boleto_button = QPushButton(_tr("Imprimir boleto"), self)
        self.boleto_button.clicked.connect(self.print_boleto)
        self.account_label = QLabel(self)
        self.account_label.setObjectName("smsAccount")
        self.account_label.setWordWrap(True)
        account_frame = QFrame(self)
        account_frame.setObjectName("totalsPanel")
        frame_layout = QHBoxLayout(account_frame)
        frame_layout.setContentsMargins(12, 8, 12, 8)
        frame_layout.addWidget(self.account_label, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(account_frame, 1)
        bottom.addWidget(self.boleto_button)
        history_title = QLabel(_tr("Compras deste assinante"), self)
        history_title.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(form_box)
        layout.addWidget(self.message)
        layout.addSpacing(6)
        layout.addWidget(history_title)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._key = self._new_key()
        self._contract_numbers: dict[int, str] = {}
        self._options: dict[int, CreditOption] = {}
        self._accounts: list[AccountInfo] | None = None
        self._filling = False
        self._reselect: int | None = None
        self._update_buttons()

    # ------------------------------------------------------------------ loading
    @staticmethod
    def _new_key() -> str:
        return "compra-" + uuid.uuid4().hex

    @property
    def purchase_key(self) -> str:
        """The idempotency key of the form on screen."""
        return self._key

    def refresh(self) -> None:
        if not self.loaded_once:
            self.load_form()
        self.reload()

    def load_form(self) -> None:
        self.mark_loaded()
        ctx = self.context

        def work() -> tuple[list[tuple[int, str, str]], list[CreditOption]]:
            plans = sms_credits.sms_contracts(ctx.db, ctx.actor, ctx.workspace.id)
            return plans, sms_credits.credit_options(ctx.db)

        ctx.task_runner.submit(
            ("sms-form", id(self)),
            work,
            on_success=self._fill_form,
            on_error=self.message.show_error,
            owner=self,
        )

    def _fill_form(self, data: tuple[list[tuple[int, str, str]], list[CreditOption]]) -> None:
        plans, options = data
        self._contract_numbers = {contract_id: number for contract_id, number, _plan in plans}
        self._options = {option.id: option for option in options}
        self._filling = True
        try:
            self.plan_combo.clear()
            for contract_id, number, plan in plans:
                self.plan_combo.addItem(f"{plan} — {_tr('contrato')} {number}", contract_id)
            self.value_combo.clear()
            for option in options:
                self.value_combo.addItem(option_text(option), option.id)
        finally:
            self._filling = False
        if not plans:
            self.message.show_info(_tr("Este assinante não tem plano que envie SMS."))
        elif not options:
            self.message.show_info(
                _tr("Nenhum valor de crédito à venda (Painel de Configurações).")
            )
        self.new_form()
        self._render_accounts()

    def reload(self, reselect: int | None = None) -> None:
        ctx = self.context
        self._reselect = reselect
        self.model.reset(
            whole_list(lambda: sms_credits.history(ctx.db, ctx.actor, ctx.workspace.id))
        )
        ctx.task_runner.submit(
            ("sms-accounts", id(self)),
            lambda: sms_credits.accounts(ctx.db, ctx.actor, ctx.workspace.id),
            on_success=self._show_accounts,
            on_error=self.message.show_error,
            owner=self,
        )

    def _history_loaded(self, _count: int) -> None:
        if self._reselect is not None:
            row = self.model.find_row(lambda p: p.id == self._reselect)
            if row >= 0:
                self.table.selectRow(row)
            self._reselect = None
        self._update_buttons()

    def _show_accounts(self, accounts: list[AccountInfo]) -> None:
        self._accounts = accounts
        self._render_accounts()

    def _render_accounts(self) -> None:
        """Also run when the plans arrive (they name the contracts); the two load apart."""
        accounts = self._accounts
        if accounts is None:
            return
        if not accounts:
            self.account_label.setText(
                _tr(
                    "Conta SMS: ainda não criada. Ela é criada, com login e senha, quando os "
                    "primeiros créditos forem transferidos."
                )
            )
            return
        lines = [
            _tr("Conta SMS do contrato %1: login %2 — saldo %3 SMS")
            .replace("%1", self._contract_numbers.get(a.contract_id, str(a.contract_id)))
            .replace("%2", a.login)
            .replace("%3", fmt.number(a.balance))
            for a in accounts
        ]
        self.account_label.setText("\n".join(lines))

    # ------------------------------------------------------------------ form
    def _form_changed(self, *_args: Any) -> None:
        if not self._filling:
            self.new_form()

    def new_form(self) -> None:
        """A new purchase: a new idempotency key."""
        self._key = self._new_key()
        self.new_button.setVisible(False)
        self.buy_button.setVisible(True)
        self._update_buttons()

    def selected(self) -> PurchaseItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        running = self.context.task_runner.is_running(("sms-buy", self._key))
        self.buy_button.setEnabled(
            self.plan_combo.currentData() is not None
            and self.value_combo.currentData() is not None
            and not running
        )
        item = self.selected()
        self.boleto_button.setEnabled(
            item is not None
            and item.status is SmsPurchaseStatus.AWAITING_PAYMENT
            and item.receivable_id is not None
        )

    def buy(self) -> None:
        contract_id = self.plan_combo.currentData()
        value_id = self.value_combo.currentData()
        if contract_id is None or value_id is None:
            return
        # One click used to buy R$ 90,00 at once: the person confirms what is bought first.
        question = (
            _tr("Comprar %1 SMS por %2 para %3?")
            .replace("%1", fmt.number(self._option_quantity()))
            .replace("%2", fmt.money(self._option_price()))
            .replace("%3", self.plan_combo.currentText())
            + "\n\n"
            + _tr(
                "Será gerado um boleto com vencimento em %1 dias; os créditos são liberados "
                "depois da confirmação do pagamento."
            ).replace("%1", str(sms_credits.PAYMENT_DAYS))
        )
        if not dialogs().question(self, _tr("Confirmar compra de crédito"), question):
            return
        ctx = self.context
        key = self._key
        self.buy_button.setEnabled(False)  # before submit: a synchronous pool ends inside it
        self.busy.set_busy(True)
        ctx.write(  # the purchase's bill is new in Segunda via and Extrato Financeiro
            ("sms-buy", key),
            lambda: sms_credits.buy(
                ctx.db, ctx.actor, ctx.workspace.id, contract_id, value_id, key
            ),
            origin=self,
            on_success=self._bought,
            on_error=self.message.show_error,
            on_finished=self._buy_finished,
        )

    def _option_quantity(self) -> int:
        option = self._options.get(self.value_combo.currentData())
        return option.quantity if option else 0

    def _option_price(self) -> Any:
        option = self._options.get(self.value_combo.currentData())
        return option.price if option else 0

    def _bought(self, item: PurchaseItem) -> None:
        self.buy_button.setVisible(False)  # "Comprar" beside "Nova compra" was unclear
        self.new_button.setVisible(True)
        if item.already_registered:
            text = (
                _tr(
                    "Esta compra já está registrada (nada foi comprado de novo): "
                    "%1 SMS por %2 (contrato %3), em %4. Ela está selecionada na lista abaixo."
                )
                .replace("%1", fmt.number(item.quantity))
                .replace("%2", fmt.money(item.price))
                .replace("%3", item.contract_number)
                .replace("%4", fmt.local_datetime(item.created_at))
            )
            self.message.show_info(text)
            dialogs().information(self, _tr("Compra de Crédito"), text)
            self.reload(reselect=item.id)
            return
        self.context.record(
            tickets.ACTION_PURCHASE,
            f"Compra de {item.quantity} créditos de SMS (compra {item.id}, contrato {item.contract_number}).",
        )
        text = (
            _tr("Compra registrada: %1 SMS por %2 (contrato %3).")
            .replace("%1", fmt.number(item.quantity))
            .replace("%2", fmt.money(item.price))
            .replace("%3", item.contract_number)
            + " "
            + _tr(
                "Os créditos são liberados depois da confirmação do pagamento. "
                "Imprima o boleto abaixo."
            )
        )
        self.message.show_info(text)
        dialogs().information(self, _tr("Compra de Crédito"), text)
        self.reload(reselect=item.id)

    def _buy_finished(self) -> None:
        self.busy.set_busy(False)
        self._update_buttons()

    # ------------------------------------------------------------------ boleto
    def print_boleto(self) -> None:
        item = self.selected()
        if item is None or item.receivable_id is None:
            return
        ctx = self.context
        receivable_id = item.receivable_id

        title = _tr("Boleto — créditos SMS")

        def build() -> Document:
            info = boletos.boleto_for_receivable(ctx.db, ctx.actor, receivable_id)
            return Document(render_boleto(document_from_info(info)), title)

        print_job(  # the first print registers the bill's boleto: the others hear of it
            ctx.task_runner,
            ("sms-boleto", receivable_id),
            build,
            self.message,
            broadcast=lambda changes: ctx.broadcast(changes, self),
        )
