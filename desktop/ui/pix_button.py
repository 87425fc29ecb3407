"""The *Pagar com PIX* button of the bill lists (Extrato Financeiro, Segunda via) and where
the PIX screen opens: a dialog at the counter, a page over the task frame at the kiosk.

A tab adds it in two lines (``PixPayBar(context, table, self, on_paid=...)`` and a place in
its layout); everything else is here:

* the button is enabled only when an open (or overdue) bill is selected; a kiosk list with
  a single payable bill (or a single overdue one) selects it: one thing to touch;
* with ``pix.api_url`` empty (``pix_charges.available`` false, asked in the worker) the
  button says *PIX indisponível* and a line says why, so nobody looks for it in vain.

At the kiosk the page covers the task frame (the kiosk's header with the protocol and its
*Voltar*/*Sair* stay visible) and lives inside it, so logout — by *Sair* or idle — destroys
it with the frame: the polling stops and the job settles a payment made afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ReceivableStatus
from desktop.services import pix_charges
from desktop.ui.pix_payment import PixPaymentView, is_kiosk
from desktop.ui.pix_screen import BillRef

if TYPE_CHECKING:
    from desktop.ui.tabs.base import TabContext

UNAVAILABLE = "O pagamento por PIX não está configurado nesta loja: pague pelo boleto."


def _tr(text: str) -> str:
    return QCoreApplication.translate("PixPayment", text)


def payable(item: Any) -> bool:
    """An open bill (overdue or not); items without a status (Segunda via) are all open."""
    if item is None or not hasattr(item, "receivable_id"):
        return False
    status = getattr(item, "status", ReceivableStatus.OPEN)
    return bool(status is ReceivableStatus.OPEN)


class _Cover(QObject):
    """Keeps a page (a sibling above ``host``) exactly over ``host``, scroll bars included."""

    def __init__(self, host: QWidget, page: QWidget) -> None:
        super().__init__(page)
        self.host, self.page = host, page
        host.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        parent = self.page.parentWidget()
        if parent is None or parent is self.host:
            self.page.setGeometry(self.host.rect())
            return
        top_left = self.host.mapTo(parent, self.host.rect().topLeft())
        self.page.setGeometry(top_left.x(), top_left.y(), self.host.width(), self.host.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.fit()
        return False


class PixPaymentDialog(QDialog):
    """The counter's window around the view; closing it stops the polling."""

    def __init__(self, view_factory: Callable[[QWidget], PixPaymentView], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Pagar com PIX"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.view = view_factory(self)
        self.view.close_requested.connect(self.accept)
        self.finished.connect(lambda _result: self.view.stop())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(860, 560)


def open_pix_payment(
    context: TabContext,
    bill: BillRef,
    anchor: QWidget,
    on_paid: Callable[[], None] | None = None,
) -> PixPaymentView:
    """Show the PIX screen for ``bill`` and start the charge; returns the view."""

    def make(parent: QWidget) -> PixPaymentView:
        view = PixPaymentView(context, bill, parent)
        if on_paid is not None:
            view.confirmed.connect(lambda _result: on_paid())
        return view

    if is_kiosk(context.actor):
        host = _kiosk_host(anchor)
        view = make(host.parentWidget() or host)
        _Cover(host, view)

        def leave() -> None:
            view.stop()
            view.hide()
            view.deleteLater()

        view.close_requested.connect(leave)
        hold = getattr(anchor.window(), "hold_idle_while", None)
        if callable(hold):  # the kiosk window: no idle logout while the charge waits
            hold(view)
        view.show()
        view.raise_()
    else:
        dialog = PixPaymentDialog(make, anchor.window())
        view = dialog.view
        dialog.open()
    view.start()
    return view


def _kiosk_host(anchor: QWidget) -> QWidget:
    """The kiosk's task frame (the scroll area around the tab), else the window."""
    widget: QWidget | None = anchor
    while widget is not None:
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QTableView):
            return widget
        widget = widget.parentWidget()
    return anchor.window()


class PixPayBar(QWidget):
    """*Pagar com PIX* and a line that says why it cannot be used, when it cannot."""

    def __init__(
        self,
        context: TabContext,
        table: QTableView,
        parent: QWidget | None = None,
        *,
        on_paid: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pixPayBar")
        self.context = context
        self.table = table
        self.on_paid = on_paid
        self.kiosk = is_kiosk(context.actor)
        self.available: bool | None = None  # not known yet
        self.view: PixPaymentView | None = None
        self.button = QPushButton(_tr("Pagar com PIX"), self)
        self.button.setObjectName("primary")  # the house's blue button
        self.button.setToolTip(_tr("Gerar o QR Code PIX da conta selecionada"))
        self.button.clicked.connect(self.pay_selected)
        self.button.setEnabled(False)
        self.hint = QLabel(self)
        self.hint.setObjectName("pixPayHint")
        self.hint.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.button)
        layout.addWidget(self.hint, 1)
        self._follow = False
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.verticalScrollBar().rangeChanged.connect(self._show_selected)
        model = table.model()
        model.modelReset.connect(self._rows_changed)
        model.rowsInserted.connect(self._rows_changed)
        db = context.db
        context.task_runner.submit(
            ("pix-available", id(self)),
            lambda: pix_charges.available(db),
            on_success=self._availability,
            on_error=lambda _message: self._availability(False),
            owner=self,
        )

    def _availability(self, available: bool) -> None:
        self.available = available
        if not available:
            self.button.setText(_tr("PIX indisponível"))
        self._rows_changed()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        model: Any = self.table.model()
        return model.row_at(rows[0].row()) if rows else None

    def _rows_changed(self, *_args: object) -> None:
        if self.kiosk and self.available and self.selected() is None:
            model: Any = self.table.model()
            open_rows = [r for r in range(model.rowCount()) if payable(model.row_at(r))]
            overdue = [r for r in open_rows if getattr(model.row_at(r), "overdue_days", 0) > 0]
            # One bill to pay, or one overdue among them (the one that keeps her offline).
            pick = open_rows if len(open_rows) == 1 else overdue
            if len(pick) == 1:
                self.table.selectRow(pick[0])
                # Kept in view while the screen settles (rows growing to finger size, the
                # totals arriving shrink the table), until the person picks another row.
                self._follow = True
                QTimer.singleShot(0, self, self._show_selected)
        self._update()

    def _show_selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self._follow:
            self.table.scrollTo(rows[0], QAbstractItemView.ScrollHint.PositionAtTop)

    def _selection_changed(self, *_args: object) -> None:
        self._follow = False  # the person chose: the table is theirs to scroll
        self._update()

    def _update(self, *_args: object) -> None:
        if self.available is None:
            self.button.setEnabled(False)
            self.hint.setText("")
            return
        if not self.available:
            self.button.setEnabled(False)
            self.hint.setText(_tr(UNAVAILABLE))
            return
        ok = payable(self.selected())
        self.button.setEnabled(ok)
        self.hint.setText("" if ok else _tr("Selecione uma conta em aberto para pagar com PIX."))

    def pay_selected(self) -> PixPaymentView | None:
        item = self.selected()
        if not self.available or not payable(item):
            return None
        if self.view is not None and shiboken6.isValid(self.view) and self.view.isVisible():
            return self.view  # a second touch while the screen is up
        bill = BillRef(item.receivable_id, item.description, item.due_date)
        self.view = open_pix_payment(self.context, bill, self, self.on_paid)
        return self.view
