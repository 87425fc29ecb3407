"""The load benchmark's table: actions, outcomes, latency, and duplicates counted afterwards."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

import psycopg

from benchmarks.load_station import Result


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_flight(r: Result, window: tuple[float, float] | None) -> bool:
    """An action that overlapped the restart (from its start to the server answering)."""
    if window is None:
        return False
    began, ready = window
    return r.started <= ready and r.started + r.ms / 1000 >= began


def table(results: list[Result], window: tuple[float, float] | None) -> list[str]:
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    head = (
        f"{'action':<16}{'n':>7}{'ok':>7}{'refused':>8}{'restart':>8}{'errors':>7}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
    )
    lines = [head, "-" * len(head)]
    totals = Counter[str]()
    for kind in sorted(by_kind):
        rows = by_kind[kind]
        ok = sum(r.outcome == "ok" for r in rows)
        refused = sum(r.outcome == "refused" for r in rows)
        failed = [r for r in rows if r.outcome in ("unavailable", "error")]
        at_restart = sum(in_flight(r, window) for r in failed)
        others = len(failed) - at_restart
        # Latency of what a person waited for normally: not the actions the restart caught.
        ms = [r.ms for r in rows if not (r.outcome != "ok" and in_flight(r, window))]
        totals.update(n=len(rows), ok=ok, refused=refused, restart=at_restart, errors=others)
        lines.append(
            f"{kind:<16}{len(rows):>7}{ok:>7}{refused:>8}{at_restart:>8}{others:>7}"
            f"{statistics.median(ms) if ms else 0:>9.1f}{_pct(ms, 0.95):>9.1f}"
            f"{max(ms) if ms else 0:>9.1f}"
        )
    lines.append("-" * len(head))
    lines.append(
        f"{'all':<16}{totals['n']:>7}{totals['ok']:>7}{totals['refused']:>8}"
        f"{totals['restart']:>8}{totals['errors']:>7}"
    )
    return lines


def refusals(results: list[Result], limit: int = 14) -> list[str]:
    """The refusal messages (what the person read), most frequent first."""
    found = Counter((r.kind, r.detail) for r in results if r.outcome == "refused")
    return [f"{n:>6}  {kind}: {text}" for (kind, text), n in found.most_common(limit)]


def failures(
    results: list[Result], window: tuple[float, float] | None, limit: int = 6
) -> list[str]:
    """Errors outside the restart window, each distinct one once (tracebacks are bugs)."""
    found = Counter(
        (r.kind, r.outcome, r.detail.strip().splitlines()[-1] if r.detail else "")
        for r in results
        if r.outcome in ("unavailable", "error") and not in_flight(r, window)
    )
    lines = [
        f"{n:>6}  {kind} {outcome}: {text}" for (kind, outcome, text), n in found.most_common(limit)
    ]
    first = next((r for r in results if r.outcome == "error" and not in_flight(r, window)), None)
    if first is not None:
        lines.append("first traceback:\n" + first.detail)
    return lines


# Each query counts records that exist more than once where one action may make only one.
DUPLICATE_QUERIES = {
    "protocols (same number twice)": (
        "SELECT count(*) FROM (SELECT protocol FROM tickets GROUP BY protocol "
        "HAVING count(*) > 1) d"
    ),
    "enablements (per contract and suspension)": (
        "SELECT count(*) FROM (SELECT contract_id FROM provisional_enablements "
        "WHERE enabled_at >= to_timestamp(%(since)s) GROUP BY contract_id, suspension_started_at "
        "HAVING count(*) > 1) d"
    ),
    "counter payments per receivable": (
        "SELECT count(*) FROM (SELECT receivable_id FROM payments WHERE paid_at >= "
        "to_timestamp(%(since)s) GROUP BY receivable_id HAVING count(*) > 1) d"
    ),
    "card voids per payment (audited)": (
        "SELECT count(*) FROM (SELECT subject_id FROM audit_log WHERE action = 'cartao.cancelado' "
        "AND at >= to_timestamp(%(since)s) GROUP BY subject_id HAVING count(*) > 1) d"
    ),
    "SMS purchases per key": (
        "SELECT count(*) FROM (SELECT idempotency_key FROM sms_purchases "
        "GROUP BY idempotency_key HAVING count(*) > 1) d"
    ),
    "SMS transfers per purchase": (
        "SELECT count(*) FROM (SELECT subject_id FROM audit_log WHERE action = "
        "'sms.creditos_transferidos' AND at >= to_timestamp(%(since)s) GROUP BY subject_id "
        "HAVING count(*) > 1) d"
    ),
    "SMS receivables per purchase": (
        "SELECT count(*) FROM sms_purchases p WHERE p.created_at >= to_timestamp(%(since)s) "
        "AND (SELECT count(*) FROM receivables r WHERE r.id = p.receivable_id) <> 1"
    ),
}
WRITTEN_QUERIES = {
    "tickets opened": "SELECT count(*) FROM tickets WHERE opened_at >= to_timestamp(%(since)s)",
    "enablements": "SELECT count(*) FROM provisional_enablements WHERE enabled_at >= to_timestamp(%(since)s)",
    "counter payments": "SELECT count(*) FROM payments WHERE paid_at >= to_timestamp(%(since)s)",
    "card voids": "SELECT count(*) FROM card_payments WHERE voided_at >= to_timestamp(%(since)s)",
    "SMS purchases": "SELECT count(*) FROM sms_purchases WHERE created_at >= to_timestamp(%(since)s)",
}


def duplicates(dsn: str, since: float, cielo_voids: dict[str, int]) -> tuple[list[str], int]:
    lines, total = [], 0
    with psycopg.connect(dsn, autocommit=True) as conn:
        for label, sql in WRITTEN_QUERIES.items():
            row = conn.execute(sql, {"since": since}).fetchone()
            lines.append(f"  written: {label:<44}{row[0] if row else 0:>7}")
        for label, sql in DUPLICATE_QUERIES.items():
            row = conn.execute(sql, {"since": since}).fetchone()
            count = int(row[0]) if row else 0
            total += count
            lines.append(f"  duplicates: {label:<41}{count:>7}")
    twice = sum(1 for n in cielo_voids.values() if n > 1)
    total += twice
    lines.append(f"  duplicates: {'void requests per payment at Cielo':<41}{twice:>7}")
    return lines, total
