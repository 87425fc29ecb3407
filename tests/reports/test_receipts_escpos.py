"""The bytes an 80 mm ESC/POS printer receives for each receipt (python-escpos's Dummy output).

Read back with tests/escpos_stream.py, an independent reader of the ESC/POS commands: the
code table is CP860 and every Portuguese letter arrives as its CP860 byte, the QR code is the
printer's own (GS ( k, model 2, level M) with the right payload, no line is wider than 48
columns (24 in double width), and the paper is cut at the very end.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

from desktop.domain.enums import PaymentMethod
from desktop.reports import receipt_pdf, receipts_escpos
from desktop.reports.protocol_receipt import ProtocolReceipt, ReceiptCompany, ReceiptEvent
from desktop.reports.receipts_escpos import EnablementReceipt, PaymentReceipt
from desktop.reports.sms_slip import SmsAccountSlip
from tests.escpos_stream import parse

COMPANY = ReceiptCompany(
    "Provedor Exemplo Telecomunicações Ltda",
    "06.117.473/0001-50",
    "Avenida Paraná, 1200 - Centro - Paranavaí/PR",
    "(44) 3045-1000",
    "atendimento@exemplo.net.br",
)
PAID_AT = dt.datetime(2026, 12, 7, 14, 3, 9, tzinfo=dt.UTC)  # 11:03 in São Paulo
E2E = "E18236120202612071403s0a1b2c3d4e"


def payment(**changes: object) -> PaymentReceipt:
    values: dict[str, object] = {
        "company": COMPANY,
        "subscriber_name": "João da Conceição Araújo",
        "subscriber_document": "***.982.247-**",
        "description": "Mensalidade 11/2026 — Internet 300 Mega",
        "amount": Decimal("104.90"),
        "paid_at": PAID_AT,
        "method": PaymentMethod.PIX,
        "protocol": "20261207 00000 00042",
        "reference": E2E,
        "due_date": dt.date(2026, 11, 10),
    }
    values.update(changes)
    return PaymentReceipt(**values)  # type: ignore[arg-type]


def enablement() -> EnablementReceipt:
    return EnablementReceipt(
        company=ReceiptCompany("Rede Açaí", "", "", "", ""),
        subscriber_name="Inês Gonçalves",
        subscriber_document="***.982.247-**",
        contract_number="C000123",
        plan="Fibra 500",
        enabled_at=PAID_AT,
        enabled_until=PAID_AT + dt.timedelta(days=3),
        protocol="20261207 00000 00043",
    )


def protocol(history: int = 3) -> ProtocolReceipt:
    return ProtocolReceipt(
        company=COMPANY,
        protocol="20261130 00000 00042",
        opened_at=PAID_AT,
        closed_at=None,
        subscriber_name="Joana D'Arc Ferreira",
        subscriber_document="***.982.247-**",
        type="Habilitação provisória",
        description="Habilitação provisória do plano Internet 300 Mega (contrato C000001). " * 3,
        status="Em andamento",
        contacts=("Joana D'Arc Ferreira", "Sebastião Ferreira"),
        history=tuple(
            ReceiptEvent(PAID_AT, "atendente1", "Segunda via de boleto", f"Boleto {i:02d}/2026")
            for i in range(history)
        ),
        channel="Balcão de atendimento",
    )


def slip() -> SmsAccountSlip:
    return SmsAccountSlip(
        company="Provedor Exemplo Telecomunicações Ltda",
        contract_number="C000777",
        login="sms.c000777",
        password="Xk7#pQ2m",
        credited=5000,
        balance=5000,
        reference="SMSD-2026-000981",
        issued_at=PAID_AT,
        issued_by="suporte1",
    )


def cp860(text: str) -> bytes:
    return text.encode("cp860")


def test_enablement_receipt_is_exactly_these_bytes() -> None:
    """The whole stream, written out by hand from the ESC/POS reference."""
    ESC, GS = b"\x1b", b"\x1d"
    left, center = ESC + b"a\x00", ESC + b"a\x01"
    bold_on, bold_off = ESC + b"E\x01", ESC + b"E\x00"
    big, normal = GS + b"!\x11", GS + b"!\x00"

    def field(label: str, value: str) -> bytes:
        head = f"{label}: "
        return cp860(head + value.rjust(48 - len(head))) + b"\n"

    def qr(payload: bytes) -> bytes:
        def fn(code: bytes, data: bytes) -> bytes:
            size = len(data) + 2
            return GS + b"(k" + bytes([size % 256, size // 256]) + b"1" + code + data

        return (
            fn(b"A", b"2\x00")  # model 2
            + fn(b"C", b"\x06")  # 6 dots per module
            + fn(b"E", b"1")  # error correction M
            + fn(b"P", b"0" + payload)  # store the data
            + fn(b"Q", b"0")  # print it
        )

    expected = (
        ESC
        + b"@"
        + ESC
        + b"t\x03"
        + center
        + bold_on
        + b"Rede A\x87a\xa1\n"
        + left
        + bold_off
        + b"=" * 48
        + b"\n"
        + center
        + bold_on
        + b"HABILITA\x80\x8eO PROVIS\x9fRIA\n"
        + left
        + bold_off
        + b"-" * 48
        + b"\n"
        + field("Assinante", "Inês Gonçalves")
        + field("CPF/CNPJ", "***.982.247-**")
        + field("Contrato", "C000123")
        + field("Plano", "Fibra 500")
        + field("Habilitado em", "07/12/2026 11:03")
        + b"\n"
        + center
        + b"Acesso liberado at\x82\n"
        + bold_on
        + big
        + b"10/12/2026 11:03\n"
        + b"\n"
        + left
        + bold_off
        + normal
        + field("Protocolo", "20261207 00000 00043")
        + b"-" * 48
        + b"\n"
        + center
        + qr(b"202612070000000043")
        + b"Protocolo\n"
        + left
        + b"Se o d\x82bito n\x84o for pago at\x82 essa data, o plano\n"  # 47 columns: " \x82" would pass 48
        + b"\x82 suspenso novamente de forma autom\xa0tica.\n"
        + b"Pagamentos por PIX s\x84o reconhecidos na hora.\n"
        + ESC
        + b"d\x06"
        + GS
        + b"V\x00"
    )
    assert receipts_escpos.enablement_receipt_escpos(enablement()) == expected


def test_every_portuguese_letter_is_its_cp860_byte() -> None:
    letters = "áàâãéêíóôõúüçÁÀÂÃÉÊÍÓÔÕÚÜÇºª"
    data = receipts_escpos.payment_receipt_escpos(payment(subscriber_name=letters))
    stream = parse(data)
    assert stream.commands[:2] == [("init", b""), ("code_table", b"\x03")]
    assert [n for n in stream.names() if n == "code_table"] == ["code_table"]  # never switched
    assert cp860(letters) in data
    assert any(letters in line.text for line in stream.lines)
    # Punctuation CP860 lacks is written plainly, never as '?'.
    assert any("Mensalidade 11/2026 - Internet 300 Mega" in line.text for line in stream.lines)
    assert b"?" not in data


def test_pix_receipt_has_the_e2e_id_in_a_printer_drawn_qr() -> None:
    data = receipts_escpos.payment_receipt_escpos(payment())
    stream = parse(data)
    assert stream.qr_payloads == [E2E.encode()]
    qr = [name for name in stream.names() if name.startswith("qr_")]
    assert qr == ["qr_A", "qr_C", "qr_E", "qr_P", "qr_Q"]  # model, size, level, data, print
    assert dict(stream.commands)["qr_E"] == b"1"  # level M
    text = "\n".join(line.text for line in stream.lines)
    for expected in (
        "COMPROVANTE DE PAGAMENTO",
        "VALOR PAGO R$ 104,90",
        "Pago em:                        07/12/2026 11:03",
        "Vencimento:                           10/11/2026",
        "Forma:                                       PIX",
        "ID da transação (E2E):",
        f"  {E2E}",
        "Protocolo:                  20261207 00000 00042",
        "CPF/CNPJ:                         ***.982.247-**",
    ):
        assert expected in text
    amount = next(line for line in stream.lines if "VALOR PAGO" in line.text)
    assert amount.bold and amount.width == 2 and amount.align == 1


def test_counter_payment_names_the_reference_and_the_operator() -> None:
    data = receipts_escpos.payment_receipt_escpos(
        payment(method=PaymentMethod.CASH, reference="CX-0042", operator="atendente1")
    )
    stream = parse(data)
    text = "\n".join(line.text for line in stream.lines)
    assert "Forma:                                  Dinheiro" in text
    assert "Referência:                              CX-0042" in text
    assert "Recebido por:                         atendente1" in text
    assert "E2E" not in text
    assert stream.qr_payloads == [b"CX-0042"]


def test_lines_fit_48_columns_and_long_text_wraps_at_words() -> None:
    for data in (
        receipts_escpos.protocol_receipt_escpos(protocol()),
        receipts_escpos.payment_receipt_escpos(payment(description="Plano " + "Ultra" * 15)),
        receipts_escpos.enablement_receipt_escpos(enablement()),
        receipts_escpos.sms_slip_escpos(slip()),
    ):
        stream = parse(data)
        assert stream.lines
        for line in stream.lines:
            assert len(line.text) * line.width <= 48, line
    words = parse(receipts_escpos.protocol_receipt_escpos(protocol()))
    texts = [line.text for line in words.lines]
    start = texts.index("Descrição:") + 1
    description = texts[start : texts.index("-" * 48, start)]
    assert len(description) == 5  # three sentences of 70 characters, at 46 per line
    assert all(line.startswith("  ") and not line.endswith(" ") for line in description)
    body = " ".join(line.strip() for line in description)
    assert (
        body
        == ("Habilitação provisória do plano Internet 300 Mega (contrato C000001). " * 3).strip()
    )


def test_protocol_receipt_big_protocol_history_and_cut_at_the_end() -> None:
    data = receipts_escpos.protocol_receipt_escpos(protocol(history=2))
    stream = parse(data)
    big = [line for line in stream.lines if line.width == 2]
    assert [line.text for line in big] == ["20261130 00000 00042"]
    assert stream.qr_payloads == [b"202611300000000042"]
    history = [line.text for line in stream.lines if "Segunda via de boleto" in line.text]
    assert history == [
        "  Segunda via de boleto: Boleto 00/2026",
        "  Segunda via de boleto: Boleto 01/2026",
    ]
    assert stream.commands[-2:] == [("feed", b"\x06"), ("cut", b"\x00")]
    assert data.endswith(b"\x1bd\x06\x1dV\x00")


def test_sms_slip_has_login_and_password_and_no_qr() -> None:
    stream = parse(receipts_escpos.sms_slip_escpos(slip()))
    assert stream.qr_payloads == []  # a password is never put in a code a camera reads
    big = [line.text for line in stream.lines if line.width == 2]
    assert big == ["sms.c000777", "Xk7#pQ2m"]
    text = "\n".join(line.text for line in stream.lines)
    assert "Saldo disponível:                      5.000 SMS" in text


def test_receipts_are_reproducible() -> None:
    assert receipts_escpos.payment_receipt_escpos(payment()) == (
        receipts_escpos.payment_receipt_escpos(payment())
    )


def test_a4_fallback_pdf_says_the_same(tmp_path: Path) -> None:
    path = tmp_path / "pagamento.pdf"
    pdf = receipt_pdf.payment_receipt_pdf(payment())
    assert pdf == receipt_pdf.payment_receipt_pdf(payment())  # invariant
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in ("COMPROVANTE DE PAGAMENTO", "João da Conceição Araújo", E2E, "104,90"):
        assert expected in text
    png = tmp_path / "pagamento"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(png)], check=True
    )
    decoded = subprocess.run(
        ["zbarimg", "--nodbus", "-q", "--raw", str(png) + ".png"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert decoded.strip() == E2E
