"""Two stations importing the same ERP file at once (separate processes released by a
barrier), on SQLite and PostgreSQL: every row is created once, by one of them, and the other
finds it unchanged; nothing is refused and nothing is doubled."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.enums import Role
from desktop.models import Contact, Receivable, Subscriber
from tests.conftest import make_user
from tests.services import integrity_workers as workers
from tests.services.concurrency import run_processes
from tests.services.erp_setup import CUSTOMER_HEADER, import_examples, write_csv

ROWS = 240
BATCH = 30  # eight batches each: the two stations' batches interleave


def cpf(n: int) -> str:
    digits = [int(c) for c in f"{n:09d}"]
    for length in (9, 10):
        total = sum(d * w for d, w in zip(digits, range(length + 1, 1, -1), strict=False))
        digits.append(0 if total % 11 < 2 else 11 - total % 11)
    return "".join(map(str, digits))


def _count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_two_stations_importing_one_customers_file_create_each_once(
    db: Database, tmp_path: Path
) -> None:
    finance = make_user(db, "financeiro1", Role.FINANCE)
    rows = [
        [
            f"CLI-{i:05d}",
            cpf(123_000_000 + i * 7),
            f"Cliente Corrida {i}",
            "",
            "",
            "Maringá",
            "PR",
            "87010-000",
        ]
        for i in range(ROWS)
    ]
    path = write_csv(tmp_path / "clientes.csv", [CUSTOMER_HEADER, *rows])
    args = (db.url, finance.user_id, "customers", str(path), BATCH)
    results = run_processes(workers.erp_import, [args, args])
    assert [r[0] for r in results] == ["ok", "ok"], results
    assert sum(r[1] for r in results) == ROWS  # created, by one station or the other
    assert sum(r[3] for r in results) == ROWS  # the other found it unchanged
    assert [r[2] for r in results] == [0, 0] and [r[4] for r in results] == [0, 0]
    assert _count(db, Subscriber) == ROWS
    assert _count(db, Contact) == ROWS  # one titular each, not two


def test_two_stations_importing_the_bills_create_and_settle_each_once(
    db: Database, tmp_path: Path
) -> None:
    from tests.services.erp_setup import EXAMPLES
    from tests.services.retorno_setup import bank_account

    finance = make_user(db, "financeiro1", Role.FINANCE)
    bank_account(db, "756")
    import_examples(db, finance)  # customers and contracts (and the bills once)
    with db.session() as session:
        before = {
            r.external_id: (r.status, r.paid_amount) for r in session.scalars(select(Receivable))
        }
    # The bills file again from two stations at once, with one more bill than the first time.
    lines = (EXAMPLES / "receivables.csv").read_text(encoding="utf-8").splitlines()
    extra = lines[4].replace("RC-9004", "RC-9099").replace("Mensalidade 12/2026", "Avulso")
    path = tmp_path / "receber.csv"
    path.write_text("\n".join([*lines, extra]) + "\n", encoding="utf-8")
    args = (db.url, finance.user_id, "receivables", str(path), 2)
    results = run_processes(workers.erp_import, [args, args])
    assert [r[0] for r in results] == ["ok", "ok"], results
    assert sorted(r[1] for r in results) == [0, 1], results  # the new bill, created once
    assert [r[4] for r in results] == [0, 0]
    with db.session() as session:
        after = {
            r.external_id: (r.status, r.paid_amount) for r in session.scalars(select(Receivable))
        }
    assert len(after) == len(before) + 1
    assert {k: v for k, v in after.items() if k != "RC-9099"} == before  # paid stays paid, once
