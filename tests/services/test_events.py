"""``export events``: each store action reaches the ERP once, in order, from its cursor."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import PaymentMethod, Role
from desktop.errors import AccessDenied, InvalidInput
from desktop.services import events, payments, tickets
from tests import factories
from tests.conftest import make_user
from tests.services.settle_workers import follow_events, open_tickets


def test_actions_are_exported_once_in_order_with_the_erp_ids(
    db: Database, attendant: CounterActor
) -> None:
    finance = make_user(db, "caixa", Role.FINANCE)
    sub_id, contract_id = factories.subscriber(db)
    bill = factories.receivable(db, sub_id, dt.date.today(), contract_id=contract_id)
    with db.session() as session:
        from desktop.models import Contract, Receivable, Subscriber

        session.get_one(Subscriber, sub_id).external_id = "CLI-1"
        session.get_one(Contract, contract_id).external_id = "CTR-1"
        session.get_one(Receivable, bill).external_id = "TIT-1"
    ticket = tickets.open_ticket(db, attendant, sub_id, "Informação", "Quer saber do plano")
    payments.settle(db, finance, bill, Decimal("99.90"), PaymentMethod.CASH)
    tickets.close_ticket(db, attendant, ticket.id)

    first = events.export(db, finance, limit=2)
    assert [e.kind for e in first] == ["ticket_opened", "payment"]
    assert first[0].protocol == ticket.protocol and first[0].operator == "atendente1"
    assert (first[1].customer_external_id, first[1].contract_external_id) == ("CLI-1", "CTR-1")
    assert first[1].receivable_external_id == "TIT-1"
    assert first[1].data["amount"] == "99.90" and first[1].data["method"] == "dinheiro"
    rest = events.export(db, finance, after=first[-1].cursor)
    assert [e.kind for e in rest] == ["ticket_closed"]
    assert events.export(db, finance, after=rest[-1].cursor) == []  # nothing twice


def test_only_the_back_office_reads_the_outbox(db: Database, attendant: CounterActor) -> None:
    with pytest.raises(AccessDenied):
        events.export(db, attendant)
    with pytest.raises(InvalidInput):
        events.parse_cursor("abc")
    with pytest.raises(InvalidInput):
        events.export(db, make_user(db, "caixa", Role.FINANCE), limit=0)


def test_a_reader_following_the_cursor_misses_nothing_while_stations_write(
    db: Database, attendant: CounterActor
) -> None:
    """Ids are taken at INSERT, rows seen at COMMIT: a reader must never skip a late one."""
    reader = make_user(db, "erp", Role.FINANCE)
    sub_id, _ = factories.subscriber(db)
    args: list[tuple[object, ...]] = [
        (db.url, attendant.user_id, sub_id, 15) for _ in range(4)
    ]
    mixed = run_processes_mixed(db.url, reader.user_id, args)
    written = sorted(p for kind, items in mixed if kind == "writer" for p in items)
    (seen,) = [items for kind, items in mixed if kind == "reader"]
    assert len(written) == 60
    assert sorted(seen) == written  # every event once: none skipped, none doubled


def run_processes_mixed(url: str, reader_id: int, writer_args: list[tuple[object, ...]]) -> list:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(writer_args) + 1)
    out = ctx.Queue()
    procs = [ctx.Process(target=open_tickets, args=(*a, barrier, out)) for a in writer_args]
    procs.append(ctx.Process(target=follow_events, args=(url, reader_id, 12.0, barrier, out)))
    for proc in procs:
        proc.start()
    results = [out.get(timeout=180) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    return results


def test_export_events_cli_prints_json_lines(
    db: Database, attendant: CounterActor, capsys: pytest.CaptureFixture[str]
) -> None:
    make_user(db, "caixa", Role.FINANCE)
    sub_id, _ = factories.subscriber(db)
    for n in range(3):
        tickets.open_ticket(db, attendant, sub_id, "Informação", f"pedido {n}")
    assert main(["--db", db.url, "--operator", "caixa", "export", "events", "--limit", "2"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [item["kind"] for item in lines] == ["ticket_opened", "ticket_opened"]
    assert set(lines[0]) == {
        "cursor", "at", "kind", "station", "operator", "customer_external_id",
        "contract_external_id", "receivable_external_id", "protocol", "data",
    }
    cursor = lines[-1]["cursor"]
    assert main(["--db", db.url, "--operator", "caixa", "export", "events", "--after", cursor]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["--db", db.url, "--operator", "caixa", "export", "events", "--after", "x1"]) == 2
    assert "Cursor inválido" in capsys.readouterr().err

