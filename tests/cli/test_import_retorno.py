"""``central-assinante import retorno FILE...``, in-process against both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import Role
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.services.retorno_setup import bank_account, build, file_title, register

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "retorno-cnab240-756.ret"


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "caixa", "import", "retorno", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_dry_run_then_apply(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    finance = make_user(db, "caixa", Role.FINANCE)
    bank_account(db, "756")
    sub_id, contract_id = subscriber(db, "Ana Souza", CPFS[1])
    import datetime as dt

    rid = receivable(db, sub_id, dt.date.today() + dt.timedelta(days=3), contract_id=contract_id)
    printed = register(db, finance, rid)
    path = tmp_path / "sicoob.ret"
    path.write_bytes(build("756", "cnab240", [file_title("756", "cnab240", printed)]))

    code, out, err = run(capsys, db, str(path), "--dry-run", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert (report["layout"], report["bank"]) == ("cnab240", "756")
    (entry,) = report["entries"]
    assert entry["result"] == "settled" and entry["receivable_id"] == rid
    assert entry["paid_amount"] == "99.90" and entry["paid_on"] == "2026-12-01"
    assert entry["occurrence"] == "06"

    code, out, _ = run(capsys, db, str(path))
    assert code == 0 and "baixado" in out and "Baixados: 1  Valor: 99,90" in out
    code, out, _ = run(capsys, db, str(path), str(path), "--format", "json")
    assert [r["entries"][0]["result"] for r in json.loads(out)] == ["already_settled"] * 2


def test_unusable_files_exit_1_with_the_reason(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    make_user(db, "caixa", Role.FINANCE)
    empty = tmp_path / "vazio.ret"
    empty.write_bytes(b"")
    code, out, _ = run(capsys, db, str(empty), str(EXAMPLE))
    assert code == 1
    assert "Arquivo vazio" in out and "não tem conta configurada" in out


def test_an_attendant_is_refused(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    make_user(db, "caixa", Role.ATTENDANT)
    code, _, err = run(capsys, db, str(EXAMPLE))
    assert code == 2 and err.startswith("erro: ")
