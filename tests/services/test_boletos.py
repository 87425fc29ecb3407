"""Segunda via: registration once, reuse unchanged, refusals, scoping, the open-bills window.
Runs on SQLite and PostgreSQL (``db`` fixture); rows are created directly."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain import febraban, pix
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ReceivableStatus
from desktop.errors import AccessDenied, Conflict, InvalidInput, NotFound, UserError
from desktop.models import AuditEntry, BankAccount, Boleto, Receivable
from desktop.services import boletos, settings
from tests.conftest import kiosk
from tests.factories import CPFS, receivable, subscriber

TODAY = dt.date(2025, 10, 1)


def bank_account(db: Database, bank: str = "001", *, active: bool = True, **fields: object) -> int:
    values: dict[str, object] = {
        "bank_code": bank,
        "agency": "1234",
        "agency_dv": "5",
        "account": "12345678",
        "account_dv": "9",
        "wallet": "17",
        "agreement": "1234567",
        "beneficiary_name": "Provedor Exemplo Ltda",
        "active": active,
        **fields,
    }
    with db.session() as session:
        row = BankAccount(**values)
        session.add(row)
        session.flush()
        return row.id


def last_sequence(db: Database, account_id: int) -> int:
    with db.session() as session:
        account = session.get(BankAccount, account_id)
        assert account is not None
        return account.last_sequence


@pytest.fixture
def sub(db: Database) -> int:
    return subscriber(db, "Maria da Silva", CPFS[0])[0]


def test_first_request_registers_then_reuses_unchanged(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    account = bank_account(db)
    rid = receivable(db, sub, dt.date(2025, 10, 10), "99.90")
    first = boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)
    assert (first.bank, first.due_date, first.amount) == (
        "001",
        dt.date(2025, 10, 10),
        Decimal("99.90"),
    )
    assert first.nosso_numero == "12345670000000001"
    assert febraban.barcode_from_line(first.digitable_line) == first.barcode
    assert febraban.parse_barcode(first.barcode, TODAY).amount == Decimal("99.90")
    assert first.barcode[19:] == "000000" + "12345670000000001" + "17"
    # the receivable changes later; the registered boleto does not
    with db.session() as session:
        row = session.get(Receivable, rid)
        assert row is not None
        row.amount, row.due_date = Decimal("150.00"), dt.date(2025, 11, 10)
    again = boletos.boleto_for_receivable(db, attendant, rid, today=TODAY + dt.timedelta(days=3))
    assert (again.barcode, again.nosso_numero, again.amount, again.due_date, again.pix_payload) == (
        first.barcode,
        first.nosso_numero,
        first.amount,
        first.due_date,
        first.pix_payload,
    )
    assert last_sequence(db, account) == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Boleto)) == 1
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "boleto.registrado")
        ).all()
        assert len(entries) == 1 and entries[0].subject_id == str(rid)
        assert '"nosso_numero": "12345670000000001"' in entries[0].details


def test_sequence_advances_per_boleto_on_the_lowest_active_account(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    bank_account(db, "237", active=False, wallet="09")
    first_active = bank_account(
        db, "341", wallet="109", agency="0057", account="12345", account_dv=""
    )
    bank_account(db, "104", wallet="RG", agreement="792157")
    ids = [receivable(db, sub, dt.date(2025, 10, 10) + dt.timedelta(days=30 * i)) for i in range(3)]
    infos = [boletos.boleto_for_receivable(db, attendant, rid, today=TODAY) for rid in ids]
    assert [i.bank for i in infos] == ["341"] * 3
    assert [i.nosso_numero[:12] for i in infos] == ["109/00000001", "109/00000002", "109/00000003"]
    assert last_sequence(db, first_active) == 3
    assert infos[0].agency_code == "0057 / 12345-7"  # boleto_bancario itau_spec
    assert infos[0].bank_code_dv == "341-7"


def test_pix_payload_of_the_hybrid_boleto(db: Database, attendant: CounterActor, sub: int) -> None:
    bank_account(db)
    info = boletos.boleto_for_receivable(
        db, attendant, receivable(db, sub, dt.date(2025, 10, 10), "99.90"), today=TODAY
    )
    parsed = pix.parse(info.pix_payload)
    assert parsed.key == "financeiro@exemplo.net.br"  # settings defaults
    assert parsed.amount == Decimal("99.90")
    assert parsed.txid == "00112345670000000001"
    assert (parsed.merchant_name, parsed.merchant_city) == ("EXEMPLO NET", "PARANAVAI")


def test_no_pix_key_no_qr_code(db: Database, attendant: CounterActor, sub: int) -> None:
    bank_account(db)
    with db.session() as session:
        settings.put(session, "pix.key", "")
    info = boletos.boleto_for_receivable(
        db, attendant, receivable(db, sub, dt.date(2025, 10, 10)), today=TODAY
    )
    assert info.pix_payload == ""


@pytest.mark.parametrize(
    ("status", "word"), [(ReceivableStatus.PAID, "paga"), (ReceivableStatus.CANCELLED, "cancelada")]
)
def test_paid_or_cancelled_is_refused(
    db: Database, attendant: CounterActor, sub: int, status: ReceivableStatus, word: str
) -> None:
    bank_account(db)
    rid = receivable(db, sub, dt.date(2025, 10, 10), status=status)
    with pytest.raises(Conflict, match=word):
        boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)


def test_a_boleto_of_a_bill_paid_later_is_not_reprinted(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    bank_account(db)
    rid = receivable(db, sub, dt.date(2025, 10, 10))
    boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)
    with db.session() as session:
        row = session.get(Receivable, rid)
        assert row is not None
        row.status = ReceivableStatus.PAID
    with pytest.raises(Conflict, match="já foi paga"):
        boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)


def test_no_active_bank_account(db: Database, attendant: CounterActor, sub: int) -> None:
    bank_account(db, active=False)
    rid = receivable(db, sub, dt.date(2025, 10, 10))
    with pytest.raises(InvalidInput) as info:
        boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)
    assert info.value.message == "Nenhuma conta bancária configurada para boletos."


def test_amount_beyond_the_barcode_field_uses_no_sequence(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    account = bank_account(db)
    rid = receivable(db, sub, dt.date(2025, 10, 10), "100000000.00")
    with pytest.raises(InvalidInput, match="limite do código de barras"):
        boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)
    assert last_sequence(db, account) == 0


def test_unknown_bank_is_refused_and_nothing_is_stored(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    account = bank_account(db, "999")
    rid = receivable(db, sub, dt.date(2025, 10, 10))
    with pytest.raises(InvalidInput, match="Banco 999 não configurado"):
        boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)
    assert last_sequence(db, account) == 0


def test_missing_receivable(db: Database, attendant: CounterActor) -> None:
    with pytest.raises(NotFound, match="não encontrada"):
        boletos.boleto_for_receivable(db, attendant, 987654, today=TODAY)


def test_kiosk_sees_only_its_own_bills(db: Database, sub: int) -> None:
    bank_account(db)
    other = subscriber(db, "João Souza", CPFS[1])[0]
    mine = receivable(db, sub, dt.date(2025, 10, 10))
    theirs = receivable(db, other, dt.date(2025, 10, 10))
    assert boletos.boleto_for_receivable(db, kiosk(sub), mine, today=TODAY).receivable_id == mine
    with pytest.raises(NotFound):  # as a missing id: the kiosk learns nothing
        boletos.boleto_for_receivable(db, kiosk(sub), theirs, today=TODAY)
    with pytest.raises(AccessDenied):
        boletos.open_bills(db, kiosk(sub), other, TODAY)


def test_overdue_within_the_limit_shows_the_updated_amount(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    bank_account(db)
    rid = receivable(db, sub, dt.date(2025, 9, 1), "120.00")
    info = boletos.boleto_for_receivable(db, kiosk(sub), rid, today=TODAY)  # 30 days late
    assert (info.amount, info.due_date) == (Decimal("120.00"), dt.date(2025, 9, 1))  # as registered
    assert (info.fine, info.interest, info.updated_amount, info.overdue_days) == (
        Decimal("2.40"),
        Decimal("1.20"),
        Decimal("123.60"),
        30,
    )
    assert info.payment_limit == dt.date(2025, 10, 30)  # 59 days (settings default)
    assert any("multa de 2,00% (R$ 2,40)" in line for line in info.instructions)
    assert "30/10/2025" in info.payment_place


def test_past_the_limit_the_kiosk_is_sent_to_the_counter(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    account = bank_account(db)
    rid = receivable(db, sub, dt.date(2025, 7, 1))
    with pytest.raises(Conflict, match="Procure o balcão"):
        boletos.boleto_for_receivable(db, kiosk(sub), rid, today=TODAY)
    assert last_sequence(db, account) == 0  # nothing registered for the refused request
    assert boletos.boleto_for_receivable(db, attendant, rid, today=TODAY).overdue_days == 92


def test_printed_fields_come_from_settings_and_subscriber(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    bank_account(db)
    info = boletos.boleto_for_receivable(
        db, attendant, receivable(db, sub, dt.date(2025, 10, 10)), today=TODAY
    )
    assert info.beneficiary_name == "Provedor Exemplo Ltda"
    assert info.beneficiary_document == "06.117.473/0001-50"
    assert "Paranavaí" in info.beneficiary_address
    assert (info.payer_name, info.payer_document) == ("Maria da Silva", "529.982.247-25")
    assert info.payer_address[1].endswith("CEP 87700-000")
    assert info.formatted_line == febraban.format_line(info.digitable_line)


def test_open_bills_window(db: Database, attendant: CounterActor, sub: int) -> None:
    bank_account(db)
    due = {
        "overdue_in_limit": receivable(db, sub, TODAY - dt.timedelta(days=30), "120.00"),
        "today": receivable(db, sub, TODAY),
        "ahead": receivable(db, sub, TODAY + dt.timedelta(days=45)),
        "too_far": receivable(db, sub, TODAY + dt.timedelta(days=46)),
        "past_limit": receivable(db, sub, TODAY - dt.timedelta(days=60)),
        "paid": receivable(db, sub, TODAY + dt.timedelta(days=5), status=ReceivableStatus.PAID),
    }
    boletos.boleto_for_receivable(db, attendant, due["today"], today=TODAY)
    bills = boletos.open_bills(db, kiosk(sub), sub, TODAY)
    assert [b.receivable_id for b in bills] == [due["overdue_in_limit"], due["today"], due["ahead"]]
    late = bills[0]
    assert (late.fine, late.interest, late.updated_amount, late.overdue_days) == (
        Decimal("2.40"),
        Decimal("1.20"),
        Decimal("123.60"),
        30,
    )
    assert bills[1].nosso_numero == "12345670000000001" and bills[2].nosso_numero is None
    assert all(b.reprintable for b in bills)
    with_expired = boletos.open_bills(db, attendant, sub, TODAY, include_expired=True)
    expired = [b for b in with_expired if not b.reprintable]
    assert [b.receivable_id for b in expired] == [due["past_limit"]]


def test_open_bills_window_follows_settings(db: Database, admin: CounterActor, sub: int) -> None:
    settings.change(db, admin, "billing.reprint_days_ahead", "10")
    settings.change(db, admin, "billing.payment_limit_days", "5")
    inside = receivable(db, sub, TODAY + dt.timedelta(days=10))
    receivable(db, sub, TODAY + dt.timedelta(days=11))
    late = receivable(db, sub, TODAY - dt.timedelta(days=5))
    receivable(db, sub, TODAY - dt.timedelta(days=6))
    assert [b.receivable_id for b in boletos.open_bills(db, admin, sub, TODAY)] == [late, inside]


def test_concurrent_requests_never_share_a_nosso_numero(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    """Four threads (four counters) ask for boletos at once: each receivable gets exactly one
    boleto and no nosso número repeats (row lock on PostgreSQL, write lock on SQLite)."""
    account = bank_account(db)
    ids = [receivable(db, sub, dt.date(2025, 10, 10) + dt.timedelta(days=i)) for i in range(6)]
    errors: list[BaseException] = []
    results: list[boletos.BoletoInfo] = []
    lock = threading.Lock()

    def worker(order: list[int]) -> None:
        for rid in order:
            try:
                info = boletos.boleto_for_receivable(db, attendant, rid, today=TODAY)
            except (UserError, Exception) as exc:  # collected and asserted below
                with lock:
                    errors.append(exc)
                continue
            with lock:
                results.append(info)

    threads = [
        threading.Thread(target=worker, args=(ids if n % 2 else ids[::-1],)) for n in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    by_receivable: dict[int, set[str]] = {}
    for info in results:
        by_receivable.setdefault(info.receivable_id, set()).add(info.nosso_numero)
    assert all(len(numbers) == 1 for numbers in by_receivable.values())
    assert len({next(iter(n)) for n in by_receivable.values()}) == len(ids)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Boleto)) == len(ids)
    assert last_sequence(db, account) == len(ids)


def test_a_reset_sequence_clashes_instead_of_duplicating(
    db: Database, attendant: CounterActor, sub: int
) -> None:
    account = bank_account(db)
    boletos.boleto_for_receivable(db, attendant, receivable(db, sub, TODAY), today=TODAY)
    with db.session() as session:
        row = session.get(BankAccount, account)
        assert row is not None
        row.last_sequence = 0  # someone "fixed" the numbering by hand
    second = receivable(db, sub, TODAY + dt.timedelta(days=30))
    with pytest.raises(Conflict, match="nosso número gerado já existe"):
        boletos.boleto_for_receivable(db, attendant, second, today=TODAY)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Boleto)) == 1


def test_print_all_open_bills(db: Database, sub: int) -> None:
    bank_account(db)
    ids = [receivable(db, sub, TODAY + dt.timedelta(days=d)) for d in (-10, 0, 20)]
    receivable(db, sub, TODAY + dt.timedelta(days=90))  # beyond the reprint window
    infos = boletos.open_boletos(db, kiosk(sub), sub, TODAY)
    assert [i.receivable_id for i in infos] == ids
    assert len({i.nosso_numero for i in infos}) == 3
