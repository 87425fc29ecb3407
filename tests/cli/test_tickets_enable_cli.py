"""ticket list|open, enable and jobs run, in-process through desktop.cli.main."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import update

from desktop.cli import main
from desktop.db import Database
from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus, Role
from desktop.models import Contact, Contract
from desktop.services import enablement
from tests.conftest import make_user
from tests.factories import CPFS
from tests.services.radius_setup import groups, suspended


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "balcao", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def served(db: Database) -> tuple[Database, int, int]:
    make_user(db, "balcao", Role.ATTENDANT)
    sub_id, contract_id, _ = suspended(db)
    with db.session() as session:
        session.add_all(
            [
                Contact(subscriber_id=sub_id, name="José Araújo", relation="cônjuge"),
                Contact(subscriber_id=sub_id, name="José Araújo Filho", relation="filho"),
            ]
        )
    return db, sub_id, contract_id


def test_ticket_open_then_list_json_shape(
    capsys: pytest.CaptureFixture[str], served: tuple[Database, int, int]
) -> None:
    db, sub_id, _ = served
    code, out, err = run(
        capsys,
        db,
        "ticket",
        "open",
        "--subscriber",
        "529.982.247-25",
        "--type",
        "Suporte técnico",
        "--description",
        "Sem sinal",
        "--contact",
        "jose araujo",
    )
    assert code == 0, err
    opened = json.loads(out)
    run(
        capsys,
        db,
        "ticket",
        "open",
        "--subscriber",
        CPFS[0],
        "--type",
        "informacao",
        "--description",
        "Horário",
    )
    code, out, _ = run(capsys, db, "ticket", "list", "--subscriber", CPFS[0], "--format", "json")
    data = json.loads(out)
    assert data["subscriber"]["id"] == sub_id and len(data["items"]) == 2
    item = data["items"][1]
    assert item == opened
    assert set(item) == {
        "protocol",
        "type",
        "description",
        "status",
        "opened_at",
        "closed_at",
        "contacts",
    }
    assert (
        item["type"] == "Suporte técnico"
        and item["status"] == "aberto"
        and item["closed_at"] is None
    )
    assert item["contacts"] == ["José Araújo"]
    assert dt.datetime.fromisoformat(item["opened_at"]).tzinfo is not None
    code, out, _ = run(
        capsys,
        db,
        "ticket",
        "list",
        "--subscriber",
        CPFS[0],
        "--contact",
        "José Araújo",
        "--format",
        "json",
    )
    assert [i["protocol"] for i in json.loads(out)["items"]] == [opened["protocol"]]
    code, out, _ = run(
        capsys, db, "ticket", "list", "--subscriber", CPFS[0], "--all-contacts", "--format", "json"
    )
    # Todos: every ticket of the subscriber, the one with no contact too (issue 15, item 21).
    assert len(json.loads(out)["items"]) == 2
    code, out, _ = run(
        capsys,
        db,
        "ticket",
        "list",
        "--subscriber",
        CPFS[0],
        "--field",
        "protocolo",
        "--text",
        opened["protocol"],
        "--status",
        "aberto",
        "--from",
        "2020-01-01",
    )
    assert code == 0 and opened["protocol"] in out and "Suporte técnico" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--contact", "araujo"], "Mais de um contato corresponde a 'araujo'"),
        (["--contact", "Joaquim"], "Contato 'Joaquim' não encontrado"),
        (["--status", "fechado"], "Status inválido"),
        (["--field", "tipo"], "Informe --text com --field"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "Período inválido"),
    ],
)
def test_ticket_list_bad_input_exits_non_zero(
    capsys: pytest.CaptureFixture[str],
    served: tuple[Database, int, int],
    args: list[str],
    message: str,
) -> None:
    code, out, err = run(capsys, served[0], "ticket", "list", "--subscriber", CPFS[0], *args)
    assert code == 2 and out == ""
    assert err.startswith("erro: ") and message in err and err.count("\n") == 1


def test_enable_prints_json_and_a_refusal_exits_non_zero(
    capsys: pytest.CaptureFixture[str], served: tuple[Database, int, int]
) -> None:
    db, _, contract_id = served
    code, out, err = run(
        capsys, db, "enable", "--subscriber", CPFS[0], "--contract", str(contract_id)
    )
    assert code == 0, err
    data = json.loads(out)
    assert (
        set(data) == {"contract_id", "protocol", "enabled_until"}
        and data["contract_id"] == contract_id
    )
    assert dt.datetime.fromisoformat(data["enabled_until"]) > utcnow() + dt.timedelta(days=2)
    assert groups(db) == [("plano300", 1)]
    code, out, err = run(
        capsys, db, "enable", "--subscriber", CPFS[0], "--contract", str(contract_id)
    )
    assert code == 2 and out == ""
    assert "já foi habilitado provisoriamente nesta suspensão" in err
    with db.session() as session:
        session.execute(
            update(Contract)
            .where(Contract.id == contract_id)
            .values(status=ContractStatus.SUSPENDED_OTHER)
        )
    code, _, err = run(
        capsys, db, "enable", "--subscriber", CPFS[0], "--contract", str(contract_id)
    )
    assert code == 2 and "Plano suspenso por outro motivo: procure o setor responsável" in err


def test_jobs_run_reports_what_it_did(
    capsys: pytest.CaptureFixture[str], served: tuple[Database, int, int]
) -> None:
    db, sub_id, contract_id = served
    operator = make_user(db, "robo", Role.SUPPORT)
    enablement.enable(db, operator, sub_id, contract_id, now=utcnow() - dt.timedelta(days=4))
    code, out, err = run(capsys, db, "jobs", "run")
    assert code == 0, err
    assert (
        "Habilitações provisórias vencidas: 1" in out
        and "suspensas novamente por falta de pagamento: C" in out
    )
    assert groups(db) == [("bloqueado", 0), ("plano300", 1)]
    code, out, _ = run(capsys, db, "jobs", "run")
    assert "vencidas: 0" in out
