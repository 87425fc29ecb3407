"""What one batch of an ERP import gives back, line by line, and what a kind's writer may keep
between batches (``erp_import`` drives the writers in ``erp_customers``, ``erp_contracts``
and ``erp_receivables``; they share these, never each other)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.actors import Actor

CREATED, UPDATED, UNCHANGED, REJECTED, CONFLICT = (
    "created",
    "updated",
    "unchanged",
    "rejected",
    "conflict",
)


@dataclass(frozen=True)
class Outcome:
    line: int
    result: str  # CREATED, UPDATED, UNCHANGED, REJECTED or CONFLICT
    reason: str = ""


@dataclass
class BatchContext:
    """What a kind's writer may keep between batches (caches) and hand to after the commit."""

    actor: Actor
    dry_run: bool
    cache: dict[str, Any] = field(default_factory=dict)
    after_commit: list[int] = field(default_factory=list)  # contracts whose RADIUS to finish
    warnings: list[str] = field(default_factory=list)


Writer = Callable[[Session, BatchContext, list[tuple[int, Any]]], list[Outcome]]
