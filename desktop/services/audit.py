"""The audit log: who did what, when, from which station."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role
from desktop.models import AuditEntry
from desktop.services.access import require_role


def _entry(
    actor: Actor, action: str, subject_type: str, subject_id: object, details: dict[str, Any]
) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "actor": actor.label,
        "role": str(actor.role),
        "station": actor.station,
        "action": action,
        "subject_type": subject_type,
        "subject_id": str(subject_id),
        "details": json.dumps(details, ensure_ascii=False, default=str, sort_keys=True),
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    subject_type: str = "",
    subject_id: object = "",
    **details: Any,
) -> None:
    """Add an audit entry in the caller's transaction (it lands only if the action does)."""
    session.add(AuditEntry(**_entry(actor, action, subject_type, subject_id, details)))


def record_now(
    db: Database,
    actor: Actor,
    action: str,
    subject_type: str = "",
    subject_id: object = "",
    **details: Any,
) -> None:
    """Write an audit entry on its own, at once (one statement: the record of a read that
    changes nothing else, such as a view of a confidential statement)."""
    db.write_once(
        insert(AuditEntry).values(**_entry(actor, action, subject_type, subject_id, details))
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    role: str
    station: str
    action: str
    subject_type: str
    subject_id: str
    details: str


def page(
    db: Database, actor: Actor, after: tuple[dt.datetime, int] | None = None, limit: int = 200
) -> list[AuditRow]:
    """Newest first, keyset-paged; administrators only."""
    require_role(actor, Role.ADMIN)
    stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if after is not None:
        at, last_id = after
        stmt = stmt.where(
            (AuditEntry.at < at) | ((AuditEntry.at == at) & (AuditEntry.id < last_id))
        )
    with db.session() as session:
        return [
            AuditRow(
                e.id,
                e.at,
                e.actor,
                e.role,
                e.station,
                e.action,
                e.subject_type,
                e.subject_id,
                e.details,
            )
            for e in session.scalars(stmt)
        ]
