"""The dialog seam (Picard's ``UserDialogService``): every message box and file dialog.

Widgets never call ``QMessageBox`` or ``QFileDialog`` themselves; they call
``dialogs().error(...)`` and friends.  Tests install a recording double with
:func:`set_dialogs` and answer questions or file names without a modal loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def documents_dir() -> Path:
    """The person's Documents folder (their home when the system names none that exists)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def suggested_path(suggested: str) -> Path:
    """``suggested`` as the save dialog should open it: a bare name goes to Documents."""
    path = Path(suggested)
    return path if path.is_absolute() else documents_dir() / path


class DialogService:
    """The real dialogs (modal, parented to the widget that asks)."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Yes / No; the safe answer (No) is the default button."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str,
        filters: str = "",
    ) -> Path | None:
        """Ask where to save; None when the person cancels.

        A bare file name opens in the person's Documents folder, not in the program's folder
        (the working directory).  Qt's own words ("Procurar em:", "Arquivos do tipo:") come
        from qtbase's catalogue, which desktop.ui.i18n installs with the interface language.
        """
        name, _selected = QFileDialog.getSaveFileName(
            parent, caption, str(suggested_path(suggested)), filters or _tr("Todos os arquivos (*)")
        )
        return Path(name) if name else None

    def open_files(self, parent: QWidget | None, caption: str, filters: str = "") -> list[Path]:
        """Ask for one or more files to read; [] when the person cancels."""
        names, _selected = QFileDialog.getOpenFileNames(
            parent, caption, "", filters or _tr("Todos os arquivos (*)")
        )
        return [Path(name) for name in names]


_service: DialogService | None = None


def dialogs() -> DialogService:
    """The application's dialog service."""
    global _service
    if _service is None:
        _service = DialogService()
    return _service


def set_dialogs(service: DialogService | None) -> None:
    """Install ``service`` (tests: a recording double); None restores the real dialogs."""
    global _service
    _service = service
