"""*Pagar com PIX*: the screen that shows a bill's PIX charge and watches it until it is paid.

One widget, :class:`PixPaymentView`, used in a dialog at the counter and as a page over the
task frame at the kiosk (``desktop.ui.pix_button`` places it).  Its states:

* **charging** — ``pix_charges.charge`` in the worker (a valid charge for the same bill and
  amount is shown again, never made twice);
* **waiting** — the large QR drawn from ``pixCopiaECola``, the *copia e cola* text (with
  *Copiar* at the counter: nobody can paste at a kiosk), the updated amount with fine and
  interest, the expiry countdown and "Aguardando pagamento…": ``pix_charges.check`` every
  ``POLL_MS`` in the worker, the next one scheduled only when the last one answered, so two
  are never in flight;
* **paid** — "Pagamento confirmado — seu acesso foi liberado" when this payment lifted the
  suspension (else "Pagamento confirmado"), the protocol, and the receipt printed;
* **problem** — the PSP down, slow, refusing, answering garbage, a certificate refused, or
  the charge expired: the reason in words and the boleto offered instead (*Imprimir boleto*).

Leaving the screen (closing, *Voltar*, idle logout destroying it, expiry) only stops the
polling: nothing is lost, because the payment settles whoever sees it first — the
reconciliation job (``jobs run`` and the app's timer) finds what no screen watched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QWidget,
)

from desktop.adapters.pix_psp import PspUnavailable
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.clock import utcnow
from desktop.errors import Conflict
from desktop.models.pix import PixChargeStatus
from desktop.services import pix_charges, tickets
from desktop.services.pix_charges import ChargeInfo, CheckResult
from desktop.services.protocols import display_protocol
from desktop.ui import formatting as fmt
from desktop.ui.pix_parts import paid_pix, print_boleto, print_pix_receipt
from desktop.ui.pix_screen import BillRef, PixScreen, breakable

if TYPE_CHECKING:  # the tabs import this module: no import of them at run time
    from desktop.ui.print_job import PrintOutcome
    from desktop.ui.tabs.base import TabContext

POLL_MS = 2000  # GET /cob/{txid} while the QR is on screen
RETRY_MS = 5000  # after a check that failed (the PSP is slow or down for a moment)
TICK_MS = 1000  # the countdown


def _tr(text: str) -> str:
    return QCoreApplication.translate("PixPayment", text)


@dataclass(frozen=True)
class _Refused:
    """The charge was not made; ``boleto``: offer the boleto instead (not for a paid bill)."""

    message: str
    boleto: bool


def is_kiosk(actor: Actor) -> bool:
    return isinstance(actor, KioskActor)


# --------------------------------------------------------------------------- the screen
class PixPaymentView(PixScreen):
    """The PIX charge of one bill, watched until paid, expired or closed."""

    confirmed = Signal(object)  # CheckResult: the bill is paid
    # True while a charge is on screen waiting to be paid (the kiosk holds its idle logout
    # meanwhile); False once it is paid, expired, failed or the screen stops watching.
    waiting_changed = Signal(bool)

    def __init__(self, context: TabContext, bill: BillRef, parent: QWidget | None = None) -> None:
        super().__init__(bill, kiosk=is_kiosk(context.actor), parent=parent)
        self.context = context
        self.info: ChargeInfo | None = None
        self.result: CheckResult | None = None
        self.checks = 0  # answered checks (tests and the log)
        self._stopped = False
        self.waiting = False
        self.copy_button.clicked.connect(self.copy_payload)
        self.boleto_button.clicked.connect(self.print_boleto)
        self.retry_button.clicked.connect(self.start)

        self.poll_timer = QTimer(self)
        self.poll_timer.setSingleShot(True)
        self.poll_timer.timeout.connect(self.poll)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ the charge
    def start(self) -> None:
        """Ask for the charge (a valid one for this bill and amount comes back as it was)."""
        self._stopped = False
        ctx, rid = self.context, self.bill.receivable_id
        today = ctx.today()

        def job() -> ChargeInfo | _Refused:
            try:
                return pix_charges.charge(
                    ctx.db, ctx.actor, rid, ticket_id=ctx.session_ticket_id, today=today
                )
            except PspUnavailable as exc:
                return _Refused(exc.message, boleto=True)
            except Conflict as exc:  # paid or cancelled meanwhile: no boleto to offer
                return _Refused(exc.message, boleto=False)

        self.pages.setCurrentWidget(self.busy_page)
        self.busy.set_busy(True)
        ctx.task_runner.submit(
            ("pix-charge", id(self)),
            job,
            on_success=self._charged,
            on_error=lambda message: self._problem(message, boleto=True),
            on_finished=lambda: self.busy.set_busy(False),
            owner=self,
        )

    def _charged(self, outcome: ChargeInfo | _Refused) -> None:
        if self._stopped:
            return
        if isinstance(outcome, _Refused):
            self._problem(outcome.message, boleto=outcome.boleto)
            return
        self.info = outcome
        self.qr.set_payload(outcome.payload)
        self.copy_paste.setText(breakable(outcome.payload))
        self.amount_label.setText(fmt.money(outcome.amount))
        original = outcome.amount - outcome.fine - outcome.interest
        if outcome.fine or outcome.interest:
            self.breakdown_label.setText(
                _tr("Valor %1 + multa %2 + juros %3 (atualizado até hoje)")
                .replace("%1", fmt.money(original))
                .replace("%2", fmt.money(outcome.fine))
                .replace("%3", fmt.money(outcome.interest))
            )
        else:
            self.breakdown_label.setText(_tr("Valor da conta"))
        self.note.clear_message()
        self.waiting_label.setText(_tr("Aguardando pagamento…"))
        self.pages.setCurrentWidget(self.wait_page)
        self._set_waiting(True)
        self._tick()
        self.tick_timer.start()
        self.poll()  # at once: a charge shown again may be paid already

    # ------------------------------------------------------------------ watching
    def poll(self) -> None:
        """One ``check`` in the worker; the next is scheduled when it answers."""
        info = self.info
        if self._stopped or info is None:
            return
        key = ("pix-check", info.txid, id(self))
        runner = self.context.task_runner
        if runner.is_running(key):
            return
        ctx = self.context
        ctx.write(  # a check that finds the bill paid says so: the open lists show it paid
            key,
            lambda: pix_charges.check(ctx.db, ctx.actor, info.txid),
            origin=self,
            on_success=self._checked,
            on_error=self._check_failed,
        )

    def _schedule(self, msecs: int) -> None:
        if not self._stopped:
            self.poll_timer.start(msecs)

    def _checked(self, result: CheckResult) -> None:
        self.checks += 1
        if self._stopped:
            return
        if result.paid:
            self._confirmed(result)
        elif result.status in (PixChargeStatus.EXPIRED, PixChargeStatus.FAILED):
            self.stop()
            self._problem(_tr("Este PIX expirou sem pagamento."), boleto=True)
        else:
            self.note.clear_message()
            self._schedule(POLL_MS)

    def _check_failed(self, message: str) -> None:
        self.checks += 1
        if self._stopped:
            return
        # A slow or failing PSP for a moment: say so and keep watching (the charge stands).
        self.note.show_error(message)
        self._schedule(RETRY_MS)

    def _tick(self) -> None:
        info = self.info
        if info is None or info.expires_at is None:
            self.expiry_label.setText("")
            return
        left = int((info.expires_at - utcnow()).total_seconds())
        if left <= 0:
            self.expiry_label.setText(_tr("Prazo do PIX encerrado; conferindo o pagamento…"))
            self._set_waiting(False)  # nothing more to wait for at the kiosk
            return
        minutes, seconds = divmod(left, 60)
        self.expiry_label.setText(_tr("Expira em %1").replace("%1", f"{minutes:02d}:{seconds:02d}"))

    def stop(self) -> None:
        """No more checks (closing, leaving, expiry); one in flight is ignored when it ends."""
        self._stopped = True
        self.poll_timer.stop()
        self.tick_timer.stop()
        self._set_waiting(False)

    def _set_waiting(self, waiting: bool) -> None:
        if waiting != self.waiting:
            self.waiting = waiting
            self.waiting_changed.emit(waiting)

    @property
    def polling(self) -> bool:
        return not self._stopped and (self.poll_timer.isActive() or self._check_in_flight())

    def _check_in_flight(self) -> bool:
        info = self.info
        return info is not None and self.context.task_runner.is_running(
            ("pix-check", info.txid, id(self))
        )

    # ------------------------------------------------------------------ outcomes
    def _confirmed(self, result: CheckResult) -> None:
        self.stop()
        self.result = result
        if result.suspension_lifted:
            self.done_label.setText(_tr("Pagamento confirmado — seu acesso foi liberado"))
        else:
            self.done_label.setText(_tr("Pagamento confirmado"))
        paid = paid_pix(result)
        if paid is not None:
            self.done_amount.setText(
                _tr("%1 pagos em %2")
                .replace("%1", fmt.money(paid.amount))
                .replace("%2", fmt.local_datetime(paid.paid_at))
            )
        self.protocol_label.setText(
            _tr("Protocolo %1").replace("%1", display_protocol(result.protocol))
            if result.protocol
            else ""
        )
        if result.warnings:
            self.warning_line.show_error(" ".join(result.warnings))
        self.receipt_line.show_info(_tr("Imprimindo o comprovante…"))
        self.pages.setCurrentWidget(self.done_page)
        ctx = self.context
        ctx.task_runner.submit(
            ("pix-receipt", result.txid),
            lambda: print_pix_receipt(ctx.db, ctx.actor, result),
            on_success=self._receipt_printed,
            on_error=self.receipt_line.show_error,
            owner=self,
        )
        self.confirmed.emit(result)

    def _receipt_printed(self, outcome: PrintOutcome) -> None:
        self.receipt_outcome = outcome
        if outcome.printed and self.kiosk:  # the subscriber: where to pick it up, no queue name
            self.receipt_line.show_info(_tr("Retire o seu comprovante na impressora do quiosque."))
        elif outcome.printed:
            self.receipt_line.show_info(
                _tr("Comprovante enviado para a impressora %1.").replace(
                    "%1", outcome.printer or ""
                )
            )
        else:
            self.receipt_line.show_error(outcome.error or _tr("O comprovante não foi impresso."))

    def _problem(self, message: str, *, boleto: bool) -> None:
        self.stop()
        self.problem_label.setText(message)
        self.boleto_hint.setVisible(boleto)
        self.boleto_button.setVisible(boleto)
        self.retry_button.setVisible(boleto)
        self.boleto_line.clear_message()
        self.pages.setCurrentWidget(self.problem_page)

    # ------------------------------------------------------------------ actions
    def copy_payload(self) -> None:
        if self.info is not None:
            QGuiApplication.clipboard().setText(self.info.payload)
            self.note.show_info(_tr("Código PIX copiado."))

    def print_boleto(self) -> None:
        """The boleto instead (the PIX failed or expired): to this station's printer."""
        ctx, rid = self.context, self.bill.receivable_id
        today = ctx.today()
        self.boleto_button.setEnabled(False)
        ctx.write(  # its first print registers the boleto
            ("pix-boleto", id(self)),
            lambda: print_boleto(ctx.db, ctx.actor, rid, today),
            origin=self,
            on_success=self._boleto_printed,
            on_error=self.boleto_line.show_error,
            on_finished=lambda: self.boleto_button.setEnabled(True),
        )

    def _boleto_printed(self, result: tuple[PrintOutcome, str]) -> None:
        outcome, line = result
        if outcome.printed:
            text = (
                _tr("Retire o seu boleto na impressora do quiosque. Linha digitável: %2")
                if self.kiosk
                else _tr("Boleto enviado para a impressora %1. Linha digitável: %2")
            )
            self.boleto_line.show_info(
                text.replace("%1", outcome.printer or "").replace("%2", line)
            )
            self.context.record(
                tickets.ACTION_REPRINT,
                f"Segunda via impressa (PIX indisponível): conta {self.bill.receivable_id}.",
            )
        else:
            self.boleto_line.show_error(outcome.error or _tr("O boleto não foi impresso."))
