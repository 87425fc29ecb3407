"""ANATEL protocol numbers: unique across every counter and kiosk of the provider.

Format (18 digits, fits ``Ticket.protocol``, ``String(20)``)::

    AAAAMMDD NNNNNNNNNN
    |        `- 10-digit global sequence, zero-padded, never reset
    `- the date in São Paulo when the number was given

The date makes a protocol readable over the phone ("é de hoje?") and the sequence makes it
unique.  Where the sequence comes from depends on the backend:

* **PostgreSQL**: a real ``SEQUENCE protocol_seq`` (created by the 0001 migration).  ``nextval``
  never blocks and never hands out the same value twice, whatever number of stations ask at
  the same moment.  A rolled-back transaction leaves a gap, which ANATEL allows.
* **SQLite**: the one-row table ``protocol_counter`` bumped with ``INSERT ... ON CONFLICT DO
  UPDATE ... RETURNING`` inside the caller's write transaction.  SQLite serialises writers, so
  each transaction sees the value the previous one committed; if the transaction is rolled
  back the value is given again, which is fine because the ticket that carried it is gone too.

The unique constraint on ``tickets.protocol`` is the last guard either way.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.domain.clock import to_local, utcnow
from desktop.models.support import PROTOCOL_SEQUENCE, ProtocolCounter

SEQUENCE_DIGITS = 10
PROTOCOL_LENGTH = 8 + SEQUENCE_DIGITS


def next_sequence_value(session: Session) -> int:
    """The next value of the global protocol sequence (in the caller's transaction)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        value = session.scalar(select(PROTOCOL_SEQUENCE.next_value()))
    else:
        stmt = (
            sqlite_insert(ProtocolCounter)
            .values(id=1, value=1)
            .on_conflict_do_update(
                index_elements=[ProtocolCounter.id], set_={"value": ProtocolCounter.value + 1}
            )
            .returning(ProtocolCounter.value)
        )
        value = session.execute(stmt).scalar_one()
    if value is None:  # pragma: no cover - nextval never returns NULL
        raise RuntimeError("protocol sequence returned nothing")
    return int(value)


def format_protocol(day: dt.date, value: int) -> str:
    """``AAAAMMDD`` + the sequence value on 10 digits (it wraps after 10^10 numbers)."""
    return f"{day:%Y%m%d}{value % 10**SEQUENCE_DIGITS:0{SEQUENCE_DIGITS}d}"


def next_protocol(session: Session, now: dt.datetime | None = None) -> str:
    """A new protocol number, dated in São Paulo."""
    moment = now or utcnow()
    return format_protocol(to_local(moment).date(), next_sequence_value(session))


def display_protocol(protocol: str) -> str:
    """Grouped for reading aloud: ``20261130 00000 00042``."""
    if len(protocol) != PROTOCOL_LENGTH or not protocol.isdigit():
        return protocol
    return f"{protocol[:8]} {protocol[8:13]} {protocol[13:]}"
