"""One ERP row read into typed values, or refused with its reason in Portuguese (no database).

Each ``parse_*`` takes the row's cells by column name (already stripped) and returns a frozen
dataclass whose fields are exactly what we store, so "unchanged" is a plain comparison with
the stored row.  :class:`RowError` carries the reason shown with the line number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from desktop.domain.clock import LOCAL_TZ
from desktop.domain.documents import is_cnpj, normalize_document
from desktop.domain.enums import ContractStatus, PaymentMethod, ReceivableStatus
from desktop.domain.phones import phone_keys
from desktop.domain.text import clean_input, search_key

CENT = Decimal("0.01")
T = TypeVar("T")
MAX_AMOUNT = Decimal("9999999999.99")  # Numeric(12, 2)
CUSTOMER_COLUMNS = ("external_id", "document", "name")
CONTRACT_COLUMNS = ("external_id", "customer_external_id", "number", "plan", "status")
RECEIVABLE_COLUMNS = ("external_id", "contract_external_id", "due_date", "amount", "status")
_TRUE = {"1", "s", "sim", "true", "t", "y", "yes", "x"}
_FALSE = {"0", "n", "nao", "não", "false", "f", "no", ""}
_MONEY_JUNK = re.compile(r"(?i)r\$|\s")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def _cpf_digits_ok(document: str) -> bool:
    """CPF check digits (mod 11), as validate-docbr computes them, without its per-call cost
    (about 90 µs: a minute and a half of a million-row import); repeated digits refused."""
    if len(set(document)) == 1:
        return False
    digits = [ord(c) - 48 for c in document]
    for length in (9, 10):
        total = sum(d * w for d, w in zip(digits, range(length + 1, 1, -1), strict=False))
        if digits[length] != (0 if total % 11 < 2 else 11 - total % 11):
            return False
    return True


class RowError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ContactData:
    name: str
    relation: str
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class CustomerData:
    external_id: str
    document: str
    person_type: str
    name: str
    name_search: str
    email: str | None
    phone: str | None
    street: str
    number: str
    complement: str
    district: str
    city: str
    state: str
    cep: str
    contacts: tuple[ContactData, ...] | None  # None: the file has no contacts for this row


@dataclass(frozen=True)
class ContractData:
    external_id: str
    customer_external_id: str
    number: str
    plan: str
    plan_internet: bool | None
    plan_voice: bool | None
    status: ContractStatus
    radius_login: str | None
    terminals: tuple[str, ...] | None  # None: column absent or empty (left as they are)
    due_day: int | None


@dataclass(frozen=True)
class ReceivableData:
    external_id: str
    contract_external_id: str
    description: str
    issued_on: dt.date
    due_date: dt.date
    amount: Decimal
    status: ReceivableStatus
    paid_at: dt.datetime | None
    paid_amount: Decimal | None
    method: PaymentMethod | None
    bank: str | None
    nosso_numero: str | None


# --------------------------------------------------------------------------- cells
def text(row: dict[str, str], key: str, limit: int, label: str, *, required: bool = False) -> str:
    value = row.get(key, "")
    if _CONTROLS.search(value):  # rare: cleaning every cell costs more than the check
        value = clean_input(value, None)
    value = value.strip()
    if required and not value:
        raise RowError(f"{label} vazio")
    if len(value) > limit:
        raise RowError(f"{label} com mais de {limit} caracteres")
    return value


def external_id(row: dict[str, str], key: str = "external_id") -> str:
    return text(row, key, 64, key, required=True)


def parse_amount(cell: str, label: str) -> Decimal:
    raw = _MONEY_JUNK.sub("", cell)
    if "," in raw and "." in raw:  # the last one is the decimal separator
        thousands = "." if raw.rfind(",") > raw.rfind(".") else ","
        raw = raw.replace(thousands, "")
    raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise RowError(f"{label} inválido: {cell!r}") from None
    if not value.is_finite():
        raise RowError(f"{label} inválido: {cell!r}")
    if value < 0:
        raise RowError(f"{label} negativo: {cell}")
    if value != value.quantize(CENT):
        raise RowError(f"{label} com mais de duas casas decimais: {cell}")
    if value > MAX_AMOUNT:
        raise RowError(f"{label} grande demais: {cell}")
    return value.quantize(CENT)


def parse_date(cell: str, label: str) -> dt.date:
    value = cell.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        pass
    raise RowError(f"{label} inválida: {cell!r} (use AAAA-MM-DD ou DD/MM/AAAA)")


def parse_moment(cell: str, label: str) -> dt.datetime:
    """A date or date and time; without a zone it is São Paulo's; stored in UTC."""
    value = cell.strip().replace("T", " ")
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: (.+))?", value)
    if match:
        day, month, year, rest = match.groups()
        value = f"{int(year):04d}-{int(month):02d}-{int(day):02d}" + (f" {rest}" if rest else "")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RowError(f"{label} inválida: {cell!r} (use AAAA-MM-DD [HH:MM])") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(dt.UTC)


def parse_bool(cell: str, label: str) -> bool | None:
    value = cell.strip().lower()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise RowError(f"{label} inválido: {cell!r} (use 1 ou 0)")


def parse_phone(cell: str, label: str) -> str | None:
    if not cell.strip():
        return None
    keys = phone_keys(cell)
    if len(keys) != 1:
        raise RowError(f"{label} inválido: {cell!r} (DDD + número)")
    return keys[0]


def parse_document(cell: str) -> tuple[str, str]:
    """(document, person type) of a CPF or CNPJ, masked or bare, alphanumeric CNPJ included."""
    document = normalize_document(cell)
    if not document:
        raise RowError("CPF/CNPJ vazio")
    if len(document) < 11 and document.isdigit():
        document = document.zfill(11)  # a spreadsheet dropped the leading zeros
    elif 11 < len(document) < 14 and document.isdigit():
        document = document.zfill(14)
    if len(document) == 11 and document.isdigit():
        if _cpf_digits_ok(document):
            return document, "F"
        raise RowError(f"CPF inválido: {cell}")
    if len(document) == 14 and is_cnpj(document):
        return document, "J"
    raise RowError(f"CPF/CNPJ inválido: {cell}")


def _email(cell: str, label: str) -> str | None:
    value = cell.strip()
    if not value:
        return None
    if len(value) > 120 or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise RowError(f"{label} inválido: {cell!r}")
    return value


# --------------------------------------------------------------------------- kinds
def parse_contacts(cell: str) -> tuple[ContactData, ...]:
    """``Nome|relação|telefone|e-mail``, several separated by ``;``; the first comes first."""
    contacts = []
    for n, part in enumerate((p for p in cell.split(";") if p.strip()), start=1):
        fields = [f.strip() for f in part.split("|")] + ["", "", ""]
        name, relation, phone, email = fields[:4]
        if not name:
            raise RowError(f"contato {n} sem nome")
        if len(name) > 120 or len(relation) > 40:
            raise RowError(f"contato {n}: nome ou relação longo demais")
        contacts.append(
            ContactData(
                name,
                relation or "contato",
                parse_phone(phone, f"telefone do contato {n}"),
                _email(email, f"e-mail do contato {n}"),
            )
        )
    return tuple(contacts)


def parse_customer(row: dict[str, str]) -> CustomerData:
    document, person_type = parse_document(row.get("document", ""))
    name = " ".join(text(row, "name", 120, "nome", required=True).split())
    state = text(row, "state", 2, "UF").upper()
    if state and not re.fullmatch(r"[A-Z]{2}", state):
        raise RowError(f"UF inválida: {state!r}")
    cep = re.sub(r"\D", "", row.get("cep", ""))
    if cep and len(cep) != 8:
        raise RowError(f"CEP inválido: {row.get('cep')!r}")
    contacts = parse_contacts(row["contacts"]) if row.get("contacts", "").strip() else None
    return CustomerData(
        external_id=external_id(row),
        document=document,
        person_type=person_type,
        name=name,
        name_search=search_key(name),
        email=_email(row.get("email", ""), "e-mail"),
        phone=parse_phone(row.get("phone", ""), "telefone"),
        street=text(row, "street", 120, "logradouro"),
        number=text(row, "number", 10, "número"),
        complement=text(row, "complement", 60, "complemento"),
        district=text(row, "district", 60, "bairro"),
        city=text(row, "city", 60, "município"),
        state=state,
        cep=cep,
        contacts=contacts,
    )


CONTRACT_STATUSES = {
    s.value: s
    for s in (
        ContractStatus.ACTIVE,
        ContractStatus.SUSPENDED_DEBT,
        ContractStatus.SUSPENDED_OTHER,
        ContractStatus.CANCELLED,
    )
}


def _choice(cell: str, choices: Mapping[str, T], label: str) -> T:
    value = cell.strip().lower()
    if value not in choices:
        raise RowError(f"{label} inválido: {cell!r} (use {', '.join(choices)})")
    return choices[value]


def parse_contract(row: dict[str, str]) -> ContractData:
    status = _choice(row.get("status", ""), CONTRACT_STATUSES, "status")
    login = text(row, "radius_login", 64, "radius_login").lower() or None
    terminals: tuple[str, ...] | None = None
    if row.get("terminals", "").strip():
        numbers = []
        for cell in row["terminals"].split(";"):
            if cell.strip():
                number = parse_phone(cell, "terminal")
                assert number is not None
                numbers.append(number)
        terminals = tuple(dict.fromkeys(numbers))
    due_day: int | None = None
    if row.get("due_day", "").strip():
        try:
            due_day = int(row["due_day"].strip())
        except ValueError:
            raise RowError(f"due_day inválido: {row['due_day']!r}") from None
        if not 1 <= due_day <= 31:
            raise RowError(f"due_day fora de 1 a 31: {due_day}")
    return ContractData(
        external_id=external_id(row),
        customer_external_id=external_id(row, "customer_external_id"),
        number=text(row, "number", 20, "número do contrato", required=True).upper(),
        plan=" ".join(text(row, "plan", 80, "plano", required=True).split()),
        plan_internet=parse_bool(row.get("plan_internet", ""), "plan_internet"),
        plan_voice=parse_bool(row.get("plan_voice", ""), "plan_voice"),
        status=status,
        radius_login=login,
        terminals=terminals,
        due_day=due_day,
    )


RECEIVABLE_STATUSES = {s.value: s for s in ReceivableStatus}
METHODS = {m.value: m for m in PaymentMethod}


def parse_receivable(row: dict[str, str]) -> ReceivableData:
    status: ReceivableStatus = _choice(row.get("status", ""), RECEIVABLE_STATUSES, "status")
    due = parse_date(row.get("due_date", ""), "due_date")
    issued = parse_date(row["issued_on"], "issued_on") if row.get("issued_on") else due
    amount = parse_amount(row.get("amount", ""), "valor")
    method = _choice(row["method"], METHODS, "method") if row.get("method", "").strip() else None
    paid_at = parse_moment(row["paid_at"], "paid_at") if row.get("paid_at") else None
    paid_amount = parse_amount(row["paid_amount"], "valor pago") if row.get("paid_amount") else None
    if status is ReceivableStatus.PAID:
        if paid_at is None:
            raise RowError("conta baixada sem paid_at (data do pagamento)")
        paid_amount = amount if paid_amount is None else paid_amount
    else:
        paid_at, paid_amount = None, None  # an open or cancelled bill has no payment
    bank = re.sub(r"\D", "", row.get("bank", "")) or None
    if bank is not None and len(bank) > 3:
        raise RowError(f"bank inválido: {row.get('bank')!r} (código de 3 dígitos)")
    bank = bank.zfill(3) if bank else None
    nosso_numero = text(row, "nosso_numero", 20, "nosso_numero") or None
    if (bank is None) != (nosso_numero is None):
        raise RowError("bank e nosso_numero vão juntos (um deles está vazio)")
    description = text(row, "description", 120, "descrição") or f"Mensalidade {due:%m/%Y}"
    return ReceivableData(
        external_id=external_id(row),
        contract_external_id=external_id(row, "contract_external_id"),
        description=description,
        issued_on=issued,
        due_date=due,
        amount=amount,
        status=status,
        paid_at=paid_at,
        paid_amount=paid_amount,
        method=method,
        bank=bank,
        nosso_numero=nosso_numero,
    )
