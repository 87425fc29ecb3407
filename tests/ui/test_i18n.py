"""The interface in English: Qt's translator from resources/translations (built by lrelease)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from desktop.config.paths import data_dir
from desktop.db import Database
from desktop.domain.enums import Role
from desktop.services import settings
from desktop.ui import i18n
from desktop.ui.kiosk import KioskWindow
from desktop.ui.login import LoginDialog
from tests.conftest import make_user


@pytest.fixture
def english(qapp: QApplication) -> Iterator[str]:
    language = i18n.install_translator(qapp, "en")
    yield language
    i18n.install_translator(qapp, "pt_BR")


def test_the_english_catalogue_is_complete() -> None:
    """Every string of the .ts has its English text (none left unfinished)."""
    ts = i18n.ts_path("en").read_text(encoding="utf-8")
    assert ts.count("<message>") > 300
    assert 'type="unfinished"' not in ts


def test_english_login_dialog(qtbot, english: str, sqlite_db: Database) -> None:
    assert english == "en"
    assert QLocale().name() == "en_US"
    assert i18n.babel_locale() == "en_US"
    dialog = LoginDialog(sqlite_db, "loja-1")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Subscriber Centre — Log in"
    assert dialog.enter_button.text() == "Log in"
    assert dialog.close_button.text() == "Close"
    dialog.submit()  # empty user: asked for in English
    assert dialog.message.text() == "Enter the user name."


def test_english_kiosk_welcome(qtbot, english: str, sqlite_db: Database) -> None:
    window = KioskWindow(sqlite_db, "quiosque-1")
    window.start()
    assert window.welcome.start_button.text() == "Touch to start"
    assert window.welcome.title.text() == "Subscriber Centre"
    window.welcome.start_button.click()
    assert window.login.enter_button.text() == "Log in"
    assert window.login.back_button.text() == "Back"
    assert window.login.keypad.findChildren(type(window.login.enter_button))  # keys exist
    assert window.overlay.hint.text() == "Touch the screen to continue"
    window.allow_close()
    window.close()
    window.deleteLater()


def test_back_to_portuguese(qapp: QApplication) -> None:
    i18n.install_translator(qapp, "en")
    assert QCoreApplication.translate("Kiosk", "Voltar") == "Back"
    assert i18n.install_translator(qapp, "pt_BR") == "pt_BR"
    assert QCoreApplication.translate("Kiosk", "Voltar") == "Voltar"
    assert QLocale().name() == "pt_BR"
    assert i18n.babel_locale() == "pt_BR"
    assert i18n.install_translator(qapp, "klingon") == "pt_BR"  # unknown: the source language


def test_a_missing_qm_is_built_from_the_ts(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source checkout has only the .ts: the .qm is compiled into the data directory."""
    source = tmp_path / "translations"
    source.mkdir()
    shutil.copy(i18n.ts_path("en"), source / "central_en.ts")
    monkeypatch.setattr(i18n, "translations_dir", lambda: source)
    built = i18n.qm_file("en")
    assert built == data_dir() / "translations" / "central_en.qm"
    assert built.stat().st_size > 1000
    assert not (source / "central_en.qm").exists()  # the source tree is left alone
    try:
        assert i18n.install_translator(qapp, "en") == "en"
        assert QCoreApplication.translate("KioskIdle", "Você ainda está aí?") == (
            "Are you still there?"
        )
    finally:
        i18n.install_translator(qapp, "pt_BR")


def test_the_language_comes_from_the_setting(sqlite_db: Database) -> None:
    assert i18n.interface_language(sqlite_db) == "pt_BR"
    admin = make_user(sqlite_db, "chefe", Role.ADMIN)
    settings.change(sqlite_db, admin, "ui.language", "en")
    assert i18n.interface_language(sqlite_db) == "en"


# --------------------------------------------------------------------------- service errors
# The services raise catalog codes; with the English interface installed the person reads
# English.  Characteristic Portuguese words must not survive in these messages.
PORTUGUESE = ("inválido", "não", "bloqueado", "tentativas", "Plano", "senha", "Acesso")


def _assert_english(message: str) -> None:
    assert message, "no message"
    assert not [word for word in PORTUGUESE if word in message], message


def test_english_invalid_cpf_at_the_counter_search(english: str, sqlite_db: Database) -> None:
    from desktop.errors import InvalidInput
    from desktop.services import subscriber_search

    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    with pytest.raises(InvalidInput) as refused:
        subscriber_search.search(sqlite_db, actor, "123.456.789-00")
    _assert_english(refused.value.message)
    assert "123.456.789-00" in refused.value.message
    i18n.install_translator(QApplication.instance(), "pt_BR")  # type: ignore[arg-type]
    assert "inválido" in refused.value.message  # the same error, in the other language


def test_english_locked_account_at_the_login_dialog(qtbot, english: str, sqlite_db: Database) -> None:
    make_user(sqlite_db, "bruno", Role.ATTENDANT)
    dialog = LoginDialog(sqlite_db, "loja-1")
    qtbot.addWidget(dialog)
    texts = []
    for _ in range(6):
        dialog.login_edit.setText("bruno")
        dialog.password_edit.setText("errada-123")
        dialog.submit()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
        texts.append(dialog.message.text())
        dialog.message.clear_message()
    assert any("locked" in text.lower() for text in texts), texts
    for text in texts:
        _assert_english(text)


def test_english_refused_enablement(english: str, sqlite_db: Database) -> None:
    from desktop.errors import UserError
    from desktop.services import enablement
    from tests import factories

    actor = make_user(sqlite_db, "carla", Role.ATTENDANT)
    subscriber_id, contract_id = factories.subscriber(sqlite_db)  # active: nothing to enable
    with pytest.raises(UserError) as refused:
        enablement.enable(sqlite_db, actor, subscriber_id, contract_id)
    _assert_english(refused.value.message)


def test_english_refusals_translate_the_vocabulary_words_they_carry(english: str) -> None:
    """A role or a bill's state given to an error is a vocabulary Word: said in English too."""
    from desktop.domain.actors import CounterActor
    from desktop.domain.enums import Channel, ReceivableStatus
    from desktop.errors import AccessDenied
    from desktop.services import access, payments

    actor = CounterActor(1, "ana", Role.ATTENDANT, "loja-1", Channel.COUNTER)
    with pytest.raises(AccessDenied) as refused:
        access.require_role(actor, Role.FINANCE)
    assert "(attendant)" in refused.value.message, refused.value.message
    _assert_english(refused.value.message)
    settled = payments._refuse_not_open(ReceivableStatus.PAID).message
    assert "settled" in settled and "baixada" not in settled, settled


def test_english_psp_refusal_says_its_reason_in_english(english: str) -> None:
    from desktop.adapters.pix_psp import PspClient
    from desktop.adapters.pix_psp_data import PspConfig, PspUnavailable

    with pytest.raises(PspUnavailable) as refused:
        PspClient(PspConfig("", "", "", "", "", "", ""))
    assert "not configured" in refused.value.message, refused.value.message
    _assert_english(refused.value.message)


@pytest.mark.parametrize("language, text", [("pt_BR", "Fechar"), ("en", "Close")])
def test_a_dialogs_close_button_speaks_the_interface_language(
    qtbot, qapp: QApplication, language: str, text: str
) -> None:
    """Qt's own Close stayed "Close" in Portuguese (the bill detail dialog, issue 13)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from desktop.ui.widgets import close_buttons

    i18n.install_translator(qapp, language)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        box = close_buttons(dialog)
        button = box.button(QDialogButtonBox.StandardButton.Close)
        assert button is not None and button.text() == text
        button.click()
        assert dialog.result() == QDialog.DialogCode.Rejected
    finally:
        i18n.install_translator(qapp, "pt_BR")
