"""The command line of the foundation: db upgrade, user add, subscriber search, statement financial."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.clock import today_local
from desktop.domain.enums import ReceivableStatus, Role
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "balcao", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def served(db: Database) -> tuple[Database, int]:
    make_user(db, "balcao", Role.ATTENDANT)
    sub_id, contract_id = subscriber(db, "Joana D'Arc Ferreira", CPFS[0], terminal="4430451234", login="joana")
    today = today_local()
    receivable(db, sub_id, today - dt.timedelta(days=30), "120.00", contract_id=contract_id)
    receivable(db, sub_id, today - dt.timedelta(days=60), "120.00", status=ReceivableStatus.PAID)
    return db, sub_id


def test_subscriber_search_json_shape(capsys: pytest.CaptureFixture[str], served: tuple[Database, int]) -> None:
    db, sub_id = served
    code, out, _ = run(capsys, db, "subscriber", "search", "joana", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data == [
        {
            "id": sub_id,
            "name": "Joana D'Arc Ferreira",
            "document": CPFS[0],
            "contracts": [
                {
                    "id": data[0]["contracts"][0]["id"],
                    "number": data[0]["contracts"][0]["number"],
                    "plan": "Internet 300 Mega",
                    "status": "ativo",
                    "terminals": ["4430451234"],
                    "radius_login": "joana",
                }
            ],
        }
    ]


def test_statement_financial_json_has_fine_and_interest(capsys: pytest.CaptureFixture[str], served: tuple[Database, int]) -> None:
    db, _ = served
    code, out, err = run(capsys, db, "statement", "financial", "--subscriber", "529.982.247-25", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["subscriber"]["document"] == CPFS[0]
    open_item = next(i for i in data["items"] if i["status"] == "aberto")
    assert open_item["amount"] == "120.00"
    assert open_item["fine"] == "2.40"  # 2 %
    assert open_item["interest"] == "1.20"  # 1 % a month, 30 days
    assert open_item["updated_amount"] == "123.60"
    paid = next(i for i in data["items"] if i["status"] == "baixado")
    assert paid["paid_amount"] == "120.00" and paid["payment_method"] == "boleto"
    assert set(paid) == {"receivable_id", "description", "due_date", "amount", "status", "paid_at",
                         "paid_amount", "payment_method", "fine", "interest", "updated_amount"}
    assert data["totals"]["aberto"]["updated_amount"] == "123.60"
    assert data["totals"]["overall"]["count"] == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--subscriber", "123.456.789-00"], "CPF inválido"),
        (["--subscriber", "111.444.777-35"], "Assinante não encontrado"),
        (["--subscriber", CPFS[0], "--from", "2026-10-01", "--to", "2026-09-01"], "anterior"),
        (["--subscriber", CPFS[0], "--from", "31/02/2026"], "inválida"),
        (["--subscriber", CPFS[0], "--status", "pago"], "Situação inválida"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line(
    capsys: pytest.CaptureFixture[str], served: tuple[Database, int], args: list[str], message: str
) -> None:
    db, _ = served
    code, out, err = run(capsys, db, "statement", "financial", *args, "--format", "json")
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("erro: ")


def test_db_upgrade_and_first_user_bootstrap(capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'novo.sqlite3'}"
    assert main(["--db", url, "db", "upgrade"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("uma-senha-boa\n"))
    assert main(["--db", url, "user", "add", "chefe", "--role", "admin", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("uma-senha-boa\n"))
    # The second user needs an administrator as operator.
    assert main(["--db", url, "--operator", "ninguem", "user", "add", "outro", "--role", "atendente", "--password-stdin"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("uma-senha-boa\n"))
    assert main(["--db", url, "--operator", "chefe", "user", "add", "outro", "--role", "atendente", "--password-stdin"]) == 0
    out, err = capsys.readouterr()
    assert "Usuário chefe (admin) cadastrado." in out and "não cadastrado" in err
