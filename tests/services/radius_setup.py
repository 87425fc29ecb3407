"""Builders for the Habilitação Provisória tests: a plan suspended for debt, with RADIUS rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from desktop.db import Database
from desktop.domain.clock import today_local, utcnow
from desktop.domain.enums import ContractStatus
from desktop.models import Contract, RadAcct, RadUserGroup
from desktop.services import settings
from tests.factories import CPFS, receivable, subscriber

SUSPENDED_SINCE = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
SECRET = b"segredo-nas"


def suspended(
    db: Database,
    login: str = "joana",
    *,
    document: str = CPFS[0],
    status: ContractStatus = ContractStatus.SUSPENDED_DEBT,
    since: dt.datetime = SUSPENDED_SINCE,
    debt: bool = True,
) -> tuple[int, int, int | None]:
    """(subscriber_id, contract_id, overdue receivable id) with 'bloqueado' on the login."""
    sub_id, contract_id = subscriber(
        db, "Joana D'Arc Ferreira", document, status=status, login=login
    )
    with db.session() as session:
        session.execute(
            update(Contract).where(Contract.id == contract_id).values(status_changed_at=since)
        )
        session.add_all(
            [
                RadUserGroup(username=login, groupname="plano300", priority=1),
                RadUserGroup(username=login, groupname="bloqueado", priority=0),
            ]
        )
    receivable_id = None
    if debt:
        receivable_id = receivable(
            db, sub_id, today_local() - dt.timedelta(days=25), "99.90", contract_id=contract_id
        )
    return sub_id, contract_id, receivable_id


def groups(db: Database, login: str = "joana") -> list[tuple[str, int]]:
    with db.session() as session:
        return [
            (g, p)
            for g, p in session.execute(
                select(RadUserGroup.groupname, RadUserGroup.priority)
                .where(RadUserGroup.username == login)
                .order_by(RadUserGroup.groupname)
            )
        ]


def open_session(db: Database, login: str = "joana") -> None:
    with db.session() as session:
        session.add(
            RadAcct(
                acctsessionid="81a00012",
                acctuniqueid=f"uniq-{login}",
                username=login,
                nasipaddress="10.0.0.1",
                framedipaddress="100.64.0.10",
                acctstarttime=utcnow() - dt.timedelta(hours=2),
            )
        )


def configure_nas(db: Database, port: int, secret: bytes = SECRET) -> None:
    with db.session() as session:
        settings.put(session, "radius.nas_ip", "127.0.0.1")
        settings.put(session, "radius.nas_secret", secret.decode())
        settings.put(session, "radius.coa_port", port)


def contract_state(db: Database, contract_id: int) -> tuple[ContractStatus, dt.datetime]:
    with db.session() as session:
        contract = session.get(Contract, contract_id)
        assert contract is not None
        return contract.status, contract.status_changed_at
