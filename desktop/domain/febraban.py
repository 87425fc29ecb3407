"""FEBRABAN *cobrança* (boleto bancário): 44-digit barcode and 47-digit *linha digitável*.

No maintained Python library does this with the 2025 due-date-factor rollover (PyPI
``python3-boleto`` was last released in 2018 and refuses factors of the second cycle; see
REFERENCE.md §2), so it is ours: a few dozen lines of arithmetic, checked against the
vectors in ``vectors/boleto.json`` (cross-checked by python3-boleto and brazilian-utils).

Barcode (44): bank (3) · currency ``9`` (1) · general DV (1) · factor (4) · amount in
cents (10) · *campo livre* (25, bank-specific, see :mod:`desktop.domain.banks`).

Linha digitável (47): F1 = bank+currency+free[0:5]+DV10 · F2 = free[5:15]+DV10 ·
F3 = free[15:25]+DV10 · F4 = general DV · F5 = factor+amount.

*Fator de vencimento*: days since 1997-10-07 (2000-07-03 = 1000, 2025-02-21 = 9999); on
2025-02-22 it restarted at 1000, so it runs in cycles of 9000 days.  A factor names one day in
every cycle, hence decoding needs a reference date (the candidate nearest to it wins).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.errors import InvalidInput

CURRENCY_BRL = "9"
FACTOR_BASE = dt.date(1997, 10, 7)  # factor 0 would be this day (factor 0000 = no due date)
CYCLE_START = dt.date(2000, 7, 3)  # factor 1000 of the first cycle
ROLLOVER = dt.date(2025, 2, 22)  # factor 1000 again (second cycle)
CYCLE_DAYS = 9000  # factors 1000..9999
MAX_CENTS = 9_999_999_999  # 10-digit amount field: R$ 99.999.999,99

_DIGITS = re.compile(r"\d+")


# --------------------------------------------------------------------------- check digits
def mod10(digits: str) -> int:
    """Field DV of the linha digitável (and Itaú's DACs): weights 2,1,2,1… from the right,
    digits of each product summed, ``(10 - sum % 10) % 10``."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def weighted_sum(digits: str, first: int = 2, last: int = 9) -> int:
    """Sum of the digits times weights first..last (cycling), starting at the right."""
    span = last - first + 1
    return sum(int(ch) * (first + i % span) for i, ch in enumerate(reversed(digits)))


def general_dv(barcode43: str) -> int:
    """General DV (position 5): mod 11, weights 2..9 from the right; 0, 10 or 11 → 1."""
    dv = 11 - weighted_sum(barcode43) % 11
    return 1 if dv in (0, 10, 11) else dv


# --------------------------------------------------------------------------- due-date factor
def due_factor(due_date: dt.date | None) -> str:
    """The 4-digit *fator de vencimento* (``0000`` when the boleto has no due date)."""
    if due_date is None:
        return "0000"
    if due_date < CYCLE_START:
        raise InvalidInput("febraban.vencimento_anterior_nao_tem", due_date=due_date)
    return f"{1000 + (due_date - CYCLE_START).days % CYCLE_DAYS:04d}"


def due_date_from_factor(factor: str | int, reference: dt.date) -> dt.date | None:
    """The due date a factor names, choosing the cycle nearest ``reference`` (e.g. today)."""
    value = int(factor)
    if value == 0:
        return None
    if not 1000 <= value <= 9999:
        raise InvalidInput("febraban.fator_vencimento_invalido", value=value)
    first = CYCLE_START + dt.timedelta(days=value - 1000)
    cycles = round((reference - first).days / CYCLE_DAYS)
    return first + dt.timedelta(days=max(0, cycles) * CYCLE_DAYS)


# --------------------------------------------------------------------------- amount
def brl(value: Decimal) -> str:
    """``R$ 1.234,56`` (Brazilian grouping), for messages and printed boletos."""
    text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"R$ {text}"


def amount_field(amount: Decimal) -> str:
    """The 10-digit amount in cents; refuses negative amounts, fractions of a cent and more
    than R$ 99.999.999,99 (the field has no room for it)."""
    try:
        cents = Decimal(amount) * 100
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidInput("febraban.valor_invalido_boleto", amount=amount) from None
    if not cents.is_finite() or cents != cents.to_integral_value():
        raise InvalidInput("febraban.valor_invalido_boleto_use", amount=amount)
    if cents < 0:
        raise InvalidInput("febraban.valor_boleto_nao_pode")
    if cents > MAX_CENTS:
        raise InvalidInput("febraban.valor_acima_limite_codigo", amount=brl(Decimal(amount)))
    return f"{int(cents):010d}"


# --------------------------------------------------------------------------- barcode / linha
def _require_digits(text: str, length: int, what: str) -> str:
    if len(text) != length or not text.isdigit():
        raise InvalidInput("febraban.deve_ter_digitos_numericos", what=what, length=length)
    return text


def build_barcode(
    bank_code: str,
    due_date: dt.date | None,
    amount: Decimal,
    free_field: str,
    currency: str = CURRENCY_BRL,
) -> str:
    """The 44-digit barcode of a cobrança boleto."""
    _require_digits(bank_code, 3, "O código do banco")
    _require_digits(currency, 1, "O código da moeda")
    _require_digits(free_field, 25, "O campo livre")
    body = bank_code + currency + due_factor(due_date) + amount_field(amount) + free_field
    return body[:4] + str(general_dv(body)) + body[4:]


def check_barcode(barcode: str) -> str:
    """Return the barcode if it is 44 digits with a correct general DV; else refuse."""
    text = re.sub(r"\s", "", barcode)
    _require_digits(text, 44, "O código de barras")
    if int(text[4]) != general_dv(text[:4] + text[5:]):
        raise InvalidInput("febraban.codigo_barras_invalido_digito")
    return text


def digitable_line(barcode: str) -> str:
    """The 47-digit linha digitável (digits only) of a 44-digit barcode."""
    code = check_barcode(barcode)
    free = code[19:44]
    f1 = code[0:4] + free[0:5]
    f2 = free[5:15]
    f3 = free[15:25]
    return f"{f1}{mod10(f1)}{f2}{mod10(f2)}{f3}{mod10(f3)}{code[4]}{code[5:19]}"


def format_line(line: str) -> str:
    """``AAABC.CCCCX DDDDD.DDDDDY EEEEE.EEEEEZ K UUUUVVVVVVVVVV``, as printed."""
    d = _require_digits(re.sub(r"\D", "", line), 47, "A linha digitável")
    return f"{d[0:5]}.{d[5:10]} {d[10:15]}.{d[15:21]} {d[21:26]}.{d[26:32]} {d[32]} {d[33:47]}"


def barcode_from_line(line: str) -> str:
    """The barcode a linha digitável stands for, after checking its three field DVs and the
    general DV.  Accepts the printed form (dots and spaces)."""
    if re.search(r"[^\d.\s]", line):
        raise InvalidInput("febraban.linha_digitavel_pode_ter")
    d = _require_digits(re.sub(r"\D", "", line), 47, "A linha digitável")
    for number, (start, end) in enumerate(((0, 9), (10, 20), (21, 31)), start=1):
        if mod10(d[start:end]) != int(d[end]):
            raise InvalidInput("febraban.linha_digitavel_invalida_digito", number=number)
    barcode = d[0:4] + d[32] + d[33:47] + d[4:9] + d[10:20] + d[21:31]
    return check_barcode(barcode)


@dataclass(frozen=True)
class BoletoCode:
    """What a barcode (or linha digitável) says."""

    bank_code: str
    currency: str
    factor: str
    due_date: dt.date | None
    amount: Decimal
    free_field: str
    barcode: str
    digitable_line: str

    @property
    def formatted_line(self) -> str:
        return format_line(self.digitable_line)


def parse_barcode(barcode: str, reference: dt.date) -> BoletoCode:
    code = check_barcode(barcode)
    return BoletoCode(
        bank_code=code[0:3],
        currency=code[3],
        factor=code[5:9],
        due_date=due_date_from_factor(code[5:9], reference),
        amount=(Decimal(int(code[9:19])) / 100).quantize(Decimal("0.01")),
        free_field=code[19:44],
        barcode=code,
        digitable_line=digitable_line(code),
    )


def parse_line(line: str, reference: dt.date) -> BoletoCode:
    """Validate a typed linha digitável and decode it (``reference`` picks the factor cycle)."""
    return parse_barcode(barcode_from_line(line), reference)
