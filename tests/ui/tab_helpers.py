"""Shared by the statement/document tab tests: the station printer and real CUPS queues."""

from __future__ import annotations

from pathlib import Path

from desktop.adapters import printing
from desktop.config.station import StationConfig, save_station_config
from tests.conftest_printing import CupsQueues, ensure_cups_queues

MISSING_PRINTER = "NAO-EXISTE"


def plain(text: str) -> str:
    """babel puts a no-break space after R$."""
    return text.replace("\xa0", " ")


def use_station_printer(name: str) -> None:
    """This station's printer, as ``station.ini`` in the test's CENTRAL_CONFIG_DIR says."""
    save_station_config(StationConfig("sqlite://", "balcao-teste", name))


def sink_printer() -> CupsQueues:
    """The real CUPS ``SINK`` queue (byte-exact output) as this station's printer."""
    queues = ensure_cups_queues()
    use_station_printer(queues.sink_queue)
    return queues


def missing_printer() -> str:
    """A station printer CUPS does not know (CUPS itself is up)."""
    ensure_cups_queues()
    use_station_printer(MISSING_PRINTER)
    return MISSING_PRINTER


def sink_job_bytes(queues: CupsQueues, job_id: str) -> bytes:
    """Wait for the job to leave the queue, return what the printer got, clean the spool."""
    assert printing.wait_for_job(job_id) == printing.JOB_COMPLETED
    out = queues.sink_output(job_id)
    data = out.read_bytes()
    for path in (out, out.with_suffix(".title")):
        path.unlink(missing_ok=True)
    return data


def kept_files() -> list[Path]:
    folder = printing.kept_dir()
    return sorted(folder.glob("*.pdf")) if folder.exists() else []
