"""The one place that talks to printers.

Documents are PDF bytes (reportlab); they go straight to a printer, never through a dialog
(the kiosk has nobody to click it).  Two backends:

* **CUPS** (Linux, macOS): the command-line tools ``lpstat`` and ``lp``.  They ship with every
  CUPS install, need no compiled binding (pycups has no wheels) and speak the user's CUPS
  configuration (``CUPS_SERVER``, ``lpoptions``) exactly as the desktop does.  Their output is
  parsed in the C locale.
* **Qt print support** (Windows): :mod:`desktop.adapters.qt_printing`, imported lazily so importing
  this module never imports Qt (the command line and the services stay Qt-free).

``CENTRAL_PRINT_BACKEND=qt|cups`` overrides the choice (tests run the Qt path on CUPS with it).

Nothing is lost when printing fails: the PDF is saved first under
``data_dir()/nao-impressos/`` and the :class:`DocumentNotPrinted` message says where.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.adapters.printer_info import PrinterInfo
from desktop.config.paths import data_dir
from desktop.config.station import load_station_config
from desktop.domain import clock
from desktop.errors import PrinterError, UserError

log = logging.getLogger(__name__)

KEPT_DIR_NAME = "nao-impressos"
JOB_COMPLETED = "completed"
JOB_SUBMITTED = "submitted"  # Qt backend: handed to the spooler, no job id to follow

STATE_LABELS = {"idle": "ociosa", "printing": "imprimindo", "stopped": "parada", "unknown": "?"}

CUPS_DOWN = "printing.cups_nao_responde"
NO_PRINTER = "printing.nenhuma_impressora_definida"
_COMMAND_TIMEOUT_S = 20.0
# CUPS queue names: printable characters except space, '/', '#', '\\' and quotes; an instance
# may follow after one '/'.  A leading '-' would read as an option to lp/lpstat.
_NAME = re.compile(r"[^\s/#\\'\"-][^\s/#\\'\"]*(/[^\s/#\\'\"]+)?")


@dataclass(frozen=True)
class PrintResult:
    printer: str
    job_id: str | None  # CUPS request id ("SINK-12"); None through Qt (no id to follow)
    kept_path: Path | None = None  # None: printed; nothing needed keeping


class DocumentNotPrinted(PrinterError):
    """The document did not reach the printer; it was saved at ``kept_path`` (if possible)."""

    def __init__(self, code: str, kept_path: Path | None, /, **params: object) -> None:
        super().__init__(code, **params)
        self.kept_path = kept_path


# --------------------------------------------------------------------------- public API
def backend() -> str:
    """``"qt"`` on Windows, ``"cups"`` elsewhere; ``CENTRAL_PRINT_BACKEND`` overrides."""
    forced = os.environ.get("CENTRAL_PRINT_BACKEND", "").strip().lower()
    if forced in {"qt", "cups"}:
        return forced
    return "qt" if sys.platform == "win32" else "cups"


def list_printers() -> list[PrinterInfo]:
    """Every printer this machine can print to, the system default marked."""
    if backend() == "qt":
        from desktop.adapters import qt_printing

        return qt_printing.list_printers()
    return _cups_list_printers()


def print_pdf(pdf: bytes, printer: str | None, title: str, copies: int = 1) -> PrintResult:
    """Send ``pdf`` to ``printer`` without a dialog.

    ``printer`` None or "" means this station's printer (``station.ini``), else the system
    default.  Raises :class:`DocumentNotPrinted` (a ``PrinterError``) when the printer is
    missing, stopped or refuses the job, after saving the PDF under ``nao-impressos``.
    """
    if not pdf.startswith(b"%PDF-"):
        raise ValueError("print_pdf expects the bytes of a PDF document")
    if copies < 1:
        raise ValueError("copies must be at least 1")
    title = _clean_title(title)
    try:
        if backend() == "qt":
            return _qt_print(pdf, printer, title, copies)
        return _cups_print(pdf, printer, title, copies)
    except DocumentNotPrinted:
        raise
    except PrinterError as exc:
        path, problem = _keep(pdf, title)
        if path:
            raise DocumentNotPrinted(
                "printing.documento_guardado", path, cause=exc, path=path
            ) from exc
        raise DocumentNotPrinted(
            "printing.documento_nao_guardado", path, cause=exc, problem=problem
        ) from exc
    except Exception:
        path, _problem = _keep(pdf, title)  # a bug: keep the document, then crash as usual
        log.error("printing failed unexpectedly; document kept at %s", path)
        raise


def wait_for_job(job_id: str | None, timeout_s: float = 30) -> str:
    """Wait until a submitted job has left the queue; return ``"completed"``.

    Raises ``PrinterError`` if the printer stops with the job still queued, if the job is
    unknown, or after ``timeout_s`` (the job then stays queued).  ``None`` (the Qt backend,
    which gives no job id) returns ``"submitted"`` at once.  ``lpstat`` lists cancelled jobs
    with the completed ones, so a job cancelled by hand also counts as completed.
    """
    if job_id is None:
        return JOB_SUBMITTED
    queue = job_id.rsplit("-", 1)[0]
    if not _NAME.fullmatch(queue):
        raise PrinterError("printing.trabalho_impressao_invalido", job_id=job_id)
    deadline = time.monotonic() + timeout_s
    while True:
        if job_id not in _cups_job_ids("not-completed", queue):
            if job_id in _cups_job_ids("completed", queue):
                return JOB_COMPLETED
            raise PrinterError("printing.trabalho_impressao_nao_fila", job_id=job_id)
        status = _cups_status(queue)
        if status is not None and status.state == "stopped":
            reason = f" ({status.reason})" if status.reason else ""
            raise PrinterError(
                "printing.impressora_parou_trabalho_continua",
                queue=queue,
                reason=reason,
                job_id=job_id,
            )
        if time.monotonic() >= deadline:
            raise PrinterError(
                "printing.trabalho_ainda_nao_saiu", job_id=job_id, timeout_s=timeout_s, queue=queue
            )
        time.sleep(0.1)


def kept_dir() -> Path:
    return data_dir() / KEPT_DIR_NAME


def print_receipt(pdf: bytes, receipt: bytes, title: str) -> PrintResult:
    """A short document (SPEC §3): to this station's receipt printer, else as an A4 PDF.

    ``receipt`` is the ESC/POS rendering (``desktop.reports.receipts_escpos``), ``pdf`` the A4
    one.  With ``receipt_printer`` set in ``station.ini`` the receipt goes there; when that
    printer is missing or fails, the **PDF** is kept under ``nao-impressos`` (it can be saved
    or printed on the A4 printer: nothing is lost) and :class:`DocumentNotPrinted` says so.
    Without ``receipt_printer``, :func:`print_pdf` to the station's printer as before.
    """
    setting = load_station_config().receipt_printer
    if not setting:
        return print_pdf(pdf, None, title)
    from desktop.adapters import escpos_printer

    title = _clean_title(title)
    try:
        target = escpos_printer.parse_target(setting)
        if target.kind == "queue" and backend() == "cups":
            return print_raw(receipt, target.queue, title)
        escpos_printer.send(target, receipt, title)
        return PrintResult(printer=f"térmica ({target.label})", job_id=None)
    except UserError as exc:  # a malformed setting, or the printer failed
        path, problem = _keep(pdf, title)
        if path:
            raise DocumentNotPrinted(
                "printing.comprovante_guardado", path, cause=exc, path=path
            ) from exc
        raise DocumentNotPrinted(
            "printing.comprovante_nao_guardado", path, cause=exc, problem=problem
        ) from exc


def print_raw(data: bytes, queue: str, title: str) -> PrintResult:
    """Bytes for the printer itself (an ESC/POS receipt) to a CUPS queue, through no filter
    (``lp -o raw``).  ``PrinterError`` as for :func:`print_pdf` (nothing is kept here)."""
    _cups_require_scheduler()
    name = queue.strip()
    _cups_check_queue(name)
    return _cups_submit(name, ["lp", "-d", name, "-t", _clean_title(title), "-o", "raw", "-"], data)


# --------------------------------------------------------------------------- helpers
def _clean_title(title: str) -> str:
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in title).split())
    return text[:120] or "documento"


def _keep(pdf: bytes, title: str) -> tuple[Path | None, str]:
    """Save the document that could not be printed; return (path, "") or (None, problem)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_title).strip("-_")[:60] or "documento"
    stamp = clock.to_local(clock.utcnow()).strftime("%Y%m%d-%H%M%S")
    try:
        folder = kept_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            path = folder / (f"{stamp}-{slug}.pdf" if n == 1 else f"{stamp}-{slug}-{n}.pdf")
            try:
                with path.open("xb") as fh:
                    fh.write(pdf)
            except FileExistsError:
                continue
            log.warning("document not printed, kept at %s", path)
            return path, ""
        return None, "nomes de arquivo esgotados"
    except OSError as exc:
        log.error("document not printed and could not be kept: %s", exc)
        return None, str(exc)


def _resolve(printer: str | None, system_default: Callable[[], str | None]) -> str:
    """The printer asked for, else this station's (``station.ini``), else the system default."""
    chosen = (printer or "").strip() or load_station_config().printer.strip()
    if chosen:
        return chosen
    default = system_default()
    if default:
        return default
    raise PrinterError(NO_PRINTER)


# --------------------------------------------------------------------------- Qt (Windows)
def _qt_print(pdf: bytes, printer: str | None, title: str, copies: int) -> PrintResult:
    from desktop.adapters import qt_printing

    name = _resolve(printer, qt_printing.default_printer_name)
    qt_printing.print_pdf(pdf, name, title, copies)
    return PrintResult(printer=name, job_id=None)


# --------------------------------------------------------------------------- CUPS
def _run(args: list[str], data: bytes | None = None) -> tuple[int, str, str]:
    """Run a CUPS tool in the C locale (its messages are parsed); (returncode, out, err)."""
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8" if sys.platform.startswith("linux") else "en_US.UTF-8"
    try:
        done = subprocess.run(
            args,
            input=data if data is not None else b"",
            capture_output=True,
            env=env,
            timeout=_COMMAND_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError:
        raise PrinterError("printing.programa_impressao_cups_nao", args=args[0]) from None
    except subprocess.TimeoutExpired:
        raise PrinterError(CUPS_DOWN) from None
    except OSError as exc:
        raise PrinterError("printing.nao_possivel_chamar_cups", args=args[0], exc=exc) from None
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    if "scheduler is not running" in (out + err).lower():
        raise PrinterError(CUPS_DOWN)
    return done.returncode, out, err


def _cups_require_scheduler() -> None:
    # NB: ``lpstat -r`` exits 0 even when the scheduler is down; only its text tells.
    _rc, out, _err = _run(["lpstat", "-r"])
    if "scheduler is running" not in out:
        raise PrinterError(CUPS_DOWN)


def _cups_default() -> str | None:
    _rc, out, _err = _run(["lpstat", "-d"])
    match = re.search(r"system default destination: (\S+)", out)
    return match.group(1) if match else None


def _cups_destinations() -> list[str]:
    _rc, out, _err = _run(["lpstat", "-e"])
    return [line.strip() for line in out.splitlines() if line.strip()]


_LPSTAT_STATES = {"is idle": "idle", "now printing": "printing", "disabled": "stopped"}


def _parse_states(text: str) -> dict[str, tuple[str, str]]:
    """``lpstat -p`` → {queue: (state, reason)}."""
    states: dict[str, tuple[str, str]] = {}
    current = ""
    for line in text.splitlines():
        match = re.match(r"printer (\S+) (is idle|now printing|disabled)", line)
        if match:
            current = match.group(1)
            states[current] = (_LPSTAT_STATES[match.group(2)], "")
        elif line.startswith("\t") and current:
            state, reason = states[current]
            extra = line.strip()
            if extra and extra.lower() not in {"paused", "reason unknown"}:
                states[current] = (state, f"{reason}; {extra}" if reason else extra)
    return states


def _parse_accepting(text: str) -> dict[str, tuple[bool, str]]:
    """``lpstat -a`` → {queue: (accepting, reason)}."""
    result: dict[str, tuple[bool, str]] = {}
    current = ""
    for line in text.splitlines():
        match = re.match(r"(\S+) (not )?accepting requests", line)
        if match:
            current = match.group(1)
            result[current] = (match.group(2) is None, "")
        elif line.startswith("\t") and current:
            accepting, reason = result[current]
            extra = line.strip()
            if extra and extra.lower() not in {"rejecting jobs", "reason unknown"}:
                result[current] = (accepting, f"{reason}; {extra}" if reason else extra)
    return result


def _cups_status(queue: str) -> PrinterInfo | None:
    """State of one local queue; None when CUPS has no such queue."""
    base = queue.split("/", 1)[0]
    rc, out, _err = _run(["lpstat", "-p", base])
    states = _parse_states(out)
    if rc != 0 or base not in states:
        return None
    _rc, out_a, _err = _run(["lpstat", "-a", base])
    accepting, why_not = _parse_accepting(out_a).get(base, (True, ""))
    state, reason = states[base]
    return PrinterInfo(queue, False, state, accepting, reason if state == "stopped" else why_not)


def _cups_list_printers() -> list[PrinterInfo]:
    _cups_require_scheduler()
    default = _cups_default()
    _rc, out_p, _err = _run(["lpstat", "-p"])
    _rc, out_a, _err = _run(["lpstat", "-a"])
    states, accepting = _parse_states(out_p), _parse_accepting(out_a)
    names = _cups_destinations()
    names += [name for name in states if name not in names]
    printers = []
    for name in names:
        base = name.split("/", 1)[0]
        state, reason = states.get(base, ("unknown", ""))
        ok, why_not = accepting.get(base, (True, ""))
        printers.append(
            PrinterInfo(name, name == default, state, ok, reason if state == "stopped" else why_not)
        )
    return printers


def _cups_job_ids(which: str, queue: str) -> set[str]:
    rc, out, err = _run(["lpstat", "-W", which, "-o", queue])
    if rc != 0:
        _cups_require_scheduler()  # with cupsd down lpstat only says "Invalid destination"
        raise PrinterError(
            "printing.nao_possivel_consultar_fila", queue=queue, out=err.strip() or out.strip()
        )
    return {line.split()[0] for line in out.splitlines() if line and not line[0].isspace()}


def _cups_print(pdf: bytes, printer: str | None, title: str, copies: int) -> PrintResult:
    _cups_require_scheduler()
    name = _resolve(printer, _cups_default)
    _cups_check_queue(name)
    args = ["lp", "-d", name, "-t", title, "-n", str(copies), "-o", "media=A4", "-"]
    return _cups_submit(name, args, pdf)


def _cups_check_queue(name: str) -> None:
    """``PrinterError`` unless ``name`` is a queue that takes jobs now."""
    if not _NAME.fullmatch(name):
        raise PrinterError("printing.impressora_nao_encontrada", name=name)
    status = _cups_status(name)
    if status is None:
        # Not a local queue: it may still be a destination CUPS creates on demand (IPP
        # Everywhere printers found on the network), which ``lpstat -e`` lists.
        if name not in _cups_destinations():
            raise PrinterError("printing.impressora_nao_encontrada", name=name)
    elif status.state == "stopped":
        reason = f" ({status.reason})" if status.reason else ""
        raise PrinterError("printing.impressora_parada", name=name, reason=reason)
    elif not status.accepting:
        reason = f" ({status.reason})" if status.reason else ""
        raise PrinterError("printing.impressora_nao_aceitando_trabalhos", name=name, reason=reason)


def _cups_submit(name: str, args: list[str], data: bytes) -> PrintResult:
    rc, out, err = _run(args, data=data)
    if rc != 0:
        detail = (err.strip() or out.strip()).removeprefix("lp: ").removeprefix("Error - ")
        raise PrinterError("printing.impressora_recusou_documento", name=name, detail=detail)
    match = re.search(r"request id is (\S+)", out)
    if match is None:  # submitted all the same: do not make the person print it twice
        log.warning("lp gave no request id: %r", out)
    return PrintResult(printer=name, job_id=match.group(1) if match else None)
