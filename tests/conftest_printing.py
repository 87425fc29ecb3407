"""Real CUPS queues for tests: call ``ensure_cups_queues()`` from a fixture where printing is tested.

``.ci/cups-setup.sh`` creates them: ``CUPS-PDF`` (the default; cups-pdf writes real PDFs) and
``SINK`` (a raw queue whose backend writes each job byte-for-byte to a file).  The fixture runs
that script when the queues are not ready and **fails** (never skips) if it cannot: CI must not
pass by leaving printing out.
"""

from __future__ import annotations

import functools
import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP_SCRIPT = ROOT / ".ci" / "cups-setup.sh"
PDF_QUEUE = "CUPS-PDF"
SINK_QUEUE = "SINK"
ENV = {**os.environ, "LC_ALL": "C.UTF-8"}


@dataclass(frozen=True)
class CupsQueues:
    pdf_queue: str  # the system default
    sink_queue: str
    pdf_out: Path  # cups-pdf's "Out" directory
    sink_dir: Path  # SINK writes job-<n>.bin (the bytes) and job-<n>.title

    def sink_output(self, job_id: str) -> Path:
        return self.sink_dir / f"job-{job_id.rsplit('-', 1)[1]}.bin"

    def pdf_output(self, job_id: str, timeout_s: float = 30) -> Path:
        """cups-pdf names its file ``<title>...job_<n>.pdf``; wait for it to be written."""
        number = job_id.rsplit("-", 1)[1]
        return wait_for_file(
            lambda: next(iter(self.pdf_out.glob(f"*job_{number}.pdf")), None), timeout_s
        )


def wait_for_file(find: Callable[[], Path | None], timeout_s: float = 30) -> Path:
    """Poll ``find()`` until it returns an existing path (no timing assertion, only a bound)."""
    deadline = time.monotonic() + timeout_s
    while True:
        path = find()
        if path is not None and path.exists():
            return path
        if time.monotonic() > deadline:
            pytest.fail(f"no output file after {timeout_s} s", pytrace=False)
        time.sleep(0.05)


def lpstat(*args: str) -> str:
    done = subprocess.run(["lpstat", *args], capture_output=True, text=True, env=ENV, check=False)
    return done.stdout


def _queues_ready() -> bool:
    if "scheduler is running" not in lpstat("-r"):
        return False
    queues = f"{PDF_QUEUE},{SINK_QUEUE}"  # lpstat takes one comma-separated list
    states, accepting = lpstat("-p", queues), lpstat("-a", queues)
    return all(
        f"printer {q} is idle" in states or f"printer {q} now printing" in states
        for q in (PDF_QUEUE, SINK_QUEUE)
    ) and all(f"{q} accepting requests" in accepting for q in (PDF_QUEUE, SINK_QUEUE))


def _setting(conf: Path, key: str) -> str:
    for line in conf.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key} "):
            return line.split(None, 1)[1].strip()
    return ""


@functools.cache
def ensure_cups_queues() -> CupsQueues:
    """Once per session: make sure the queues are ready (``pytest.fail`` if they cannot be)."""
    if not _queues_ready():
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            pytest.fail(f"CUPS queues missing; run `sudo {SETUP_SCRIPT}` first", pytrace=False)
        done = subprocess.run(
            ["bash", str(SETUP_SCRIPT)], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0 or not _queues_ready():
            pytest.fail(
                f"{SETUP_SCRIPT} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}",
                pytrace=False,
            )
    device = lpstat("-v", SINK_QUEUE)  # "device for SINK: harness:/var/spool/central-sink"
    sink_dir = Path(device.strip().split("harness:", 1)[1])
    pdf_out = Path(_setting(Path("/etc/cups/cups-pdf.conf"), "Out"))
    return CupsQueues(PDF_QUEUE, SINK_QUEUE, pdf_out, sink_dir)
