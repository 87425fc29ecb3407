"""Cartão de Crédito (SPEC §1.6): the subscriber's Cielo payments, duplicates, cancellation.

Duplicated payments (same bill paid twice, or the same amount within minutes) are amber,
with the reason as tooltip.  **Cancelar pagamento** exists only for a counter user of the
finance role (or admin); the service checks the role again.  The cancellation runs in the
worker pool with one in-flight key per payment, so a double click never sends two requests
(the service is idempotent too).  When Cielo cannot do it, the phone procedure is shown in
large type with the establishment number.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.actors import Actor, CounterActor
from desktop.domain.enums import CardPaymentStatus, Role
from desktop.services import cards, tickets
from desktop.services.cards import CardItem, VoidResult
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.list_models import TintedModel, whole_list
from desktop.ui.query_model import LEFT, RIGHT, Column
from desktop.ui.tabs.base import SubscriberTab, TabContext
from desktop.ui.widgets import BusyIndicator, MessageLine, data_table, fit_columns

# A cancellation already asked for by phone is not asked again: the button used to stay
# enabled and ask the very same question (issue 15, item 8).
NOT_CANCELLABLE = (
    CardPaymentStatus.VOIDED,
    CardPaymentStatus.DENIED,
    CardPaymentStatus.MANUAL_REQUESTED,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CardsTab", text)


def may_void(actor: Actor) -> bool:
    """Finance (or admin) at the counter: the only people who see the cancel button."""
    return isinstance(actor, CounterActor) and actor.role in (Role.FINANCE, Role.ADMIN)


def status_words(status: CardPaymentStatus) -> str:
    words = {
        CardPaymentStatus.AUTHORIZED: _tr("Autorizado"),
        CardPaymentStatus.CAPTURED: _tr("Pago"),
        CardPaymentStatus.VOID_PENDING: _tr("Cancelamento pendente"),
        CardPaymentStatus.VOIDED: _tr("Cancelado"),
        CardPaymentStatus.MANUAL_REQUESTED: _tr("Cancelamento por telefone"),
        CardPaymentStatus.DENIED: _tr("Negado"),
    }
    return words.get(status, str(status))


def status_color(item: CardItem) -> str | None:
    if item.status is CardPaymentStatus.CAPTURED:
        return fmt.GREEN
    if item.status in (CardPaymentStatus.VOID_PENDING, CardPaymentStatus.MANUAL_REQUESTED):
        return fmt.AMBER
    if item.status is CardPaymentStatus.DENIED:
        return fmt.RED
    if item.status is CardPaymentStatus.VOIDED:
        return fmt.GREY
    return None


def duplicate_reason(reason: str) -> str:
    words = {
        "mesma conta paga duas vezes": _tr("mesma conta paga duas vezes"),
        "mesmo valor em menos de 10 minutos": _tr("mesmo valor em menos de 10 minutos"),
    }
    return words.get(reason, reason)


def installments(count: int) -> str:
    return _tr("À vista") if count <= 1 else f"{count}x"


class CardsModel(TintedModel):
    """The payments; duplicates amber with their reason (naming the earlier payment)."""

    def __init__(self, tab: CardsTab) -> None:
        super().__init__(
            card_columns(),
            key=lambda item: (item.paid_at, item.id),
            background=lambda item: fmt.AMBER_BG if item.duplicate_of else None,
            row_tooltip=self.duplicate_tooltip,
            task_runner=tab.context.task_runner,
            parent=tab,
        )

    def duplicate_tooltip(self, item: CardItem) -> str | None:
        if not item.duplicate_of:
            return None
        earlier = next((r for r in self.rows() if r.id == item.duplicate_of), None)
        text = _tr("Possível pagamento em duplicidade: %1.").replace(
            "%1", duplicate_reason(item.duplicate_reason)
        )
        if earlier is not None:
            text += " " + _tr("Pagamento anterior: %1, %2.").replace(
                "%1", fmt.local_datetime(earlier.paid_at)
            ).replace("%2", fmt.money(earlier.amount))
        return text


def card_columns() -> list[Column]:
    return [
        Column(_tr("Data"), lambda i: fmt.local_datetime(i.paid_at)),
        Column(_tr("Valor"), lambda i: fmt.money(i.amount), RIGHT),
        Column(_tr("Bandeira"), lambda i: i.brand),
        Column(_tr("Final"), lambda i: f"•••• {i.last4}"),
        Column(_tr("Parcelas"), lambda i: installments(i.installments)),
        Column(  # the short TID first: the long PaymentId is elided, whole in the tooltip
            _tr("TID / PaymentId"),
            lambda i: f"{i.tid} / {i.payment_id}",
            LEFT,
            tooltip=lambda i: f"PaymentId: {i.payment_id}\nTID: {i.tid}",
        ),
        Column(_tr("Situação"), lambda i: status_words(i.status), foreground=status_color),
        Column(
            _tr("Duplicado"),
            lambda i: _tr("Sim") if i.duplicate_of else "",
            foreground=lambda i: fmt.AMBER if i.duplicate_of else None,
        ),
    ]


class ProcedureDialog(QDialog):
    """The Cielo phone procedure, large and clear, for a cancellation done by hand."""

    def __init__(self, result: VoidResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureDialog")
        self.setWindowTitle(_tr("Cancelamento pelo telefone"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message = QLabel(result.message, self)
        message.setWordWrap(True)
        self.procedure_label = QLabel(result.manual_procedure or "", self)
        self.procedure_label.setObjectName("procedureText")
        self.procedure_label.setWordWrap(True)
        self.procedure_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.procedure_label.font())
        font.setPointSize(max(15, font.pointSize() + 4))
        self.procedure_label.setFont(font)
        self.procedure_label.setStyleSheet(
            "background: #ffffff; border: 1px solid #d0d7de; border-radius: 4px; padding: 14px;"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(message)
        layout.addWidget(self.procedure_label)
        layout.addWidget(buttons)
        self.resize(620, 380)

    @property
    def procedure(self) -> str:
        return self.procedure_label.text()


class CardsTab(SubscriberTab):
    menu = Menu.CARDS
    title_text = "Cartão de Crédito"
    watches = frozenset({"cards"})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.busy = BusyIndicator(self)
        self.message = MessageLine(self)
        self.procedure_dialog: ProcedureDialog | None = None
        self.model = CardsModel(self)
        self.model.loading_changed.connect(self.busy.set_busy)
        self.model.failed.connect(self.message.show_error)
        self.model.page_loaded.connect(self._loaded)
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Pagamentos com cartão"))
        fit_columns(
            self.table,
            {
                0: "00/00/0000 00:00",
                1: "R$ 99.999,99",
                2: "Mastercard",
                3: "•••• 0000",
                4: "À vista",
                6: "Cancelamento por telefone",
                7: "Sim",
            },
            stretch=5,
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("cardDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.cancel_button: QPushButton | None = None
        self.role_note: QLabel | None = None
        bar = QHBoxLayout()
        bar.setSpacing(10)
        legend = QLabel(_tr("Linhas em amarelo: possível pagamento em duplicidade."), self)
        legend.setObjectName("cardsLegend")
        bar.addWidget(legend)
        bar.addSpacing(12)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        if may_void(context.actor):
            self.cancel_button = QPushButton(_tr("Cancelar pagamento"), self)
            self.cancel_button.setObjectName("primary")
            self.cancel_button.setEnabled(False)
            self.cancel_button.clicked.connect(self.cancel_selected)
            bar.addWidget(self.cancel_button)
        else:
            self.role_note = QLabel(_tr("Cancelamento: perfil financeiro"), self)
            self.role_note.setObjectName("roleNote")
            self.role_note.setStyleSheet("color: #5f6368;")
            bar.addWidget(self.role_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        self._reselect: int | None = None

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self.reload()

    def reload(self, reselect: int | None = None) -> None:
        """Load the payments again; ``reselect`` selects that payment when it arrives."""
        self.mark_loaded()
        self._reselect = reselect
        ctx = self.context
        self.model.reset(
            whole_list(lambda: cards.list_payments(ctx.db, ctx.actor, ctx.workspace.id))
        )
        self._update_button()

    def _loaded(self, _count: int) -> None:
        if self._reselect is not None:
            self.select_payment(self._reselect)
            self._reselect = None
        self._update_button()
        if self.model.rowCount() == 0:
            self.message.show_info(_tr("Nenhum pagamento com cartão para este assinante."))

    # ------------------------------------------------------------------ selection
    def selected(self) -> CardItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_payment(self, card_payment_id: int) -> bool:
        row = self.model.find_row(lambda item: item.id == card_payment_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, *_args: QItemSelection) -> None:
        self._update_button()
        item = self.selected()
        if item is None:
            self.detail_label.clear()
            return
        text = (
            _tr("Selecionado: %1 em %2, %3 final %4 — TID %5, PaymentId %6.")
            .replace("%1", fmt.money(item.amount))
            .replace("%2", fmt.local_datetime(item.paid_at))
            .replace("%3", item.brand)
            .replace("%4", item.last4)
            .replace("%5", item.tid)
            .replace("%6", item.payment_id)
        )
        duplicate = self.model.duplicate_tooltip(item)
        if duplicate:
            text += "\n" + duplicate
        if item.status is CardPaymentStatus.MANUAL_REQUESTED:
            text += "\n" + _tr(
                "O cancelamento deste pagamento já foi pedido por telefone: siga o "
                "procedimento da Cielo (4002-5472); não é preciso pedir de novo."
            )
        self.detail_label.setText(text)
        self.detail_label.setStyleSheet(f"color: {fmt.AMBER};" if duplicate else "")

    def _void_key(self, item: CardItem) -> tuple[str, int]:
        return ("card-void", item.id)

    def _update_button(self) -> None:
        if self.cancel_button is None:
            return
        item = self.selected()
        self.cancel_button.setEnabled(
            item is not None
            and item.status not in NOT_CANCELLABLE
            and not self.context.task_runner.is_running(self._void_key(item))
        )

    # ------------------------------------------------------------------ cancel
    def cancel_selected(self) -> None:
        item = self.selected()
        if item is None or self.cancel_button is None or item.status in NOT_CANCELLABLE:
            return
        question = (
            _tr("Cancelar este pagamento na Cielo?")
            + "\n\n"
            + _tr("Valor: %1").replace("%1", fmt.money(item.amount))
            + "\n"
            + _tr("Cartão: %1 final %2").replace("%1", item.brand).replace("%2", item.last4)
            + "\n"
            + _tr("PaymentId: %1").replace("%1", item.payment_id)
            + "\n\n"
            + _tr("O valor será estornado ao cliente.")
        )
        if not dialogs().question(self, _tr("Cancelar pagamento"), question):
            return
        ctx = self.context
        card_id = item.id
        self.cancel_button.setEnabled(False)  # before submit: a synchronous pool ends inside it
        self.busy.set_busy(True)
        ctx.write(  # a voided card payment reopens its bill in the other tabs
            self._void_key(item),
            lambda: cards.void_payment(ctx.db, ctx.actor, card_id),
            origin=self,
            on_success=self._voided,
            on_error=self._void_failed,
            on_finished=self._void_finished,
        )

    def _voided(self, result: VoidResult) -> None:
        self.context.record(
            tickets.ACTION_CANCELLATION,
            f"Cancelamento do pagamento com cartão {result.card_payment_id}: {result.message}",
        )
        if result.manual_procedure:
            dialog = ProcedureDialog(result, self)
            self.procedure_dialog = dialog
            dialog.destroyed.connect(self._procedure_closed)
            dialog.open()
        elif result.status is CardPaymentStatus.VOIDED:
            dialogs().information(self, _tr("Cancelar pagamento"), result.message)
        else:
            dialogs().warning(self, _tr("Cancelar pagamento"), result.message)

    def _procedure_closed(self, *_args: Any) -> None:
        self.procedure_dialog = None

    def _void_failed(self, message: str) -> None:
        dialogs().warning(self, _tr("Cancelar pagamento"), message)

    def _void_finished(self) -> None:
        selected = self.selected()
        self.reload(selected.id if selected is not None else None)  # the row's new status
        self.busy.set_busy(self.model.loading)
