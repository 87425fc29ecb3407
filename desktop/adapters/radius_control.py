"""What the application changes on FreeRADIUS: the suspension group and CoA/Disconnect.

REFERENCE.md §5 (tested with FreeRADIUS 3.2): a login is blocked by a ``radusergroup`` row
``(username, <suspension group>, priority 0)`` and restored by deleting it; the running
session keeps its old attributes until it is disconnected, so after a change we send an
RFC 5176 **Disconnect-Request** to the NAS (when one is configured) and the customer's router
re-authenticates at once with the new groups.

The FreeRADIUS tables live in the application's database unless ``radius.database_url``
points elsewhere; then that database gets its own engine, and the only table written there
is ``radusergroup`` — never inside a transaction of ours: ``radius_sync`` orders the two.

The Disconnect-Request is encoded and its reply verified by **pyrad** (``pyrad.packet``); the
UDP exchange is a plain socket with a timeout, written here because ``pyrad.client.Client``
needs ``select.poll``, which Windows counters do not have.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from pyrad import packet
from pyrad.dictionary import Dictionary
from sqlalchemy import Engine, delete, insert, select, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from desktop.config.paths import resources_dir
from desktop.db import create_db_engine
from desktop.errors import DatabaseUnavailable
from desktop.models import RadUserGroup

COA_TIMEOUT_S = 3.0
COA_ATTEMPTS = 2


@dataclass(frozen=True)
class RadiusConfig:
    database_url: str  # empty: the application's database
    suspension_group: str
    nas_ip: str  # empty: no CoA/Disconnect
    nas_secret: str
    coa_port: int


@dataclass(frozen=True)
class OpenSession:
    username: str
    acct_session_id: str
    nas_ip: str
    framed_ip: str | None


@dataclass(frozen=True)
class CoaOutcome:
    username: str
    ok: bool
    message: str  # Portuguese, for the history and the warning


# pg_advisory_xact_lock(class, object): the class says "a contract of the Central do
# Assinante" so our locks never collide with another application's on a shared server.
ADVISORY_LOCK_CLASS = 0x43414153  # "CAAS"


def lock_logins_of(session: Session, contract_id: int) -> None:
    """Serialise every change to one contract's logins until this transaction ends.

    Two appliers of the outbox (the station that made the change and another station's
    ``jobs run``) may reach FreeRADIUS at the same moment with different intents; holding
    this lock while reading the latest intent and writing it means the last writer always
    writes the latest intent.  On PostgreSQL an advisory transaction lock (it dies with the
    connection, so a killed process never leaves it behind); on SQLite a write that changes
    nothing takes the database's write lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:cls, :obj)"),
            {"cls": ADVISORY_LOCK_CLASS, "obj": contract_id},
        )
    else:
        session.execute(text("UPDATE radusergroup SET priority = priority WHERE 0 = 1"))


@contextmanager
def separate_session(config: RadiusConfig, engine: Engine | None = None) -> Iterator[Session]:
    """A session on the separate FreeRADIUS database (``radius.database_url``), committed
    when the block ends.  Never open it inside a transaction of the application's database:
    the two commit independently (DESIGN.md "Two systems, one outcome").  ``engine``: one
    the caller keeps for a batch (and disposes); otherwise one just for this session."""
    own = engine is None
    engine = engine or separate_engine(config)
    try:
        with Session(engine) as session:
            yield session
            session.commit()
    except (OperationalError, InterfaceError) as exc:
        raise DatabaseUnavailable(UNREACHABLE) from exc
    finally:
        if own:
            engine.dispose()


def separate_engine(config: RadiusConfig) -> Engine:
    return create_db_engine(config.database_url)


UNREACHABLE = "radius_control.banco_freeradius_inacessivel"


def unblock(session: Session, usernames: Iterable[str], group: str) -> int:
    """Remove the logins from the suspension group; returns the rows deleted."""
    names = list(usernames)
    if not names:
        return 0
    result = session.execute(
        delete(RadUserGroup)
        .where(RadUserGroup.username.in_(names), RadUserGroup.groupname == group)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def block(session: Session, usernames: Iterable[str], group: str) -> int:
    """Put the logins (back) in the suspension group at priority 0; returns rows inserted.

    Check-then-insert is safe here because the caller holds :func:`lock_logins_of`."""
    added = 0
    for name in usernames:
        present = session.scalar(
            select(RadUserGroup.id)
            .where(RadUserGroup.username == name, RadUserGroup.groupname == group)
            .limit(1)
        )
        if present is None:
            session.execute(insert(RadUserGroup).values(username=name, groupname=group, priority=0))
            added += 1
    return added


def open_sessions(session: Session, usernames: Sequence[str]) -> list[OpenSession]:
    """The sessions still running (no stop time) for these logins, from ``radacct``."""
    found: list[OpenSession] = []
    query = text(
        "SELECT acctsessionid, nasipaddress, framedipaddress FROM radacct "
        "WHERE username = :username AND acctstoptime IS NULL"
    )
    for name in usernames:
        for row in session.execute(query, {"username": name}):
            framed = str(row.framedipaddress) if row.framedipaddress else None
            found.append(OpenSession(name, str(row.acctsessionid), str(row.nasipaddress), framed))
    return found


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    return Dictionary(str(resources_dir() / "radius" / "dictionary"))


def _bare_ip(value: str | None) -> str | None:
    """``inet`` columns may come back with a prefix length (``10.0.0.1/32``)."""
    if not value:
        return None
    return value.split("/", 1)[0]


def disconnect(
    config: RadiusConfig,
    target: OpenSession,
    *,
    timeout: float = COA_TIMEOUT_S,
    attempts: int = COA_ATTEMPTS,
) -> CoaOutcome:
    """Send one RFC 5176 Disconnect-Request to the configured NAS and wait for the answer."""
    attributes: dict[str, object] = {
        "User_Name": target.username,
        "Acct_Session_Id": target.acct_session_id,
    }
    nas_ip = _bare_ip(target.nas_ip)
    framed = _bare_ip(target.framed_ip)
    if nas_ip and ":" not in nas_ip:
        attributes["NAS_IP_Address"] = nas_ip
    if framed and ":" not in framed:
        attributes["Framed_IP_Address"] = framed
    request = packet.CoAPacket(
        code=packet.DisconnectRequest,
        secret=config.nas_secret.encode(),
        dict=dictionary(),
        **attributes,
    )
    raw = request.RequestPacket()
    where = f"{config.nas_ip}:{config.coa_port}"
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            config.nas_ip, config.coa_port, type=socket.SOCK_DGRAM
        )[0]
        with socket.socket(family, kind, proto) as sock:
            sock.connect(address)  # a connected socket also reports "port unreachable"
            for _ in range(max(1, attempts)):
                sock.send(raw)
                deadline = time.monotonic() + timeout
                while (left := deadline - time.monotonic()) > 0:
                    sock.settimeout(left)
                    try:
                        data = sock.recv(4096)
                    except TimeoutError:
                        break
                    try:
                        reply = request.CreateReply(packet=data)
                    except packet.PacketError:
                        continue
                    if not request.VerifyReply(reply, data):
                        continue  # not ours, or a wrong secret: keep waiting
                    if reply.code == packet.DisconnectACK:
                        return CoaOutcome(
                            target.username,
                            True,
                            f"Desconexão aceita pelo NAS {where} (Disconnect-ACK).",
                        )
                    cause = reply.get("Error-Cause")
                    detail = f", motivo {cause[0]}" if cause else ""
                    return CoaOutcome(
                        target.username,
                        False,
                        f"O NAS {where} recusou a desconexão (Disconnect-NAK{detail}).",
                    )
    except OSError as exc:
        return CoaOutcome(
            target.username,
            False,
            f"Não foi possível falar com o NAS {where}: {exc.strerror or exc}.",
        )
    return CoaOutcome(target.username, False, f"O NAS {where} não respondeu à desconexão.")


def disconnect_logins(
    config: RadiusConfig, sessions: Sequence[OpenSession], *, timeout: float = COA_TIMEOUT_S
) -> list[CoaOutcome]:
    """Disconnect every open session (nothing when no NAS is configured)."""
    if not config.nas_ip:
        return []
    if not config.nas_secret:
        return [
            CoaOutcome(
                s.username, False, "O segredo do NAS não está configurado: desconexão não enviada."
            )
            for s in sessions
        ]
    return [disconnect(config, s, timeout=timeout) for s in sessions]
