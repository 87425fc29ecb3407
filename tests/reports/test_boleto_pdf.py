"""The boleto PDF, read back the way a bank and a phone would: rendered with pdftoppm and
decoded with zbarimg (poppler-utils and zbar-tools are installed by .ci/run)."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import re
import subprocess
import zlib
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain import febraban, pix
from desktop.reports.boleto import (
    BoletoDocument,
    Party,
    UpdatedAmount,
    render_boleto,
    render_boletos,
)
from desktop.reports.qr import qr_matrix

VECTORS = json.loads(
    (Path(__file__).parent.parent / "data" / "boleto_vectors.json").read_text(encoding="utf-8")
)["vectors"]
BANK_NAMES = {
    "001": "Banco do Brasil",
    "237": "Bradesco",
    "341": "Itaú",
    "104": "Caixa",
    "756": "Sicoob",
}
BANK_DV = {"001": "001-9", "237": "237-2", "341": "341-7", "104": "104-0", "756": "756-0"}


def document(vector: dict[str, str], *, with_pix: bool = True, **changes: object) -> BoletoDocument:
    amount = Decimal(vector["amount"])
    payload = (
        pix.static_payload(
            "financeiro@exemplo.net.br",
            "EXEMPLO NET",
            "PARANAVAI",
            amount=amount,
            txid="BOL" + vector["free_field"][:20],
        )
        if with_pix
        else ""
    )
    doc = BoletoDocument(
        bank_code_dv=BANK_DV[vector["bank"]],
        bank_name=BANK_NAMES[vector["bank"]],
        barcode=vector["barcode"],
        digitable_line=vector["linha_digitavel_formatted"],
        payment_place="Pagável em qualquer banco até o vencimento. Após o vencimento, em qualquer banco até 08/12/2025.",
        due_date=dt.date.fromisoformat(vector["due_date"]),
        amount=amount,
        beneficiary=Party(
            "Provedor Exemplo Telecomunicações Ltda",
            "06.117.473/0001-50",
            ("Avenida Paraná, 1200 - Centro - Paranavaí/PR",),
        ),
        agency_code="1234-5 / 12345678-9",
        nosso_numero="12345670000000042",
        document_number="42",
        document_date=dt.date(2025, 10, 1),
        processing_date=dt.date(2025, 10, 1),
        wallet="17",
        payer=Party(
            "Maria da Silva",
            "529.982.247-25",
            ("Rua das Flores, 10", "Centro, Paranavaí - PR, CEP 87700-000"),
        ),
        instructions=(
            "Após o vencimento, cobrar multa de 2,00% e juros de 1,00% ao mês.",
            "Não receber após 08/12/2025.",
        ),
        statement_lines=("Internet 300 Mega — referência 10/2025",),
        pix_payload=payload,
        updated=UpdatedAmount(
            dt.date(2025, 10, 20), Decimal("2.00"), Decimal("0.33"), amount + Decimal("2.33")
        ),
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def decode(pdf: bytes, tmp_path: Path, page: int = 1) -> list[str]:
    """``pdftoppm -r 200`` then ``zbarimg``: the symbols found, as ``TYPE:value`` lines."""
    source = tmp_path / "boleto.pdf"
    source.write_bytes(pdf)
    prefix = tmp_path / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(source),
            str(prefix),
        ],
        check=True,
    )
    done = subprocess.run(
        ["zbarimg", "--nodbus", "-q", str(prefix) + ".png"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 4), done.stderr  # 4: no symbol at all
    return sorted(done.stdout.splitlines())


@pytest.mark.parametrize("vector", VECTORS, ids=[v["due_date"] for v in VECTORS])
def test_barcode_and_pix_decode_back(vector: dict[str, str], tmp_path: Path) -> None:
    doc = document(vector)
    pdf = render_boleto(doc)
    assert pdf.startswith(b"%PDF-")
    assert decode(pdf, tmp_path) == sorted(
        [f"I2/5:{vector['barcode']}", f"QR-Code:{doc.pix_payload}"]
    )
    # the payload read from the paper is a valid BR Code for the boleto's amount
    assert pix.parse(doc.pix_payload).amount == Decimal(vector["amount"])


def test_without_pix_only_the_barcode(tmp_path: Path) -> None:
    pdf = render_boleto(document(VECTORS[1], with_pix=False))
    assert decode(pdf, tmp_path) == [f"I2/5:{VECTORS[1]['barcode']}"]


def test_several_boletos_one_page_each(tmp_path: Path) -> None:
    docs = [document(v) for v in VECTORS[:3]]
    pdf = render_boletos(docs)
    (tmp_path / "all.pdf").write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "all.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M)
    assert "A4" in info
    for page, doc in enumerate(docs, start=1):
        assert f"I2/5:{doc.barcode}" in decode(pdf, tmp_path, page)


def test_pdf_is_reproducible() -> None:
    doc = document(VECTORS[0])
    assert render_boleto(doc) == render_boleto(doc)


def test_printed_fields(tmp_path: Path) -> None:
    doc = document(VECTORS[0])
    path = tmp_path / "b.pdf"
    path.write_bytes(render_boleto(doc))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "RECIBO DO PAGADOR",
        "FICHA DE COMPENSAÇÃO",
        "Autenticação mecânica",
        "001-9",
        VECTORS[0]["linha_digitavel_formatted"],
        "Local de pagamento",
        "Vencimento",
        "21/02/2025",
        "Agência / Código do beneficiário",
        "Data do documento",
        "Nosso número",
        "12345670000000042",
        "(=) Valor do documento",
        "1.234,56",
        "Instruções",
        "multa de 2,00%",
        "Maria da Silva",
        "529.982.247-25",
        "Pague com PIX",
        "Valor atualizado para pagamento em 20/10/2025: R$ 1.236,89",
    ):
        assert expected in text, expected


def test_long_texts_stay_in_their_boxes(tmp_path: Path) -> None:
    long_name = (
        "Associação Comunitária dos Moradores do Loteamento Jardim das Palmeiras Imperiais " * 2
    )
    doc = document(
        VECTORS[4],
        payer=Party(long_name, "11.222.333/0001-81", ("Rua " + "muito " * 40,)),
        beneficiary=Party(long_name, "06.117.473/0001-50", ("Endereço " * 30,)),
        instructions=tuple(f"Instrução número {i} " * 6 for i in range(12)),
    )
    pdf = render_boleto(doc)
    assert decode(pdf, tmp_path) == sorted(
        [f"I2/5:{VECTORS[4]['barcode']}", f"QR-Code:{doc.pix_payload}"]
    )


def test_a_barcode_that_is_not_44_digits_is_a_bug() -> None:
    with pytest.raises(ValueError, match="44 digits"):
        render_boleto(document(VECTORS[0], barcode="123"))
    with pytest.raises(ValueError):
        render_boletos([])


def test_the_line_printed_matches_the_barcode() -> None:
    for vector in VECTORS:
        doc = document(vector)
        assert febraban.barcode_from_line(doc.digitable_line) == doc.barcode


def test_the_qr_is_one_sharp_image_mask_of_qrcodes_matrix() -> None:
    """In the page's content stream the QR is an inline 1-bit image mask, not interpolated,
    whose samples are the modules of qrcode's matrix (quiet zone included)."""
    doc = document(VECTORS[0])
    pdf = render_boleto(doc)
    stream = re.search(rb"stream\r?\n(.*?)endstream", pdf, re.S)
    assert stream is not None  # the page content: ASCII85, then Flate
    content = zlib.decompress(base64.a85decode(b"<~" + stream.group(1).strip(), adobe=True))
    images = re.findall(
        rb"BI /W (\d+) /H (\d+) /IM true /D \[1 0\] /I false /F /AHx ID ([0-9a-f]*)> EI", content
    )
    assert len(images) == 1
    width, height, samples = images[0]
    matrix = qr_matrix(doc.pix_payload)
    assert int(width) == int(height) == len(matrix)
    row_bytes = (len(matrix) + 7) // 8
    packed = bytes.fromhex(samples.decode())
    assert len(packed) == row_bytes * len(matrix)
    for r, row in enumerate(matrix):
        bits = int.from_bytes(packed[r * row_bytes : (r + 1) * row_bytes])
        bits >>= 8 * row_bytes - len(row)  # the padding bits of the row
        assert [bool(bits >> (len(row) - 1 - c) & 1) for c in range(len(row))] == row


@pytest.mark.parametrize("dpi", [150, 300])
def test_the_qr_decodes_at_other_resolutions(dpi: int, tmp_path: Path) -> None:
    doc = document(VECTORS[2])
    (tmp_path / "b.pdf").write_bytes(render_boleto(doc))
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            str(tmp_path / "b.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    done = subprocess.run(
        ["zbarimg", "--nodbus", "-q", str(tmp_path / "p.png")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"QR-Code:{doc.pix_payload}" in done.stdout.splitlines()
