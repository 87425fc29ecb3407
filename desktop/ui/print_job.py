"""THE print job: every document the interface prints goes through :func:`print_job`.

A document is built in the worker (PDF bytes, and for a short receipt its ESC/POS bytes too),
sent to this station's printer through ``desktop.adapters.printing`` (``station.ini``, else the system
default; the receipt printer when one is configured) and the outcome lands in a
:class:`~desktop.ui.result_bar.ResultBar`: "Enviado para a impressora X", or the printer's
message with *Salvar PDF…* (a failing printer keeps the PDF under ``nao-impressos``; the
bytes reach the GUI, so nothing is lost).  A second click while the same job runs prints once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.adapters import printing
from desktop.domain.changes import OpChanges, recording
from desktop.errors import PrinterError
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop.ui.result_bar import ResultBar


@dataclass(frozen=True)
class Document:
    """A document to print, made in the worker."""

    pdf: bytes
    title: str  # the print job's title (and the file name offered by *Salvar PDF…*)
    receipt: bytes | None = None  # its ESC/POS rendering, for a station's receipt printer
    # What the builder learned on the way that the screen shows afterwards (the boletos
    # printed, for their linhas digitáveis); the print job only carries it.
    extra: Any = None


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to one document sent to the printer (made in the worker)."""

    pdf: bytes
    title: str
    printer: str | None = None  # the queue it went to (None: it did not print)
    job_id: str | None = None
    error: str | None = None  # Portuguese; says where the PDF was kept
    kept_path: Path | None = None

    @property
    def printed(self) -> bool:
        return self.error is None


def print_document(pdf: bytes, title: str, receipt: bytes | None = None) -> PrintOutcome:
    """Send ``pdf`` to this station's printer; runs **in the worker**.

    ``receipt``: the document's ESC/POS bytes; it then goes to the station's receipt printer
    when one is configured (``printing.print_receipt``), else ``pdf`` to the A4 printer.
    A printer problem (none installed, queue refused) is an outcome, not an exception, so the
    bytes reach the GUI for *Salvar PDF…*.
    """
    try:
        if receipt is not None:
            result = printing.print_receipt(pdf, receipt, title)
        else:
            result = printing.print_pdf(pdf, None, title)
    except printing.DocumentNotPrinted as exc:
        return PrintOutcome(pdf, title, error=exc.message, kept_path=exc.kept_path)
    except PrinterError as exc:  # pragma: no cover - print_pdf always wraps them
        return PrintOutcome(pdf, title, error=exc.message)
    return PrintOutcome(pdf, title, printer=result.printer, job_id=result.job_id)


def receipt_document(documents: tuple[bytes, bytes], title: str) -> Document:
    """A short document as the services render it: (A4 PDF, ESC/POS bytes)."""
    pdf, receipt = documents
    return Document(pdf, title, receipt)


DoneText = str | Callable[[Document], str] | None


def print_job(
    task_runner: TaskRunner,
    key: Hashable,
    build: Callable[[], Document],
    result_bar: ResultBar,
    *,
    after_print: Callable[[PrintOutcome], None] | None = None,
    done_text: DoneText = None,
    on_done: Callable[[PrintOutcome, Document], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    owner: QObject | None = None,
    broadcast: Callable[[OpChanges], None] | None = None,
) -> bool:
    """Build and print a document off the GUI thread; False when that job is already running.

    ``build`` and ``after_print`` (a note in a ticket's history, only when it printed) run in
    the worker.  In the GUI: the outcome in ``result_bar`` (``done_text``, "%1" the printer),
    then ``on_done`` (the atendimento's history, the linhas digitáveis...), then
    ``broadcast`` of what the services called on the way changed (a boleto registered on
    its first print, a receipt noted in a ticket's history; ``desktop.domain.changes``).
    """

    def work() -> tuple[PrintOutcome, Document, OpChanges]:
        with recording() as record:
            document = build()
            outcome = print_document(document.pdf, document.title, document.receipt)
            if outcome.printed and after_print is not None:
                after_print(outcome)
        return outcome, document, record.changes

    def shown(done: tuple[PrintOutcome, Document, OpChanges]) -> None:
        outcome, document, changes = done
        text = done_text(document) if callable(done_text) else done_text
        result_bar.show_print_outcome(outcome, text)
        if on_done is not None:
            on_done(outcome, document)
        if broadcast is not None:
            broadcast(changes)

    return task_runner.submit(
        key,
        work,
        on_success=shown,
        on_error=result_bar.show_error,
        on_finished=on_finished,
        owner=owner if owner is not None else result_bar,
    )
