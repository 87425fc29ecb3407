"""The *Pagar com PIX* screen's widgets: the title, and one page per moment of the charge
(making it, waiting with the QR and the copia e cola, paid, a problem with the boleto
offered).  :class:`~desktop.ui.pix_payment.PixPaymentView` adds the behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import formatting as fmt
from desktop.ui.pix_parts import QrView
from desktop.ui.widgets import BusyIndicator, MessageLine

STYLE = (
    "QFrame#pixPayment, QFrame#pixPayment QStackedWidget { background: #ffffff; }"
    "QLabel#pixTitle { font-weight: 700; }"
    "QLabel#pixAmount { font-weight: 700; color: #0b57d0; }"
    "QLabel#pixWaiting { color: #8a4b00; font-weight: 700; }"
    "QLabel#pixDone { color: #146c2e; font-weight: 700; }"
    "QLabel#pixProblem { color: #b3261e; font-weight: 700; }"
    "QLabel#pixCopyPaste { background: #f3f5f8; border: 1px solid #d0d7de; padding: 6px; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PixPayment", text)


@dataclass(frozen=True)
class BillRef:
    """The bill to pay, as the list showed it."""

    receivable_id: int
    description: str
    due_date: dt.date


# Qt wraps a label only where a line may break; the payload has long runs without one.
ZERO_WIDTH_SPACE = "\u200b"


def breakable(payload: str, every: int = 4) -> str:
    """The payload with a zero-width break chance every few characters (shown, not copied:
    *Copiar* copies the payload itself)."""
    return ZERO_WIDTH_SPACE.join(payload[i : i + every] for i in range(0, len(payload), every))


class PixScreen(QFrame):
    """The widgets of the PIX screen, laid out; no behaviour."""

    close_requested = Signal()

    def __init__(self, bill: BillRef, *, kiosk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pixPayment")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.bill = bill
        self.kiosk = kiosk
        base = self.font().pointSize()

        self.title = self._label(_tr("Pagar com PIX"), "pixTitle", base + 8)
        self.bill_label = self._label(
            f"{bill.description} — "
            + _tr("vencimento %1").replace("%1", fmt.date_br(bill.due_date)),
            "pixBill",
            base + 1,
        )
        self.pages = QStackedWidget(self)
        self.busy_page = self._busy_page()
        self.wait_page = self._wait_page(base)
        self.done_page = self._done_page(base)
        self.problem_page = self._problem_page(base)
        for page in (self.busy_page, self.wait_page, self.done_page, self.problem_page):
            self.pages.addWidget(page)

        # At the kiosk its own *Voltar* (to the menu) stays below: this one says where it goes.
        self.close_button = self._button(
            _tr("Voltar à lista") if self.kiosk else _tr("Fechar"), "pixClose"
        )
        self.close_button.clicked.connect(self.close_requested)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.bill_label)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

    # ------------------------------------------------------------------ building
    def _label(self, text: str, name: str, points: int | None = None) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        if points:
            font = QFont(label.font())
            font.setPointSize(points)
            label.setFont(font)
        return label

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if self.kiosk:  # finger-sized, like the kiosk's own buttons
            button.setMinimumHeight(64)
            button.setMinimumWidth(200)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _busy_page(self) -> QWidget:
        page = QWidget(self)
        self.busy = BusyIndicator(page)
        self.busy.label.setText(_tr("Gerando o PIX…"))
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignCenter)
        box.addStretch(2)
        return page

    def _wait_page(self, base: int) -> QWidget:
        page = QWidget(self)
        self.qr = QrView(page)
        self.amount_label = self._label("", "pixAmount", base + 14)
        self.breakdown_label = self._label("", "pixBreakdown")
        self.expiry_label = self._label("", "pixExpiry", base + 2)
        self.waiting_label = self._label(_tr("Aguardando pagamento…"), "pixWaiting", base + 4)
        self.note = MessageLine(page)
        how = _tr(
            "Abra o app do seu banco, escolha Pagar com PIX e aponte a câmera para o QR Code."
        )
        self.how_label = self._label(how, "pixHow")
        self.copy_caption = self._label(_tr("PIX copia e cola:"), "pixCopyCaption")
        self.copy_paste = self._label("", "pixCopyPaste", max(7, base - 2))
        self.copy_paste.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_paste.setWordWrap(True)
        self.copy_button = self._button(_tr("Copiar"), "pixCopy")
        self.copy_button.setVisible(not self.kiosk)  # nobody can paste at a kiosk
        right = QVBoxLayout()
        right.setSpacing(6)
        for widget in (
            self.amount_label,
            self.breakdown_label,
            self.expiry_label,
            self.waiting_label,
            self.note,
            self.how_label,
            self.copy_caption,
            self.copy_paste,
        ):
            right.addWidget(widget)
        right.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        box = QHBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(24)
        box.addWidget(self.qr, 5)
        box.addLayout(right, 6)
        return page

    def _done_page(self, base: int) -> QWidget:
        page = QWidget(self)
        self.done_label = self._label("", "pixDone", base + 10)
        self.done_amount = self._label("", "pixDoneAmount", base + 4)
        self.protocol_label = self._label("", "pixProtocol", base + 4)
        self.receipt_line = MessageLine(page)
        self.warning_line = MessageLine(page)
        box = QVBoxLayout(page)
        box.addStretch(1)
        for widget in (self.done_label, self.done_amount, self.protocol_label):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(widget)
        box.addSpacing(12)
        for line in (self.receipt_line, self.warning_line):
            line.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(line)
        box.addStretch(2)
        return page

    def _problem_page(self, base: int) -> QWidget:
        page = QWidget(self)
        self.problem_label = self._label("", "pixProblem", base + 3)
        self.boleto_hint = self._label(
            _tr("Você pode pagar pelo boleto: imprima a segunda via abaixo."), "pixBoletoHint"
        )
        self.boleto_button = self._button(_tr("Imprimir boleto"), "primary")
        self.retry_button = self._button(_tr("Tentar o PIX de novo"), "pixRetry")
        self.boleto_line = MessageLine(page)
        buttons = QGridLayout()
        buttons.addWidget(self.boleto_button, 0, 0)
        buttons.addWidget(self.retry_button, 0, 1)
        buttons.setColumnStretch(2, 1)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.problem_label)
        box.addWidget(self.boleto_hint)
        box.addLayout(buttons)
        box.addWidget(self.boleto_line)
        box.addStretch(2)
        return page
