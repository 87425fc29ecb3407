"""``statement quitacao``: SPEC §7's JSON, the refusal (exit 2, reason in words, JSON too),
the PDF to a file, and bad options refused before anything is read."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import Role
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.services.test_quitacao import settled_2025


@pytest.fixture
def base(db: Database) -> list[str]:
    make_user(db, "operador", Role.ATTENDANT)
    return ["--db", db.url, "--operator", "operador", "--station", "retaguarda-1"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_shape_of_the_spec(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    sub_id, _ = subscriber(db, "Inês Gonçalves")
    ids = settled_2025(db, sub_id)
    code, out, err = run(
        capsys,
        *base,
        "statement",
        "quitacao",
        "--subscriber",
        "529.982.247-25",
        "--year",
        "2025",
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"subscriber", "year", "issued_on", "receivables", "settled"}
    assert data["subscriber"] == {"id": sub_id, "name": "Inês Gonçalves", "document": CPFS[0]}
    assert (data["year"], data["settled"]) == (2025, True)
    assert dt.date.fromisoformat(data["issued_on"]).year >= 2026
    assert data["receivables"][0] == {
        "receivable_id": ids["jan"],
        "description": "Mensalidade 01/2025",
        "due_date": "2025-01-10",
        "amount": "99.90",
        "status": "baixado",
        "paid_at": "2025-01-09T10:00:00-03:00",
        "paid_amount": "99.90",
        "payment_method": "pix",
    }
    assert [r["status"] for r in data["receivables"]] == ["baixado", "baixado", "cancelado"]
    # JSON is also the default format.
    code, out2, _ = run(
        capsys, *base, "statement", "quitacao", "--subscriber", CPFS[0], "--year", "2025"
    )
    assert code == 0 and json.loads(out2)["receivables"] == data["receivables"]


def test_an_open_bill_exits_non_zero_with_the_reason(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    sub_id, _ = subscriber(db)
    settled_2025(db, sub_id)
    open_id = receivable(db, sub_id, dt.date(2025, 7, 10), "89.90")
    code, out, err = run(
        capsys,
        *base,
        "statement",
        "quitacao",
        "--subscriber",
        CPFS[0],
        "--year",
        "2025",
        "--format",
        "json",
    )
    assert code == 2
    assert err.startswith(
        "erro: Não é possível emitir a declaração de quitação de 2025: há 1 conta"
    )
    assert "Mensalidade 07/2025 (vencimento 10/07/2025, R$ 89,90)" in err
    data = json.loads(out)
    assert data["settled"] is False and data["year"] == 2025
    assert [r["receivable_id"] for r in data["open_receivables"]] == [open_id]
    code, out, err = run(
        capsys,
        *base,
        "statement",
        "quitacao",
        "--subscriber",
        CPFS[0],
        "--year",
        "2025",
        "--format",
        "pdf",
        "-o",
        "/tmp/nao-deve-existir-quitacao.pdf",
    )
    assert code == 2 and out == "" and "Mensalidade 07/2025" in err
    assert not Path("/tmp/nao-deve-existir-quitacao.pdf").exists()


def test_pdf_to_a_file(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sub_id, _ = subscriber(db)
    settled_2025(db, sub_id)
    target = tmp_path / "quitacao.pdf"
    code, _out, err = run(
        capsys,
        *base,
        "statement",
        "quitacao",
        "--subscriber",
        CPFS[0],
        "--year",
        "2025",
        "--format",
        "pdf",
        "-o",
        str(target),
    )
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Lei nº 12.007" in text and "2025" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "Informe o ano da declaração"),
        (["--year", "25"], "Ano inválido: '25'"),
        (["--year", "2026", "--status", "aberto"], "--status não se aplica"),
        (["--year", "2025", "--from", "2025-01-01"], "--from não se aplica"),
        (["--year", "2025", "--format", "csv"], "--format json ou pdf"),
        (["--year", "2025", "--format", "pdf"], "informe -o ARQUIVO"),
    ],
)
def test_bad_options_exit_with_a_message(
    db: Database,
    base: list[str],
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    subscriber(db)
    code, out, err = run(capsys, *base, "statement", "quitacao", "--subscriber", CPFS[0], *extra)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_year_is_refused_by_the_other_statements(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    subscriber(db)
    code, _out, err = run(
        capsys, *base, "statement", "financial", "--subscriber", CPFS[0], "--year", "2025"
    )
    assert code == 2 and "--year não se aplica" in err
