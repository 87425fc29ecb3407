"""A PDF on screen with QtPdf's ``QPdfView`` (the ``pdf`` extra); without QtPdf,
:func:`show_pdf` hands the file to the system's PDF viewer."""

from __future__ import annotations

import importlib
import tempfile

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.errors import UserError
from desktop.ui.files import safe_file_name
from desktop.ui.widgets import close_buttons


def _tr(text: str) -> str:
    return QCoreApplication.translate("TabsCommon", text)


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
        buttons = close_buttons(self)
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
