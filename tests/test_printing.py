"""desktop.adapters.printing against real CUPS queues (CUPS-PDF and the byte-exact SINK).

Every job is real: it goes through cupsd and a backend; outputs are read back from disk.
Stopping cupsd itself is not tested here (it would break other tests running on the machine);
the code reads ``lpstat -r``'s text for that case.
"""

from __future__ import annotations

import io
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import qrcode
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from desktop.adapters import printing
from desktop.config.paths import data_dir
from desktop.config.station import StationConfig, save_station_config
from desktop.errors import PrinterError
from tests.conftest_printing import CupsQueues, ensure_cups_queues, wait_for_file

pytestmark = pytest.mark.cups


@pytest.fixture
def cups_queues() -> CupsQueues:
    return ensure_cups_queues()


MARKER = "CENTRAL-TESTE-IMPRESSAO 4711"


def make_pdf(text: str = MARKER, qr: str | None = None, pages: int = 1) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in range(pages):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 770, f"{text} - página {page + 1}")
        if qr and page == 0:
            pdf.drawImage(ImageReader(qrcode.make(qr).get_image()), 72, 480, 180, 180)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


@pytest.fixture
def sink_stopped(cups_queues: CupsQueues) -> Iterator[str]:
    run("cupsdisable", "-r", "sem papel", cups_queues.sink_queue)
    try:
        yield cups_queues.sink_queue
    finally:
        run("cupsenable", cups_queues.sink_queue)


def discard(output: Path) -> None:
    """Remove a job's output (and the SINK's title file) once checked: the spool dirs stay small."""
    for path in (output, output.with_suffix(".title")):
        path.unlink(missing_ok=True)


def assert_kept(exc: pytest.ExceptionInfo[PrinterError], pdf: bytes) -> Path:
    assert isinstance(exc.value, printing.DocumentNotPrinted)
    kept = exc.value.kept_path
    assert kept is not None
    assert kept.parent == data_dir() / "nao-impressos"
    assert kept.read_bytes() == pdf
    assert str(kept) in exc.value.message
    return kept


def test_list_printers_shows_the_queues_and_the_default(cups_queues: CupsQueues) -> None:
    found = {p.name: p for p in printing.list_printers()}
    assert found[cups_queues.pdf_queue].is_default
    assert not found[cups_queues.sink_queue].is_default
    for name in (cups_queues.pdf_queue, cups_queues.sink_queue):
        assert found[name].accepting
        assert found[name].state in {"idle", "printing"}


def test_sink_receives_the_exact_bytes(cups_queues: CupsQueues) -> None:
    pdf = make_pdf()
    result = printing.print_pdf(pdf, cups_queues.sink_queue, "Extrato financeiro — Joana")
    assert result.printer == cups_queues.sink_queue
    assert result.job_id is not None and result.job_id.startswith("SINK-")
    assert result.kept_path is None
    assert printing.wait_for_job(result.job_id) == printing.JOB_COMPLETED
    out = cups_queues.sink_output(result.job_id)
    assert out.read_bytes() == pdf
    assert (
        out.with_suffix(".title").read_text(encoding="utf-8").strip()
        == "Extrato financeiro — Joana"
    )
    discard(out)


def test_default_printer_cups_pdf_makes_a_readable_pdf(
    cups_queues: CupsQueues, tmp_path: Path
) -> None:
    result = printing.print_pdf(make_pdf(), None, "boleto teste")  # no station printer: the default
    assert result.printer == cups_queues.pdf_queue
    assert result.job_id is not None
    assert printing.wait_for_job(result.job_id) == printing.JOB_COMPLETED
    out = cups_queues.pdf_output(result.job_id)
    assert out.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert MARKER in text
    discard(out)


def test_station_printer_is_used_when_none_is_given(cups_queues: CupsQueues) -> None:
    save_station_config(StationConfig("sqlite://", "balcao-1", cups_queues.sink_queue))
    pdf = make_pdf()
    result = printing.print_pdf(pdf, "", "recibo")
    assert result.printer == cups_queues.sink_queue
    assert result.job_id is not None
    printing.wait_for_job(result.job_id)
    assert cups_queues.sink_output(result.job_id).read_bytes() == pdf
    discard(cups_queues.sink_output(result.job_id))


def test_missing_printer_keeps_the_document(cups_queues: CupsQueues) -> None:
    pdf = make_pdf()
    with pytest.raises(PrinterError, match="Impressora 'NAO-EXISTE' não encontrada") as exc:
        printing.print_pdf(pdf, "NAO-EXISTE", "Extrato de ligações")
    kept = assert_kept(exc, pdf)
    assert kept.name.endswith("-Extrato-de-ligacoes.pdf")


def test_stopped_printer_keeps_the_document(cups_queues: CupsQueues, sink_stopped: str) -> None:
    pdf = make_pdf()
    with pytest.raises(PrinterError, match=r"'SINK' está parada \(sem papel\)") as exc:
        printing.print_pdf(pdf, sink_stopped, "segunda via")
    assert_kept(exc, pdf)


def test_printer_refusing_jobs_keeps_the_document(cups_queues: CupsQueues) -> None:
    pdf = make_pdf()
    run("cupsreject", "-r", "manutenção", cups_queues.sink_queue)
    try:
        with pytest.raises(PrinterError, match="não está aceitando trabalhos") as exc:
            printing.print_pdf(pdf, cups_queues.sink_queue, "segunda via")
    finally:
        run("cupsaccept", cups_queues.sink_queue)
    assert_kept(exc, pdf)


def test_wait_for_job_reports_a_printer_that_stops(
    cups_queues: CupsQueues, sink_stopped: str
) -> None:
    # Submitted behind printing.py's back (its pre-check refuses a stopped queue).
    lp = subprocess.run(
        ["lp", "-d", sink_stopped, "-"], input=make_pdf(), capture_output=True, check=True
    )
    out = lp.stdout.decode()
    job_id = out.split("request id is ", 1)[1].split()[0]
    try:
        with pytest.raises(PrinterError, match=f"parou.*{job_id} continua na fila"):
            printing.wait_for_job(job_id, timeout_s=5)
    finally:
        subprocess.run(["cancel", job_id], check=False, capture_output=True)


def test_not_a_pdf_is_a_bug() -> None:
    with pytest.raises(ValueError):
        printing.print_pdf(b"hello", "SINK", "x")


def test_qt_path_prints_through_cups(
    cups_queues: CupsQueues, qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The Windows code path (QtPdf render at 300 dpi → QPainter(QPrinter)), run against CUPS."""
    monkeypatch.setenv("CENTRAL_PRINT_BACKEND", "qt")
    title = f"qt-{uuid.uuid4().hex[:8]}"
    payload = f"CENTRAL-QT-{uuid.uuid4().hex[:6]}"
    result = printing.print_pdf(make_pdf(qr=payload, pages=2), cups_queues.sink_queue, title)
    assert result == printing.PrintResult(cups_queues.sink_queue, None)
    assert printing.wait_for_job(result.job_id) == printing.JOB_SUBMITTED

    def find() -> Path | None:
        for title_file in cups_queues.sink_dir.glob("job-*.title"):
            if title_file.read_text(encoding="utf-8").strip() == title:
                return title_file.with_suffix(".bin")
        return None

    out = wait_for_file(find)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info
    assert "(A4)" in info
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-singlefile", str(out), str(tmp_path / "p")],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "--nodbus", "-q", "--raw", str(tmp_path / "p.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert decoded.strip() == payload
    discard(out)


def test_qt_path_missing_printer_keeps_the_document(
    cups_queues: CupsQueues, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CENTRAL_PRINT_BACKEND", "qt")
    pdf = make_pdf()
    with pytest.raises(PrinterError, match="Impressora 'NAO-EXISTE' não encontrada") as exc:
        printing.print_pdf(pdf, "NAO-EXISTE", "recibo")
    assert_kept(exc, pdf)
