"""Money as people type it and as the database can hold it.

Every amount that comes from outside (a field at the counter, a command-line option, an ERP
file, a bank's return file) goes through ``parse_amount``: it accepts Brazilian and plain
notation and refuses what ``Decimal`` would take but money is not (NaN, Infinity, exponents,
fractions of a cent, values the ``Numeric(12, 2)`` columns cannot store).
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.errors import InvalidInput

CENT = Decimal("0.01")
# Numeric(12, 2): ten digits before the comma.
MAX_AMOUNT = Decimal("9999999999.99")

# 1234.56 / 1234,56 / 1.234,56 / 1,234.56 / R$ 99,90 — ASCII digits only.
_PLAIN = re.compile(r"^(?P<int>[0-9]+)(?:[.,](?P<frac>[0-9]{1,2}))?$")
_GROUPED_BR = re.compile(r"^(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+)(?:,(?P<frac>[0-9]{1,2}))?$")
_GROUPED_US = re.compile(r"^(?P<int>[0-9]{1,3}(?:,[0-9]{3})+)(?:\.(?P<frac>[0-9]{1,2}))?$")


def parse_amount(
    text: str, *, what: str = "Valor", allow_zero: bool = False, decimal_comma: bool | None = None
) -> Decimal:
    """The amount in ``text`` as a ``Decimal`` with two places, or ``InvalidInput``.

    ``decimal_comma``: ``True`` when the source writes 1.234,56 (a file that says so),
    ``False`` for 1,234.56, ``None`` to accept either unambiguous form (a person typing).
    """
    raw = text.strip().removeprefix("R$").strip().replace("\u00a0", "").replace(" ", "")
    negative = raw.startswith("-")
    if negative:
        raw = raw[1:]
    match = _PLAIN.match(raw)
    if match is not None and decimal_comma is not None and match.group("frac") is not None:
        separator = raw[len(match.group("int"))]
        if (separator == ",") != decimal_comma and len(match.group("frac")) == 2:
            match = None  # "1.50" in a decimal-comma file is not R$ 1,50
    if match is None and decimal_comma is not False:
        match = _GROUPED_BR.match(raw)
    if match is None and decimal_comma is not True:
        match = _GROUPED_US.match(raw)
    if match is None:
        raise InvalidInput("money.invalido_informe_reais_centavos", what=what, text=text.strip())
    whole = match.group("int").replace(".", "").replace(",", "")
    value = Decimal(f"{whole}.{match.group('frac') or '0'}").quantize(CENT)
    if negative and value:
        raise InvalidInput("money.nao_pode_negativo", what=what, text=text.strip())
    return check_amount(value, what=what, allow_zero=allow_zero)


def check_amount(value: Decimal, *, what: str = "Valor", allow_zero: bool = False) -> Decimal:
    """``value`` if it is a storable amount of money (finite, cents, in range), else refuse."""
    if not value.is_finite():
        raise InvalidInput("money.invalido_informe_reais_centavos_2", what=what)
    if value < 0 or (value == 0 and not allow_zero):
        raise InvalidInput("money.invalido_informe_valor_maior", what=what)
    if value > MAX_AMOUNT:  # before quantize, which fails on 1E+400
        raise InvalidInput("money.acima_limite_r", what=what)
    if value != value.quantize(CENT):
        raise InvalidInput("money.invalido_maximo_dois_digitos", what=what)
    return value.quantize(CENT)
