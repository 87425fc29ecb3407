"""Painel de Configurações / Valores de Crédito: the SMS credit values on sale.

A list (quantity and price) and a small form under it: **Adicionar** a new value,
**Salvar alteração** of the selected one, **Desativar** it (it leaves the sale list; past
purchases keep their price).  Every change goes through ``sms_credits.save_credit_value``
(administrators only, audited).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.errors import InvalidInput
from desktop.services import sms_credits
from desktop.services.sms_credits import CreditOption
from desktop.ui import formatting as fmt
from desktop.ui.dialogs import dialogs
from desktop.ui.list_models import TintedModel, whole_list
from desktop.ui.query_model import RIGHT, Column
from desktop.ui.widgets import MessageLine, data_table, fit_columns
from desktop.ui.workers import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("CreditValues", text)


def parse_price(text: str) -> Decimal:
    """'90,00', '1.234,56' or '90.00' -> Decimal; InvalidInput otherwise."""
    cleaned = text.strip().replace("R$", "").replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(_tr("Preço inválido: use, por exemplo, 90,00.")) from None
    if not value.is_finite():
        raise InvalidInput(_tr("Preço inválido: use, por exemplo, 90,00."))
    return value


def parse_quantity(text: str) -> int:
    cleaned = text.strip().replace(".", "")
    if not cleaned.isdigit():
        raise InvalidInput(_tr("Quantidade de SMS inválida: use só números."))
    return int(cleaned)


class CreditValuesEditor(QWidget):
    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        task_runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.task_runner = task_runner
        self.setObjectName("creditValues")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        intro = QLabel(
            _tr("Valores oferecidos na Compra de Crédito (quantidade de SMS e preço)."), self
        )
        self.model = TintedModel(
            [
                Column(_tr("Quantidade"), lambda o: f"{fmt.number(o.quantity)} SMS", RIGHT),
                Column(_tr("Preço"), lambda o: fmt.money(o.price), RIGHT),
                Column(
                    _tr("Preço por SMS"),
                    lambda o: (
                        fmt.money((o.price / o.quantity).quantize(Decimal("0.0001")))
                        if o.quantity
                        else ""
                    ),
                    RIGHT,
                ),
            ],
            key=lambda o: o.id,
            task_runner=task_runner,
            parent=self,
        )
        self.table = data_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table, {0: "10.000.000 SMS", 1: "R$ 99.999,99", 2: "R$ 0,0000"})
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.failed.connect(self._show_error)

        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setPlaceholderText("1000")
        self.quantity_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[\d.]{0,12}"), self.quantity_edit)
        )
        self.price_edit = QLineEdit(self)
        self.price_edit.setPlaceholderText("90,00")
        self.price_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[\d.,]{0,14}"), self.price_edit)
        )
        self.add_button = QPushButton(_tr("Adicionar"), self)
        self.add_button.clicked.connect(lambda: self.save(None))
        self.update_button = QPushButton(_tr("Salvar alteração"), self)
        self.update_button.clicked.connect(self._update_selected)
        self.deactivate_button = QPushButton(_tr("Desativar"), self)
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.message = MessageLine(self)

        form = QHBoxLayout()
        for text, widget in (
            (_tr("Quantidade de SMS:"), self.quantity_edit),
            (_tr("Preço (R$):"), self.price_edit),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            form.addWidget(caption)
            form.addWidget(widget)
            form.addSpacing(10)
        form.addWidget(self.add_button)
        form.addWidget(self.update_button)
        form.addWidget(self.deactivate_button)
        form.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        db = self.db
        self.model.reset(whole_list(lambda: sms_credits.credit_options(db)))
        self._selection_changed()

    def selected(self) -> CreditOption | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: Any) -> None:
        option = self.selected()
        self.update_button.setEnabled(option is not None)
        self.deactivate_button.setEnabled(option is not None)
        if option is not None:
            self.quantity_edit.setText(str(option.quantity))
            self.price_edit.setText(f"{option.price:.2f}".replace(".", ","))

    def _show_error(self, message: str) -> None:
        self.message.show_error(message)

    def _update_selected(self) -> None:
        option = self.selected()
        if option is not None:
            self.save(option.id)

    def save(self, value_id: int | None, active: bool = True) -> None:
        try:
            quantity = parse_quantity(self.quantity_edit.text())
            price = parse_price(self.price_edit.text())
        except InvalidInput as exc:
            self.message.show_error(exc.message)
            return
        self._submit(value_id, quantity, price, active)

    def deactivate_selected(self) -> None:
        option = self.selected()
        if option is None:
            return
        question = _tr("Tirar de venda o valor %1?").replace(
            "%1", f"{fmt.number(option.quantity)} SMS — {fmt.money(option.price)}"
        )
        if dialogs().question(self, _tr("Valores de Crédito"), question):
            self._submit(option.id, option.quantity, option.price, False)

    def _submit(self, value_id: int | None, quantity: int, price: Decimal, active: bool) -> None:
        db, actor = self.db, self.actor
        self.task_runner.submit(
            ("credit-value", value_id),
            lambda: sms_credits.save_credit_value(db, actor, quantity, price, value_id, active),
            on_success=lambda option: self._saved(option, active),
            on_error=self._show_error,
            owner=self,
        )

    def _saved(self, option: CreditOption, active: bool) -> None:
        words = _tr("Valor salvo: %1.") if active else _tr("Valor retirado de venda: %1.")
        self.message.show_info(
            words.replace("%1", f"{fmt.number(option.quantity)} SMS — {fmt.money(option.price)}")
        )
        self.reload()
