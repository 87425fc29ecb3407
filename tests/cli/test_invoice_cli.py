"""``import nfcom`` and ``invoice list|xml|pdf|email`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain import fiscal
from desktop.domain.enums import Role
from desktop.reports.danfe_com import render_danfe_com
from tests.conftest import make_user
from tests.conftest_printing import CupsQueues, ensure_cups_queues, wait_for_file
from tests.factories import CPFS, subscriber
from tests.nfcom_factories import install_certificate, nfcom_proc, with_wrong_dv, write


@pytest.fixture(autouse=True)
def _certificate() -> None:
    install_certificate()


def run(
    capsys: pytest.CaptureFixture[str], db: Database, *args: str, operator: str = "fin"
) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", operator, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> tuple[Database, list[Path]]:
    make_user(db, "fin", Role.FINANCE)
    make_user(db, "balcao", Role.ATTENDANT)
    subscriber(db, "Maria da Silva", CPFS[0])
    paths = [
        write(tmp_path, f"n{n}.xml", nfcom_proc(CPFS[0], number=n, amount=f"{100 + n}.90"))
        for n in (1, 2)
    ]
    code, out, err = run(capsys, db, "import", "nfcom", *map(str, paths))
    assert code == 0, err
    assert "Notas importadas:           2" in out
    return db, paths


def _ids(capsys: pytest.CaptureFixture[str], db: Database) -> list[int]:
    code, out, _ = run(
        capsys,
        db,
        "invoice",
        "list",
        "--subscriber",
        CPFS[0],
        "--format",
        "json",
        operator="balcao",
    )
    assert code == 0
    return [item["id"] for item in json.loads(out)]


def test_import_again_and_bad_files(
    capsys: pytest.CaptureFixture[str], imported: tuple[Database, list[Path]], tmp_path: Path
) -> None:
    db, paths = imported
    bad = write(tmp_path, "dv.xml", with_wrong_dv(CPFS[0], number=9))
    code, out, _ = run(capsys, db, "import", "nfcom", str(paths[0]), str(bad))
    assert code == 1  # something did not go in
    assert "Já importadas (ignoradas):  1" in out and "Recusadas:                  1" in out
    assert f"{bad}: dígito verificador da chave de acesso errado" in out
    code, _, err = run(capsys, db, "import", "nfcom", str(paths[0]), operator="balcao")
    assert code == 2 and "financeiro" in err


def test_invoice_list_json_and_table(
    capsys: pytest.CaptureFixture[str], imported: tuple[Database, list[Path]]
) -> None:
    db, _ = imported
    code, out, _ = run(
        capsys,
        db,
        "invoice",
        "list",
        "--subscriber",
        "529.982.247-25",
        "--format",
        "json",
        operator="balcao",
    )
    assert code == 0
    items = json.loads(out)
    assert [i["number"] for i in items] == ["2", "1"]  # same issue time: newest id first
    first = items[0]
    assert set(first) == {
        "id",
        "number",
        "series",
        "model",
        "issued_at",
        "amount",
        "status",
        "access_key",
        "environment",
        "fiscal_value",
    }
    assert (
        first["issued_at"].endswith("-03:00")
        and first["status"] == "autorizada"
        and first["model"] == "62"
    )
    # the test certificate signs in homologation: never shown as a document of value
    assert (first["environment"], first["fiscal_value"]) == ("2", False)
    assert {i["amount"] for i in items} == {"101.90", "102.90"}
    code, out, _ = run(capsys, db, "invoice", "list", "--subscriber", CPFS[0], operator="balcao")
    assert code == 0 and "Chave de acesso" in out and fiscal.format_key(first["access_key"]) in out


def test_invoice_xml_to_file_and_stdout(
    capsys: pytest.CaptureFixture[str], imported: tuple[Database, list[Path]], tmp_path: Path
) -> None:
    db, _ = imported
    invoice_id = _ids(capsys, db)[0]
    target = tmp_path / "saida.xml"
    code, _, err = run(
        capsys, db, "invoice", "xml", str(invoice_id), "-o", str(target), operator="balcao"
    )
    assert code == 0, err
    data = target.read_bytes()
    assert fiscal.validate_nfcom(data) == [] and fiscal.signature_problem(data) is None
    code, out, _ = run(capsys, db, "invoice", "xml", str(invoice_id), operator="balcao")
    assert code == 0 and out.encode() == data
    code, _, err = run(capsys, db, "invoice", "xml", "999999", operator="balcao")
    assert code == 2 and "não encontrada" in err


def test_invoice_pdf_to_file(
    capsys: pytest.CaptureFixture[str], imported: tuple[Database, list[Path]], tmp_path: Path
) -> None:
    db, _ = imported
    invoice_id = _ids(capsys, db)[0]
    target = tmp_path / "danfe.pdf"
    code, _, err = run(
        capsys, db, "invoice", "pdf", str(invoice_id), "-o", str(target), operator="balcao"
    )
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")


def test_invoice_email_without_smtp_is_refused(
    capsys: pytest.CaptureFixture[str], imported: tuple[Database, list[Path]]
) -> None:
    db, _ = imported
    code, _, err = run(capsys, db, "invoice", "email", str(_ids(capsys, db)[0]), operator="balcao")
    assert code == 2 and "não está configurado" in err


@pytest.mark.cups
def test_invoice_pdf_prints_to_a_real_queue(
    capsys: pytest.CaptureFixture[str], imported: tuple[Database, list[Path]]
) -> None:
    queues: CupsQueues = ensure_cups_queues()
    db, _paths = imported
    invoice_id = _ids(capsys, db)[0]
    code, _, err = run(
        capsys,
        db,
        "invoice",
        "pdf",
        str(invoice_id),
        "--print",
        queues.sink_queue,
        operator="balcao",
    )
    assert code == 0, err
    job_id = err.split("(trabalho ", 1)[1].split(")", 1)[0]
    printed = wait_for_file(lambda: queues.sink_output(job_id)).read_bytes()
    _code, xml, _ = run(capsys, db, "invoice", "xml", str(invoice_id), operator="balcao")
    assert printed == render_danfe_com(fiscal.parse_nfcom(xml))
