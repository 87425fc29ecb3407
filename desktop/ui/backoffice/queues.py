"""The SMS purchase queues of the back office (SPEC §1.9).

* **Pagamentos a confirmar** (finance): purchases awaiting payment; **Confirmar pagamento**
  settles the purchase's bill and moves it to support's queue.
* **Créditos a transferir** (support): paid purchases; **Registrar transferência** records
  the quantity and the gateway's reference.  When the client had no SMS account, the service
  creates one and returns its password **once**: a slip dialog shows the login and password
  with **Imprimir comprovante** and a warning; when it closes, the password is gone (it is
  stored only as a hash).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.changes import OpChanges
from desktop.domain.clock import utcnow
from desktop.domain.enums import SmsPurchaseStatus
from desktop.reports.sms_slip import SmsAccountSlip, render_sms_slip
from desktop.services import settings, sms_credits
from desktop.services.sms_credits import PurchaseItem, TransferResult
from desktop.ui import formatting as fmt
from desktop.ui.backoffice.style import BackofficeWindow
from desktop.ui.changes import change_bus, recorded
from desktop.ui.column_fit import ContentFit
from desktop.ui.dialogs import dialogs
from desktop.ui.list_models import TintedModel, whole_list
from desktop.ui.print_job import Document, print_job
from desktop.ui.query_model import RIGHT, Column
from desktop.ui.result_bar import ResultBar
from desktop.ui.widgets import BusyIndicator, close_buttons, data_table
from desktop.ui.workers import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("Queues", text)


def queue_columns() -> list[Column]:
    return [
        Column(_tr("Compra"), lambda p: f"#{p.id}", RIGHT),
        Column(_tr("Data"), lambda p: fmt.local_datetime(p.created_at)),
        Column(_tr("Assinante"), lambda p: p.subscriber_name, tooltip=lambda p: p.subscriber_name),
        Column(_tr("Contrato"), lambda p: p.contract_number),
        Column(_tr("Quantidade"), lambda p: f"{fmt.number(p.quantity)} SMS", RIGHT),
        Column(_tr("Valor"), lambda p: fmt.money(p.price), RIGHT),
        Column(_tr("Comprado por"), lambda p: fmt.actor_name(p.created_by)),
        Column(_tr("Situação"), lambda p: fmt.sms_purchase_status(p.status)),
        Column(
            _tr("Pagamento confirmado"),
            lambda p: fmt.when_by(p.paid_confirmed_at, p.paid_confirmed_by),
        ),
    ]


class QueueWindow(BackofficeWindow):
    """A queue of SMS purchases in one status, oldest first, with one action."""

    status: SmsPurchaseStatus
    title_text: str

    def _done(self, shown: Callable[[Any], None], result: Any, changes: OpChanges) -> None:
        """A write succeeded: its result on screen, then what it changed to the open
        subscriber tabs (a counter's SMS tab shows the purchase paid or transferred)."""
        shown(result)
        change_bus().broadcast(changes, self)

    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            db, actor, _tr(self.title_text), "queueWindow", task_runner=task_runner, parent=parent
        )
        title = self.title_label
        self.busy = BusyIndicator(self)
        self.result_bar = ResultBar(self.task_runner, allow_save=True, parent=self)
        self.model = TintedModel(
            queue_columns(), key=lambda p: p.id, task_runner=self.task_runner, parent=self
        )
        self.model.loading_changed.connect(self.busy.set_busy)
        self.model.failed.connect(self.result_bar.show_error)
        self.model.page_loaded.connect(self._loaded)
        self.table = data_table(self)
        self.table.setModel(self.model)
        # Sized to the rows: the subscriber's name takes the room; the status is the queue's
        # own (its title) and "Pagamento confirmado" shows only where a row has it.
        self.column_fit = ContentFit(
            self.table,
            stretch=2,
            samples={
                0: "#000000",
                1: "00/00/0000 00:00",
                3: "CT-0000-000000",
                4: "100.000 SMS",
                5: "R$ 9.999,99",
                6: "atendente",
                8: "00/00/0000 00:00 (financeiro)",
            },
            keep=(0, 1, 3, 4, 5),
            hide_empty=(8,),
            hidden=(7,),
            min_stretch=200,
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(_tr("Nenhuma compra nesta fila."), self)
        self.empty_label.setStyleSheet("color: #5f6368;")
        self.empty_label.setVisible(False)
        self.refresh_button = QPushButton(_tr("Atualizar"), self)
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.busy)
        head.addWidget(self.empty_label)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        self.action_bar = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.result_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.action_bar)
        self.resize(1100, 600)
        self.build_actions()
        self.reload()

    def build_actions(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        db, actor, status = self.db, self.actor, self.status
        self.model.reset(whole_list(lambda: sms_credits.queue(db, actor, status)))
        self._selection_changed()

    def _loaded(self, _count: int) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> PurchaseItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_purchase(self, purchase_id: int) -> bool:
        row = self.model.find_row(lambda p: p.id == purchase_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, *_args: Any) -> None:
        raise NotImplementedError


class PaymentsQueue(QueueWindow):
    """Finance: purchases awaiting payment."""

    status = SmsPurchaseStatus.AWAITING_PAYMENT
    title_text = "Pagamentos a confirmar"

    def build_actions(self) -> None:
        self.confirm_button = QPushButton(_tr("Confirmar pagamento"), self)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.confirm_button)

    def _selection_changed(self, *_args: Any) -> None:
        item = self.selected()
        self.confirm_button.setEnabled(
            item is not None and not self.task_runner.is_running(("sms-confirm", item.id))
        )

    def confirm_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        question = (
            _tr("Confirmar o pagamento da compra #%1?").replace("%1", str(item.id))
            + "\n\n"
            + _tr("%1 SMS por %2, contrato %3. A conta da compra será baixada.")
            .replace("%1", fmt.number(item.quantity))
            .replace("%2", fmt.money(item.price))
            .replace("%3", item.contract_number)
        )
        if not dialogs().question(self, _tr("Confirmar pagamento"), question):
            return
        db, actor, purchase_id = self.db, self.actor, item.id
        self.confirm_button.setEnabled(False)  # before submit (a synchronous pool ends inside it)
        self.task_runner.submit(
            ("sms-confirm", purchase_id),
            recorded(lambda: sms_credits.confirm_payment(db, actor, purchase_id)),
            on_success=lambda done: self._done(self._confirmed, *done),
            on_error=self.result_bar.show_error,
            on_finished=self.reload,
            owner=self,
        )

    def _confirmed(self, item: PurchaseItem) -> None:
        self.result_bar.show_info(
            _tr(
                "Pagamento da compra #%1 confirmado: ela foi para a fila Créditos a transferir."
            ).replace("%1", str(item.id))
        )


class SlipDialog(QDialog):
    """The new SMS account's login and password, shown once, with a printed slip."""

    def __init__(
        self, slip: SmsAccountSlip, task_runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("smsSlipDialog")
        self.setWindowTitle(_tr("Nova conta SMS"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._slip = slip
        self._runner = task_runner
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # l, 1 and I apart
        big.setPointSize(18)
        big.setBold(True)
        self.login_label = QLabel(slip.login, self)
        self.password_label = QLabel(slip.password, self)
        for label in (self.login_label, self.password_label):
            label.setFont(big)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        warning = QLabel(
            _tr(
                "Esta senha não será mostrada de novo. Imprima o comprovante agora e entregue-o "
                "ao cliente; depois de fechar esta janela só é possível gerar uma senha nova."
            ),
            self,
        )
        warning.setObjectName("slipWarning")
        warning.setWordWrap(True)
        warning.setStyleSheet(
            "color: #8a5a00; background: #fff3d6; border: 1px solid #e8c66a;"
            " border-radius: 4px; padding: 8px; font-weight: 600;"
        )
        form = QFormLayout()
        form.addRow(_tr("Contrato:"), QLabel(slip.contract_number, self))
        form.addRow(_tr("Login:"), self.login_label)
        form.addRow(_tr("Senha:"), self.password_label)
        form.addRow(_tr("Saldo:"), QLabel(f"{fmt.number(slip.balance)} SMS", self))
        self.result_bar = ResultBar(task_runner, allow_save=True, parent=self)
        self.print_button = QPushButton(_tr("Imprimir comprovante"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_slip)
        buttons = close_buttons(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.result_bar)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def print_slip(self) -> None:
        slip = self._slip
        title = _tr("Comprovante de conta SMS")

        def build() -> Document:
            from desktop.reports.receipts_escpos import sms_slip_escpos  # only when printing

            return Document(render_sms_slip(slip), title, sms_slip_escpos(slip))

        print_job(self._runner, ("sms-slip", slip.login), build, self.result_bar)


class TransfersQueue(QueueWindow):
    """Support: paid purchases whose credits must be transferred at the gateway."""

    status = SmsPurchaseStatus.PAID
    title_text = "Créditos a transferir"

    def build_actions(self) -> None:
        self.slip_dialog: SlipDialog | None = None
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setMaximumWidth(140)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(80)
        self.reference_edit.setPlaceholderText(_tr("Referência da transferência no SMS Digital"))
        self.transfer_button = QPushButton(_tr("Registrar transferência"), self)
        self.transfer_button.setObjectName("primary")
        self.transfer_button.clicked.connect(self.transfer_selected)
        for text, widget in (
            (_tr("Quantidade:"), self.quantity_edit),
            (_tr("Referência:"), self.reference_edit),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            self.action_bar.addWidget(caption)
            self.action_bar.addWidget(widget, 1 if widget is self.reference_edit else 0)
        self.action_bar.addWidget(self.transfer_button)

    def _selection_changed(self, *_args: Any) -> None:
        item = self.selected()
        self.transfer_button.setEnabled(
            item is not None and not self.task_runner.is_running(("sms-transfer", item.id))
        )
        if item is not None:
            self.quantity_edit.setText(str(item.quantity))

    def transfer_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        text = self.quantity_edit.text().strip().replace(".", "")
        if not text.isdigit():
            self.result_bar.show_error(_tr("Informe a quantidade transferida (só números)."))
            return
        reference = self.reference_edit.text().strip()
        if not reference:
            self.result_bar.show_error(_tr("Informe a referência da transferência."))
            return
        db, actor, purchase_id, quantity = self.db, self.actor, item.id, int(text)

        def work() -> tuple[TransferResult, str]:
            result = sms_credits.record_transfer(db, actor, purchase_id, quantity, reference)
            return result, str(settings.read(db, "company.name"))

        self.transfer_button.setEnabled(False)  # before submit (a synchronous pool ends inside it)
        self.task_runner.submit(
            ("sms-transfer", purchase_id),
            recorded(work),
            on_success=lambda done: self._done(self._transferred, *done),
            on_error=self.result_bar.show_error,
            on_finished=self.reload,
            owner=self,
        )

    def _transferred(self, data: tuple[TransferResult, str]) -> None:
        result, company = data
        self.reference_edit.clear()
        self.result_bar.show_info(
            _tr("Créditos da compra #%1 transferidos: saldo da conta %2 = %3 SMS.")
            .replace("%1", str(result.purchase.id))
            .replace("%2", result.login)
            .replace("%3", fmt.number(result.balance))
        )
        if result.new_password is None:
            return
        slip = SmsAccountSlip(
            company=company,
            contract_number=result.purchase.contract_number,
            login=result.login,
            password=result.new_password,
            credited=result.purchase.transfer_quantity or result.purchase.quantity,
            balance=result.balance,
            reference=result.purchase.transfer_reference or "",
            issued_at=result.purchase.transferred_at or utcnow(),
            issued_by=fmt.actor_name(result.purchase.transferred_by),
        )
        dialog = SlipDialog(slip, self.task_runner, self)
        self.slip_dialog = dialog
        dialog.destroyed.connect(self._slip_closed)
        dialog.open()

    def _slip_closed(self, *_args: Any) -> None:
        self.slip_dialog = None
