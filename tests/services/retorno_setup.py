"""Bank accounts of the seven banks, boletos registered by the app, and return files for them."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.models import BankAccount, Boleto
from desktop.services import boletos
from tests.importers.cnab_builders import Title, cnab240, cnab400

ACCOUNTS: dict[str, dict[str, str]] = {
    "001": {"agency": "1234", "account": "12345678", "wallet": "17", "agreement": "1234567"},
    "341": {"agency": "1234", "account": "12345", "wallet": "109"},
    "237": {"agency": "1234", "account": "1234567", "wallet": "09"},
    "104": {"agency": "1234", "account": "123", "wallet": "RG", "agreement": "123456"},
    "033": {"agency": "1234", "account": "1234567", "wallet": "101", "agreement": "1234567"},
    "756": {"agency": "4321", "account": "12345", "wallet": "1", "agreement": "1234567"},
    "748": {"agency": "0101", "account": "12345", "wallet": "1", "agreement": "02"},
}
BANKS = list(ACCOUNTS)
LIQUIDATION_400 = {"104": "21"}  # Caixa's own numbering in its 400 layout


def bank_account(db: Database, bank: str) -> int:
    with db.session() as session:
        row = BankAccount(
            bank_code=bank, beneficiary_name="Provedor Exemplo Ltda", **ACCOUNTS[bank]
        )
        session.add(row)
        session.flush()
        return row.id


def register(db: Database, actor: Actor, receivable_id: int) -> str:
    """The nosso número the app printed on the receivable's boleto."""
    return boletos.boleto_for_receivable(db, actor, receivable_id).nosso_numero


def set_nosso_numero(db: Database, receivable_id: int, value: str) -> None:
    """As an ERP import would store it (bare, padded...)."""
    with db.session() as session:
        boleto = session.scalar(select(Boleto).where(Boleto.receivable_id == receivable_id))
        assert boleto is not None
        boleto.nosso_numero = value


def file_title(bank: str, layout: str, printed: str, **fields: object) -> Title:
    """The title as ``bank`` writes the printed nosso número in a ``layout`` return file."""
    number, _, dv = printed.rpartition("-") if "-" in printed else (printed, "", "")
    number = number.split("/")[-1] if bank in ("341", "237") else number.replace("/", "")
    title = Title(nosso_numero="", **fields)  # type: ignore[arg-type]
    if bank == "341":
        return replace(title, nosso_numero=number, nn_dv=dv)
    if bank == "104" and layout == "cnab240":
        return replace(title, nosso_numero=number, nn_dv=dv)
    if bank == "104" or bank == "001":
        return replace(title, nosso_numero=number)
    widths = {
        ("cnab240", "033"): 13,
        ("cnab400", "033"): 8,
        ("cnab240", "756"): 10,
        ("cnab400", "756"): 11,
        ("cnab400", "237"): 12,
    }
    width = widths.get((layout, bank))
    field = number + dv
    if width:
        field = field[-width:].rjust(width, "0")
    return replace(title, nosso_numero=field)


def build(bank: str, layout: str, titles: list[Title]) -> bytes:
    if layout == "cnab240":
        return cnab240(bank, titles)
    code = LIQUIDATION_400.get(bank)
    fixed = [replace(t, occurrence=code) if code and t.occurrence == "06" else t for t in titles]
    return cnab400(bank, fixed)


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


AMOUNT = Decimal("99.90")
