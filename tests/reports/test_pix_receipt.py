"""The PIX payment receipt: reproducible bytes, and what the subscriber reads on it."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from desktop.reports.pix_receipt import PixReceipt, render_pix_receipt
from desktop.reports.protocol_receipt import ReceiptCompany

RECEIPT = PixReceipt(
    company=ReceiptCompany(
        "Exemplo Net Telecomunicações Ltda",
        "06.117.473/0001-50",
        "Rua das Flores, 100 - Centro - Paranavaí/PR",
        "(44) 3422-0000",
        "atendimento@exemplo.net.br",
    ),
    subscriber_name="Joana D'Arc Ferreira",
    subscriber_document="***.982.247-**",
    description="Mensalidade Internet 300 Mega - 11/2026",
    due_date=dt.date(2026, 11, 15),
    amount=Decimal("102.73"),
    fine=Decimal("2.00"),
    interest=Decimal("0.83"),
    paid_at=dt.datetime(2026, 12, 7, 12, 30, 5, tzinfo=dt.UTC),
    end_to_end_id="E18236120202612071230a1b2c3d4e5f",
    txid="CAR0000000023V0000010273N000",
    protocol="20261207 00000 00151",
    access_restored=True,
)


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_same_receipt_gives_the_same_bytes() -> None:
    assert render_pix_receipt(RECEIPT) == render_pix_receipt(RECEIPT)


def test_the_receipt_says_what_was_paid_when_and_by_which_pix(tmp_path: Path) -> None:
    text = text_of(render_pix_receipt(RECEIPT), tmp_path)
    for expected in (
        "COMPROVANTE DE PAGAMENTO — PIX",
        "R$ 102,73",
        "07/12/2026 09:30:05",  # São Paulo time
        "***.982.247-**",
        "vencimento 15/11/2026",
        "multa R$ 2,00 + juros R$ 0,83",
        RECEIPT.end_to_end_id,
        RECEIPT.txid,
        "20261207 00000 00151",
        "acesso liberado",
        "06.117.473/0001-50",  # CDC art. 42-A: the supplier's name, address and CNPJ
    ):
        assert expected in text, expected
    plain = text_of(
        render_pix_receipt(
            replace(
                RECEIPT,
                fine=Decimal("0.00"),
                interest=Decimal("0.00"),
                access_restored=False,
                protocol="",
            )
        ),
        tmp_path,
    )
    assert "multa" not in plain and "acesso liberado" not in plain and "Protocolo" not in plain
