"""The save dialog (issue 15, item 9): Qt's own words in Portuguese, and it opens in the
person's Documents folder instead of the program's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop.ui import i18n
from desktop.ui.dialogs import documents_dir, suggested_path


def test_qt_standard_dialog_words_are_portuguese(qtbot, qapp: QApplication) -> None:
    i18n.install_translator(qapp, "pt_BR")
    dialog = QFileDialog(None, "Salvar XML da nota fiscal")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    words = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Procurar em:" in words and "Arquivos do &tipo:" in words
    assert not any("Look in" in w or "Files of" in w for w in words)


def test_a_bare_name_opens_in_documents(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "Documents").mkdir()
    monkeypatch.chdir(tmp_path / "Documents")  # any folder but the program's
    assert documents_dir() == tmp_path / "Documents"
    assert suggested_path("nfcom-123.xml") == tmp_path / "Documents" / "nfcom-123.xml"
    assert suggested_path("/srv/x.pdf") == Path("/srv/x.pdf")


def test_without_a_documents_folder_the_home_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    assert suggested_path("x.xml") == tmp_path / "x.xml"
