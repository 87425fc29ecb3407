"""Builders for the ERP import tests: CSV/JSONL files written as the ERPs write them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.services import erp_import

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
CUSTOMER_HEADER = ["external_id", "document", "name", "email", "phone", "city", "state", "cep"]
CONTRACT_HEADER = [
    "external_id",
    "customer_external_id",
    "number",
    "plan",
    "status",
    "radius_login",
    "terminals",
    "due_day",
]
RECEIVABLE_HEADER = [
    "external_id",
    "contract_external_id",
    "description",
    "due_date",
    "amount",
    "status",
    "paid_at",
    "paid_amount",
    "method",
    "bank",
    "nosso_numero",
]


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ";",
    crlf: bool = False,
) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def run(db: Database, actor: Actor, kind: str, path: Path, **kw: object) -> erp_import.ImportReport:
    return erp_import.import_file(db, actor, kind, path, **kw)  # type: ignore[arg-type]


def reasons(report: erp_import.ImportReport) -> dict[int, str]:
    return {p.line: p.reason for p in report.rejected}


def import_examples(db: Database, actor: Actor) -> list[erp_import.ImportReport]:
    """The four example files of docs/examples, in the going-live order."""
    return [
        run(db, actor, "customers", EXAMPLES / "customers.csv"),
        run(db, actor, "customers", EXAMPLES / "customers.jsonl"),
        run(db, actor, "contracts", EXAMPLES / "contracts.csv"),
        run(db, actor, "receivables", EXAMPLES / "receivables.csv"),
    ]
