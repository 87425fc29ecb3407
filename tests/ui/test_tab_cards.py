"""Cartão de Crédito tab: duplicates in amber, the cancel button by role, a real void."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.enums import CardPaymentStatus, Role
from desktop.models import CardPayment
from desktop.services import settings, subscribers
from desktop.ui import formatting as fmt
from desktop.ui.tabs import CardsTab, TabContext
from desktop.ui.tabs.cards import ProcedureDialog
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.fakes.cielo_server import MERCHANT_ID, MERCHANT_KEY, CieloServer
from tests.ui.conftest import RecordingDialogs, texts

T0 = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)


def pay(
    db: Database, sub_id: int, receivable_id: int | None, at: dt.datetime, *, status=None
) -> tuple[int, str]:
    payment_id = str(uuid.uuid4())
    with db.session() as session:
        row = CardPayment(
            subscriber_id=sub_id,
            receivable_id=receivable_id,
            paid_at=at,
            amount=Decimal("99.90"),
            brand="Visa",
            last4="1234",
            installments=1,
            payment_id=payment_id,
            tid="1006993069000001",
        )
        if status is not None:
            row.status = status
        session.add(row)
        session.flush()
        return row.id, payment_id


@pytest.fixture
def paid_twice(sqlite_db: Database) -> tuple[int, int, int, str, int]:
    """(subscriber, first payment, duplicate, duplicate's PaymentId, an old voided payment)."""
    sub_id, _ = subscriber(sqlite_db, "Paulo Duplicado", CPFS[0])
    rec = receivable(sqlite_db, sub_id, dt.date(2026, 11, 10))
    old, _ = pay(
        sqlite_db, sub_id, None, T0 - dt.timedelta(days=60), status=CardPaymentStatus.VOIDED
    )
    first, _ = pay(sqlite_db, sub_id, rec, T0)
    second, payment_id = pay(sqlite_db, sub_id, rec, T0 + dt.timedelta(minutes=2))
    return sub_id, first, second, payment_id, old


def make_tab(qtbot, db: Database, actor: Actor, sub_id: int) -> CardsTab:
    ws = subscribers.workspace(db, actor, sub_id)
    tab = CardsTab(TabContext(db, actor, ws, runner()))
    qtbot.addWidget(tab)
    tab.resize(1200, 500)
    tab.show()
    tab.activated()
    return tab


@pytest.fixture
def cielo(sqlite_db: Database) -> Iterator[CieloServer]:
    admin = make_user(sqlite_db, "admin1", Role.ADMIN)
    with CieloServer() as server:
        for key, value in {
            "cielo.merchant_id": MERCHANT_ID,
            "cielo.merchant_key": MERCHANT_KEY,
            "cielo.api_url": server.url,
            "cielo.query_url": server.url,
            "cielo.timeout_s": "1",
        }.items():
            settings.change(sqlite_db, admin, key, value)
        yield server


def test_attendant_sees_payments_and_duplicates_but_no_cancel_button(
    qtbot, qtmodeltester, sqlite_db: Database, paid_twice
) -> None:
    sub_id, _first, second, payment_id, _old = paid_twice
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    qtmodeltester.check(tab.model)
    model = tab.model
    assert model.rowCount() == 3
    assert texts(model, 0)[0] == "20/11/2026 11:02"  # newest first, São Paulo time
    assert texts(model, 1)[0].replace("\xa0", " ") == "R$ 99,90"
    assert texts(model, 3)[0] == "•••• 1234"
    assert texts(model, 4)[0] == "À vista"
    assert texts(model, 5)[0] == f"1006993069000001 / {payment_id}"
    assert texts(model, 6) == ["Pago", "Pago", "Cancelado"]
    assert texts(model, 7) == ["Sim", "", ""]
    duplicate = model.index(0, 2)
    assert duplicate.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(fmt.AMBER_BG)
    assert model.index(1, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    tooltip = duplicate.data(Qt.ItemDataRole.ToolTipRole)
    assert "mesma conta paga duas vezes" in tooltip and "20/11/2026 11:00" in tooltip
    assert model.row_at(0).id == second
    tab.table.selectRow(0)
    assert "duplicidade: mesma conta paga duas vezes" in tab.detail_label.text()
    assert payment_id in tab.detail_label.text()
    assert tab.cancel_button is None
    assert tab.role_note is not None and tab.role_note.text() == "Cancelamento: perfil financeiro"
    assert tab.role_note.isVisible()


def test_finance_sees_the_cancel_button_enabled_only_for_a_live_payment(
    qtbot, sqlite_db: Database, paid_twice
) -> None:
    sub_id, *_ = paid_twice
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "carla", Role.FINANCE), sub_id)
    assert tab.cancel_button is not None and tab.cancel_button.isVisible()
    assert tab.role_note is None
    assert not tab.cancel_button.isEnabled()  # nothing selected
    tab.table.selectRow(2)  # the voided one
    assert not tab.cancel_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.cancel_button.isEnabled()


def test_void_against_the_local_cielo_flips_the_row_to_cancelado(
    qtbot,
    sqlite_db: Database,
    paid_twice,
    cielo: CieloServer,
    recorded_dialogs: RecordingDialogs,
) -> None:
    sub_id, _first, second, payment_id, _old = paid_twice
    cielo.state.amounts[payment_id] = 9990
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "carla", Role.FINANCE), sub_id)
    assert tab.select_payment(second)
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    kind, _title, question = recorded_dialogs.shown[0]
    assert kind == "question"
    assert "R$ 99,90" in question.replace("\xa0", " ")
    assert "Visa final 1234" in question and payment_id in question
    assert recorded_dialogs.shown[1] == (
        "information",
        "Cancelar pagamento",
        "Pagamento cancelado na Cielo.",
    )
    assert texts(tab.model, 6)[0] == "Cancelado"
    assert tab.selected() is not None and tab.selected().id == second  # still selected
    assert not tab.cancel_button.isEnabled()  # nothing left to cancel
    assert cielo.state.void_count(payment_id) == 1
    tab.cancel_selected()  # a stray second call does nothing: the row is cancelled
    assert cielo.state.void_count(payment_id) == 1
    with sqlite_db.session() as session:
        row = session.get(CardPayment, second)
        assert row is not None and row.status is CardPaymentStatus.VOIDED


def test_answering_no_cancels_nothing(
    qtbot, sqlite_db: Database, paid_twice, cielo: CieloServer, recorded_dialogs
) -> None:
    sub_id, _first, second, payment_id, _old = paid_twice
    cielo.state.amounts[payment_id] = 9990
    recorded_dialogs.answer = False
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "carla", Role.FINANCE), sub_id)
    tab.select_payment(second)
    tab.cancel_selected()
    assert [kind for kind, *_ in recorded_dialogs.shown] == ["question"]
    assert cielo.state.requests == []
    assert texts(tab.model, 6)[0] == "Pago"


def test_without_cielo_the_phone_procedure_is_shown_large(
    qtbot, sqlite_db: Database, paid_twice, recorded_dialogs
) -> None:
    sub_id, _first, second, _pid, _old = paid_twice
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "carla", Role.FINANCE), sub_id)
    tab.select_payment(second)
    tab.cancel_selected()
    dialog = tab.procedure_dialog
    assert isinstance(dialog, ProcedureDialog) and dialog.isVisible()
    assert "4002-5472" in dialog.procedure and "(1234567890)" in dialog.procedure
    assert dialog.procedure_label.font().pointSize() >= 15
    assert texts(tab.model, 6)[0] == "Cancelamento por telefone"
    dialog.accept()
    qtbot.waitUntil(lambda: tab.procedure_dialog is None)
    # Trial finding: the button stayed enabled and asked the same question again.
    tab.select_payment(second)
    assert not tab.cancel_button.isEnabled()
    assert "já foi pedido por telefone" in tab.detail_label.text()
    asked = len(recorded_dialogs.shown)
    tab.cancel_selected()
    assert len(recorded_dialogs.shown) == asked and tab.procedure_dialog is None
