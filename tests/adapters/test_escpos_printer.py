"""Receipts reach the printer ``receipt_printer`` names: real sockets, a real pty, real CUPS.

A local TCP listener on a free port stands in for a network printer's raw port (9100); a
pseudo-terminal stands in for a serial port; the SINK queue (a raw CUPS queue writing each job
to a file) for a receipt queue.  What arrives must be the receipt's bytes, unchanged.
Without ``receipt_printer`` the A4 PDF goes to the station's printer as before; a printer
that is missing or fails gives a Portuguese message and the PDF is kept.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.adapters import escpos_printer, printing
from desktop.adapters.escpos_printer import ReceiptTarget, parse_target
from desktop.config.station import (
    StationConfig,
    load_station_config,
    save_station_config,
    station_config_path,
)
from desktop.errors import InvalidInput, PrinterError
from desktop.reports import receipts_escpos
from tests.conftest_printing import CupsQueues, ensure_cups_queues
from tests.reports.test_receipts_escpos import payment


def station(receipt_printer: str, printer: str = "") -> None:
    save_station_config(StationConfig("sqlite://", "quiosque-1", printer, receipt_printer))


class Listener:
    """A one-connection-at-a-time TCP server that keeps everything each client sent."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))  # a free port
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._done.is_set():
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            with conn:
                chunks = []
                while data := conn.recv(65536):
                    chunks.append(data)
                self.received.append(b"".join(chunks))

    def wait_for(self, count: int, timeout_s: float = 10) -> list[bytes]:
        deadline = threading.Event()
        for _ in range(int(timeout_s / 0.02)):
            if len(self.received) >= count:
                return self.received
            deadline.wait(0.02)
        pytest.fail(f"the listener got {len(self.received)} connection(s), not {count}")

    def close(self) -> None:
        self._done.set()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def receipt() -> tuple[bytes, bytes]:
    data = payment()
    from desktop.reports.receipt_pdf import payment_receipt_pdf

    return payment_receipt_pdf(data), receipts_escpos.payment_receipt_escpos(data)


# --------------------------------------------------------------------------- the setting
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "usb:04b8:0e15",
            ReceiptTarget("usb", "USB 04b8:0e15", vendor_id=0x04B8, product_id=0x0E15),
        ),
        (
            "USB:0x0DD4:0x0205",
            ReceiptTarget("usb", "USB 0dd4:0205", vendor_id=0x0DD4, product_id=0x0205),
        ),
        (
            "serial:/dev/ttyS0",
            ReceiptTarget("serial", "porta serial /dev/ttyS0", device="/dev/ttyS0"),
        ),
        (
            "serial:/dev/ttyUSB0:115200",
            ReceiptTarget(
                "serial", "porta serial /dev/ttyUSB0", device="/dev/ttyUSB0", baudrate=115200
            ),
        ),
        (
            "serial:COM3:19200",
            ReceiptTarget("serial", "porta serial COM3", device="COM3", baudrate=19200),
        ),
        ("tcp://10.0.0.50:9100", ReceiptTarget("network", "rede 10.0.0.50:9100", host="10.0.0.50")),
        (
            "tcp://recibo-loja1",
            ReceiptTarget("network", "rede recibo-loja1:9100", host="recibo-loja1"),
        ),
        (
            "10.0.0.51:9101",
            ReceiptTarget("network", "rede 10.0.0.51:9101", host="10.0.0.51", port=9101),
        ),
        ("cups:RECIBO", ReceiptTarget("queue", "fila RECIBO", queue="RECIBO")),
    ],
)
def test_receipt_printer_setting_is_understood(text: str, expected: ReceiptTarget) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("usb:04b8", "hexadecimal"),
        ("usb:xyz:0e15", "hexadecimal"),
        ("serial:", "porta serial"),
        ("serial:/dev/ttyS0:12", "velocidade 12"),
        ("tcp://10.0.0.50:99999", "porta de rede"),
        ("tcp://10.0.0.50:9100/fila", "apenas tcp://"),
        ("cups:", "nome da fila"),
        ("EPSON-TM-T20", "formato não reconhecido"),
    ],
)
def test_a_malformed_setting_is_refused_in_words(text: str, why: str) -> None:
    with pytest.raises(InvalidInput, match="Impressora de recibos inválida") as exc:
        parse_target(text)
    assert why in exc.value.message
    assert "usb:VID:PID" in exc.value.message  # says what would be right


def test_station_ini_keeps_receipt_printer() -> None:
    station("tcp://10.0.0.50:9100", "CUPS-PDF")
    loaded = load_station_config()
    assert (loaded.printer, loaded.receipt_printer) == ("CUPS-PDF", "tcp://10.0.0.50:9100")
    assert "receipt_printer = tcp://10.0.0.50:9100" in station_config_path().read_text()


# --------------------------------------------------------------------------- network
def test_network_printer_receives_exactly_the_receipt(
    listener: Listener, receipt: tuple[bytes, bytes]
) -> None:
    pdf, data = receipt
    station(f"tcp://127.0.0.1:{listener.port}")
    result = printing.print_receipt(pdf, data, "Comprovante de pagamento")
    assert listener.wait_for(1) == [data]
    assert result.printer == f"térmica (rede 127.0.0.1:{listener.port})"
    station(f"127.0.0.1:{listener.port}")  # the short form
    printing.print_receipt(pdf, data, "Comprovante de pagamento")
    assert listener.wait_for(2) == [data, data]
    assert not printing.kept_dir().exists() or not any(printing.kept_dir().iterdir())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_network_printer_off_gives_a_message_and_keeps_the_pdf(
    receipt: tuple[bytes, bytes],
) -> None:
    pdf, data = receipt
    port = free_port()  # nobody listens there: connection refused
    station(f"tcp://127.0.0.1:{port}")
    with pytest.raises(printing.DocumentNotPrinted) as exc:
        printing.print_receipt(pdf, data, "Comprovante de pagamento")
    message = exc.value.message
    assert message.startswith(f"A impressora de recibos (rede 127.0.0.1:{port}) não respondeu")
    assert "Verifique se ela está ligada e na rede." in message
    assert "nada se perdeu" in message
    assert exc.value.kept_path is not None
    assert exc.value.kept_path.read_bytes() == pdf
    assert "Traceback" not in message


def test_a_malformed_setting_when_printing_keeps_the_pdf(receipt: tuple[bytes, bytes]) -> None:
    pdf, data = receipt
    station("impressora-do-balcao")
    with pytest.raises(printing.DocumentNotPrinted, match="Impressora de recibos inválida") as exc:
        printing.print_receipt(pdf, data, "Comprovante de pagamento")
    assert exc.value.kept_path is not None and exc.value.kept_path.read_bytes() == pdf


# --------------------------------------------------------------------------- serial and USB
def test_serial_printer_receives_the_receipt_through_a_pty(receipt: tuple[bytes, bytes]) -> None:
    pdf, data = receipt
    master, slave = os.openpty()
    try:
        station(f"serial:{os.ttyname(slave)}:19200")
        got = bytearray()

        def read() -> None:
            while len(got) < len(data):
                got.extend(os.read(master, 65536))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        result = printing.print_receipt(pdf, data, "Comprovante")
        reader.join(10)
        assert bytes(got) == data
        assert result.printer == f"térmica (porta serial {os.ttyname(slave)})"
    finally:
        os.close(master)
        os.close(slave)


def test_missing_serial_port_is_a_printer_error(receipt: tuple[bytes, bytes]) -> None:
    with pytest.raises(PrinterError, match=r"porta serial /dev/nao-existe\) não pôde ser usada"):
        escpos_printer.send(parse_target("serial:/dev/nao-existe"), receipt[1], "x")


def test_usb_printer_not_plugged_in_is_a_printer_error(receipt: tuple[bytes, bytes]) -> None:
    # No USB printer on this machine (and no USB bus in the container): the message, not a crash.
    with pytest.raises(PrinterError, match=r"A impressora de recibos \(USB 04b8:0e15\)") as exc:
        escpos_printer.send(parse_target("usb:04b8:0e15"), receipt[1], "x")
    assert "Verifique o cabo" in exc.value.message


# --------------------------------------------------------------------------- CUPS
@pytest.fixture
def cups_queues() -> CupsQueues:
    return ensure_cups_queues()


@pytest.mark.cups
def test_raw_cups_queue_gets_the_bytes_unfiltered(
    cups_queues: CupsQueues, receipt: tuple[bytes, bytes]
) -> None:
    pdf, data = receipt
    station(f"cups:{cups_queues.sink_queue}", cups_queues.pdf_queue)
    result = printing.print_receipt(pdf, data, "Comprovante de pagamento")
    assert result.printer == cups_queues.sink_queue and result.job_id
    printing.wait_for_job(result.job_id)
    out = cups_queues.sink_output(result.job_id)
    assert out.read_bytes() == data
    out.unlink()


@pytest.mark.cups
def test_without_receipt_printer_the_pdf_goes_to_the_a4_printer(
    cups_queues: CupsQueues, receipt: tuple[bytes, bytes]
) -> None:
    pdf, data = receipt
    station("", cups_queues.sink_queue)
    result = printing.print_receipt(pdf, data, "Comprovante de pagamento")
    assert result.printer == cups_queues.sink_queue and result.job_id
    printing.wait_for_job(result.job_id)
    out = cups_queues.sink_output(result.job_id)
    assert out.read_bytes() == pdf
    out.unlink()


@pytest.mark.cups
def test_unknown_receipt_queue_keeps_the_pdf(
    cups_queues: CupsQueues, receipt: tuple[bytes, bytes]
) -> None:
    pdf, data = receipt
    station("cups:RECIBO-NAO-EXISTE", cups_queues.pdf_queue)
    with pytest.raises(printing.DocumentNotPrinted, match="'RECIBO-NAO-EXISTE' não encontrada"):
        printing.print_receipt(pdf, data, "Comprovante")
    kept = list(Path(printing.kept_dir()).iterdir())
    assert [p.read_bytes() for p in kept] == [pdf]
