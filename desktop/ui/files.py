"""Files the interface writes: a chosen path through the dialog seam, the bytes in the worker.

``write_file`` turns a full disk or a missing folder into a message; ``safe_file_name``
makes a document's title a file name; ``save_as`` asks where, then writes off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.errors import UserError
from desktop.ui.dialogs import dialogs
from desktop.ui.workers import TaskRunner

PDF_FILTER = "PDF (*.pdf)"


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
