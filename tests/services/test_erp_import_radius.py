"""A contract the ERP turns ``suspenso_debito`` or back ``ativo`` moves its RADIUS login in or
out of the suspension group as the app's own actions do (intent in our transaction, then
FreeRADIUS, audited), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.enums import ContractStatus, Role
from desktop.models import AuditEntry, RadiusChange
from tests.conftest import make_user
from tests.factories import CPFS
from tests.services.erp_setup import CONTRACT_HEADER, CUSTOMER_HEADER, run, write_csv
from tests.services.radius_setup import contract_state, groups


def contracts(tmp_path: Path, status: str, name: str) -> Path:
    return write_csv(
        tmp_path / name,
        [CONTRACT_HEADER, ["K1", "C1", "N-1", "Fibra 300", status, "joana", "", "10"]],
    )


def test_suspenso_debito_then_ativo_moves_the_login(db: Database, tmp_path: Path) -> None:
    finance = make_user(db, "financeiro1", Role.FINANCE)
    run(
        db,
        finance,
        "customers",
        write_csv(tmp_path / "c.csv", [CUSTOMER_HEADER, ["C1", CPFS[0], "Joana"]]),
    )
    created = run(db, finance, "contracts", contracts(tmp_path, "ativo", "1.csv"))
    assert created.created == 1 and groups(db) == []

    suspended = run(db, finance, "contracts", contracts(tmp_path, "suspenso_debito", "2.csv"))
    assert suspended.updated == 1 and suspended.warnings == ()
    assert groups(db) == [("bloqueado", 0)]
    with db.session() as session:
        contract_id = session.scalar(select(RadiusChange.contract_id))
    assert contract_state(db, contract_id)[0] is ContractStatus.SUSPENDED_DEBT

    # The same file again: nothing moves, no second intent.
    assert (
        run(db, finance, "contracts", contracts(tmp_path, "suspenso_debito", "3.csv")).unchanged
        == 1
    )

    back = run(db, finance, "contracts", contracts(tmp_path, "ativo", "4.csv"))
    assert back.updated == 1 and groups(db) == []
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    with db.session() as session:
        states = list(session.scalars(select(RadiusChange.state).order_by(RadiusChange.id)))
        assert [s for s in states] == ["applied", "applied"]
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "plano.situacao_alterada")
            )
            == 2
        )


def test_a_new_contract_suspended_from_the_start_is_blocked(db: Database, tmp_path: Path) -> None:
    finance = make_user(db, "financeiro1", Role.FINANCE)
    run(
        db,
        finance,
        "customers",
        write_csv(tmp_path / "c.csv", [CUSTOMER_HEADER, ["C1", CPFS[0], "Joana"]]),
    )
    assert (
        run(db, finance, "contracts", contracts(tmp_path, "suspenso_debito", "1.csv")).created == 1
    )
    assert groups(db) == [("bloqueado", 0)]


def test_a_provisional_enablement_is_kept_against_a_stale_suspension(
    db: Database, tmp_path: Path
) -> None:
    from desktop.models import Contract
    from tests.services.radius_setup import suspended

    finance = make_user(db, "financeiro1", Role.FINANCE)
    _, contract_id, _ = suspended(db, status=ContractStatus.PROVISIONAL)
    with db.session() as session:
        number = session.get(Contract, contract_id).number  # type: ignore[union-attr]
    run(
        db,
        finance,
        "customers",
        write_csv(tmp_path / "c.csv", [CUSTOMER_HEADER, ["C1", CPFS[0], "Joana D'Arc Ferreira"]]),
    )
    path = write_csv(
        tmp_path / "k.csv",
        [
            CONTRACT_HEADER,
            ["K1", "C1", number, "Internet 300 Mega", "suspenso_debito", "joana", "", "10"],
        ],
    )
    report = run(db, finance, "contracts", path)
    (conflict,) = report.conflicts
    assert "habilitado provisoriamente" in conflict.reason
    assert contract_state(db, contract_id)[0] is ContractStatus.PROVISIONAL
    with db.session() as session:
        assert session.get(Contract, contract_id).external_id == "K1"  # type: ignore[union-attr]
