"""Habilitação Provisória (SPEC §1.7): re-enable, for a few days, a plan suspended for debt.

The list shows the subscriber's suspended (or provisionally enabled) plans and, for each,
whether it may be enabled now or why not, in words (the service decides; the rules are in
the Painel de Configurações).  **Habilitar** asks for confirmation, runs in the worker pool
(one in-flight key per contract; two counters at once still make one enablement, the
database refuses the second) and shows the expiry and the protocol of the atendimento.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus
from desktop.services import enablement, receipts, settings
from desktop.services.enablement import EnablementOption, EnablementResult
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.list_models import TintedModel, whole_list
from desktop.ui.print_job import print_job, receipt_document
from desktop.ui.query_model import Column
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs.base import SubscriberTab, TabContext, is_kiosk
from desktop.ui.widgets import BusyIndicator, MessageLine, data_table, fit_columns

VISIBLE_ROWS = 6  # more plans than this scroll


def _tr(text: str) -> str:
    return QCoreApplication.translate("EnablementTab", text)


def situation(option: EnablementOption) -> str:
    text = fmt.contract_status(option.status)
    if option.status is ContractStatus.PROVISIONAL and option.enabled_until is not None:
        text += " " + _tr("até %1").replace("%1", fmt.local_datetime(option.enabled_until))
    return text


def may_enable_words(option: EnablementOption) -> str:
    return _tr("Sim") if option.allowed else _tr("Não: %1").replace("%1", option.reason)


def result_text(result: EnablementResult) -> str:
    """What the person reads after enabling: the expiry and the protocol (and NAS warnings)."""
    text = (
        _tr("Plano habilitado até %1 — protocolo %2")
        .replace("%1", fmt.local_datetime(result.enabled_until))
        .replace("%2", display_protocol(result.protocol))
    )
    if result.warnings:
        text += "\n\n" + _tr("Atenção:") + "\n" + "\n".join(f"• {w}" for w in result.warnings)
    return text


def enablement_columns() -> list[Column]:
    def color(option: EnablementOption) -> str | None:
        return fmt.GREEN if option.allowed else fmt.GREY

    return [
        Column(_tr("Contrato"), lambda o: o.number),
        Column(_tr("Plano"), lambda o: o.plan),
        Column(
            _tr("Situação"),
            situation,
            foreground=lambda o: fmt.AMBER if o.status is ContractStatus.SUSPENDED_DEBT else None,
        ),
        Column(
            _tr("Pode habilitar?"),
            may_enable_words,
            tooltip=lambda o: o.reason or None,
            foreground=color,
        ),
    ]


class EnablementTab(SubscriberTab):
    menu = Menu.ENABLEMENT
    title_text = "Habilitação Provisória"
    # A payment elsewhere may end the suspension: the plan leaves this list.
    watches = frozenset({"enablements", "receivables"})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        intro = QLabel(
            _tr(
                "Planos suspensos por falta de pagamento podem ser habilitados por alguns dias, "
                "uma vez por suspensão. O motivo aparece quando não for possível."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.busy = BusyIndicator(self)
        self.message = MessageLine(self)
        self.model = TintedModel(
            enablement_columns(),
            key=lambda o: o.contract_id,
            task_runner=context.task_runner,
            parent=self,
        )
        self.model.loading_changed.connect(self._update_busy)
        self.model.failed.connect(self.message.show_error)
        self.model.page_loaded.connect(self._loaded)
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Planos suspensos"))
        fit_columns(
            self.table,
            {
                0: "CT-0000-000000",
                1: "Internet 300 Mega + Fone",
                2: "Habilitado provisoriamente até 00/00/0000 00:00",
            },
            stretch=3,
        )
        self.table.selectionModel().selectionChanged.connect(self._update_selection)
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(header + VISIBLE_ROWS * row + 4)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("enablementReason")
        self.reason_label.setWordWrap(True)
        self.enable_button = QPushButton(_tr("Habilitar"), self)
        self.enable_button.setObjectName("primary")
        self.enable_button.setEnabled(False)
        self.enable_button.clicked.connect(self.enable_selected)
        # After an enablement: its receipt (the thermal printer when the station has one).
        self.receipt_button = QPushButton(_tr("Imprimir comprovante"), self)
        self.receipt_button.setVisible(False)
        self.receipt_button.clicked.connect(self.print_receipt)
        self._enabled_contract: int | None = None
        self.result_bar = ResultBar(
            context.task_runner, allow_save=not is_kiosk(context.actor), parent=self
        )
        self.result_bar.setVisible(False)

        bar = QHBoxLayout()
        bar.setSpacing(12)
        bar.addWidget(self.reason_label, 1)
        bar.addWidget(self.busy)
        bar.addWidget(self.receipt_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.enable_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        layout.addWidget(self.result_bar)
        layout.addStretch(1)  # a subscriber has a few plans: no tall empty table
        self._enabling = False
        self._days: int | None = None

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self.reload()

    def _read_days(self) -> int:
        return int(settings.read(self.context.db, "enablement.days"))

    def _days_loaded(self, days: int) -> None:
        self._days = days

    def reload(self) -> None:
        self.mark_loaded()
        ctx = self.context
        ctx.task_runner.submit(
            ("enablement-days", id(self)),
            self._read_days,
            on_success=self._days_loaded,
            on_error=lambda _message: None,  # read again when the question is asked
            owner=self,
        )
        self.model.reset(
            whole_list(lambda: enablement.eligible_contracts(ctx.db, ctx.actor, ctx.workspace.id))
        )
        self._update_selection()

    def _loaded(self, _count: int) -> None:
        if self.model.rowCount() == 0:
            self.message.show_info(_tr("Nenhum plano suspenso para este assinante."))
        elif not self.table.selectionModel().hasSelection():
            first_allowed = self.model.find_row(lambda o: o.allowed)
            self.table.selectRow(max(first_allowed, 0))
        self._update_selection()

    def _update_busy(self, *_args: Any) -> None:
        self.busy.set_busy(self.model.loading or self._enabling)

    # ------------------------------------------------------------------ selection
    def selected(self) -> EnablementOption | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_contract(self, contract_id: int) -> bool:
        row = self.model.find_row(lambda o: o.contract_id == contract_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_selection(self, *_args: Any) -> None:
        option = self.selected()
        if option is None:
            self.reason_label.clear()
        elif option.allowed:
            self.reason_label.setText(
                _tr("O plano %1 (contrato %2) pode ser habilitado provisoriamente.")
                .replace("%1", option.plan)
                .replace("%2", option.number)
            )
        else:
            self.reason_label.setText(
                _tr("Não é possível habilitar: %1").replace("%1", option.reason)
            )
        self.enable_button.setEnabled(option is not None and option.allowed and not self._enabling)

    # ------------------------------------------------------------------ enable
    def enable_selected(self) -> None:
        option = self.selected()
        if option is None or not option.allowed or self._enabling:
            return
        days = self._days if self._days is not None else self._read_days()
        # The end the service will give (now + the configured days), to the minute: the
        # person agrees to a date, not to "o fim do prazo".
        until = fmt.local_datetime(utcnow() + dt.timedelta(days=days))
        end_date, end_time = until.split(" ")
        question = (
            _tr("Habilitar provisoriamente o plano %1 (contrato %2)?")
            .replace("%1", option.plan)
            .replace("%2", option.number)
            + "\n\n"
            + _tr("A habilitação vale %1 dias: até %2 às %3 (horário de Brasília).")
            .replace("%1", str(days))
            .replace("%2", end_date)
            .replace("%3", end_time)
            + "\n"
            + _tr(
                "O acesso volta em instantes. Se o débito não for pago até lá, "
                "o plano é suspenso de novo automaticamente."
            )
        )
        if not dialogs().question(self, _tr("Habilitação Provisória"), question):
            return
        ctx = self.context
        contract_id = option.contract_id
        self._enabling = True  # before submit: a synchronous pool ends inside it
        self._update_selection()
        self._update_busy()
        ctx.write(  # the header's contract status follows (the broadcast refreshes it)
            ("enable", contract_id),
            lambda: enablement.enable(
                ctx.db, ctx.actor, ctx.workspace.id, contract_id, ticket_id=ctx.session_ticket_id
            ),
            origin=self,
            on_success=self._enabled,
            on_error=self._failed,
            on_finished=self._finished,
        )

    def _enabled(self, result: EnablementResult) -> None:
        self._enabled_contract = result.contract_id
        self.receipt_button.setVisible(True)
        text = result_text(result)
        self.message.show_info(text.split("\n", 1)[0])
        if result.warnings:
            dialogs().warning(self, _tr("Habilitação Provisória"), text)
        else:
            dialogs().information(self, _tr("Habilitação Provisória"), text)

    def _failed(self, message: str) -> None:
        self.message.show_error(message)
        dialogs().warning(self, _tr("Habilitação Provisória"), message)

    def _finished(self) -> None:
        self._enabling = False
        self.reload()
        self._update_busy()

    def print_receipt(self) -> None:
        """The receipt of the enablement just made: contract, until when, protocol."""
        contract_id = self._enabled_contract
        if contract_id is None:
            return
        ctx = self.context
        self.result_bar.setVisible(True)
        title = _tr("Comprovante de habilitação provisória")
        print_job(
            ctx.task_runner,
            ("enablement-receipt", contract_id),
            lambda: receipt_document(
                receipts.enablement_receipt_documents(
                    ctx.db, ctx.actor, ctx.workspace.id, contract_id
                ),
                title,
            ),
            self.result_bar,
            done_text=_tr("Comprovante enviado para a impressora %1."),
        )
