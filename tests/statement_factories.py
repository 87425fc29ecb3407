"""Rows for the call and connection statements (real rows, inserted directly)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select

from desktop.db import Database
from desktop.domain.enums import CallType
from desktop.models import Call, RadAcct, Terminal

_keys = itertools.count(1)
SP = dt.timezone(dt.timedelta(hours=-3))  # São Paulo has been -03:00 all year since 2019


def local(
    year: int, month: int, day: int, hour: int = 12, minute: int = 0, second: int = 0
) -> dt.datetime:
    """A São Paulo wall-clock time as an aware datetime."""
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=SP)


def terminal_id(db: Database, number: str) -> int:
    with db.session() as session:
        found = session.scalar(select(Terminal.id).where(Terminal.number == number))
        assert found is not None
        return found


def call(
    db: Database,
    terminal: str,
    started_at: dt.datetime,
    destination: str = "4430452000",
    call_type: CallType = CallType.LOCAL_FIXO,
    duration_s: int = 65,
    billed_s: int = 66,
    amount: str = "0.11",
    *,
    hidden: bool = False,
) -> None:
    calls(
        db,
        terminal,
        [
            dict(
                started_at=started_at,
                destination=destination,
                call_type=call_type,
                duration_s=duration_s,
                billed_s=billed_s,
                amount=Decimal(amount),
                hidden=hidden,
            )
        ],
    )


def calls(db: Database, terminal: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert (``executemany``) of call rows for one terminal."""
    tid = terminal_id(db, terminal)
    values = [
        {
            "terminal_id": tid,
            "source_key": f"test-{next(_keys)}",
            "hidden": False,
            "imported_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            **row,
        }
        for row in rows
    ]
    with db.session() as session:
        session.execute(insert(Call), values)


def session_row(
    login: str,
    started_at: dt.datetime,
    stopped_at: dt.datetime | None,
    *,
    download: int = 1_000_000,
    upload: int = 200_000,
    ip: str = "100.64.0.10",
    ipv6_prefix: str | None = "2804:14c:1000:100::/56",
    mac: str = "AA:BB:CC:00:11:22",
    nas: str = "10.0.0.1",
    cause: str | None = "User-Request",
) -> dict[str, Any]:
    """One ``radacct`` row as FreeRADIUS writes it (closed or open)."""
    n = next(_keys)
    return {
        "acctsessionid": f"8100{n:04X}",
        "acctuniqueid": f"unique-{n:08d}",
        "username": login,
        "nasipaddress": nas,
        "nasportid": "ether1",
        "nasporttype": "Ethernet",
        "acctstarttime": started_at,
        "acctupdatetime": stopped_at or started_at,
        "acctstoptime": stopped_at,
        "acctinterval": 300,
        "acctsessiontime": None
        if stopped_at is None
        else int((stopped_at - started_at).total_seconds()),
        "acctauthentic": "RADIUS",
        "acctinputoctets": upload,
        "acctoutputoctets": download,
        "callingstationid": mac,
        "calledstationid": "pppoe-service",
        "acctterminatecause": None if stopped_at is None else cause,
        "servicetype": "Framed-User",
        "framedprotocol": "PPP",
        "framedipaddress": ip,
        "delegatedipv6prefix": ipv6_prefix,
    }


def radacct(db: Database, rows: list[dict[str, Any]]) -> None:
    with db.session() as session:
        session.execute(insert(RadAcct), rows)
