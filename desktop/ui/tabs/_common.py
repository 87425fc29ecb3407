"""Pieces the statement and document tabs share (calls, connections, invoices, boletos).

* :func:`print_document`: runs **in the worker**; sends a PDF to this station's printer and
  returns a :class:`PrintOutcome` instead of raising, so the GUI still has the bytes when the
  printer failed (``printing`` keeps a copy under ``nao-impressos`` and says where).
* :class:`ResultBar`: the inline message under a form, with a *Salvar PDF…* button that
  appears only when a document could not be printed (never on a kiosk: no file dialogs there).
* :class:`TotalsGrid`: a small grid of totals (headers, rows, an overall row in bold).
* :class:`PdfPreviewDialog`: a PDF on screen with QtPdf's ``QPdfView`` (the ``pdf`` extra);
  :func:`show_pdf` falls back to the system viewer when QtPdf is not installed.
"""

from __future__ import annotations

import importlib
import logging
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.adapters import printing
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.periods import Period
from desktop.errors import PrinterError, UserError
from desktop.services import tickets
from desktop.ui.dialogs import dialogs
from desktop.ui.widgets import MessageLine, PeriodPicker
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.tabs.base import SubscriberTab

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 15_000
PDF_FILTER = "PDF (*.pdf)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TabsCommon", text)


def is_kiosk(actor: Actor) -> bool:
    return isinstance(actor, KioskActor)


# --------------------------------------------------------------------------- formatting
def minutes_seconds(seconds: int) -> str:
    """A call's length as mm:ss (minutes may pass 59: 4530 -> '75:30')."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"


def select_the_only_row(view: QTableView, model: QAbstractItemModel, *, kiosk: bool) -> None:
    """A kiosk list with one line has it chosen already: a button that looks active and does
    nothing on tap waited for a selection nobody knew to make (issue 15, item 10)."""
    if kiosk and model.rowCount() == 1 and not view.selectionModel().hasSelection():
        view.selectRow(0)


def checked_period(picker: PeriodPicker) -> Period:
    """The picker's period; InvalidInput when reversed or longer than 366 days."""
    return picker.period().limited()


# --------------------------------------------------------------------------- printing
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
    """Send ``pdf`` to this station's printer (``station.ini``, else the system default).

    ``receipt``: the document's ESC/POS bytes; it then goes to the station's receipt printer
    when one is configured (``printing.print_receipt``), else ``pdf`` to the A4 printer.
    Runs in the worker pool.  A printer problem is an outcome, not an exception, so the
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


def show_status(widget: QWidget, text: str) -> None:
    """Also say it in the window's status bar (the counter window has one)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)


def write_file(path: Path, data: bytes) -> Path:
    """Runs in the worker: a full disk or a missing folder becomes a message."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError(
            f"Não foi possível gravar o arquivo {path}: {exc.strerror or exc}. Escolha outro "
            "local; nada se perdeu."
        ) from None
    return path


def safe_file_name(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in text)
    return "-".join(part for part in keep.split("-") if part)[:80] or "documento"


def save_as(
    parent: QWidget,
    task_runner: TaskRunner,
    data: bytes,
    *,
    caption: str,
    suggested: str,
    file_filter: str,
    on_saved: Callable[[Path], None],
    on_error: Callable[[str], None],
) -> None:
    """Ask where (the dialog seam), then write the bytes in the worker."""
    path = dialogs().save_file(parent, caption, suggested, file_filter)
    if path is None:
        return
    task_runner.submit(
        ("save-file", str(path)),
        lambda: write_file(path, data),
        on_success=on_saved,
        on_error=on_error,
        owner=parent,
    )


class ResultBar(QWidget):
    """An inline message and, after a failed print, *Salvar PDF…* (counter only)."""

    def __init__(
        self, task_runner: TaskRunner, *, allow_save: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = task_runner
        self._allow_save = allow_save
        self._unprinted: PrintOutcome | None = None
        self.last_outcome: PrintOutcome | None = None  # the job id, for whoever follows it
        self.message = MessageLine(self)
        self.save_button = QPushButton(_tr("Salvar PDF…"), self)
        self.save_button.setToolTip(_tr("Guardar o documento que não foi impresso"))
        self.save_button.clicked.connect(self.save_unprinted)
        self.save_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_error(self, text: str) -> None:
        self._forget_unprinted()
        self.message.show_error(text)

    def show_info(self, text: str) -> None:
        self._forget_unprinted()
        self.message.show_info(text)

    def clear(self) -> None:
        self._forget_unprinted()
        self.message.clear_message()

    def show_print_outcome(self, outcome: PrintOutcome, done_text: str | None = None) -> None:
        """Success: "Enviado para a impressora X." (also in the status bar); failure: the
        printer's message (where the PDF was kept) and *Salvar PDF…*."""
        self.last_outcome = outcome
        if not self._allow_save:  # the kiosk's bar: it speaks to the subscriber, no queue names
            self._subscriber_print_outcome(outcome)
            return
        if outcome.printed:
            text = done_text or _tr("Enviado para a impressora %1.")
            text = text.replace("%1", outcome.printer or "")
            self.show_info(text)
            show_status(self, text)
            return
        self.message.show_error(outcome.error or _tr("O documento não foi impresso."))
        self._unprinted = outcome
        self.save_button.setVisible(self._allow_save)

    def _subscriber_print_outcome(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.show_info(
                _tr(
                    "Pronto! Seu documento está sendo impresso: retire-o na impressora do quiosque."
                )
            )
            return
        log.warning("kiosk print failed: %s", outcome.error)  # the details are for the staff
        self.message.show_error(
            _tr(
                "Não foi possível imprimir agora. Procure um atendente no balcão: "
                "ele imprime o seu documento."
            )
        )
        self._unprinted = outcome

    @property
    def unprinted(self) -> PrintOutcome | None:
        return self._unprinted

    def save_unprinted(self) -> None:
        outcome = self._unprinted
        if outcome is None or not self._allow_save:
            return
        save_as(
            self,
            self._runner,
            outcome.pdf,
            caption=_tr("Salvar PDF"),
            suggested=safe_file_name(outcome.title) + ".pdf",
            file_filter=_tr(PDF_FILTER),
            on_saved=self._saved,
            on_error=self.message.show_error,
        )

    def _saved(self, path: Path) -> None:
        self.show_info(_tr("PDF salvo em %1.").replace("%1", str(path)))

    def _forget_unprinted(self) -> None:
        self._unprinted = None
        self.save_button.setVisible(False)


# --------------------------------------------------------------------------- totals
class TotalsGrid(QFrame):
    """A small grid of totals: a header row, then rows of figures (right-aligned).

    The overall figures are bold: the last row (``overall="row"``) or, for a grid with one
    column per category, the last column (``overall="column"``).  Headers may hold a line
    break (two-line headers keep long category names narrow).
    """

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self._headers = list(headers)
        # The grid scrolls sideways when it is wider than the window (seven call types in
        # kiosk-sized type), instead of making the whole tab wider than the screen.
        self._inner = QWidget()
        self._inner.setAutoFillBackground(False)
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(12, 6, 12, 6)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(1)
        self._scroll = QScrollArea(self)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._inner)
        self._scroll.setObjectName("totalsScroll")
        self._inner.setObjectName("totalsInner")
        self._scroll.setStyleSheet(  # the panel's own background shows through
            "QScrollArea#totalsScroll, QWidget#totalsInner { background: transparent; }"
        )
        self._scroll.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)  # inside the panel's border
        layout.addWidget(self._scroll)
        self._labels: list[list[QLabel]] = []
        self._copies: list[QLabel] = []  # row titles repeated in front of a wrapped block
        self._per_block = 0
        self.set_rows([])

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        *,
        headers: Sequence[str] | None = None,
        overall: str = "",  # "", "row" or "column"
    ) -> None:
        for line in self._labels:
            for label in line:
                self._grid.removeWidget(label)
                label.hide()  # at once: deleteLater waits for the event loop
                label.deleteLater()
        self._labels = []
        if headers is not None:
            self._headers = list(headers)
        self._add_row(self._headers, "totalsHeader", overall == "column")
        for i, row in enumerate(rows):
            last = overall == "row" and i == len(rows) - 1
            self._add_row(row, "totalsOverall" if last else "totalsCell", overall == "column")
        self._per_block = 0
        self._place()
        self._fit_height()

    def _columns_per_block(self) -> int:
        """How many figure columns fit beside the row titles in the panel's width."""
        count = max((len(line) for line in self._labels), default=1)
        if count <= 1:
            return 1
        widths = [
            max(line[c].sizeHint().width() for line in self._labels if c < len(line))
            for c in range(count)
        ]
        margins = self._grid.contentsMargins()
        available = (self._scroll.viewport().width() or self.width()) - margins.left()
        available -= margins.right()
        spacing = self._grid.horizontalSpacing()
        used, fitting = widths[0], 0
        for width in widths[1:]:
            used += spacing + width
            if used > available:
                break
            fitting += 1
        return max(1, fitting)

    def _place(self) -> None:
        """Wrap the figure columns into blocks under each other (row titles repeated) when
        the panel is too narrow: the trial saw the call totals scroll sideways and hide
        *Total* at 1024×768."""
        per_block = self._columns_per_block()
        if per_block == self._per_block:
            return
        self._per_block = per_block
        for copy in self._copies:
            self._grid.removeWidget(copy)
            copy.hide()
            copy.deleteLater()
        self._copies = []
        for line in self._labels:
            for label in line:
                self._grid.removeWidget(label)
        count = max((len(line) for line in self._labels), default=1)
        height = len(self._labels)
        for row, line in enumerate(self._labels):
            if line:
                self._grid.addWidget(line[0], row, 0)
            for column in range(1, len(line)):
                block, offset = divmod(column - 1, per_block)
                self._grid.addWidget(line[column], block * height + row, offset + 1)
                if offset == 0 and block > 0:
                    copy = QLabel(line[0].text(), self._inner)
                    copy.setObjectName(line[0].objectName())
                    copy.setAlignment(line[0].alignment())
                    self._grid.addWidget(copy, block * height + row, 0)
                    copy.show()
                    self._copies.append(copy)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        self._grid.setColumnStretch(min(count, per_block + 1), 1)  # figures keep to the left
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the figures, plus the scroll bar when they are wider than the panel."""
        self._grid.activate()
        height = self._inner.sizeHint().height()
        if self._inner.sizeHint().width() > self._scroll.viewport().width() > 0:
            height += self._scroll.horizontalScrollBar().sizeHint().height()
        self._scroll.setFixedHeight(height)

    def rows(self) -> list[list[str]]:
        """The grid as text, row by row (headers first)."""
        return [[label.text() for label in line] for line in self._labels]

    def _add_row(self, cells: Sequence[str], name: str, bold_last_column: bool) -> None:
        row = len(self._labels)
        labels = []
        vertical = Qt.AlignmentFlag.AlignBottom if row == 0 else Qt.AlignmentFlag.AlignVCenter
        for column, text in enumerate(cells):
            label = QLabel(text, self._inner)
            overall = bold_last_column and column == len(cells) - 1 and row > 0
            label.setObjectName("totalsOverall" if overall else name)
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            label.setAlignment(align | vertical)
            self._grid.addWidget(label, row, column)
            label.show()  # now, not queued: _fit_height measures the labels right away
            labels.append(label)
        self._labels.append(labels)


def two_lines(text: str, longer_than: int = 12) -> str:
    """A long header split at the space nearest its middle ("Longa distância\nmóvel")."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: (abs(i - middle), -i))
    return text[:cut] + "\n" + text[cut + 1 :]


# --------------------------------------------------------------------------- PDF on screen
def _pdf_widgets_available() -> bool:
    try:
        importlib.import_module("PySide6.QtPdf")
        importlib.import_module("PySide6.QtPdfWidgets")
    except ImportError:
        return False
    return True


class PdfPreviewDialog(QDialog):
    """A PDF on screen: every page, fitted to the width, scrollable (QtPdf's QPdfView)."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The document reads from the buffer while it is open: both live as long as the dialog.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_tr("Fechar"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # Wide enough to read the page at its width (scrolling down), never past the screen.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None:
            self.resize(900, 900)
        else:
            self.resize(min(900, int(screen.width() * 0.8)), int(screen.height() * 0.9))

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())


def show_pdf(pdf: bytes, title: str, parent: QWidget | None) -> QDialog | None:
    """Show ``pdf`` in a (non-modal) preview; without QtPdf, in the system's PDF viewer."""
    if _pdf_widgets_available():
        dialog = PdfPreviewDialog(pdf, title, parent)
        dialog.show()
        dialog.raise_()
        return dialog
    with tempfile.NamedTemporaryFile(
        "wb", prefix=safe_file_name(title) + "-", suffix=".pdf", delete=False
    ) as fh:
        fh.write(pdf)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(fh.name)):
        raise UserError(f"Não há visualizador de PDF nesta estação. O documento está em {fh.name}.")
    return None


def monospace_label(parent: QWidget | None = None) -> QLabel:
    """Selectable text in a fixed-width font (the linha digitável is read aloud from it)."""
    label = QLabel(parent)
    label.setObjectName("digitableLine")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSize(label.font().pointSize() + 2)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


# --------------------------------------------------------------------------- Imprimir
class StatementPrinter:
    """The *Imprimir* of a statement tab: built and printed off the GUI thread, once at a
    time (a double click prints once), the outcome shown in the tab's result bar and, when
    it printed, added to the session's atendimento."""

    def __init__(
        self,
        tab: SubscriberTab,
        result: ResultBar,
        button: QPushButton,
        on_busy: Callable[[], None],
    ) -> None:
        self._tab = tab
        self._result = result
        self._button = button
        self._on_busy = on_busy
        self.printing = False

    def start(self, key: str, build: Callable[[], tuple[bytes, str]], history_text: str) -> None:
        """``build`` runs in the worker and returns (PDF bytes, job title)."""
        runner_ = self._tab.context.task_runner
        job_key = (key, id(self._tab))
        if runner_.is_running(job_key):
            return
        self._result.clear()
        self._set(True)
        runner_.submit(
            job_key,
            lambda: print_document(*build()),
            on_success=lambda outcome: self._printed(outcome, history_text),
            on_error=self._result.show_error,
            on_finished=lambda: self._set(False),
            owner=self._tab,
        )

    def _set(self, printing: bool) -> None:
        self.printing = printing
        self._button.setEnabled(not printing)
        self._on_busy()

    def _printed(self, outcome: PrintOutcome, history_text: str) -> None:
        self._result.show_print_outcome(outcome)
        if outcome.printed:
            self._tab.context.record(tickets.ACTION_STATEMENT, history_text)
