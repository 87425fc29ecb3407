"""``import customers|contracts|receivables`` through the service, on SQLite and PostgreSQL:
the example files, re-import, every kind of bad line, whole-file refusals, the settled-bill
conflict, the search index, boletos the retorno settles, the run record and its audit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ContractStatus, PaymentMethod, ReceivableStatus, Role
from desktop.errors import AccessDenied, InvalidInput
from desktop.models import (
    AuditEntry,
    Boleto,
    Contact,
    Contract,
    ErpImport,
    ErpImportProblem,
    OutboxEvent,
    RadiusLogin,
    Receivable,
    Subscriber,
    Terminal,
)
from desktop.services import boletos, retorno, subscriber_search
from tests.conftest import make_user
from tests.factories import CNPJ_ALNUM, CPFS
from tests.services.erp_setup import (
    CONTRACT_HEADER,
    CUSTOMER_HEADER,
    RECEIVABLE_HEADER,
    import_examples,
    reasons,
    run,
    write_csv,
)
from tests.services.retorno_setup import bank_account, build, file_title


@pytest.fixture
def finance(db: Database) -> CounterActor:
    return make_user(db, "financeiro1", Role.FINANCE)


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def customers_file(tmp_path: Path, rows: list[list[str]], name: str = "clientes.csv") -> Path:
    return write_csv(tmp_path / name, [CUSTOMER_HEADER, *rows])


def test_examples_import_and_a_second_time_change_nothing(
    db: Database, finance: CounterActor
) -> None:
    bank_account(db, "756")
    first = import_examples(db, finance)
    assert [(r.read, r.created, r.rejected) for r in first] == [
        (3, 3, ()),
        (2, 2, ()),
        (3, 3, ()),
        (4, 4, ()),
    ]
    again = import_examples(db, finance)
    assert [(r.created, r.updated, r.unchanged) for r in again] == [
        (0, 0, 3),
        (0, 0, 2),
        (0, 0, 3),
        (0, 0, 4),
    ]
    with db.session() as session:
        joao = session.scalar(select(Subscriber).where(Subscriber.external_id == "CLI-1001"))
        assert joao is not None and joao.name == "João Conceição Araújo"  # Windows-1252 read
        assert (joao.document, joao.phone, joao.cep) == (CPFS[0], "44999112233", "87700000")
        assert [(c.name, c.relation) for c in joao.contacts] == [
            ("João Conceição Araújo", "titular"),
            ("Márcia Araújo", "cônjuge"),
        ]
        company = session.scalar(select(Subscriber).where(Subscriber.external_id == "CLI-1004"))
        assert company is not None and company.document == CNPJ_ALNUM and company.person_type == "J"
        big = session.scalar(select(Receivable).where(Receivable.external_id == "RC-9004"))
        assert big is not None and big.amount == Decimal("1249.00")  # "1.249,00"
        paid = session.scalar(select(Receivable).where(Receivable.external_id == "RC-9001"))
        assert paid is not None and paid.status is ReceivableStatus.PAID
        assert paid.paid_at == dt.datetime(
            2026, 11, 10, 17, 32, tzinfo=dt.UTC
        )  # 14:32 in São Paulo
        terminals = set(session.scalars(select(Terminal.number)))
        assert terminals == {"4434231010", "4430452020", "4430452021"}
    # Imports are the ERP's own data: nothing for ``export events``.
    assert count(db, OutboxEvent) == 0


def test_the_import_is_recorded_and_audited(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    path = customers_file(tmp_path, [["C1", CPFS[0], "Ana"], ["C2", "123.456.789-00", "Bia"]])
    report = run(db, finance, "customers", path)
    with db.session() as session:
        record = session.get(ErpImport, report.import_id)
        assert record is not None and record.finished_at is not None
        assert (record.kind, record.file_name, record.read, record.created, record.rejected) == (
            "customers",
            "clientes.csv",
            2,
            1,
            1,
        )
        assert record.operator.endswith("financeiro1")
        problems = session.execute(select(ErpImportProblem.kind, ErpImportProblem.line)).all()
        assert [tuple(p) for p in problems] == [("rejected", 3)]
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "erp.importado")
            )
            == 1
        )


def test_dry_run_reports_and_writes_nothing(db: Database, finance: CounterActor) -> None:
    bank_account(db, "756")
    from tests.services.erp_setup import EXAMPLES

    report = run(db, finance, "customers", EXAMPLES / "customers.csv", dry_run=True)
    assert (report.created, report.import_id) == (3, None)
    assert count(db, Subscriber) == count(db, ErpImport) == count(db, Contact) == 0


def test_only_finance_and_admin_import(db: Database, tmp_path: Path) -> None:
    attendant = make_user(db, "atendente9", Role.ATTENDANT)
    path = customers_file(tmp_path, [["C1", CPFS[0], "Ana"]])
    with pytest.raises(AccessDenied):
        run(db, attendant, "customers", path)
    admin = make_user(db, "admin9", Role.ADMIN)
    assert run(db, admin, "customers", path).created == 1


def test_each_bad_customer_line_is_refused_with_its_reason_and_the_rest_imports(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    path = customers_file(
        tmp_path,
        [
            ["C1", CPFS[0], "Ana Paula"],
            ["C2", "529.982.247-24", "CPF errado"],
            ["C3", "11.222.333/0001-80", "CNPJ errado"],
            ["C1", CPFS[1], "Repetida"],
            ["C4", CPFS[0], "Mesmo CPF da Ana"],
            ["C5", CPFS[2], "Telefone ruim", "", "12345"],
            ["", CPFS[3], "Sem id"],
            ["C6", CPFS[4], "Carlos Eduardo"],
        ],
    )
    report = run(db, finance, "customers", path)
    why = reasons(report)
    assert set(why) == {3, 4, 5, 6, 7, 8}
    assert "CPF inválido" in why[3] and "CPF/CNPJ inválido" in why[4]
    assert "repetido no arquivo" in why[5] and "linha 2" in why[5]
    assert "também está no cliente C1" in why[6]
    assert "telefone inválido" in why[7] and "external_id vazio" in why[8]
    assert report.created == 2
    # Nothing half-imported: a refused line left no contact and no subscriber behind.
    assert count(db, Subscriber) == count(db, Contact) == 2


def test_whole_file_refusals_write_nothing(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    empty = tmp_path / "vazio.csv"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="vazio"):
        run(db, finance, "customers", empty)
    utf16 = tmp_path / "unicode.csv"
    utf16.write_bytes("external_id;document;name\nC1;52998224725;Ana\n".encode("utf-16"))
    with pytest.raises(InvalidInput, match="UTF-16"):
        run(db, finance, "customers", utf16)
    missing = write_csv(tmp_path / "faltando.csv", [["external_id", "nome"], ["C1", "Ana"]])
    with pytest.raises(InvalidInput, match="faltam as colunas obrigatórias document, name"):
        run(db, finance, "customers", missing)
    with pytest.raises(InvalidInput, match="customer_external_id, number, plan, status"):
        run(db, finance, "contracts", missing)
    assert count(db, Subscriber) == count(db, ErpImport) == 0


def test_contracts_and_receivables_bad_lines(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    run(db, finance, "customers", customers_file(tmp_path, [["C1", CPFS[0], "Ana"]]))
    contracts = write_csv(
        tmp_path / "contratos.csv",
        [
            CONTRACT_HEADER,
            ["K1", "C1", "N-1", "Fibra 100", "ativo", "ana", "4430451111", "10"],
            ["K2", "C9", "N-2", "Fibra 100", "ativo", "bia", "4430452222", "10"],
            ["K3", "C1", "N-3", "Fibra 100", "pausado", "", "", ""],
            ["K4", "C1", "N-4", "Fibra 100", "ativo", "ana", "", ""],
            ["K5", "C1", "N-5", "Fibra 100", "ativo", "", "", "40"],
        ],
    )
    report = run(db, finance, "contracts", contracts)
    why = reasons(report)
    assert report.created == 1 and set(why) == {3, 4, 5, 6}
    assert "cliente C9 não encontrado" in why[3] and "status inválido" in why[4]
    assert "login RADIUS ana já é de outro contrato" in why[5] and "due_day" in why[6]
    # The refused K2 left neither its login nor its terminal.
    with db.session() as session:
        assert list(session.scalars(select(RadiusLogin.username))) == ["ana"]
        assert list(session.scalars(select(Terminal.number))) == ["4430451111"]
    bills = write_csv(
        tmp_path / "contas.csv",
        [
            RECEIVABLE_HEADER,
            ["R1", "K1", "Mensalidade", "2026-12-10", "99,90", "aberto", "", "", "", "", ""],
            ["R2", "K9", "Mensalidade", "2026-12-10", "99,90", "aberto", "", "", "", "", ""],
            ["R3", "K1", "Mensalidade", "31/02/2026", "99,90", "aberto", "", "", "", "", ""],
            ["R4", "K1", "Mensalidade", "2026-12-10", "99,9x", "aberto", "", "", "", "", ""],
            ["R5", "K1", "Mensalidade", "2026-12-10", "-10,00", "aberto", "", "", "", "", ""],
            ["R6", "K1", "Mensalidade", "2026-12-10", "10,00", "baixado", "", "", "", "", ""],
            ["R7", "K1", "Mensalidade", "2026-12-10", "10,00", "aberto", "", "", "", "341", "123"],
            ["R1", "K1", "Mensalidade", "2026-12-10", "99,90", "aberto", "", "", "", "", ""],
        ],
    )
    report = run(db, finance, "receivables", bills)
    why = reasons(report)
    assert report.created == 1 and set(why) == {3, 4, 5, 6, 7, 8, 9}
    assert "contrato K9 não encontrado" in why[3] and "due_date inválida" in why[4]
    assert "valor inválido" in why[5] and "valor negativo" in why[6]
    assert "sem paid_at" in why[7] and "banco 341 sem conta de cobrança" in why[8]
    assert "repetido no arquivo" in why[9]
    assert count(db, Receivable) == 1


def test_a_bill_settled_in_the_store_stays_settled(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "756")
    import_examples(db, finance)
    with db.session() as session:
        rid = session.scalar(select(Receivable.id).where(Receivable.external_id == "RC-9002"))
    from desktop.services import payments

    payments.settle(db, finance, rid, Decimal("99.90"), PaymentMethod.PIX)  # paid at the counter
    # The ERP has not heard of it yet: still "aberto", and now with another amount.
    bills = write_csv(
        tmp_path / "contas.csv",
        [
            RECEIVABLE_HEADER,
            [
                "RC-9002",
                "CT-5001",
                "Mensalidade 12/2026",
                "2026-12-10",
                "109,90",
                "aberto",
                "",
                "",
                "boleto",
                "756",
                "0000102-9",
            ],
        ],
    )
    report = run(db, finance, "receivables", bills)
    assert report.rejected == () and report.updated == 0
    (conflict,) = report.conflicts
    assert conflict.line == 2 and "já baixada na loja" in conflict.reason
    with db.session() as session:
        row = session.get(Receivable, rid)
        assert row is not None and row.status is ReceivableStatus.PAID
        assert row.amount == row.paid_amount == Decimal("99.90")
        assert session.scalar(select(ErpImportProblem.kind)) == "conflict"


def test_imported_boleto_reprints_and_the_bank_return_settles_it(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bank_account(db, "756")
    import_examples(db, finance)
    with db.session() as session:
        rid = session.scalar(select(Receivable.id).where(Receivable.external_id == "RC-9002"))
        boleto = session.scalar(select(Boleto).where(Boleto.receivable_id == rid))
        assert boleto is not None and boleto.nosso_numero == "0000102-9"
    info = boletos.boleto_for_receivable(db, finance, rid)
    assert (info.nosso_numero, info.amount, info.due_date) == (
        "0000102-9",
        Decimal("99.90"),
        dt.date(2026, 12, 10),
    )
    assert info.barcode[:3] == "756" and len(info.digitable_line) == 47
    path = tmp_path / "sicoob.ret"
    path.write_bytes(build("756", "cnab240", [file_title("756", "cnab240", "0000102-9")]))
    (report,) = retorno.import_files(db, finance, [path])
    (entry,) = report.entries
    assert (entry.result, entry.receivable_id) == ("settled", rid)
    # A boleto the app registers later does not reuse the ERP's numbers.
    with db.session() as session:
        from desktop.models import BankAccount

        assert session.scalar(select(BankAccount.last_sequence)) == 103


def test_an_imported_customer_is_found_by_name_prefix_and_cpf(
    db: Database, finance: CounterActor, attendant: CounterActor, tmp_path: Path
) -> None:
    run(
        db,
        finance,
        "customers",
        customers_file(tmp_path, [["C1", CPFS[0], "Joana D'Arc Ferreira"]]),
    )
    (hit,) = subscriber_search.search(db, attendant, "joa ferr")
    assert hit.name == "Joana D'Arc Ferreira"
    (hit,) = subscriber_search.search(db, attendant, "529.982.247-25")
    assert hit.document == CPFS[0]
    # Renamed by the ERP: the old name no longer finds them, the new one does.
    run(
        db,
        finance,
        "customers",
        customers_file(tmp_path, [["C1", CPFS[0], "Joana Martins"]], "b.csv"),
    )
    assert subscriber_search.search(db, attendant, "ferreira") == []
    assert [h.name for h in subscriber_search.search(db, attendant, "mart")] == ["Joana Martins"]


def test_a_customer_made_at_the_counter_is_adopted_by_cpf(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    from tests.factories import subscriber

    sub_id, _ = subscriber(db, "Maria da Silva", CPFS[0])
    report = run(
        db,
        finance,
        "customers",
        customers_file(tmp_path, [["C1", CPFS[0], "Maria da Silva Souza"]]),
    )
    assert (report.created, report.updated) == (0, 1)
    with db.session() as session:
        row = session.get(Subscriber, sub_id)
        assert row is not None and (row.external_id, row.name) == ("C1", "Maria da Silva Souza")


def test_jsonl_and_comma_csv_with_bom_and_crlf(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    path = tmp_path / "clientes.csv"
    path.write_bytes(
        b"\xef\xbb\xbfname,external_id,document,extra\r\n"
        + "Zé Ninguém,C1,52998224725,x\r\n".encode()
    )
    assert run(db, finance, "customers", path).created == 1
    lines = tmp_path / "contratos.jsonl"
    lines.write_text(
        '{"external_id": "K1", "customer_external_id": "C1", "number": "n1", "plan": "Fibra", '
        '"status": "ativo", "plan_internet": true, "terminals": ["44 3045-1010"], "due_day": 5}\n'
        "não é json\n",
        encoding="utf-8",
    )
    report = run(db, finance, "contracts", lines)
    assert report.created == 1 and "JSON" in reasons(report)[2]
    with db.session() as session:
        contract = session.scalar(select(Contract))
        assert contract is not None and (contract.number, contract.billing_day) == ("N1", 5)
        assert contract.plan.has_internet and not contract.plan.has_voice
        assert contract.status is ContractStatus.ACTIVE
