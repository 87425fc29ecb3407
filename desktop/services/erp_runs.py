"""The last ERP imports and the lines each refused or kept as a conflict (*Importações*)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.enums import Role
from desktop.models import ErpImport, ErpImportProblem
from desktop.services.access import require_role


@dataclass(frozen=True)
class ImportRun:
    id: int
    kind: str
    file_name: str
    operator: str
    station: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    read: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    conflicts: int
    error: str


@dataclass(frozen=True)
class RunProblem:
    kind: str  # "rejected" or "conflict"
    line: int
    reason: str


def recent(db: Database, actor: Actor, limit: int = 100) -> list[ImportRun]:
    """The newest runs first; finance or admin."""
    require_role(actor, Role.FINANCE)
    stmt = select(ErpImport).order_by(ErpImport.started_at.desc(), ErpImport.id.desc()).limit(limit)
    with db.read_session() as conn:
        return [
            ImportRun(
                r.id,
                r.kind,
                r.file_name,
                r.operator,
                r.station,
                r.started_at,
                r.finished_at,
                r.read,
                r.created,
                r.updated,
                r.unchanged,
                r.rejected,
                r.conflicts,
                r.error,
            )
            for r in conn.execute(stmt.with_only_columns(*ErpImport.__table__.columns))
        ]


def problems(db: Database, actor: Actor, run_id: int, limit: int = 2_000) -> list[RunProblem]:
    """A run's refused and conflicting lines in line order (the first ``limit``)."""
    require_role(actor, Role.FINANCE)
    stmt = (
        select(ErpImportProblem.kind, ErpImportProblem.line, ErpImportProblem.reason)
        .where(ErpImportProblem.import_id == run_id)
        .order_by(ErpImportProblem.line, ErpImportProblem.id)
        .limit(limit)
    )
    with db.read_session() as conn:
        return [RunProblem(k, n, r) for k, n, r in conn.execute(stmt)]
