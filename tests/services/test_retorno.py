"""``import retorno``: liquidations settle once (re-import, overlapping files, two processes),
lift the suspension; other occurrences are recorded; bad files and lines are reported.
SQLite and PostgreSQL (``db`` fixture); boletos are registered by the app itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import today_local
from desktop.domain.enums import ContractStatus, PaymentMethod, ReceivableStatus, Role
from desktop.errors import AccessDenied
from desktop.models import BankOccurrence, Payment, Receivable
from desktop.services import financial, payments, retorno
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.services.concurrency import import_retorno, run_processes
from tests.services.radius_setup import contract_state, groups, suspended
from tests.services.retorno_setup import (
    BANKS,
    bank_account,
    build,
    file_title,
    register,
    set_nosso_numero,
)

LAYOUTS = ["cnab240", "cnab400"]


@pytest.fixture
def finance(db: Database) -> CounterActor:
    return make_user(db, "caixa", Role.FINANCE)


def payment_rows(db: Database) -> list[Payment]:
    with db.session() as session:
        return list(session.scalars(select(Payment).order_by(Payment.id)))


def status(db: Database, receivable_id: int) -> ReceivableStatus:
    with db.session() as session:
        value = session.scalar(select(Receivable.status).where(Receivable.id == receivable_id))
        assert value is not None
        return value


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def open_bills(db: Database, n: int, bank: str, finance: CounterActor) -> list[tuple[int, str]]:
    sub_id, contract_id = subscriber(db, "Ana Souza", CPFS[1])
    due = today_local() + dt.timedelta(days=5)
    out = []
    for i in range(n):
        rid = receivable(db, sub_id, due + dt.timedelta(days=31 * i), contract_id=contract_id)
        out.append((rid, register(db, finance, rid)))
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("bank", BANKS)
def test_a_liquidation_settles_once_and_lifts_the_suspension(
    db: Database, finance: CounterActor, tmp_path: Path, bank: str, layout: str
) -> None:
    bank_account(db, bank)
    _, contract_id, rid = suspended(db)
    assert rid is not None
    printed = register(db, finance, rid)
    title = file_title(
        bank,
        layout,
        printed,
        face=Decimal("99.90"),
        paid=Decimal("102.40"),
        fee=Decimal("1.95"),
        interest=Decimal("2.50"),
    )
    path = write(tmp_path, "retorno.ret", build(bank, layout, [title]))

    (report,) = retorno.import_files(db, finance, [path])
    assert report.error is None and (report.layout, report.bank) == (layout, bank)
    (entry,) = report.entries
    assert (entry.result, entry.receivable_id) == ("settled", rid), report
    assert report.settled_amount == Decimal("102.40") and report.settled_fees == Decimal("1.95")
    assert status(db, rid) is ReceivableStatus.PAID
    (payment,) = payment_rows(db)
    assert (payment.amount, payment.fee, payment.interest, payment.method) == (
        Decimal("102.40"),
        Decimal("1.95"),
        Decimal("2.50"),
        PaymentMethod.BOLETO,
    )
    assert payment.credited_on == dt.date(2026, 12, 2)
    assert payment.source_key.startswith(f"cnab:{bank}:")
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    assert all(group != "bloqueado" for group, _ in groups(db))

    (again,) = retorno.import_files(db, finance, [path])
    assert [e.result for e in again.entries] == ["already_settled"]
    assert len(payment_rows(db)) == 1


def test_overlapping_files_settle_each_entry_once(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "756")
    bills = open_bills(db, 3, "756", finance)
    titles = [file_title("756", "cnab240", nn) for _, nn in bills]
    first = write(tmp_path, "a.ret", build("756", "cnab240", titles[:2]))
    second = write(tmp_path, "b.ret", build("756", "cnab240", titles[1:]))
    a, b = retorno.import_files(db, finance, [first, second])
    assert [e.result for e in a.entries] == ["settled", "settled"]
    assert [e.result for e in b.entries] == ["already_settled", "settled"]
    assert sorted(p.receivable_id for p in payment_rows(db)) == sorted(r for r, _ in bills)


@pytest.mark.parametrize("stored", ["bare", "padded", "with_dv_no_dash"])
@pytest.mark.parametrize("file_dv", [True, False])
def test_nosso_numero_with_or_without_dv_and_zeros(
    db: Database, finance: CounterActor, stored: str, file_dv: bool
) -> None:
    bank_account(db, "033")
    ((rid, printed),) = open_bills(db, 1, "033", finance)
    number, dv = printed.split("-")  # 000000000001-D
    value = {"bare": number.lstrip("0"), "padded": number.zfill(15), "with_dv_no_dash": number + dv}
    set_nosso_numero(db, rid, value[stored])
    field = (number + dv) if file_dv else number.rjust(13, "0")
    from tests.importers.cnab_builders import Title, cnab240

    (report,) = [retorno.import_bytes(db, finance, "r.ret", cnab240("033", [Title(field)]))]
    assert [(e.result, e.receivable_id) for e in report.entries] == [("settled", rid)]


def test_a_wrong_last_digit_is_not_taken_for_a_dv(db: Database, finance: CounterActor) -> None:
    bank_account(db, "748")
    ((rid, printed),) = open_bills(db, 1, "748", finance)  # 26/200001-D
    number, dv = printed.replace("/", "").split("-")
    wrong = str((int(dv) + 1) % 10)
    from tests.importers.cnab_builders import Title, cnab240

    report = retorno.import_bytes(db, finance, "r.ret", cnab240("748", [Title(number + wrong)]))
    assert [e.result for e in report.entries] == ["unmatched"]
    assert status(db, rid) is ReceivableStatus.OPEN


def test_other_occurrences_are_recorded_once_and_shown_in_the_detail(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "237")
    ((rid, printed),) = open_bills(db, 1, "237", finance)
    titles = [
        file_title("237", "cnab400", printed, occurrence="02", paid=None),
        file_title("237", "cnab400", printed, occurrence="03", paid=None, motives=("08", "48")),
        file_title("237", "cnab400", printed, occurrence="09", paid=None),
    ]
    path = write(tmp_path, "ocorrencias.ret", build("237", "cnab400", titles))
    for _ in range(2):
        (report,) = retorno.import_files(db, finance, [path])
        assert [e.result for e in report.entries] == ["recorded"] * 3
    detail = financial.receivable_detail(db, finance, rid)
    assert [o.occurrence for o in detail.occurrences] == ["02", "03", "09"]
    assert "Nosso número inválido" in detail.occurrences[1].description
    assert detail.payments == ()
    assert status(db, rid) is ReceivableStatus.OPEN


def test_dry_run_predicts_and_writes_nothing(db: Database, finance: CounterActor) -> None:
    bank_account(db, "001")
    ((rid, printed),) = open_bills(db, 1, "001", finance)
    data = build("001", "cnab400", [file_title("001", "cnab400", printed)])
    report = retorno.import_bytes(db, finance, "r.ret", data, dry_run=True)
    assert [e.result for e in report.entries] == ["settled"]
    assert payment_rows(db) == [] and status(db, rid) is ReceivableStatus.OPEN


def test_a_bill_paid_at_the_counter_keeps_the_bank_money_for_refund(
    db: Database, finance: CounterActor
) -> None:
    bank_account(db, "341")
    ((rid, printed),) = open_bills(db, 1, "341", finance)
    payments.settle(db, finance, rid, Decimal("99.90"), PaymentMethod.CASH)
    data = build("341", "cnab400", [file_title("341", "cnab400", printed)])
    report = retorno.import_bytes(db, finance, "r.ret", data)
    assert [e.result for e in report.entries] == ["already_settled"]
    assert [p.duplicate for p in payment_rows(db)] == [False, True]


def test_pix_payment_of_a_hybrid_boleto(db: Database, finance: CounterActor) -> None:
    bank_account(db, "756")
    ((rid, printed),) = open_bills(db, 1, "756", finance)
    data = build("756", "cnab240", [file_title("756", "cnab240", printed, motives=("PX",))])
    report = retorno.import_bytes(db, finance, "r.ret", data)
    assert [e.result for e in report.entries] == ["settled"]
    assert [(p.receivable_id, p.method) for p in payment_rows(db)] == [(rid, PaymentMethod.PIX)]


def test_bad_files_and_lines_are_reported_and_the_rest_goes_in(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "756")
    bills = open_bills(db, 2, "756", finance)
    good = build("756", "cnab240", [file_title("756", "cnab240", nn) for _, nn in bills])
    lines = good.decode().split("\r\n")
    lines[2] = lines[2][:150]  # the first title's T is cut: that title is rejected
    damaged = write(tmp_path, "damaged.ret", "\r\n".join(lines).encode())
    empty = write(tmp_path, "empty.ret", b"")
    utf16 = write(tmp_path, "utf16.ret", good.decode().encode("utf-16"))
    wide = write(tmp_path, "wide.ret", ("1" * 241 + "\r\n").encode() * 4)
    other_bank = write(tmp_path, "itau.ret", build("341", "cnab400", []))
    missing = str(tmp_path / "missing.ret")
    reports = retorno.import_files(db, finance, [empty, utf16, wide, other_bank, missing, damaged])
    errors = [r.error for r in reports]
    assert "vazio" in (errors[0] or "") and "UTF-16" in (errors[1] or "")
    assert "241" in (errors[2] or "") and "não tem conta configurada" in (errors[3] or "")
    assert "não encontrado" in (errors[4] or "") and errors[5] is None
    results = [(e.line, e.result) for e in reports[5].entries]
    assert results == [(3, "rejected"), (4, "rejected"), (5, "settled")]
    assert [p.line for p in reports[5].problems][:2] == [3, 4]
    assert status(db, bills[1][0]) is ReceivableStatus.PAID
    assert status(db, bills[0][0]) is ReceivableStatus.OPEN
    payload = retorno.report_json(reports[5])
    assert set(payload["entries"][2]) == {  # type: ignore[index]
        "line",
        "nosso_numero",
        "occurrence",
        "occurrence_text",
        "due_date",
        "face_amount",
        "paid_amount",
        "fee",
        "interest",
        "discount",
        "paid_on",
        "credited_on",
        "receivable_id",
        "result",
    }


def test_only_finance_imports(db: Database, attendant: CounterActor) -> None:
    with pytest.raises(AccessDenied):
        retorno.import_bytes(db, attendant, "r.ret", b"")


def test_two_processes_importing_the_same_file_settle_each_entry_once(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "104")
    bills = open_bills(db, 6, "104", finance)
    data = build("104", "cnab240", [file_title("104", "cnab240", nn) for _, nn in bills])
    path = write(tmp_path, "retorno.ret", data)
    url = str(db.engine.url.render_as_string(hide_password=False))
    outcomes = run_processes(import_retorno, [(url, finance.user_id, path)] * 2)
    assert all(kind == "ok" for kind, _, _ in outcomes), outcomes
    merged = sorted(r for _, results, _ in outcomes for r in results)
    assert merged == ["already_settled"] * 6 + ["settled"] * 6
    with db.session() as session:
        per_bill = dict(
            session.execute(
                select(Payment.receivable_id, func.count()).group_by(Payment.receivable_id)
            ).all()
        )
        assert session.scalar(select(func.count()).select_from(BankOccurrence)) == 0
    assert per_bill == {rid: 1 for rid, _ in bills}


def test_itau_06_then_10_for_one_payment_is_one_payment(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "341")
    ((rid, printed),) = open_bills(db, 1, "341", finance)
    titles = [
        file_title("341", "cnab400", printed, occurrence="06"),
        file_title("341", "cnab400", printed, occurrence="10"),  # baixa por ter sido liquidado
    ]
    first = write(tmp_path, "a.ret", build("341", "cnab400", titles[:1]))
    both = write(tmp_path, "b.ret", build("341", "cnab400", titles))
    (dry,) = retorno.import_files(db, finance, [both], dry_run=True)
    assert [e.result for e in dry.entries] == ["settled", "already_settled"]
    a, b = retorno.import_files(db, finance, [first, both])
    assert [e.result for e in a.entries] == ["settled"]
    assert [e.result for e in b.entries] == ["already_settled", "already_settled"]
    assert [(p.receivable_id, p.duplicate) for p in payment_rows(db)] == [(rid, False)]
