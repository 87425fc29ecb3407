"""Atendimentos tab: filters (the Contatos filter matches the FIRST contact), a new ticket with
its protocol shown big, the history dialog, the receipt printed (real CUPS) and e-mailed
(a real local SMTP server)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.domain.vocabulary import words
from desktop.models import Contact, Ticket
from desktop.services import subscribers, ticket_search, tickets
from desktop.services.protocols import display_protocol
from desktop.ui.tabs import TabContext, TicketsTab
from desktop.ui.tabs.ticket_dialogs import NewTicketDialog, ProtocolDialog, TicketDetailDialog
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.conftest_printing import ensure_cups_queues
from tests.factories import subscriber
from tests.services.test_ticket_receipts import Inbox, configure_smtp, smtp_server  # noqa: F401
from tests.ui.conftest import RecordingDialogs, texts

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def family(sqlite_db: Database) -> tuple[int, CounterActor, dict[str, int], dict[str, int]]:
    """A subscriber with contacts Bruno and Carla and four tickets (ids by name)."""
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(sqlite_db, "Maria Souza")
    with sqlite_db.session() as session:
        people = {}
        for name in ("Bruno Souza", "Carla Souza"):
            row = Contact(subscriber_id=sub_id, name=name, relation="filho(a)")
            session.add(row)
            session.flush()
            people[name.split()[0]] = row.id
    made = {
        "bruno": tickets.open_ticket(
            sqlite_db, actor, sub_id, "Suporte técnico", "Internet lenta", people["Bruno"]
        ),
        "carla": tickets.open_ticket(
            sqlite_db, actor, sub_id, "Financeiro", "Boleto em dobro", people["Carla"]
        ),
        "none": tickets.open_ticket(sqlite_db, actor, sub_id, "Informação", "Horário da loja"),
        "old": tickets.open_ticket(sqlite_db, actor, sub_id, "Reclamação", "Antigo demais"),
    }
    # Bruno is also listed on Carla's ticket, as its second contact.
    tickets.add_contact(sqlite_db, actor, made["carla"].id, people["Bruno"])
    ids = {name: item.id for name, item in made.items()}
    with sqlite_db.session() as session:  # spread the openings over the calendar
        for name, moment in {
            "bruno": dt.datetime(2026, 11, 20, 13, tzinfo=dt.UTC),
            "carla": dt.datetime(2026, 11, 21, 13, tzinfo=dt.UTC),
            "none": dt.datetime(2026, 11, 22, 13, tzinfo=dt.UTC),
            "old": dt.datetime(2024, 5, 2, 13, tzinfo=dt.UTC),
        }.items():
            session.execute(update(Ticket).where(Ticket.id == ids[name]).values(opened_at=moment))
    return sub_id, actor, people, ids


@pytest.fixture
def tab(qtbot, sqlite_db: Database, family) -> TicketsTab:
    sub_id, actor, _people, _ids = family
    ws = subscribers.workspace(sqlite_db, actor, sub_id)
    widget = TicketsTab(TabContext(sqlite_db, actor, ws, runner(), lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.activated()
    return widget


def wheel_down(widget) -> None:
    """One notch of the mouse wheel over ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(0, -120),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def ids_on_screen(tab: TicketsTab) -> list[int]:
    return [item.id for item in tab.model.rows()]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_lists_the_last_year_newest_first(qtbot, qtmodeltester, tab: TicketsTab, family) -> None:
    _sub, _actor, _people, ids = family
    qtmodeltester.check(tab.model)
    assert ids_on_screen(tab) == [ids["none"], ids["carla"], ids["bruno"]]  # "old" is 2024
    assert texts(tab.model, 1)[0] == "22/11/2026 10:00"
    assert texts(tab.model, 2)[0] == "Informação"
    assert texts(tab.model, 4) == ["Aberto"] * 3
    assert texts(tab.model, 5) == ["", "Carla Souza, Bruno Souza", "Bruno Souza"]
    assert texts(tab.model, 0)[0].count(" ") == 2  # grouped protocol
    assert [tab.contact_combo.itemText(i) for i in range(tab.contact_combo.count())] == [
        "Todos",
        "Com contato informado",
        "Maria Souza",
        "Bruno Souza",
        "Carla Souza",
    ]
    assert not tab.detail_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.detail_button.isEnabled() and tab.print_button.isEnabled()


def test_contact_filter_matches_only_the_first_contact(tab: TicketsTab, family) -> None:
    _sub, _actor, _people, ids = family
    choose(tab.contact_combo, "Bruno Souza")
    tab.consult()
    assert ids_on_screen(tab) == [ids["bruno"]]  # not Carla's ticket, where he is second
    choose(tab.contact_combo, "Carla Souza")
    tab.consult()
    assert ids_on_screen(tab) == [ids["carla"]]
    choose(tab.contact_combo, "Com contato informado")
    tab.consult()
    assert ids_on_screen(tab) == [ids["carla"], ids["bruno"]]
    choose(tab.contact_combo, "Maria Souza")
    tab.consult()
    assert ids_on_screen(tab) == []
    assert "Nenhum atendimento" in tab.result.message.text()


def test_field_text_status_and_period_filters(tab: TicketsTab, family) -> None:
    _sub, _actor, _people, ids = family
    choose(tab.field_combo, "Tipo")
    tab.text_edit.setText("finan")
    tab.consult()
    assert ids_on_screen(tab) == [ids["carla"]]
    choose(tab.field_combo, "Descrição")
    tab.text_edit.setText("antigo")
    tab.period_picker.set_period(dt.date(2024, 1, 1), TODAY)
    tab.consult()
    assert ids_on_screen(tab) == [ids["old"]]
    choose(tab.field_combo, "Protocolo")
    tab.text_edit.setText("abc")
    tab.consult()
    assert tab.result.message.kind == "error"
    assert "números do protocolo" in tab.result.message.text()
    tab.text_edit.clear()
    choose(tab.status_combo, "Encerrado")
    tab.consult()
    assert ids_on_screen(tab) == []
    tab.period_picker.set_period(TODAY, dt.date(2026, 1, 1))
    tab.consult()
    assert tab.result.message.kind == "error"  # reversed dates: nothing queried


def test_new_ticket_shows_the_protocol_big_and_lists_it(
    qtbot, sqlite_db: Database, tab: TicketsTab, family
) -> None:
    _sub, _actor, _people, _ids = family
    dialog = tab.new_ticket()
    assert isinstance(dialog, NewTicketDialog) and dialog.isVisible()
    assert dialog.type_combo.count() == len(words.TICKET_TYPES)
    dialog.submit()  # no description
    assert dialog.message.kind == "error" and dialog.isVisible()
    assert dialog.message.isVisibleTo(dialog)
    choose(dialog.type_combo, "Mudança de endereço")
    qtbot.keyClicks(dialog.description_edit, "Vai mudar para a Rua B, 20")
    assert not dialog.message.isVisibleTo(dialog)  # the error goes once something is typed
    choose(dialog.contact_combo, "Carla Souza (filho(a))")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    shown = tab.protocol_dialog
    assert isinstance(shown, ProtocolDialog) and shown.isVisible()
    newest = tab.model.row_at(0)
    assert newest is not None and newest.type == "Mudança de endereço"
    assert newest.contacts == ("Carla Souza",)
    assert shown.protocol_label.text() == display_protocol(newest.protocol)
    assert shown.protocol_label.font().pointSize() >= 20
    assert tab.new_dialog is None


def test_detail_dialog_shows_the_history(qtbot, qtmodeltester, tab: TicketsTab, family) -> None:
    tab.table.selectRow(1)  # Carla's ticket
    tab.show_detail()
    dialog = tab.detail_dialog
    assert isinstance(dialog, TicketDetailDialog) and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert texts(dialog.model, 2) == ["Abertura", "Observação"]
    assert texts(dialog.model, 3)[1] == "Contato incluído: Bruno Souza"
    dialog.reject()
    qtbot.waitUntil(lambda: tab.detail_dialog is None)


@pytest.mark.cups
def test_print_receipt_goes_to_the_printer_and_into_the_history(
    sqlite_db: Database, tab: TicketsTab, family
) -> None:
    ensure_cups_queues()
    _sub, actor, _people, ids = family
    tab.table.selectRow(0)
    tab.print_receipt()
    assert tab.result.message.kind == "info", tab.result.message.text()
    assert tab.result.message.text().startswith("Enviado para a impressora ")
    history = ticket_search.detail(sqlite_db, actor, ids["none"]).history
    assert history[-1].action == tickets.ACTION_RECEIPT


def test_email_receipt_reaches_the_subscriber(
    sqlite_db: Database,
    tab: TicketsTab,
    family,
    smtp_server,  # noqa: F811
    recorded_dialogs: RecordingDialogs,
) -> None:
    inbox, port = smtp_server
    configure_smtp(sqlite_db, port)
    tab.table.selectRow(0)
    tab.email_receipt()
    assert len(inbox.messages) == 1
    assert recorded_dialogs.shown[-1][0] == "information"
    assert "Comprovante enviado para c***@example.com.br" in recorded_dialogs.shown[-1][2]


def test_detail_scrolls_a_long_description_and_takes_a_note_and_the_closing(
    qtbot, sqlite_db: Database, tab: TicketsTab, family, recorded_dialogs: RecordingDialogs
) -> None:
    """Trial finding: a long description was cut mid-line with no scroll bar, and a ticket
    could be neither annotated nor closed from its detail."""
    _sub, actor, _people, ids = family
    long_text = "\n".join(f"Linha {i} do relato" for i in range(200))
    with sqlite_db.session() as session:
        session.execute(
            update(Ticket).where(Ticket.id == ids["none"]).values(description=long_text)
        )
    tab.consult()
    tab.table.selectRow(0)
    tab.show_detail()
    dialog = tab.detail_dialog
    assert isinstance(dialog, TicketDetailDialog)
    view = dialog.description_view
    assert view.toPlainText() == long_text and view.isReadOnly()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.isVisible()
    wheel_down(view.viewport())
    assert bar.value() > 0
    dialog.resize(900, 560)
    assert dialog.height() <= 728  # fits a 768-pixel-high counter screen

    dialog.note_edit.setPlainText("Cliente ligou de novo.")
    dialog.note_button.click()
    history = ticket_search.detail(sqlite_db, actor, ids["none"]).history
    assert (history[-1].action, history[-1].text) == (tickets.ACTION_NOTE, "Cliente ligou de novo.")
    assert texts(dialog.model, 3)[-1] == "Cliente ligou de novo."
    assert dialog.note_edit.toPlainText() == ""

    recorded_dialogs.answer = False
    dialog.close_ticket_button.click()
    assert ticket_search.detail(sqlite_db, actor, ids["none"]).item.closed_at is None
    recorded_dialogs.answer = True
    dialog.close_ticket_button.click()
    assert recorded_dialogs.shown[-1][0] == "question"
    assert display_protocol(tab.detail_dialog.detail.item.protocol) in recorded_dialogs.shown[-1][2]
    detail = ticket_search.detail(sqlite_db, actor, ids["none"])
    assert detail.item.closed_at is not None
    assert dialog.status_value.text().startswith("Encerrado")
    assert not dialog.note_button.isEnabled() and not dialog.close_ticket_button.isEnabled()
