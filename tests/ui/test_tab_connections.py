"""Extrato de Conexões tab: nothing loads unasked, sessions, totals, daily chart, printing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.models import AuditEntry, Contract, RadiusLogin
from desktop.services import connections, subscribers
from desktop.services.connection_totals import DayTraffic
from desktop.ui import charts
from desktop.ui.charts import DailyTrafficChart
from desktop.ui.tabs import ConnectionsTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.factories import subscriber
from tests.statement_factories import local, radacct, session_row
from tests.ui.conftest import texts
from tests.ui.tab_helpers import sink_job_bytes, sink_printer

TODAY = dt.date(2026, 11, 30)
LOGIN = "maria.silva@fibra"


@pytest.fixture
def setup(sqlite_db: Database) -> tuple[Database, CounterActor, int]:
    db = sqlite_db
    actor = make_user(db, "ana", Role.ATTENDANT)
    sub, _contract = subscriber(db, "Maria Aparecida da Silva", login=LOGIN)
    radacct(
        db,
        [
            session_row(LOGIN, local(2026, 10, 31, 8), local(2026, 10, 31, 9)),  # October
            session_row(
                LOGIN,
                local(2026, 11, 2, 8),
                local(2026, 11, 2, 10, 30),
                download=1_230_000_000,
                upload=120_000_000,
            ),
            session_row(
                LOGIN,
                local(2026, 11, 2, 20),
                local(2026, 11, 2, 21),
                download=500_000_000,
                upload=5_000_000,
                cause="Lost-Carrier",
                ipv6_prefix=None,
            ),
            session_row(LOGIN, local(2026, 11, 29, 22), None, download=2_000, upload=1_000),
        ],
    )
    return db, actor, sub


@pytest.fixture
def tab(qtbot, setup) -> ConnectionsTab:
    db, actor, sub = setup
    ws = subscribers.workspace(db, actor, sub)
    widget = ConnectionsTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    widget.activated()
    return widget


def audit_actions(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_nothing_is_read_until_ver_is_clicked(tab: ConnectionsTab, setup, sync_pool) -> None:
    db, _actor, _sub = setup
    assert sync_pool.started == 0
    assert tab.model.rowCount() == 0
    assert tab.message.kind == "info" and "Marco Civil" in tab.message.text()
    assert tab.chart.placeholder and not tab.chart.days
    assert connections.ACTION_VIEWED not in audit_actions(db)


def test_ver_shows_sessions_totals_and_chart(
    qtbot, tab: ConnectionsTab, setup, qtmodeltester
) -> None:
    db, _actor, _sub = setup
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    model = tab.model
    qtmodeltester.check(model)
    assert texts(model, 0 + 1) == ["02/11/2026 08:00", "02/11/2026 20:00", "29/11/2026 22:00"]
    assert texts(model, 1 + 1) == ["02/11/2026 10:30", "02/11/2026 21:00", "em andamento"]
    assert texts(model, 2 + 1)[:2] == ["2:30:00", "1:00:00"]
    assert texts(model, 3 + 1)[0] == "100.64.0.10"
    assert texts(model, 4 + 1) == ["2804:14c:1000:100::/56", "", "2804:14c:1000:100::/56"]
    assert texts(model, 5 + 1)[0] == "AA:BB:CC:00:11:22"
    assert texts(model, 6 + 1)[0] == "10.0.0.1"
    assert texts(model, 7 + 1) == ["1,23 GB", "500,00 MB", "2,00 kB"]
    assert texts(model, 8 + 1) == ["120,00 MB", "5,00 MB", "1,00 kB"]
    assert texts(model, 9 + 1) == ["Pedido do usuário", "Perda de portadora", ""]
    assert model.index(0, 8).data(Qt.ItemDataRole.ToolTipRole) == "1.230.000.000 bytes recebidos"

    rows = tab.totals.rows()
    assert rows[0] == ["Totais do período", "Sessões", "Tempo conectado", "Download", "Upload"]
    assert rows[1][:2] == ["Total", "3"] and rows[1][3:] == ["1,73 GB", "125,00 MB"]

    days = tab.chart.days
    assert len(days) == 30 and days[0].day == dt.date(2026, 11, 1)
    assert days[1] == DayTraffic(dt.date(2026, 11, 2), 1_730_000_000, 125_000_000)
    assert tab.chart.day_at(tab.chart.day_center(1)) == 1
    assert tab.chart.tooltip_text(1) == "seg, 02/11/2026\nDownload: 1,73 GB\nUpload: 125,00 MB"
    assert not tab.busy.isVisible() and not tab.message.isVisible()
    assert audit_actions(db).count(connections.ACTION_VIEWED) == 1  # the view is on record


def test_reversed_period_is_refused_without_a_query(qtbot, tab: ConnectionsTab, sync_pool) -> None:
    tab.period_picker.set_period(dt.date(2026, 11, 30), dt.date(2026, 11, 1))
    qtbot.keyClick(tab.period_picker.end_edit, Qt.Key.Key_Return)
    assert tab.message.kind == "error" and "Período inválido" in tab.message.text()
    assert sync_pool.started == 0


def test_chart_draws_both_series_and_scales() -> None:
    assert charts.nice_scale(1.73) == (2.0, 0.5)
    assert charts.nice_scale(0.0) == (1.0, 0.25)
    assert charts.nice_scale(730) == (800.0, 200.0)
    assert charts.chart_unit(1_730_000_000) == ("GB", 10**9)
    assert charts.axis_number(2.5) == "2,5" and charts.axis_number(1000) == "1.000"


def test_chart_paints_bars_in_both_colours(qtbot) -> None:
    chart = DailyTrafficChart()
    qtbot.addWidget(chart)
    chart.resize(900, 220)
    days = [
        DayTraffic(dt.date(2026, 11, 1) + dt.timedelta(days=i), (i % 7 + 1) * 10**9, 2 * 10**8)
        for i in range(30)
    ]
    chart.set_days(days)
    image = chart.grab().toImage()
    colours = {
        image.pixelColor(QPoint(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert QColor(charts.DOWNLOAD_COLOR).name() in colours
    assert QColor(charts.UPLOAD_COLOR).name() in colours
    assert chart.day_at(chart.day_center(29)) == 29
    assert chart.day_at(QPoint(2, 2).toPointF()) is None


@pytest.mark.cups
def test_imprimir_prints_and_is_audited_as_printed(qtbot, tab: ConnectionsTab, setup) -> None:
    db, _actor, _sub = setup
    queues = sink_printer()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Enviado para a impressora SINK.", tab.message.text()
    outcome = tab.result.last_outcome
    assert outcome is not None and outcome.job_id is not None
    assert sink_job_bytes(queues, outcome.job_id) == outcome.pdf
    assert connections.ACTION_PRINTED in audit_actions(db)


SECOND = "maria.loja@fibra"


@pytest.fixture
def two_logins(setup) -> tuple[Database, CounterActor, int]:
    """Maria has a second plan with its own login (home and shop)."""
    db, actor, sub = setup
    with db.session() as session:
        first = session.scalars(select(Contract).where(Contract.subscriber_id == sub)).one()
        contract = Contract(
            number="C999999",
            subscriber_id=sub,
            plan_id=first.plan_id,
            status=first.status,
            activated_on=first.activated_on,
        )
        session.add(contract)
        session.flush()
        session.add(RadiusLogin(contract_id=contract.id, username=SECOND))
    radacct(db, [session_row(SECOND, local(2026, 11, 10, 9), local(2026, 11, 10, 11))])
    return db, actor, sub


def test_two_logins_get_a_login_column_and_a_login_filter(qtbot, two_logins) -> None:
    """Trial finding: the sessions of two logins were mixed with no Login column."""
    db, actor, sub = two_logins
    ws = subscribers.workspace(db, actor, sub)
    tab = ConnectionsTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    assert tab.login_combo.isVisible()
    assert [tab.login_combo.itemText(i) for i in range(tab.login_combo.count())] == [
        "Todos",
        SECOND,
        LOGIN,
    ]
    tab.view()
    assert not tab.table.isColumnHidden(0)
    assert texts(tab.model, 0) == [LOGIN, LOGIN, SECOND, LOGIN]
    tab.login_combo.setCurrentIndex(tab.login_combo.findText(SECOND))
    tab.view()
    assert texts(tab.model, 0) == [SECOND]
    assert tab.totals.rows()[1][1] == "1"  # the totals follow the filter
    with pytest.raises(Exception, match="não é deste assinante"):
        connections.page(
            db, actor, connections.ConnectionFilter(sub, tab.current_filter().period, "outro")
        )


def test_one_login_needs_no_login_column(tab: ConnectionsTab) -> None:
    assert tab.table.isColumnHidden(0) and not tab.login_combo.isVisible()
