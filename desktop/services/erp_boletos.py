"""The boleto of an ERP receivable, rebuilt from the bank and the nosso número the ERP sent.

The ERP registered the boleto at the bank with its own numbering; the app must reprint the
very same boleto (Segunda via) and match the bank's return file to it.  Every bank's
nosso número is the account's fixed parts plus a sequence (see :mod:`desktop.domain.banks`),
so the sequence is read back out of the ERP's number, the campo livre is built by the same
code that builds the app's own boletos, and the result must print the number the ERP sent
(and its check digit when it sent one).  The boleto is stored with the nosso número as the app
prints it, which is what the retorno matching (``retorno_match``) already reads in every form.
A number that does not fit the account (another convênio, carteira or cooperative) is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain import banks, febraban
from desktop.errors import InvalidInput
from desktop.services.erp_rows import RowError
from desktop.services.retorno_match import normalise

_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class ErpBoleto:
    nosso_numero: str  # as the app prints it
    sequence: int
    barcode: str
    digitable_line: str


def _readings(text: str, bank: str) -> list[tuple[str, str | None]]:
    """(number, DV or None) the ERP's text may mean."""
    value = text.strip().upper()
    if "/" in value:
        head, _, tail = value.partition("/")
        # Itaú and Bradesco print carteira/número-DV; Sicredi AA/BNNNNN-D (all number).
        value = tail if bank in ("341", "237") else head + tail
    if "-" in value:
        number, _, dv = value.rpartition("-")
        return [(_SEPARATORS.sub("", number), dv.strip() or None)]
    bare = _SEPARATORS.sub("", value)
    out: list[tuple[str, str | None]] = [(bare, None)]
    if len(bare) > 1:
        out.append((bare[:-1], bare[-1]))
    return out


def _sequence(acc: banks.BankAccountData, number: str) -> int | None:
    if not number.isdigit():
        return None
    bank = acc.bank_code
    if bank == "001":
        convenio = re.sub(r"\D", "", acc.agreement)
        width = 17 if len(convenio) == 7 else 11
        padded = number.zfill(width)
        if len(padded) != width or not convenio or not padded.startswith(convenio):
            return None
        return int(padded[len(convenio) :] or "0")
    if bank == "104":
        padded = number.zfill(17)
        return int(padded[2:]) if len(padded) == 17 and padded[:2] in ("14", "24") else None
    widths = {"341": 8, "237": 11, "033": 12, "756": 7}
    if bank in widths:
        return int(number) if len(number.lstrip("0")) <= widths[bank] else None
    return None


def _free_field(
    acc: banks.BankAccountData, number: str, issued_on: dt.date
) -> tuple[banks.FreeField, int] | None:
    if acc.bank_code == "748":
        padded = number.zfill(8)
        if len(padded) != 8 or not padded.isdigit():
            return None
        year, byte, seq = int(padded[:2]), int(padded[2]), int(padded[3:])
        field = banks.sicredi_free_field(acc.agency, acc.agreement, acc.account, year, byte, seq)
        return field, seq
    sequence = _sequence(acc, number)
    if sequence is None or sequence < 1:
        return None
    return banks.free_field(acc, sequence, issued_on=issued_on), sequence


def _printed_parts(printed: str, bank: str) -> tuple[str, str | None]:
    return _readings(printed, bank)[0]


def build(
    acc: banks.BankAccountData,
    nosso_numero: str,
    due_date: dt.date,
    amount: Decimal,
    issued_on: dt.date,
) -> ErpBoleto:
    """The boleto the ERP registered, or ``RowError`` when the number does not fit: the
    line's rejection reason in the import report (SPEC §6 data, Portuguese like the other
    reasons), not an error shown to the person as such."""
    for number, dv in _readings(nosso_numero, acc.bank_code):
        try:
            built = _free_field(acc, number, issued_on)
        except InvalidInput:
            continue
        if built is None:
            continue
        field, sequence = built
        printed_number, printed_dv = _printed_parts(field.nosso_numero, acc.bank_code)
        if normalise(printed_number) != normalise(number):
            continue
        if dv is not None and printed_dv is not None and dv != printed_dv:
            continue
        if dv is not None and printed_dv is None:
            continue  # a DV the bank does not print (BB convênio 7) means another reading
        barcode = febraban.build_barcode(acc.bank_code, due_date, amount, field.campo_livre)
        return ErpBoleto(field.nosso_numero, sequence, barcode, febraban.digitable_line(barcode))
    raise RowError(
        f"nosso_numero {nosso_numero} não confere com a conta de cobrança do banco "
        f"{acc.bank_code} (convênio, carteira ou dígito)"
    )
