"""Search as you type, opening subscribers as tabs, the tabs of their menus, the session."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ContractStatus, ReceivableStatus, Role
from desktop.services import subscribers
from desktop.ui.main_window import MainWindow
from desktop.ui.tabs import FinancialTab, PendingTab
from desktop.ui.workspace import WorkspaceView
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.ui.conftest import texts

MARIA_TABS = ["Extrato de Conexões", "Extrato Financeiro", "Segunda via Boleto", "Atendimentos"]
MARCOS_TABS = ["Extrato de Ligação", "Habilitação Provisória", "Atendimentos", "Compra de Crédito"]


@pytest.fixture
def people(sqlite_db: Database) -> dict[str, int]:
    maria, maria_contract = subscriber(
        sqlite_db, "Maria Aparecida da Silva", CPFS[0], login="maria.silva", phone="44998761234"
    )
    receivable(
        sqlite_db,
        maria,
        dt.date(2026, 9, 10),
        status=ReceivableStatus.PAID,
        contract_id=maria_contract,
    )
    receivable(sqlite_db, maria, dt.date(2026, 10, 10), contract_id=maria_contract)
    marcos, _ = subscriber(
        sqlite_db,
        "Marcos Pereira",
        CPFS[1],
        plan="Telefone Fixo + SMS",
        voice=True,
        internet=False,
        sms=True,
        terminal="4430451234",
        status=ContractStatus.SUSPENDED_DEBT,
    )
    joao, _ = subscriber(sqlite_db, "João Souza", CPFS[2])
    return {"maria": maria, "marcos": marcos, "joao": joao}


@pytest.fixture
def actor(sqlite_db: Database) -> CounterActor:
    return make_user(sqlite_db, "ana", Role.ATTENDANT)


@pytest.fixture
def window(qtbot, sqlite_db: Database, actor: CounterActor, people) -> MainWindow:
    win = MainWindow(sqlite_db, actor)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _type(qtbot, win: MainWindow, text: str) -> None:
    win.search_edit.clear()
    qtbot.keyClicks(win.search_edit, text)


def test_results_appear_as_you_type_a_name(qtbot, window: MainWindow, sync_pool) -> None:
    model = window.search_panel.model
    _type(qtbot, window, "mar")
    assert model.rowCount() == 0  # typing: nothing queried yet (debounced)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert texts(model, 0) == ["Marcos Pereira", "Maria Aparecida da Silva"]
    assert texts(model, 1) == ["111.444.777-35", "529.982.247-25"]
    assert texts(model, 2)[0] == "Telefone Fixo + SMS (Suspenso por débito)"
    assert "2 assinantes encontrados." in window.search_panel.hint.text()
    queries = sync_pool.started
    _type(qtbot, window, "joao")  # accents do not matter
    qtbot.waitUntil(lambda: texts(model, 0) == ["João Souza"])
    assert sync_pool.started == queries + 1  # one query for the whole word, not one per key


def test_one_letter_is_not_searched(qtbot, window: MainWindow, sync_pool) -> None:
    _type(qtbot, window, "m")
    window.search_panel.search_now()
    assert window.search_panel.model.rowCount() == 0
    assert sync_pool.started == 0
    assert "Digite o nome" in window.search_panel.hint.text()


def test_cpf_and_enter_opens_the_subscriber_with_the_tabs_of_their_menus(
    qtbot, window: MainWindow, sqlite_db: Database, actor: CounterActor, people
) -> None:
    _type(qtbot, window, "529.982.247-25")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)  # a single result opens at once
    view = window.tabs.currentWidget()
    assert isinstance(view, WorkspaceView) and view.subscriber_id == people["maria"]
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Maria Aparecida da Silva"

    assert view.tab_titles() == MARIA_TABS
    menus = subscribers.workspace(sqlite_db, actor, people["maria"]).menus
    assert {view.tabs.widget(i).menu for i in range(view.tabs.count())} == menus
    built = [
        view.tabs.widget(i)
        for i in range(view.tabs.count())
        if not isinstance(view.tabs.widget(i), PendingTab)
    ]
    assert view.tabs.currentWidget() is built[0]  # opens on the first menu that is built
    assert any(isinstance(tab, FinancialTab) for tab in built)
    for i in range(view.tabs.count()):
        tab = view.tabs.widget(i)
        if isinstance(tab, PendingTab):
            assert tab.findChildren(QAbstractButton) == []  # no dead buttons

    header = view.header
    assert header is not None
    header_text = " ".join(
        label.text() for label in header.findChildren(type(window.session_label))
    )
    assert "Maria Aparecida da Silva" in header_text
    assert "CPF 529.982.247-25" in header_text
    assert "(44) 99876-1234" in header_text
    assert [badge.tone for badge in header.badges] == ["ok"]


def test_double_click_opens_and_several_subscribers_stay_open(
    qtbot, window: MainWindow, people
) -> None:
    model = window.search_panel.model
    table = window.search_panel.table
    _type(qtbot, window, "mar")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    for row, titles in ((0, MARCOS_TABS), (1, MARIA_TABS)):
        window.tabs.setCurrentIndex(0)
        rect = table.visualRect(model.index(row, 0))
        # A real double click is press, release, double-click, release (QTest sends the middle).
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        view = window.tabs.currentWidget()
        assert isinstance(view, WorkspaceView)
        assert view.tab_titles() == titles
    assert [v.subscriber_id for v in window.workspace_views()] == [
        people["marcos"],
        people["maria"],
    ]
    assert [b.tone for b in window.workspace_views()[0].header.badges] == ["warning"]

    window.open_subscriber(people["marcos"], "Marcos Pereira")  # already open: brought forward
    assert len(window.workspace_views()) == 2
    assert window.tabs.currentWidget() is window.workspace_views()[0]

    window.tabs.tabCloseRequested.emit(window.tabs.currentIndex())
    assert [v.subscriber_id for v in window.workspace_views()] == [people["maria"]]
    window.close_tab(0)  # the search tab stays
    assert window.tabs.widget(0) is window.search_panel


def test_arrow_down_goes_to_the_results_and_enter_opens(qtbot, window: MainWindow, people) -> None:
    _type(qtbot, window, "mar")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 2)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)  # two results: go to the list
    table = window.search_panel.table
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, WorkspaceView) and view.subscriber_id == people["maria"]


def test_status_bar_and_shortcuts(window: MainWindow) -> None:
    text = window.session_label.text()
    assert "Usuário: ana" in text and "Perfil: Atendente" in text and "Estação: teste" in text
    assert {s.toString() for s in window.search_action.shortcuts()} == {"Ctrl+F", "F3"}
    assert {s.toString() for s in window.logout_action.shortcuts()} == {"F12", "Ctrl+L"}
    assert window.close_tab_action.shortcut() == QKeySequence("Ctrl+W")


def test_logout_asks_when_subscribers_are_open(
    qtbot, window: MainWindow, people, recorded_dialogs
) -> None:
    window.open_subscriber(people["joao"], "João Souza")
    recorded_dialogs.answer = False
    with qtbot.assertNotEmitted(window.logout_requested):
        window.logout_action.trigger()
    assert recorded_dialogs.shown[-1][0] == "question"
    recorded_dialogs.answer = True
    with qtbot.waitSignal(window.logout_requested):
        window.logout_action.trigger()


def _menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_back_office_menu_follows_the_role(qtbot, sqlite_db: Database) -> None:
    attendant_window = MainWindow(sqlite_db, make_user(sqlite_db, "so.balcao", Role.ATTENDANT))
    qtbot.addWidget(attendant_window)
    assert "&Retaguarda" not in _menu_titles(attendant_window)  # nothing to offer: no menu
    admin_window = MainWindow(sqlite_db, make_user(sqlite_db, "chefe", Role.ADMIN))
    qtbot.addWidget(admin_window)
    office = next(a.menu() for a in admin_window.menuBar().actions() if a.text() == "&Retaguarda")
    titles = [a.text() for a in office.actions()]
    assert titles == ["Painel de Configurações", "Auditoria", "Importações"]  # ERP imports: admin too
    office.actions()[0].trigger()
    assert len(admin_window.backoffice_windows) == 1
    panel = admin_window.backoffice_windows[0]
    qtbot.addWidget(panel)
    assert panel.isVisible()


def test_each_subscriber_session_gets_a_protocol_with_its_history(
    qtbot, window: MainWindow, people, sqlite_db: Database, actor: CounterActor, sync_pool
) -> None:
    from desktop.domain.enums import TicketStatus
    from desktop.services import ticket_search
    from desktop.services import tickets as ticket_service

    view = window.open_subscriber(people["maria"], "Maria Aparecida da Silva")
    assert view.session_ticket is not None and view.header is not None
    protocol = view.session_ticket.protocol
    assert view.header.protocol is not None
    assert protocol in view.header.protocol.text().replace(" ", "")
    view.tab(FinancialTab).context.record(ticket_service.ACTION_STATEMENT, "Extrato impresso.")
    detail = ticket_search.detail(sqlite_db, actor, view.session_ticket.id)
    assert detail.item.status is TicketStatus.IN_PROGRESS
    assert [e.text for e in detail.history][-1] == "Extrato impresso."
    window.close_tab(window.tabs.indexOf(view))
    closed = ticket_search.detail(sqlite_db, actor, detail.item.id)
    assert closed.item.status is TicketStatus.CLOSED
    # Another subscriber, another protocol.
    other = window.open_subscriber(people["joao"], "João Souza")
    assert other.session_ticket is not None and other.session_ticket.protocol != protocol


def test_the_header_follows_an_enablement(qtbot, window: MainWindow, people, sync_pool) -> None:
    from desktop.ui.tabs.enablement import EnablementTab

    view = window.open_subscriber(people["marcos"], "Marcos Pereira")
    assert view.header is not None
    assert [b.text() for b in view.header.badges] == ["Suspenso por débito"]
    tab = view.tab(EnablementTab)
    assert tab is not None
    with view.db.session() as session:  # the enablement's effect on the contract
        from desktop.domain.enums import ContractStatus as Status
        from desktop.models import Contract

        contract = session.query(Contract).filter_by(subscriber_id=people["marcos"]).one()
        contract.status = Status.PROVISIONAL
    tab.context.notify_changed()  # what the tab does after enabling
    assert [b.text() for b in view.header.badges] == ["Habilitado provisoriamente"]


def test_closing_the_program_closes_the_open_atendimentos(
    qtbot,
    window: MainWindow,
    people,
    sqlite_db: Database,
    actor: CounterActor,
    recorded_dialogs,
    sync_pool,
) -> None:
    from desktop.domain.enums import TicketStatus
    from desktop.services import ticket_search

    view = window.open_subscriber(people["maria"], "Maria Aparecida da Silva")
    assert view.session_ticket is not None
    ticket_id = view.session_ticket.id
    recorded_dialogs.answer = True  # "Fechar o programa?" -> Sim
    window.close()
    assert ticket_search.detail(sqlite_db, actor, ticket_id).item.status is TicketStatus.CLOSED
