"""The protocol receipt PDF: what a person reads on it (pdftotext), and reproducible bytes."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from desktop.reports.protocol_receipt import (
    ProtocolReceipt,
    ReceiptCompany,
    ReceiptEvent,
    render_protocol_receipt,
)

OPENED = dt.datetime(2026, 12, 1, 2, 30, 5, tzinfo=dt.UTC)  # 30/11/2026 23:30:05 in São Paulo


def receipt(history: int = 2) -> ProtocolReceipt:
    return ProtocolReceipt(
        company=ReceiptCompany(
            "Provedor Exemplo Telecomunicações Ltda",
            "06.117.473/0001-50",
            "Avenida Paraná, 1200 - Centro - Paranavaí/PR",
            "(44) 3045-1000",
            "atendimento@exemplo.net.br",
        ),
        protocol="20261130 00000 00042",
        opened_at=OPENED,
        closed_at=None,
        subscriber_name="Joana D'Arc Ferreira",
        subscriber_document="***.982.247-**",
        type="Habilitação provisória",
        description="Habilitação provisória do plano Internet 300 Mega (contrato C000001).",
        status="Em andamento",
        contacts=("Joana D'Arc Ferreira",),
        history=tuple(
            ReceiptEvent(
                OPENED + dt.timedelta(minutes=i),
                "atendente1",
                "Segunda via de boleto",
                f"Boleto {i:02d}/2026 reimpresso",
            )
            for i in range(history)
        ),
        channel="Balcão de atendimento",
    )


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "recibo.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_receipt_shows_protocol_sao_paulo_time_subscriber_and_history(tmp_path: Path) -> None:
    text = pdf_text(render_protocol_receipt(receipt()), tmp_path)
    for expected in (
        "Provedor Exemplo Telecomunicações Ltda",
        "CNPJ 06.117.473/0001-50",
        "COMPROVANTE DE ATENDIMENTO",
        "20261130 00000 00042",
        "30/11/2026 23:30:05 (horário de Brasília)",
        "Joana D'Arc Ferreira — ***.982.247-**",
        "Habilitação provisória",
        "Boleto 01/2026 reimpresso",
        "30/11/2026 23:31:05",
    ):
        assert expected in text, expected


def test_same_receipt_same_bytes_and_long_history_flows_to_a_second_page(tmp_path: Path) -> None:
    assert render_protocol_receipt(receipt()) == render_protocol_receipt(receipt())
    long_pdf = render_protocol_receipt(receipt(history=80))
    text = pdf_text(long_pdf, tmp_path)
    assert "Boleto 79/2026 reimpresso" in text
    assert text.count("\f") >= 2  # pdftotext separates pages with form feeds


def test_a_pasted_12000_character_description_and_long_notes_flow_over_pages(
    tmp_path: Path,
) -> None:
    """Trial finding: a long pasted description made a table row taller than the page
    (reportlab LayoutError) and the receipt could be neither printed nor e-mailed."""
    lines = "\n".join(f"Linha {i:04d} do relato colado pelo assinante." for i in range(260))
    one_line = " ".join(f"palavra{i:05d}" for i in range(1000))  # ~12,000 chars, no breaks
    base = receipt()
    long_receipt = ProtocolReceipt(
        **{
            **base.__dict__,
            "description": lines + "\n" + one_line,
            "history": (
                *base.history,
                ReceiptEvent(OPENED, "atendente1", "Observação", lines + "\nFIM DA NOTA"),
            ),
        }
    )
    assert len(long_receipt.description) > 12_000
    text = pdf_text(render_protocol_receipt(long_receipt), tmp_path)
    assert "Linha 0259 do relato" in text
    assert "palavra00999" in text
    assert "FIM DA NOTA" in text
    assert text.count("\f") >= 4
