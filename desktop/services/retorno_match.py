"""Find the boleto a return-file entry talks about: bank + nosso número, normalised both sides.

The same nosso número is written many ways: the app prints it with its check digit and the
bank's punctuation (``109/12345678-9`` Itaú, ``09/00000000001-P`` Bradesco, ``26/200001-5``
Sicredi, ``0000001-4`` Sicoob...), an ERP may have sent it bare or zero-padded, and the bank's
file carries it with or without the DV, padded to the width of its field.  Rather than scan
the boletos, each reading of the file's number (see ``RetornoEntry.nn_candidates``) is turned
into the handful of forms a stored nosso número can take for each configured account of that
bank, and those are looked up through the ``(bank_account_id, nosso_numero)`` unique index.

A reading with a DV (its own position, or the last character taken for it) is only used
when the DV is right for that bank (rules of :mod:`desktop.domain.banks`), so "1234" is never taken for boleto "123"
with DV 4 unless 4 is its DV.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import banks
from desktop.domain.febraban import mod10
from desktop.importers.cnab_records import RetornoEntry
from desktop.models import BankAccount, Boleto

# Width of the number part (no DV, no wallet) of the nosso número the app prints, per bank:
# the first lookup tries these; only what it does not find is tried at every zero padding.
WIDTHS: dict[str, tuple[int, ...]] = {
    "001": (17, 11, 10),
    "341": (8,),
    "237": (11,),
    "104": (17,),
    "033": (12,),
    "756": (7,),
    "748": (8,),
}
CHUNK = 500  # forms per query (well under both backends' parameter limits)


@dataclass(frozen=True)
class Account:
    id: int
    data: banks.BankAccountData


@dataclass(frozen=True)
class Match:
    receivable_id: int
    boleto_nosso_numero: str


def accounts_for(session: Session, bank_code: str) -> list[Account]:
    rows = session.scalars(select(BankAccount).where(BankAccount.bank_code == bank_code)).all()
    return [
        Account(
            row.id,
            banks.BankAccountData(
                bank_code=row.bank_code,
                agency=row.agency,
                account=row.account,
                account_dv=row.account_dv,
                wallet=row.wallet,
                agreement=row.agreement,
                agency_dv=row.agency_dv,
            ),
        )
        for row in rows
    ]


def normalise(number: str) -> str:
    """The number part as compared: separators and leading zeros dropped."""
    return re.sub(r"[\s.\-/]", "", number).lstrip("0") or "0"


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def expected_dv(acc: banks.BankAccountData, number: str) -> str | None:
    """The DV the bank computes for ``number`` (zero-padded to the printed width), or None
    when the account does not give what the rule needs."""
    if not number.isdigit():
        return None
    bank = acc.bank_code
    try:
        if bank == "001":
            return banks._bb_dv(number.zfill(11)) if len(number) <= 11 else None
        if bank == "341":
            wallet, nn = acc.wallet.zfill(3), number.zfill(8)
            if wallet in banks._ITAU_WALLET_ONLY_DAC:
                return str(mod10(wallet + nn))
            return str(
                mod10(_digits(acc.agency).zfill(4) + _digits(acc.account).zfill(5) + wallet + nn)
            )
        if bank == "237":
            return banks._bradesco_dv(acc.wallet.zfill(2) + number.zfill(11))
        if bank == "104":
            return banks._mod11_zero(number.zfill(17))
        if bank == "033":
            return banks._mod11_zero(number.zfill(12))
        if bank == "756":
            client = _digits(acc.agreement).zfill(10)
            return banks._sicoob_dv(_digits(acc.agency).zfill(4) + client + number.zfill(7))
        if bank == "748":
            prefix = _digits(acc.agency).zfill(4) + _digits(acc.agreement).zfill(2)
            return banks._mod11_zero(prefix + _digits(acc.account).zfill(5) + number.zfill(8))
    except (ValueError, IndexError):
        return None
    return None


def stored_forms(
    acc: banks.BankAccountData, number: str, dv: str | None, *, every_width: bool = False
) -> set[str]:
    """The ways a stored nosso número of ``acc`` with this number (and DV) may be written:
    bare, as the file wrote it, at the app's printed width, or (``every_width``) at any zero
    padding up to the column's 20 characters (an ERP pads to its own width)."""
    core = normalise(number)
    usual = (*WIDTHS.get(acc.bank_code, ()), len(number))
    widths = range(len(core), 21) if every_width else usual
    padded = {core} | {core.zfill(w) for w in widths if w >= len(core)}
    forms: set[str] = set()
    dvs = {dv} if dv else set()
    computed = expected_dv(acc, core)
    if computed:
        dvs.add(computed)
    for p in padded:
        forms.add(p)
        for d in dvs:
            forms.update({f"{p}-{d}", f"{p}{d}"})
            if acc.bank_code in ("341", "237"):  # carteira/número-DV
                width = 3 if acc.bank_code == "341" else 2
                forms.add(f"{acc.wallet.zfill(width)}/{p}-{d}")
            if acc.bank_code == "748" and len(p) == 8:  # AA/BNNNNN-D
                forms.add(f"{p[:2]}/{p[2:]}-{d}")
    return {f for f in forms if len(f) <= 20}


def _readings(
    accounts: Sequence[Account], entry: RetornoEntry, every_width: bool
) -> list[tuple[str, set[str]]]:
    """Per reading of the entry's number: its normalised number and the stored forms."""
    out = []
    for number, dv in entry.nn_candidates:
        forms: set[str] = set()
        # A DV must be the right one for that number where the bank's rule can say (a DV in
        # its own position too: it tells a misread layout from a match).
        for acc in accounts:
            if dv is not None:
                computed = expected_dv(acc.data, normalise(number))
                if computed is not None and computed != dv.upper():
                    continue
            forms |= stored_forms(acc.data, number, dv, every_width=every_width)
        out.append((normalise(number), forms))
    return out


def find_all(
    session: Session, accounts: Sequence[Account], entries: Sequence[RetornoEntry]
) -> dict[int, tuple[Match | None, str]]:
    """The boleto of each entry (by line) and the normalised nosso número of its identity.

    Readings are tried in order; the normalised number of the first reading is the identity
    when nothing matches (an unmatched entry settles nothing, so it only labels the report).
    All the forms of a file are looked up in a few indexed queries, not one per entry: first
    the usual widths, then every zero padding for the entries still unmatched.
    """
    result = _find(session, accounts, entries, every_width=False)
    rest = [e for e in entries if result[e.line][0] is None]
    if rest:
        result.update(_find(session, accounts, rest, every_width=True))
    return result


def _find(
    session: Session,
    accounts: Sequence[Account],
    entries: Sequence[RetornoEntry],
    *,
    every_width: bool,
) -> dict[int, tuple[Match | None, str]]:
    readings = {entry.line: _readings(accounts, entry, every_width) for entry in entries}
    wanted = sorted({form for rs in readings.values() for _, forms in rs for form in forms})
    ids = [a.id for a in accounts]
    found: dict[str, tuple[int, int, str]] = {}  # form -> (boleto id, receivable, stored)
    for start in range(0, len(wanted), CHUNK):
        rows = session.execute(
            select(Boleto.nosso_numero, Boleto.id, Boleto.receivable_id).where(
                Boleto.bank_account_id.in_(ids),
                Boleto.nosso_numero.in_(wanted[start : start + CHUNK]),
            )
        )
        for stored, boleto_id, receivable_id in rows:
            best = found.get(stored)
            if best is None or boleto_id < best[0]:  # the same text in two accounts
                found[stored] = (boleto_id, receivable_id, stored)
    result: dict[int, tuple[Match | None, str]] = {}
    for entry in entries:
        result[entry.line] = (None, readings[entry.line][0][0] if readings[entry.line] else "")
        for number, forms in readings[entry.line]:
            hits = sorted(found[f] for f in forms if f in found)
            if hits:
                result[entry.line] = (Match(hits[0][1], hits[0][2]), number)
                break
    return result
