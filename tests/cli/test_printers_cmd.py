"""``central-assinante printers`` against the real CUPS queues."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.config.station import StationConfig, save_station_config
from tests.conftest_printing import CupsQueues, ensure_cups_queues

pytestmark = pytest.mark.cups


@pytest.fixture
def cups_queues() -> CupsQueues:
    return ensure_cups_queues()


def test_printers_table_marks_the_default(
    cups_queues: CupsQueues, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["printers"]) == 0
    out = capsys.readouterr().out
    lines = {
        line.split()[1] if line.startswith("*") else line.split()[0]: line
        for line in out.splitlines()
        if line.strip()
    }
    assert lines[cups_queues.pdf_queue].startswith("*")
    assert not lines[cups_queues.sink_queue].startswith("*")
    assert " sim" in lines[cups_queues.sink_queue]  # accepting jobs
    assert "impressora padrão do sistema" in out


def test_printers_json_names_the_station_printer(
    cups_queues: CupsQueues, capsys: pytest.CaptureFixture[str]
) -> None:
    save_station_config(StationConfig("sqlite://", "quiosque-1", cups_queues.sink_queue))
    assert main(["printers", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["station_printer"] == cups_queues.sink_queue
    by_name = {p["name"]: p for p in data["printers"]}
    assert by_name[cups_queues.pdf_queue]["default"] is True
    sink = by_name[cups_queues.sink_queue]
    assert (sink["default"], sink["accepting"], sink["reason"]) == (False, True, "")
    assert sink["state"] in {"idle", "printing"}
