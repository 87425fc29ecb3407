"""The PIX reconciliation job: what the PSP received while no screen was watching.

``jobs run`` and the app's timer call :func:`reconcile_recent`: the PSP lists the PIX received
since the oldest charge still waiting; each one of ours is settled through
``pix_charges.apply_received`` (exactly once, keyed by its endToEndId, whichever station saw
it first), and the charges that ended unpaid are closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.adapters.pix_psp import ReceivedPix
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role
from desktop.errors import UserError
from desktop.models import PixCharge
from desktop.models.pix import PixChargeStatus
from desktop.services.access import require_role
from desktop.services.pix_charges import (
    LOOKBACK,
    SettledPix,
    apply_received,
    pix_values,
    psp_client,
)
from desktop.services.settlement import SettleOutcome

EXPIRY_GRACE = dt.timedelta(minutes=10)  # the PSP's list may lag behind a late payment


@dataclass(frozen=True)
class ReconcileReport:
    start: dt.datetime
    end: dt.datetime
    received: int  # PIX the PSP listed for the period
    settled: tuple[SettledPix, ...]  # our charges' PIX (settled now, before, or duplicates)
    unmatched: int  # PIX that are not ours to settle (no charge of ours has the txid)
    expired: int  # charges that ended unpaid
    warnings: tuple[str, ...] = ()

    @property
    def newly_settled(self) -> int:
        return sum(1 for s in self.settled if s.outcome is SettleOutcome.SETTLED)


def reconcile(db: Database, actor: Actor, start: dt.datetime, end: dt.datetime) -> ReconcileReport:
    """Settle every PIX the PSP received in [start, end] for one of our charges."""
    require_role(actor, Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN)
    with db.session() as session:
        values = pix_values(session)
    with psp_client(values) as client:
        received = list(client.received(start, end))
    by_txid: dict[str, list[ReceivedPix]] = {}
    for item in received:
        if item.txid:
            by_txid.setdefault(item.txid, []).append(item)
    ours: dict[str, int] = {}
    names = sorted(by_txid)
    with db.session() as session:
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            rows = session.execute(
                select(PixCharge.txid, PixCharge.id).where(PixCharge.txid.in_(chunk))
            )
            ours.update((txid, charge_id) for txid, charge_id in rows)
    settled: list[SettledPix] = []
    warnings: list[str] = []
    for txid, charge_id in sorted(ours.items()):
        try:
            result = apply_received(db, actor, charge_id, by_txid[txid])
        except UserError as exc:  # one bad charge never stops the others
            warnings.append(f"Cobrança {txid}: {exc.message}")
            continue
        settled.extend(result.settled)
        warnings.extend(result.warnings)
    unmatched = sum(len(v) for k, v in by_txid.items() if k not in ours)
    unmatched += sum(1 for item in received if not item.txid)
    return ReconcileReport(start, end, len(received), tuple(settled), unmatched, 0, tuple(warnings))


def reconcile_recent(
    db: Database, actor: Actor, now: dt.datetime | None = None
) -> ReconcileReport | None:
    """The job: the PSP's PIX since the oldest charge still waiting; then the charges that
    ended unpaid are closed.  None when PIX is off or no charge waits (no PSP call)."""
    require_role(actor, Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN)
    now = now or utcnow()
    waiting = (PixChargeStatus.PENDING, PixChargeStatus.ACTIVE)
    with db.session() as session:
        values = pix_values(session)
        oldest = session.scalar(
            select(func.min(PixCharge.created_at)).where(
                PixCharge.status.in_(waiting), PixCharge.created_at >= now - LOOKBACK
            )
        )
    if not values["pix.api_url"] or oldest is None:
        return None
    report = reconcile(db, actor, oldest - dt.timedelta(minutes=1), now)
    life = dt.timedelta(seconds=values["pix.charge_expiry_s"])
    expired = 0
    with db.session() as session:
        # Nothing arrived for them over their whole life (the list covered it): closed.
        for row in session.scalars(select(PixCharge).where(PixCharge.status.in_(waiting))):
            end = row.expires_at or (row.created_at + life)
            if end + EXPIRY_GRACE <= now:
                row.status = PixChargeStatus.EXPIRED
                expired += 1
    return ReconcileReport(
        report.start,
        report.end,
        report.received,
        report.settled,
        report.unmatched,
        expired,
        report.warnings,
    )
