"""Back office: the menu entries by role, the Painel de Configurações (inline errors, only
changed fields saved, Valores de Crédito), the two SMS queues with the slip shown once, and
the audit log."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role, SmsPurchaseStatus
from desktop.domain.passwords import verify_password
from desktop.models import AuditEntry, CreditValue, SmsAccount, SmsPurchase
from desktop.services import settings, sms_credits
from desktop.ui.backoffice import backoffice_actions
from desktop.ui.backoffice.audit_log import AuditLogWindow
from desktop.ui.backoffice.imports import ImportsWindow
from desktop.ui.backoffice.queues import PaymentsQueue, SlipDialog, TransfersQueue
from desktop.ui.backoffice.retorno import RetornoWindow
from desktop.ui.backoffice.settings_panel import SettingsPanel
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber
from tests.ui.conftest import RecordingDialogs, texts


@pytest.fixture
def admin(sqlite_db: Database) -> CounterActor:
    return make_user(sqlite_db, "roberto", Role.ADMIN)


@pytest.fixture
def panel(qtbot, sqlite_db: Database, admin: CounterActor) -> SettingsPanel:
    window = SettingsPanel(sqlite_db, admin)
    qtbot.addWidget(window)
    window.show()
    return window


def audit_actions(db: Database, action: str) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(select(AuditEntry.subject_id).where(AuditEntry.action == action))
        )


def test_menu_entries_by_role(sqlite_db: Database) -> None:
    titles = {
        role: [title for title, _ in backoffice_actions(make_user(sqlite_db, role.value, role))]
        for role in Role
    }
    assert titles == {
        Role.ADMIN: ["Painel de Configurações", "Auditoria", "Importações"],
        Role.FINANCE: ["Pagamentos a confirmar", "Arquivos de retorno", "Importações"],
        Role.SUPPORT: ["Créditos a transferir"],
        Role.ATTENDANT: [],
    }
    assert backoffice_actions(kiosk(1)) == []


def test_factories_build_the_windows(qtbot, sqlite_db: Database) -> None:
    kinds = []
    for role in (Role.ADMIN, Role.FINANCE, Role.SUPPORT):
        for _title, factory in backoffice_actions(make_user(sqlite_db, f"u{role.value}", role)):
            window = factory(sqlite_db, None)
            qtbot.addWidget(window)
            kinds.append(type(window))
    assert kinds == [
        SettingsPanel,
        AuditLogWindow,
        ImportsWindow,
        PaymentsQueue,
        RetornoWindow,
        ImportsWindow,
        TransfersQueue,
    ]


def test_panel_is_generated_from_the_registry_grouped(panel: SettingsPanel) -> None:
    groups = panel.section_titles()
    assert groups[0] == "Dados da empresa" and "Cobrança" in groups and "Cielo" in groups
    assert groups[-1] == "Valores de Crédito"
    assert isinstance(panel.field("billing.fine_percent").widget, QLineEdit)
    assert panel.field("billing.fine_percent").text() == "2,00"
    assert isinstance(panel.field("smtp.starttls").widget, QCheckBox)
    assert isinstance(panel.field("cielo.environment").widget, QComboBox)
    secret = panel.field("cielo.merchant_key").widget
    assert isinstance(secret, QLineEdit) and secret.echoMode() == QLineEdit.EchoMode.Password
    assert secret.text() == "" and secret.placeholderText() == "(vazio)"
    assert panel.changes() == []


def test_fine_of_5_percent_is_refused_inline_and_1_5_is_saved(
    sqlite_db: Database, panel: SettingsPanel
) -> None:
    fine = panel.field("billing.fine_percent")
    fine.set_text("5")
    panel.save()
    assert fine.error_label.isVisible()  # the Cobrança tab was brought to the front
    assert panel.current_section() == "Cobrança"
    assert fine.error == "Multa por atraso (%): o máximo é 2,00."
    assert "#b3261e" in fine.error_label.styleSheet()
    assert panel.message.kind == "error"
    assert fine.text() == "5"  # what was typed stays for correction
    assert settings.read(sqlite_db, "billing.fine_percent") == Decimal("2.00")
    fine.set_text("1,5")
    panel.save()
    assert fine.error_label.isHidden()
    assert settings.read(sqlite_db, "billing.fine_percent") == Decimal("1.5")
    assert fine.text() == "1,5" and not fine.changed
    assert audit_actions(sqlite_db, "configuracao.alterada") == ["billing.fine_percent"]


def test_only_changed_fields_are_saved_and_secrets_stay_hidden(
    sqlite_db: Database, panel: SettingsPanel
) -> None:
    panel.field("cielo.merchant_key").set_text("K" * 40)
    panel.field("smtp.starttls").set_text("false")
    panel.field("cielo.environment").set_text("production")
    panel.field("enablement.days").set_text("5")
    panel.save()
    assert sorted(audit_actions(sqlite_db, "configuracao.alterada")) == [
        "cielo.environment",
        "cielo.merchant_key",
        "enablement.days",
        "smtp.starttls",
    ]
    assert settings.read(sqlite_db, "cielo.merchant_key") == "K" * 40
    assert settings.read(sqlite_db, "smtp.starttls") is False
    assert settings.read(sqlite_db, "enablement.days") == 5
    secret = panel.field("cielo.merchant_key").widget
    assert isinstance(secret, QLineEdit)
    assert secret.text() == "" and secret.placeholderText() == "(inalterado)"
    panel.save()  # nothing changed any more
    assert panel.message.text() == "Nenhuma alteração para salvar."
    assert len(audit_actions(sqlite_db, "configuracao.alterada")) == 4
    panel.load()  # read back from the database
    assert panel.field("cielo.merchant_key").widget.placeholderText() == "(inalterado)"
    assert panel.field("enablement.days").text() == "5"


def test_credit_values_add_edit_deactivate(
    qtbot, qtmodeltester, sqlite_db: Database, panel: SettingsPanel, recorded_dialogs
) -> None:
    editor = panel.credit_values
    qtmodeltester.check(editor.model)
    assert editor.model.rowCount() == 0
    editor.quantity_edit.setText("1000")
    editor.price_edit.setText("90,00")
    editor.save(None)
    assert texts(editor.model, 0) == ["1.000 SMS"]
    editor.table.selectRow(0)
    assert editor.price_edit.text() == "90,00"
    editor.price_edit.setText("85,50")
    editor._update_selected()
    assert [t.replace("\xa0", " ") for t in texts(editor.model, 1)] == ["R$ 85,50"]
    editor.price_edit.clear()
    qtbot.keyClicks(editor.price_edit, "abc")  # the validator keeps letters out
    assert editor.price_edit.text() == ""
    editor.save(None)
    assert editor.message.kind == "error" and "Preço inválido" in editor.message.text()
    editor.table.selectRow(0)
    editor.deactivate_selected()
    assert editor.model.rowCount() == 0
    with sqlite_db.session() as session:
        row = session.scalars(select(CreditValue)).one()
        assert (row.quantity, row.price, row.active) == (1000, Decimal("85.50"), False)


@pytest.fixture
def purchase(sqlite_db: Database) -> int:
    sub_id, contract_id = subscriber(sqlite_db, "Empresa SMS", CPFS[0], plan="SMS", sms=True)
    with sqlite_db.session() as session:
        value = CreditValue(quantity=1000, price=Decimal("90.00"))
        session.add(value)
        session.flush()
        value_id = value.id
    seller = make_user(sqlite_db, "ana", Role.ATTENDANT)
    return sms_credits.buy(sqlite_db, seller, sub_id, contract_id, value_id, "compra-000001").id


def test_finance_confirms_a_payment(
    qtbot, qtmodeltester, sqlite_db: Database, purchase: int, recorded_dialogs: RecordingDialogs
) -> None:
    window = PaymentsQueue(sqlite_db, make_user(sqlite_db, "carlos", Role.FINANCE))
    qtbot.addWidget(window)
    qtmodeltester.check(window.model)
    assert [p.id for p in window.model.rows()] == [purchase]
    assert window.selected() is not None and window.confirm_button.isEnabled()
    window.confirm_selected()
    assert recorded_dialogs.shown[0][0] == "question"
    assert window.model.rowCount() == 0
    assert "Créditos a transferir" in window.result_bar.message.text()
    assert [
        p.id
        for p in sms_credits.queue(
            sqlite_db, make_user(sqlite_db, "s", Role.SUPPORT), SmsPurchaseStatus.PAID
        )
    ] == [purchase]


def test_transfer_shows_the_new_password_once(qtbot, sqlite_db: Database, purchase: int) -> None:
    finance = make_user(sqlite_db, "carlos", Role.FINANCE)
    sms_credits.confirm_payment(sqlite_db, finance, purchase)
    window = TransfersQueue(sqlite_db, make_user(sqlite_db, "juliana", Role.SUPPORT))
    qtbot.addWidget(window)
    window.show()
    assert window.quantity_edit.text() == "1000"
    window.transfer_selected()  # no reference yet
    assert window.result_bar.message.kind == "error" and window.slip_dialog is None
    window.reference_edit.setText("SMSD-778899")
    window.transfer_selected()
    slip = window.slip_dialog
    assert isinstance(slip, SlipDialog) and slip.isVisible()
    password = slip.password_label.text()
    with sqlite_db.session() as session:
        account = session.scalars(select(SmsAccount)).one()
        assert verify_password(account.password_hash, password)
        login = account.login
    assert slip.login_label.text() == login
    assert "não será mostrada de novo" in slip.findChild(QLabel, "slipWarning").text()
    assert window.model.rowCount() == 0
    slip.reject()
    qtbot.waitUntil(lambda: window.slip_dialog is None)
    shown = [label.text() for label in window.findChildren(QLabel)]
    assert all(password not in text for text in shown)  # gone with the dialog
    assert password not in window.result_bar.message.text()
    assert "saldo da conta" in window.result_bar.message.text()


def test_a_second_transfer_to_the_same_account_shows_no_password(
    qtbot, sqlite_db: Database, purchase: int
) -> None:
    finance = make_user(sqlite_db, "carlos", Role.FINANCE)
    support = make_user(sqlite_db, "juliana", Role.SUPPORT)
    sms_credits.confirm_payment(sqlite_db, finance, purchase)
    sms_credits.record_transfer(sqlite_db, support, purchase, 1000, "SMSD-1")
    with sqlite_db.session() as session:
        first = session.get(SmsPurchase, purchase)
        assert first is not None
        sub_id, contract_id, value_id = (
            first.subscriber_id,
            first.contract_id,
            first.credit_value_id,
        )
    seller = make_user(sqlite_db, "bia", Role.ATTENDANT)
    again = sms_credits.buy(sqlite_db, seller, sub_id, contract_id, value_id, "compra-000002").id
    sms_credits.confirm_payment(sqlite_db, finance, again)
    window = TransfersQueue(sqlite_db, support)
    qtbot.addWidget(window)
    window.reference_edit.setText("SMSD-2")
    window.transfer_selected()
    assert window.slip_dialog is None
    assert "2.000 SMS" in window.result_bar.message.text()


def test_audit_log_lists_newest_first(
    qtbot, qtmodeltester, sqlite_db: Database, admin: CounterActor
) -> None:
    settings.change(sqlite_db, admin, "billing.fine_percent", "1,5")
    settings.change(sqlite_db, admin, "enablement.days", "4")
    window = AuditLogWindow(sqlite_db, admin)
    qtbot.addWidget(window)
    qtmodeltester.check(window.model)
    assert texts(window.model, 4)[:2] == ["configuracao.alterada", "configuracao.alterada"]
    assert texts(window.model, 5)[:2] == ["setting enablement.days", "setting billing.fine_percent"]
    assert texts(window.model, 1)[0] == "roberto"
    assert texts(window.model, 2)[0] == "Administrador"
    assert texts(window.model, 6)[0] == "antes: 3 · depois: 4"
    assert texts(window.model, 0)[0].count(":") == 2  # local time with seconds


def test_payments_queue_names_the_subscriber_and_fits_1024(
    qtbot, sqlite_db: Database, purchase: int
) -> None:
    """Trial finding: no subscriber's name, and "Pagament…" cut at the right edge."""
    window = PaymentsQueue(sqlite_db, make_user(sqlite_db, "carlos", Role.FINANCE))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()
    titles = {
        window.model.headerData(c, Qt.Orientation.Horizontal): c for c in range(header.count())
    }
    assert window.model.index(0, titles["Assinante"]).data() == "Empresa SMS"
    assert header.isSectionHidden(titles["Pagamento confirmado"])  # empty in this queue
    assert header.isSectionHidden(titles["Situação"])  # the queue's own title says it
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= window.table.viewport().width()
