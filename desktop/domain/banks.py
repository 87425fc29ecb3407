"""Bank-specific *campo livre* (barcode positions 20-44) and *nosso número* with its DV.

Each bank publishes its own layout for the 25 free digits.  The layouts below follow the
banks' cobrança manuals as implemented (and tested against worked examples) by well-known
open-source projects, which the tests use as oracles:

* tomas-stefano/boleto_bancario (Ruby; ``lib/boleto_bancario/core/*.rb`` and ``spec/``),
* eduardokum/laravel-boleto (PHP; ``src/Boleto/Banco/*.php``, ``src/CalculoDV.php``),
* eduardocereto/pyboleto and its fork Trust-Code/python-boleto (Python; ``pyboleto/bank/``).

Where they disagree the bank's rule as documented in those sources wins (noted per bank).
The barcode around the free field is :mod:`desktop.domain.febraban`'s job.

Field mapping of a :class:`BankAccountData` (the ``bank_accounts`` row):

=====  ============================  =================================================
bank   agreement (convênio)          wallet (carteira) / notes
=====  ============================  =================================================
001    convênio of 4, 6 or 7 digits  carteira (2), e.g. 17 or 18
341    –                             carteira (3), e.g. 109; account of 5 digits
237    –                             carteira (2), e.g. 09; account of 7 digits
104    código do beneficiário (6/7)  ``SR``/``24`` for sem registro, else registered (SIGCB)
033    código do beneficiário (7)    carteira (3), e.g. 101
756    código do cliente (≤ 7)       carteira (1), modalidade = carteira with 2 digits
748    posto (2)                     account = código do beneficiário (5); byte 2
=====  ============================  =================================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from desktop.domain.febraban import mod10, weighted_sum
from desktop.errors import InvalidInput

BANK_NAMES = {
    "001": "Banco do Brasil",
    "341": "Itaú",
    "237": "Bradesco",
    "104": "Caixa",
    "033": "Santander",
    "756": "Sicoob",
    "748": "Sicredi",
}

# The check digit printed after the bank code ("001-9").  Banks differ on the remainder-1
# case (Caixa prints 0, Sicredi X), so this is the published table, not a formula.
BANK_CODE_DV = {
    "001": "9",
    "341": "7",
    "237": "2",
    "104": "0",
    "033": "7",
    "756": "0",
    "748": "X",
}


@dataclass(frozen=True)
class BankAccountData:
    """The parts of a cobrança account the free field is made of (see the table above)."""

    bank_code: str
    agency: str
    account: str
    account_dv: str = ""
    wallet: str = ""
    agreement: str = ""
    agency_dv: str = ""


class FreeField(NamedTuple):
    campo_livre: str  # 25 digits
    nosso_numero: str  # as printed on the boleto, with its check digit


def bank_name(bank_code: str) -> str:
    return BANK_NAMES.get(bank_code, f"Banco {bank_code}")


def bank_code_with_dv(bank_code: str) -> str:
    """``001-9``, as printed in the header of both parts of the boleto."""
    if bank_code not in BANK_CODE_DV:
        raise InvalidInput("banks.banco_nao_configurado_emissao", bank_code=bank_code)
    return f"{bank_code}-{BANK_CODE_DV[bank_code]}"


# --------------------------------------------------------------------------- helpers
def _num(value: str, width: int, what: str) -> str:
    """Digits of ``value`` (separators dropped), left-padded with zeros to ``width``."""
    text = re.sub(r"[\s.\-/]", "", value or "")
    if not text.isdigit():
        raise InvalidInput("banks.deve_numerico", what=what, value=value)
    if len(text) > width:
        raise InvalidInput("banks.tem_digitos", what=what, width=width, value=value)
    return text.zfill(width)


def _seq(sequence: int, width: int) -> str:
    if sequence < 1:
        raise InvalidInput("banks.sequencia_nosso_numero_deve")
    if sequence >= 10**width:
        raise InvalidInput("banks.numeracao_nosso_numero_desta", width=10**width - 1)
    return f"{sequence:0{width}d}"


def _mod11_zero(digits: str) -> str:
    """Mod 11, weights 2..9 from the right; remainder 0 or 1 → 0, else 11 - remainder
    (Caixa, Santander, Sicredi)."""
    remainder = weighted_sum(digits) % 11
    return "0" if remainder in (0, 1) else str(11 - remainder)


# --------------------------------------------------------------------------- 001 Banco do Brasil
def _bb_dv(digits: str) -> str:
    """BB nosso número DV: weights 9..2 from the right, the remainder itself; 10 → X
    (boleto_bancario ``Modulo11FatorDe9a2RestoX``; laravel-boleto prints 0 instead of X, which
    contradicts BB's layout)."""
    remainder = weighted_sum(digits) * 10 % 11  # same as weights 9..2: Σ(11-w)d ≡ -Σwd
    return "X" if remainder == 10 else str(remainder)


def _banco_do_brasil(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    convenio = re.sub(r"\D", "", acc.agreement)
    wallet = _num(acc.wallet, 2, "A carteira")
    if len(convenio) in (4, 6):
        # Convênio of 4 (NN = convênio + 7) or 6 digits (NN = convênio + 5): the barcode carries
        # NN (11, no DV) + agência (4) + conta (8) + carteira (2).
        nn = convenio + _seq(sequence, 11 - len(convenio))
        free = nn + _num(acc.agency, 4, "A agência") + _num(acc.account, 8, "A conta") + wallet
        return FreeField(free, f"{nn}-{_bb_dv(nn)}")
    if len(convenio) == 7:
        # Convênio of 7 digits: 000000 + NN (convênio + 10, no DV) + carteira.
        nn = convenio + _seq(sequence, 10)
        return FreeField("000000" + nn + wallet, nn)
    raise InvalidInput("banks.banco_brasil_convenio_deve")


# --------------------------------------------------------------------------- 341 Itaú
_ITAU_SPECIAL = {"107", "122", "142", "143", "196", "198"}  # need seu número + código do cliente
_ITAU_WALLET_ONLY_DAC = {"126", "131", "146", "150", "168"}


def _itau(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    wallet = _num(acc.wallet, 3, "A carteira")
    if wallet in _ITAU_SPECIAL:
        raise InvalidInput("banks.itau_carteira_especial_nao", wallet=wallet)
    agency = _num(acc.agency, 4, "A agência")
    account = _num(acc.account, 5, "A conta")
    nn = _seq(sequence, 8)
    # DAC of the nosso número: mod 10 of agência/conta/carteira/NN (carteira/NN only for the
    # wallets in _ITAU_WALLET_ONLY_DAC); DAC of agência/conta: mod 10 of agência+conta.
    dac_source = wallet + nn if wallet in _ITAU_WALLET_ONLY_DAC else agency + account + wallet + nn
    dac_nn = mod10(dac_source)
    dac_account = mod10(agency + account)
    if acc.account_dv and acc.account_dv != str(dac_account):
        raise InvalidInput(
            "banks.itau_digito_conta_informado", account_dv=acc.account_dv, dac_account=dac_account
        )
    free = f"{wallet}{nn}{dac_nn}{agency}{account}{dac_account}000"
    return FreeField(free, f"{wallet}/{nn}-{dac_nn}")


# --------------------------------------------------------------------------- 237 Bradesco
def _bradesco_dv(digits: str) -> str:
    """Mod 11 with weights 2..7; remainder 0 → 0, remainder 1 → P."""
    remainder = weighted_sum(digits, 2, 7) % 11
    return "0" if remainder == 0 else "P" if remainder == 1 else str(11 - remainder)


def _bradesco(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    wallet = _num(acc.wallet, 2, "A carteira")
    nn = _seq(sequence, 11)
    # agência (4) + carteira (2) + NN (11, no DV) + conta (7) + 0
    free = _num(acc.agency, 4, "A agência") + wallet + nn + _num(acc.account, 7, "A conta") + "0"
    return FreeField(free, f"{wallet}/{nn}-{_bradesco_dv(wallet + nn)}")


# --------------------------------------------------------------------------- 104 Caixa (SIGCB)
def _caixa(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    code = re.sub(r"\D", "", acc.agreement)
    if not code or len(code) > 7:
        raise InvalidInput("banks.caixa_codigo_beneficiario_deve")
    # 6-digit codes carry their DV; 7-digit codes (above 1.100.000) are used as they are.
    beneficiary = code if len(code) == 7 else code.zfill(6) + _mod11_zero(code.zfill(6))
    kind = "2" if acc.wallet.strip().upper() in ("SR", "24", "2") else "1"
    nn = kind + "4" + _seq(sequence, 15)  # 1 registrada / 2 sem registro; 4 = beneficiário emite
    body = beneficiary + nn[2:5] + nn[0] + nn[5:8] + nn[1] + nn[8:17]
    return FreeField(body + _mod11_zero(body), f"{nn}-{_mod11_zero(nn)}")


# --------------------------------------------------------------------------- 033 Santander
def _santander(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    code = _num(acc.agreement, 7, "O código do beneficiário")
    wallet = _num(acc.wallet, 3, "A carteira")
    nn = _seq(sequence, 12)
    dv = _mod11_zero(nn)
    # 9 + código do beneficiário (7) + NN (12) + DV + IOF (0 except insurers) + carteira (3)
    return FreeField(f"9{code}{nn}{dv}0{wallet}", f"{nn}-{dv}")


# --------------------------------------------------------------------------- 756 Sicoob
def _sicoob_dv(digits: str) -> str:
    """Sicoob's constant 3197 weights from the left; remainder 0 or 1 → 0, else 11 - r."""
    total = sum(int(d) * int("3197"[i % 4]) for i, d in enumerate(digits))
    remainder = total % 11
    return "0" if remainder in (0, 1) else str(11 - remainder)


def _sicoob(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    wallet = _num(acc.wallet, 1, "A carteira")
    agency = _num(acc.agency, 4, "A cooperativa")
    client = _num(acc.agreement, 7, "O código do cliente")
    nn = _seq(sequence, 7)
    dv = _sicoob_dv(agency + client.zfill(10) + nn)
    # carteira (1) + cooperativa (4) + modalidade (2) + cliente (7) + NN (7) + DV + parcela 001
    return FreeField(f"{wallet}{agency}{wallet.zfill(2)}{client}{nn}{dv}001", f"{nn}-{dv}")


# --------------------------------------------------------------------------- 748 Sicredi
def sicredi_free_field(
    cooperative: str,
    post: str,
    beneficiary: str,
    year: int,
    byte: int,
    number: int,
    *,
    registered: bool = True,
) -> FreeField:
    """Sicredi: tipo de cobrança (1 registrada, 3 sem registro) + carteira 1 + NN (9) +
    cooperativa (4) + posto (2) + beneficiário (5) + 1 (value present) + 0 + DV."""
    coop = _num(cooperative, 4, "A cooperativa")
    posto = _num(post, 2, "O posto")
    benef = _num(beneficiary, 5, "O código do beneficiário")
    if not 2 <= byte <= 9:
        raise InvalidInput("banks.sicredi_byte_geracao_nosso")
    nn8 = f"{year % 100:02d}{byte}{_seq(number, 5)}"
    dv = _mod11_zero(coop + posto + benef + nn8)
    body = ("1" if registered else "3") + "1" + nn8 + dv + coop + posto + benef + "10"
    return FreeField(body + _mod11_zero(body), f"{nn8[:2]}/{nn8[2:]}-{dv}")


def _sicredi(acc: BankAccountData, sequence: int, issued_on: dt.date) -> FreeField:
    # Byte 2: nosso número generated by the beneficiary (1 is reserved to the cooperative).
    return sicredi_free_field(acc.agency, acc.agreement, acc.account, issued_on.year, 2, sequence)


_LAYOUTS = {
    "001": _banco_do_brasil,
    "341": _itau,
    "237": _bradesco,
    "104": _caixa,
    "033": _santander,
    "756": _sicoob,
    "748": _sicredi,
}


def free_field(account: BankAccountData, sequence: int, *, issued_on: dt.date) -> FreeField:
    """The 25-digit campo livre and the printed nosso número for the ``sequence``-th boleto
    of ``account`` (``issued_on`` is only used by Sicredi, whose nosso número has the year)."""
    layout = _LAYOUTS.get(account.bank_code)
    if layout is None:
        raise InvalidInput("banks.banco_nao_configurado_emissao", bank_code=account.bank_code)
    result = layout(account, sequence, issued_on)
    assert len(result.campo_livre) == 25 and result.campo_livre.isdigit(), result
    return result


def agency_code(account: BankAccountData) -> str:
    """The *Agência / Código do beneficiário* box, in each bank's customary form."""
    agency = re.sub(r"\D", "", account.agency)
    agency_part = f"{agency}-{account.agency_dv}" if account.agency_dv else agency
    if account.bank_code == "341":  # agência / conta-DAC (the DAC is computed, see _itau)
        digits = _num(agency, 4, "A agência") + _num(account.account, 5, "A conta")
        return f"{digits[:4]} / {digits[4:]}-{mod10(digits)}"
    if account.bank_code in ("104", "033", "756"):
        return f"{agency} / {account.agreement}"
    if account.bank_code == "748":
        return f"{agency}.{account.agreement}.{account.account}"
    account_part = (
        f"{account.account}-{account.account_dv}" if account.account_dv else account.account
    )
    return f"{agency_part} / {account_part}"
