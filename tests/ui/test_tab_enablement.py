"""Habilitação Provisória tab: reasons in words, enabling unblocks RADIUS, then the list refreshes."""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import Qt

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.enums import ContractStatus, Role
from desktop.services import settings as settings_service
from desktop.services import subscribers
from desktop.services.enablement import eligible_contracts
from desktop.ui import formatting as fmt
from desktop.ui.tabs import EnablementTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import kiosk, make_user
from tests.factories import CPFS
from tests.services.radius_setup import contract_state, groups, suspended
from tests.ui.conftest import RecordingDialogs, texts


def make_tab(qtbot, db: Database, actor: Actor, sub_id: int) -> EnablementTab:
    ws = subscribers.workspace(db, actor, sub_id)
    tab = EnablementTab(TabContext(db, actor, ws, runner()))
    qtbot.addWidget(tab)
    tab.resize(1100, 500)
    tab.show()
    tab.activated()
    return tab


@pytest.mark.parametrize("who", ["attendant", "kiosk"])
def test_enable_a_suspended_plan_removes_the_suspension_group(
    qtbot, qtmodeltester, sqlite_db: Database, recorded_dialogs: RecordingDialogs, who: str
) -> None:
    sub_id, contract_id, _ = suspended(sqlite_db)
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT) if who == "attendant" else kiosk(sub_id)
    tab = make_tab(qtbot, sqlite_db, actor, sub_id)
    qtmodeltester.check(tab.model)
    assert texts(tab.model, 2) == ["Suspenso por débito"]
    assert texts(tab.model, 3) == ["Sim"]
    assert tab.selected() is not None  # the first allowed plan is selected
    assert tab.enable_button.isEnabled()
    assert "pode ser habilitado" in tab.reason_label.text()

    qtbot.mouseClick(tab.enable_button, Qt.MouseButton.LeftButton)

    kinds = [kind for kind, *_ in recorded_dialogs.shown]
    assert kinds == ["question", "information"]
    text = recorded_dialogs.shown[1][2]
    assert re.fullmatch(
        r"Plano habilitado até \d\d/\d\d/\d{4} \d\d:\d\d — protocolo \d{8} \d{5} \d{5}", text
    ), text
    assert groups(sqlite_db) == [("plano300", 1)]  # the 'bloqueado' row is gone
    assert contract_state(sqlite_db, contract_id)[0] is ContractStatus.PROVISIONAL
    # The list was loaded again: the plan is enabled and may not be enabled twice.
    assert texts(tab.model, 2)[0].startswith("Habilitado provisoriamente até ")
    assert texts(tab.model, 3)[0].startswith("Não: Este plano já foi habilitado")
    assert not tab.enable_button.isEnabled()
    assert "Não é possível habilitar" in tab.reason_label.text()
    assert tab.message.text() == text


def test_a_plan_suspended_for_another_reason_says_why_and_cannot_be_enabled(
    qtbot, sqlite_db: Database, recorded_dialogs: RecordingDialogs
) -> None:
    sub_id, _contract, _ = suspended(
        sqlite_db, "carlos", document=CPFS[2], status=ContractStatus.SUSPENDED_OTHER
    )
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    assert texts(tab.model, 3) == [
        "Não: Plano suspenso por outro motivo: procure o setor responsável"
    ]
    assert tab.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("Plano suspenso")
    assert not tab.enable_button.isEnabled()
    tab.enable_selected()  # even if called, nothing is asked or done
    assert recorded_dialogs.shown == []
    assert ("bloqueado", 0) in groups(sqlite_db, "carlos")


def test_answering_no_changes_nothing(
    qtbot, sqlite_db: Database, recorded_dialogs: RecordingDialogs
) -> None:
    sub_id, contract_id, _ = suspended(sqlite_db)
    recorded_dialogs.answer = False
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    tab.enable_selected()
    assert [kind for kind, *_ in recorded_dialogs.shown] == ["question"]
    assert contract_state(sqlite_db, contract_id)[0] is ContractStatus.SUSPENDED_DEBT


def test_no_suspended_plan_says_so(qtbot, sqlite_db: Database) -> None:
    from tests.factories import subscriber

    sub_id, _ = subscriber(sqlite_db, "Ana Lima", CPFS[1])
    tab = make_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    assert tab.model.rowCount() == 0
    assert tab.message.isVisible() and "Nenhum plano suspenso" in tab.message.text()
    assert not tab.enable_button.isEnabled()


def test_the_question_names_the_end_date_and_time_the_enablement_gets(
    qtbot, sqlite_db: Database, recorded_dialogs: RecordingDialogs
) -> None:
    """Trial finding: the question said "até o fim do prazo" without the date."""
    sub_id, contract_id, _ = suspended(sqlite_db)
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    days = int(settings_service.read(sqlite_db, "enablement.days"))
    tab = make_tab(qtbot, sqlite_db, actor, sub_id)
    qtbot.mouseClick(tab.enable_button, Qt.MouseButton.LeftButton)
    question = recorded_dialogs.shown[0][2]
    match = re.search(
        rf"vale {days} dias: até (\d\d/\d\d/\d{{4}}) às (\d\d:\d\d) \(horário de Brasília\)",
        question,
    )
    assert match, question
    (option,) = eligible_contracts(sqlite_db, actor, sub_id)
    assert option.contract_id == contract_id and option.enabled_until is not None
    granted = fmt.local_datetime(option.enabled_until)
    assert granted == f"{match.group(1)} {match.group(2)}"  # the date agreed to is the one given
