"""``central-assinante boleto RECEIVABLE_ID``: SPEC §4 JSON, PDF to a file, printing, errors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db import Database
from desktop.domain import febraban, pix
from desktop.domain.clock import today_local
from desktop.domain.enums import ReceivableStatus, Role
from desktop.models import BankAccount, Boleto, Receivable
from desktop.reports.boleto import document_from_info, render_boleto
from desktop.services import boletos
from desktop.services.auth import actor_for_operator
from tests.conftest import make_user
from tests.conftest_printing import CupsQueues, ensure_cups_queues, wait_for_file
from tests.factories import CPFS, receivable, subscriber


def run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "balcao", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bill(db: Database) -> int:
    make_user(db, "balcao", Role.ATTENDANT)
    sub_id, _ = subscriber(db, "Joana Ferreira", CPFS[0])
    with db.session() as session:
        session.add(
            BankAccount(
                bank_code="237",
                agency="1172",
                account="403005",
                account_dv="2",
                wallet="09",
                agreement="",
                beneficiary_name="Provedor Exemplo Ltda",
            )
        )
    return receivable(db, sub_id, today_local() + dt.timedelta(days=10), "89.90")


def test_json_shape(capsys: pytest.CaptureFixture[str], db: Database, bill: int) -> None:
    code, out, err = run(capsys, db, "boleto", str(bill))
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {
        "receivable_id",
        "bank",
        "nosso_numero",
        "due_date",
        "amount",
        "barcode",
        "digitable_line",
        "pix_payload",
    }
    assert data["receivable_id"] == bill and data["bank"] == "237"
    assert data["amount"] == "89.90"
    assert data["due_date"] == (today_local() + dt.timedelta(days=10)).isoformat()
    assert data["nosso_numero"] == "09/00000000001-1"  # mod 11 (2..7) of 09 00000000001
    assert (
        len(data["barcode"]) == 44
        and febraban.barcode_from_line(data["digitable_line"]) == data["barcode"]
    )
    assert pix.parse(data["pix_payload"]).amount is not None
    # a second run reprints the same registered boleto
    code, out2, _ = run(capsys, db, "boleto", str(bill), "--format", "json")
    assert code == 0 and json.loads(out2) == data


def test_pdf_to_file_decodes(
    capsys: pytest.CaptureFixture[str], db: Database, bill: int, tmp_path: Path
) -> None:
    target = tmp_path / "boleto.pdf"
    code, out, err = run(capsys, db, "boleto", str(bill), "--format", "pdf", "-o", str(target))
    assert code == 0, err
    assert out == ""
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(target), str(tmp_path / "p")],
        check=True,
    )
    found = subprocess.run(
        ["zbarimg", "--nodbus", "-q", str(tmp_path / "p.png")],
        capture_output=True,
        text=True,
        check=True,
    )
    with db.session() as session:
        boleto = session.scalars(select(Boleto)).one()
        assert f"I2/5:{boleto.barcode}" in found.stdout
        assert f"QR-Code:{boleto.pix_payload}" in found.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["boleto", "999999"], "não encontrada"),
        (["boleto", "abc"], None),  # argparse: exit 2 with usage
    ],
)
def test_bad_input_exits_non_zero(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    bill: int,
    args: list[str],
    message: str | None,
) -> None:
    if message is None:
        with pytest.raises(SystemExit) as info:
            run(capsys, db, *args)
        assert info.value.code == 2
        return
    code, out, err = run(capsys, db, *args)
    assert code == 2 and out == ""
    assert err.startswith("erro: ") and message in err and len(err.strip().splitlines()) == 1


def test_paid_bill_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], db: Database, bill: int
) -> None:
    with db.session() as session:
        row = session.get(Receivable, bill)
        assert row is not None
        sub_id = row.subscriber_id
    paid = receivable(db, sub_id, today_local(), status=ReceivableStatus.PAID)
    code, _out, err = run(capsys, db, "boleto", str(paid))
    assert code == 2 and "já foi paga" in err
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Boleto)) == 0
        assert session.scalar(select(BankAccount.last_sequence)) == 0


@pytest.mark.cups
def test_print_to_a_real_queue(capsys: pytest.CaptureFixture[str], db: Database, bill: int) -> None:
    queues: CupsQueues = ensure_cups_queues()
    code, out, err = run(capsys, db, "boleto", str(bill), "--print", queues.sink_queue)
    assert code == 0, err
    assert json.loads(out)["receivable_id"] == bill
    assert f"enviado para {queues.sink_queue}" in err
    job_id = err.split("(trabalho ", 1)[1].split(")", 1)[0]
    printed = wait_for_file(lambda: queues.sink_output(job_id)).read_bytes()
    # the queue got exactly the PDF the command renders (invariant=1: same bytes each time)
    info = boletos.boleto_for_receivable(db, actor_for_operator(db, "balcao", "teste"), bill)
    assert printed == render_boleto(document_from_info(info))
