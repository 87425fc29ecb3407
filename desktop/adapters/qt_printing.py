"""Printing through Qt print support: the Windows path of :mod:`desktop.adapters.printing`.

The PDF pages are rendered with QtPdf (``PySide6_Pdf``, the ``pdf`` extra) at 300 dpi and
painted onto a ``QPainter(QPrinter)``; Qt hands the job to the system spooler (the Windows
spooler, or CUPS where this also runs).  Only :mod:`desktop.adapters.printing` calls this module.

Qt fails *silently* when the printer is missing or the print service is down: the QPrinter
falls back to PDF output with an empty ``printerName()`` and ``QPainter.begin()`` returns
False with no exception.  So every step is checked and turned into a ``PrinterError``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop.adapters.printer_info import PrinterInfo
from desktop.errors import Message, PrinterError

if TYPE_CHECKING:  # QtPdf is the optional ``pdf`` extra: imported only when printing
    from PySide6.QtPdf import QPdfDocument

RENDER_DPI = 300
_POINTS_PER_INCH = 72.0
NO_PRINTERS = "qt_printing.nenhuma_impressora_informada"
_app: QGuiApplication | None = None  # created only when printing from the command line

_STATES = {
    QPrinter.PrinterState.Idle: "idle",
    QPrinter.PrinterState.Active: "printing",
    QPrinter.PrinterState.Aborted: "stopped",
    QPrinter.PrinterState.Error: "stopped",
}


def _ensure_app() -> None:
    """QPrinter and QPainter need a QGuiApplication; the command line has none."""
    global _app
    if QCoreApplication.instance() is None:
        _app = QGuiApplication([])


def default_printer_name() -> str | None:
    _ensure_app()
    if not QPrinterInfo.availablePrinterNames():
        raise PrinterError(NO_PRINTERS)
    return QPrinterInfo.defaultPrinterName() or None


def list_printers() -> list[PrinterInfo]:
    _ensure_app()
    default = QPrinterInfo.defaultPrinterName()
    printers = []
    for info in QPrinterInfo.availablePrinters():
        state = _STATES.get(info.state(), "unknown")
        printers.append(
            PrinterInfo(
                name=info.printerName(),
                is_default=info.printerName() == default,
                state=state,
                accepting=state != "stopped",  # Qt does not tell whether jobs are refused
            )
        )
    return printers


def print_pdf(pdf: bytes, printer_name: str, title: str, copies: int = 1) -> None:
    """Print every page of ``pdf`` on ``printer_name``; raise ``PrinterError`` on any failure."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        raise PrinterError("qt_printing.suporte_pdf_qt_pyside6") from None
    _ensure_app()
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        if not QPrinterInfo.availablePrinterNames():
            raise PrinterError(
                "qt_printing.impressora_nao_encontrada_2",
                printer_name=printer_name,
                no_printers=Message(NO_PRINTERS),
            )
        raise PrinterError("qt_printing.impressora_nao_encontrada", printer_name=printer_name)
    if _STATES.get(info.state()) == "stopped":
        raise PrinterError("qt_printing.impressora_parada_erro", printer_name=printer_name)

    with tempfile.TemporaryDirectory(prefix="central-print-") as tmp:
        path = Path(tmp) / "documento.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise PrinterError("qt_printing.documento_nao_pode_preparado", name=error.name)
        try:
            _paint(document, info, printer_name, title, copies)
        finally:
            document.close()


def _paint(document: QPdfDocument, info: QPrinterInfo, name: str, title: str, copies: int) -> None:
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if (
        printer.printerName() != name
        or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat
    ):
        raise PrinterError("qt_printing.impressora_nao_pode_aberta", name=name)
    printer.setDocName(title)
    printer.setCopyCount(copies)
    printer.setFullPage(True)
    _set_page(printer, document.pagePointSize(0))

    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError("qt_printing.impressora_nao_aceitou_trabalho", name=name)
    finished = False
    try:
        for index in range(document.pageCount()):
            if index and not printer.newPage():
                raise PrinterError("qt_printing.impressora_falhou_passar_pagina", name=name)
            _draw_page(painter, printer, _render(document, index))
        finished = True
    finally:
        if not finished:
            printer.abort()
        ended = painter.end()
    if not ended:
        raise PrinterError("qt_printing.impressora_nao_recebeu_documento", name=name)


def _set_page(printer: QPrinter, size_pt: QSizeF) -> None:
    """Paper = the PDF's first page (A4 for every report), no margins: the PDF has its own."""
    landscape = size_pt.width() > size_pt.height()
    portrait = size_pt.transposed() if landscape else size_pt
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def _render(document: QPdfDocument, index: int) -> QImage:
    """One page at RENDER_DPI on white (QtPdf renders onto a transparent background)."""
    size_pt = document.pagePointSize(index)
    scale = RENDER_DPI / _POINTS_PER_INCH
    pixels = QSize(round(size_pt.width() * scale), round(size_pt.height() * scale))
    page = document.render(index, pixels)
    if page.isNull():
        raise PrinterError("qt_printing.pagina_documento_nao_pode", index=index + 1)
    sheet = QImage(pixels, QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    composer = QPainter(sheet)
    composer.drawImage(0, 0, page)
    composer.end()
    return sheet


def _draw_page(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """Scale the page image to the paper, keeping its proportions, centred."""
    paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    factor = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * factor, image.height() * factor
    target = QRectF(
        paper.x() + (paper.width() - width) / 2,
        paper.y() + (paper.height() - height) / 2,
        width,
        height,
    )
    painter.drawImage(target, image)
