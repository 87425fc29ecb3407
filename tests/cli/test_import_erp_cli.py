"""``central-assinante import customers|contracts|receivables``: SPEC §6's JSON report, the
table, exit codes, one-line refusals of unusable files; on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import Role
from tests.conftest import make_user
from tests.factories import CPFS
from tests.services.erp_setup import CUSTOMER_HEADER, EXAMPLES, write_csv
from tests.services.retorno_setup import bank_account


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "caixa", "import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_of_each_example_then_unchanged(
    capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    make_user(db, "caixa", Role.FINANCE)
    bank_account(db, "756")
    steps = [
        ("customers", "customers.csv"),
        ("customers", "customers.jsonl"),
        ("contracts", "contracts.csv"),
        ("receivables", "receivables.csv"),
    ]
    for kind, name in steps:
        code, out, err = run(capsys, db, kind, str(EXAMPLES / name), "--format", "json")
        assert code == 0, err
        report = json.loads(out)
        assert list(report) == [
            "file",
            "kind",
            "read",
            "created",
            "updated",
            "unchanged",
            "rejected",
            "conflicts",
        ]
        assert report["kind"] == kind and report["created"] == report["read"] > 0
        assert report["rejected"] == report["conflicts"] == []
    for kind, name in steps:
        code, out, _ = run(capsys, db, kind, str(EXAMPLES / name), "--format", "json")
        report = json.loads(out)
        assert code == 0 and report["unchanged"] == report["read"] and report["created"] == 0


def test_refused_lines_exit_1_with_line_and_reason(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    make_user(db, "caixa", Role.FINANCE)
    path = write_csv(
        tmp_path / "c.csv",
        [CUSTOMER_HEADER, ["C1", CPFS[0], "Ana"], ["C2", "111.111.111-11", "Bia"]],
    )
    code, out, _ = run(capsys, db, "customers", str(path), "--dry-run", "--format", "json")
    assert code == 1
    assert json.loads(out)["rejected"] == [{"line": 3, "reason": "CPF inválido: 111.111.111-11"}]
    code, out, _ = run(capsys, db, "customers", str(path))
    assert code == 1 and "Criados:       1" in out and "linha 3: CPF inválido" in out
    code, out, _ = run(capsys, db, "customers", str(path), "--format", "json")
    assert json.loads(out)["unchanged"] == 1  # the dry run wrote nothing, the real one did


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "vazio"),
        ("external_id;document;name\n".encode("utf-16"), "UTF-16"),
        (b"external_id;nome\nC1;Ana\n", "faltam as colunas obrigatórias document, name"),
    ],
)
def test_unusable_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path, data: bytes, words: str
) -> None:
    make_user(db, "caixa", Role.FINANCE)
    path = tmp_path / "clientes.csv"
    path.write_bytes(data)
    code, out, err = run(capsys, db, "customers", str(path))
    assert code == 2 and out == "" and words in err and len(err.strip().splitlines()) == 1
