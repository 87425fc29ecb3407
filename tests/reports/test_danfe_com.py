"""DANFE-COM: text through pdftotext, the QR code through zbarimg, pages, reproducible bytes."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain import fiscal
from desktop.reports.danfe_com import render_danfe_com
from tests.factories import CNPJ, CPFS
from tests.nfcom_factories import install_certificate, nfcom_proc


@pytest.fixture(autouse=True)
def _certificate() -> None:
    install_certificate()


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "danfe.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _qr_codes(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "danfe.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(path),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    done = subprocess.run(
        [
            "zbarimg",
            "--nodbus",
            "-q",
            "--raw",
            "-Sdisable",
            "-Sqrcode.enable",
            str(tmp_path / "page.png"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_key_total_notice_and_qr(tmp_path: Path) -> None:
    info = fiscal.parse_nfcom(
        nfcom_proc(CPFS[0], name="Maria Aparecida Gonçalves", number=123, amount="1234.56")
    )
    pdf = render_danfe_com(info)
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf, tmp_path)
    assert fiscal.format_key(info.access_key) in text
    assert "1.234,56" in text
    assert "EMITIDA EM AMBIENTE DE HOMOLOGAÇÃO - SEM VALOR FISCAL" in text
    assert "DANFE-COM" in text and "Nº 123" in text
    assert "Maria Aparecida Gonçalves" in text and "529.982.247-25" in text
    assert info.protocol is not None and info.protocol.number in text
    assert "Página 1 de 1" in text
    assert _qr_codes(pdf, tmp_path) == [info.qr_code_url]


def test_production_has_no_notice(tmp_path: Path) -> None:
    info = fiscal.parse_nfcom(nfcom_proc(CNPJ, name="Empresa Cliente Ltda", environment="1"))
    text = _text(render_danfe_com(info), tmp_path)
    assert "HOMOLOGAÇÃO" not in text and "SEM VALOR FISCAL" not in text
    assert "1 - Produção" in text and "11.222.333/0001-81" in text


def test_many_items_continue_on_more_pages(tmp_path: Path) -> None:
    lines = tuple(
        fiscal.Line(f"S{n}", f"Serviço adicional número {n}", Decimal("1.00")) for n in range(1, 71)
    )
    info = fiscal.parse_nfcom(nfcom_proc(CPFS[0], lines=lines))
    pdf = render_danfe_com(info)
    text = _text(pdf, tmp_path)
    assert "Página 1 de 2" in text and "Página 2 de 2" in text
    assert "(continuação)" in text
    assert "Serviço adicional número 70" in text and "70,00" in text
    assert _qr_codes(pdf, tmp_path) == [info.qr_code_url]


def test_same_invoice_same_bytes() -> None:
    info = fiscal.parse_nfcom(nfcom_proc(CPFS[0]))
    assert render_danfe_com(info) == render_danfe_com(info)
