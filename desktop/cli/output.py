"""Writing a statement as table, CSV, JSON or PDF (file or printer); shared by the statements.

Conventions of SPEC §4: money as decimal strings with two places, times ISO 8601 with the
São Paulo offset, dates ``AAAA-MM-DD``, sizes in bytes.  Table, CSV and JSON go to stdout, or
to ``-o FILE``; a PDF needs ``-o FILE`` or ``--print [PRINTER]`` (or both).  Argument checks
(:func:`check_output`, :func:`period_from_args`) run before anything is read, so bad input
exits non-zero and changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.cli import context
from desktop.domain.clock import to_local, today_local
from desktop.domain.periods import Period, current_month, parse_date
from desktop.errors import InvalidInput


# --------------------------------------------------------------------------- values
def money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def iso_time(moment: dt.datetime | None) -> str | None:
    """UTC instant -> '2026-11-03T10:00:00-03:00' (São Paulo wall clock, with offset)."""
    return None if moment is None else to_local(moment).isoformat()


def iso_date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def subscriber_json(subscriber: Any) -> dict[str, Any]:
    return {"id": subscriber.id, "name": subscriber.name, "document": subscriber.document}


def period_json(period: Period | None) -> dict[str, str | None]:
    if period is None:
        return {"from": None, "to": None}
    return {"from": period.start.isoformat(), "to": period.end.isoformat()}


# --------------------------------------------------------------------------- arguments
def period_from_args(args: argparse.Namespace, today: dt.date | None = None) -> Period:
    """``--from``/``--to``; both missing: the current month.

    Only ``--from``: up to today (or the end of that month, for a future month).  Only
    ``--to``: from the first day of that month.  Reversed dates raise ``InvalidInput``.
    """
    today = today or today_local()
    start = parse_date(args.date_from, "data inicial") if args.date_from else None
    end = parse_date(args.date_to, "data final") if args.date_to else None
    if start is None and end is None:
        return current_month(today)
    if start is None:
        assert end is not None
        start = end.replace(day=1)
    if end is None:
        end = today if start <= today else current_month(start).end
    return Period(start, end)


def refuse_options(args: argparse.Namespace, kind: str, *names: str) -> None:
    """Options that belong to another statement are an error, not silently ignored."""
    flags = {
        "terminal": "--terminal",
        "call_type": "--type",
        "status": "--status",
        "year": "--year",
        "date_from": "--from",
        "date_to": "--to",
    }
    for name in names:
        if getattr(args, name, None):
            raise InvalidInput("output.opcao_nao_aplica_extrato", name=flags[name], kind=kind)


def check_output_path(path: str | None) -> None:
    """``-o`` into a folder that does not exist (or is not a folder) is refused before any
    work: it used to end in a FileNotFoundError traceback after the statement was built."""
    if not path:
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise InvalidInput("output.pasta_informe_nome_arquivo", path=path)
    if not folder.is_dir():
        raise InvalidInput("output.pasta_nao_existe_crie", path=path, folder=folder)


def write_output(path: str, data: bytes | str) -> None:
    """Write ``-o``; a file that cannot be written is a message, not a traceback."""
    target = Path(path)
    try:
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8", newline="")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput("output.nao_possivel_gravar", path=path, reason=reason) from None


def check_output(args: argparse.Namespace) -> None:
    check_output_path(getattr(args, "output", None))
    if args.format == "pdf" and not args.output and args.printer is None:
        raise InvalidInput("output.format_pdf_informe_arquivo")
    if args.printer is not None and args.format in ("csv", "json"):
        raise InvalidInput("output.print_imprime_pdf_use")


def wants_pdf(args: argparse.Namespace) -> bool:
    """PDF output: ``--format pdf``, or ``--print`` with the default format."""
    return bool(args.format == "pdf" or args.printer is not None)


# --------------------------------------------------------------------------- writers
def _write_text(args: argparse.Namespace, text: str) -> None:
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)


def emit_json(args: argparse.Namespace, data: Any) -> int:
    if not args.output:
        context.print_json(data)
        return 0
    _write_text(args, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def emit_csv(
    args: argparse.Namespace, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """RFC 4180 CSV (comma, UTF-8), values as in the JSON; None becomes an empty field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    _write_text(args, buffer.getvalue())
    return 0


def emit_table(
    args: argparse.Namespace,
    headers: list[str],
    rows: list[list[str]],
    footer: Sequence[str] = (),
) -> int:
    """Aligned text table for a terminal, then summary lines."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        context.print_table(headers, rows)
        if footer:
            print()
            for line in footer:
                print(line)
    _write_text(args, buffer.getvalue())
    return 0


def emit_pdf(args: argparse.Namespace, pdf: bytes, title: str) -> int:
    """Save the PDF to ``-o`` and/or print it with ``--print [PRINTER]``."""
    if args.output:
        write_output(args.output, pdf)
        print(f"PDF gravado em {args.output}.", file=sys.stderr)
    if args.printer is not None:
        from desktop.adapters.printing import print_pdf  # lazily: only printing needs it

        result = print_pdf(pdf, args.printer or None, title)
        job = f" (trabalho {result.job_id})" if result.job_id else ""
        print(f"Enviado para a impressora {result.printer}{job}.", file=sys.stderr)
    return 0
