"""A year of monthly receivables, their payments and card payments, and SMS credit purchases."""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from typing import Any

from desktop.demo.contracts import contract_number
from desktop.demo.pools import weighted
from desktop.demo.state import ContractInfo, Demo, SubscriberInfo
from desktop.domain.enums import (
    CardPaymentStatus,
    ContractStatus,
    PaymentMethod,
    ReceivableStatus,
    SmsPurchaseStatus,
)
from desktop.services.financial import updated_amount

ISSUE_DAYS_BEFORE_DUE = 10
SUSPEND_AFTER_DAYS = 15  # the automatic suspension runs this long after a due date
METHODS = (
    (PaymentMethod.BOLETO, 45),
    (PaymentMethod.PIX, 35),
    (PaymentMethod.CARD, 12),
    (PaymentMethod.CASH, 8),
)
INSTALLMENTS = ((1, 90), (2, 7), (3, 3))
BRANDS = (("Visa", 40), ("Mastercard", 35), ("Elo", 15), ("Hipercard", 5), ("Amex", 5))
PIX_BANKS = ("00000000", "60701190", "00360305", "18236120", "90400888", "60746948")
_E2E_CHARS = string.ascii_letters + string.digits


def schedule(
    demo: Demo, info: ContractInfo, months_back: int = 12
) -> list[tuple[dt.date, dt.date, dt.date]]:
    """(competence, issued_on, due_date) of each monthly bill in the ``months_back`` months
    (a year) ending today.

    Bills are issued ten days before the due date, so next month's bill already exists when
    its due date is close; the first bill is the month after activation, the last one the
    month service stopped.
    """
    first = dt.date(demo.today.year, demo.today.month, 1)
    bills = []
    for offset in range(1 - months_back, 2):
        months = first.year * 12 + first.month - 1 + offset
        competence = dt.date(months // 12, months % 12 + 1, 1)
        due = competence.replace(day=info.billing_day)
        issued = due - dt.timedelta(days=ISSUE_DAYS_BEFORE_DUE)
        if issued > demo.today or competence <= info.activated_on:
            continue
        if info.stopped_on is not None and competence > info.stopped_on:
            continue
        bills.append((competence, issued, due))
    return bills


def monthly(demo: Demo, sub: SubscriberInfo, info: ContractInfo) -> None:
    """Write the contract's bills; a debt suspension gets its date from the unpaid ones."""
    rng, today = demo.rng, demo.today
    bills = schedule(demo, info, demo.light_bill_months if demo.light(sub.index) else 12)
    overdue_from: int | None = None
    if info.status is ContractStatus.SUSPENDED_DEBT:
        limit = today - dt.timedelta(days=SUSPEND_AFTER_DAYS + 1)
        eligible = [i for i, (_c, _i, due) in enumerate(bills) if due <= limit]
        if not eligible:  # too new to owe anything: keep it active
            info.status = ContractStatus.ACTIVE
        else:
            overdue_from = eligible[-min(len(eligible), rng.choices((1, 2, 3), (60, 30, 10))[0])]
            first_due = bills[overdue_from][2]
            late = rng.randint(SUSPEND_AFTER_DAYS, min(25, (today - first_due).days - 1))
            info.status_changed_at = demo.at(
                first_due + dt.timedelta(days=late), 6, rng.randrange(60)
            )
    last_card: dict[str, Any] | None = None
    for index, (competence, issued, due) in enumerate(bills):
        description = f"Mensalidade {info.plan.name} - {competence:%m/%Y}"
        unpaid = overdue_from is not None and index >= overdue_from
        card = _receivable(
            demo, sub, info.id, description, competence, issued, due, info.plan.price, unpaid
        )
        last_card = card or last_card
    if sub.index == 2 and last_card is not None:  # highlighted: a duplicate left to cancel
        _duplicate(demo, last_card, voided=False)


def _receivable(
    demo: Demo,
    sub: SubscriberInfo,
    contract_id: int,
    description: str,
    competence: dt.date,
    issued: dt.date,
    due: dt.date,
    amount: Decimal,
    unpaid: bool,
    *,
    method: PaymentMethod | None = None,
    pay_day: dt.date | None = None,
    cancelled: bool = False,
    receivable_id: int | None = None,
) -> dict[str, Any] | None:
    """One receivable (paid, open or cancelled); returns its card payment row, if any."""
    rng, today = demo.rng, demo.today
    receivable_id = receivable_id or demo.out.next_id("receivables")
    status, paid_at, paid_amount = ReceivableStatus.OPEN, None, None
    if pay_day is None and not unpaid and not cancelled:
        cancelled = due < today and rng.random() < 0.01
        pay_day = _pay_day(demo, issued, due)
    if cancelled:
        status = ReceivableStatus.CANCELLED
    elif pay_day is not None and pay_day < today and not unpaid:
        status = ReceivableStatus.PAID
        if method is None:
            method = PaymentMethod.CARD if sub.index == 2 else weighted(rng, METHODS)
        paid_at = _paid_at(demo, pay_day, method)
        paid_amount = updated_amount(
            amount, due, pay_day, demo.fine_percent, demo.interest_percent
        ).total
    demo.out.add(
        "receivables",
        {
            "id": receivable_id,
            "subscriber_id": sub.id,
            "contract_id": contract_id,
            "description": description,
            "competence": competence,
            "issued_on": issued,
            "due_date": due,
            "amount": amount,
            "status": status,
            "paid_at": paid_at,
            "paid_amount": paid_amount,
            "payment_method": method if status is ReceivableStatus.PAID else None,
            "created_at": demo.at(issued, 3, int(rng.random() * 60)),  # the nightly billing
        },
    )
    if paid_at is None or paid_amount is None or method is None:
        return None
    card = None
    if method is PaymentMethod.CARD:
        card = _card_payment(demo, sub, receivable_id, paid_at, paid_amount)
        reference = card["payment_id"]
        if rng.random() < 0.04:
            _duplicate(demo, card, voided=rng.random() < 0.4)
    elif method is PaymentMethod.PIX:
        # endToEndId: E + ISPB of the payer's bank + UTC yyyyMMddHHmm + 11 characters.
        tail, bits = [], rng.getrandbits(66)
        for _ in range(11):
            bits, digit = divmod(bits, 62)
            tail.append(_E2E_CHARS[digit])
        bank = PIX_BANKS[int(rng.random() * len(PIX_BANKS))]
        reference = f"E{bank}{paid_at:%Y%m%d%H%M}{''.join(tail)}"
    elif method is PaymentMethod.BOLETO:
        reference = f"Retorno bancário de {pay_day:%d/%m/%Y}"
    else:
        reference = "Recebido no balcão"
    payment_id = demo.out.next_id("payments")
    demo.out.add(
        "payments",
        {
            "id": payment_id,
            "source_key": f"demo:{payment_id}",
            "receivable_id": receivable_id,
            "paid_at": paid_at,
            "amount": paid_amount,
            "method": method,
            "reference": reference,
        },
    )
    return card


def _pay_day(demo: Demo, issued: dt.date, due: dt.date) -> dt.date:
    """Most pay by the due date, a quarter a few weeks late, some after a month or two."""
    rnd = demo.rng.random
    pick = rnd()
    if pick < 0.72:
        return due - dt.timedelta(days=int(rnd() * (min(6, (due - issued).days) + 1)))
    if pick < 0.95:
        return due + dt.timedelta(days=1 + int(rnd() * 25))
    return due + dt.timedelta(days=26 + int(rnd() * 33))


def _paid_at(demo: Demo, day: dt.date, method: PaymentMethod) -> dt.datetime:
    if method is PaymentMethod.PIX:  # any time from 07:00 to 23:59
        return demo.midnight(day) + dt.timedelta(seconds=25200 + int(demo.rng.random() * 61200))
    return demo.business_time(day)


def _card_payment(
    demo: Demo, sub: SubscriberInfo, receivable_id: int, paid_at: dt.datetime, amount: Decimal
) -> dict[str, Any]:
    rng = demo.rng
    if sub.card is None:  # the card the subscriber always uses
        sub.card = (weighted(rng, BRANDS), f"{rng.randrange(10000):04d}")
    brand, last4 = sub.card
    row = {
        "id": demo.out.next_id("card_payments"),
        "subscriber_id": sub.id,
        "receivable_id": receivable_id,
        "paid_at": paid_at,
        "amount": amount,
        "brand": brand,
        "last4": last4,
        "installments": weighted(rng, INSTALLMENTS),
        "payment_id": demo.uuid4(),
        "tid": _tid(demo, paid_at),
        "status": CardPaymentStatus.CAPTURED,
        "voided_at": None,
        "voided_amount": None,
        "void_request_id": None,
        "void_requested_at": None,
        "void_message": "",
    }
    demo.out.add("card_payments", row)
    return row


def _duplicate(demo: Demo, original: dict[str, Any], *, voided: bool) -> None:
    """The same receivable charged again minutes later (a double click at the terminal)."""
    rng = demo.rng
    paid_at = original["paid_at"] + dt.timedelta(
        minutes=rng.randint(1, 9), seconds=rng.randrange(60)
    )
    row = dict(original)
    row.update(
        id=demo.out.next_id("card_payments"),
        paid_at=paid_at,
        payment_id=demo.uuid4(),
        tid=_tid(demo, paid_at),
    )
    voided_at = paid_at + dt.timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 8))
    if voided and voided_at < demo.end:
        row.update(
            status=CardPaymentStatus.VOIDED,
            voided_at=voided_at,
            voided_amount=original["amount"],
            void_request_id=demo.uuid4(),
            void_requested_at=voided_at - dt.timedelta(seconds=rng.randint(1, 5)),
            void_message="Cancelamento realizado pela Cielo (pagamento em duplicidade).",
        )
    demo.out.add("card_payments", row)


def _tid(demo: Demo, paid_at: dt.datetime) -> str:
    """A 20-digit Cielo TID (the first digits follow the date of the sale)."""
    return f"{paid_at:%m%d}{demo.rng.randrange(10**16):016d}"


def sms_purchases(
    demo: Demo,
    sub: SubscriberInfo,
    info: ContractInfo,
    credit_values: list[tuple[int, int, Decimal]],
) -> None:
    """A few purchases of SMS credits in every status, and the SMS account of some clients."""
    rng, today = demo.rng, demo.today
    has_account = sub.index == 3 or rng.random() < 0.5
    if sub.index == 3:
        ages = [60, 3]
    else:
        ages = sorted(
            (rng.randint(1, 330) for _ in range(rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0])),
            reverse=True,
        )
    transferred = 0
    account_since: dt.datetime | None = None
    for n, age in enumerate(ages):
        created_on = max(today - dt.timedelta(days=age), info.activated_on + dt.timedelta(days=1))
        created_at = demo.business_time(created_on)
        value_id, quantity, price = rng.choice(credit_values)
        if age > 20:
            status = (
                SmsPurchaseStatus.TRANSFERRED
                if has_account and rng.random() < 0.85
                else SmsPurchaseStatus.CANCELLED
            )
        else:
            status = rng.choice(
                (
                    SmsPurchaseStatus.AWAITING_PAYMENT,
                    SmsPurchaseStatus.PAID,
                    SmsPurchaseStatus.CANCELLED,
                )
            )
        if sub.index == 3:
            status = SmsPurchaseStatus.TRANSFERRED if n == 0 else SmsPurchaseStatus.AWAITING_PAYMENT
        paid = status in (SmsPurchaseStatus.PAID, SmsPurchaseStatus.TRANSFERRED)
        receivable_id = demo.out.next_id("receivables") if paid or rng.random() < 0.9 else None
        confirmed = transferred_at = None
        if receivable_id is not None:
            pay_day = created_on + dt.timedelta(days=rng.randint(0, 2)) if paid else None
            if pay_day is not None and pay_day >= today:
                pay_day = created_on
            _receivable(
                demo,
                sub,
                info.id,
                f"Créditos SMS - {quantity} SMS",
                created_on.replace(day=1),
                created_on,
                created_on + dt.timedelta(days=3),
                price,
                not paid,
                method=PaymentMethod.PIX if paid else None,
                pay_day=pay_day,
                cancelled=status is SmsPurchaseStatus.CANCELLED,
                receivable_id=receivable_id,
            )
            if pay_day is not None:  # finance confirms after the day's payments are in
                confirmed = min(
                    demo.end, demo.at(pay_day, 23, 59) + dt.timedelta(hours=rng.randint(1, 20))
                )
        if status is SmsPurchaseStatus.TRANSFERRED and confirmed is not None:
            transferred_at = min(demo.end, confirmed + dt.timedelta(hours=rng.randint(1, 30)))
            transferred += quantity
            account_since = account_since or transferred_at
        demo.out.add(
            "sms_purchases",
            {
                "id": demo.out.next_id("sms_purchases"),
                "subscriber_id": sub.id,
                "contract_id": info.id,
                "credit_value_id": value_id,
                "quantity": quantity,
                "price": price,
                "status": status,
                "receivable_id": receivable_id,
                "idempotency_key": demo.uuid4().replace("-", ""),
                "created_at": created_at,
                # Actor labels, as desktop.services.sms_credits records them.
                "created_by": "atendente:atendente"
                if rng.random() < 0.7
                else f"assinante:{sub.id}",
                "paid_confirmed_at": confirmed,
                "paid_confirmed_by": "financeiro:financeiro" if confirmed else None,
                "transferred_at": transferred_at,
                "transferred_by": "suporte:suporte" if transferred_at else None,
                "transfer_quantity": quantity if transferred_at else None,
                "transfer_reference": f"SMSD-{rng.randrange(10**8):08d}"
                if transferred_at
                else None,
            },
        )
    if has_account:
        demo.out.add(
            "sms_accounts",
            {
                "id": demo.out.next_id("sms_accounts"),
                "contract_id": info.id,
                "login": "sms" + contract_number(info).replace("-", "").lower(),
                "password_hash": demo.kiosk_hash(),
                "balance": transferred - rng.randint(0, transferred * 4 // 5)
                if transferred
                else rng.choice((0, 120, 480)),
                "created_at": account_since or demo.business_time(info.activated_on),
            },
        )
