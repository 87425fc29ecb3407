"""``import cdr FILE`` (Asterisk Master.csv); ``import nfcom`` is added here as one more action.

Each action is one ``register_<action>(import_sub)`` function listed in ``ACTIONS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.cli import context

SHOWN_PROBLEMS = 50
PROGRESS_BAR_FROM_BYTES = 1024 * 1024  # about 3 500 CDR lines


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "import", help="importa ligações (CDR), notas fiscais, retornos bancários e dados do ERP"
    )
    import_sub = parser.add_subparsers(dest="import_command", metavar="TIPO", required=True)
    for action in ACTIONS:
        action(import_sub)


# --------------------------------------------------------------------------- import cdr
def register_cdr(import_sub: Any) -> None:
    cdr = import_sub.add_parser(
        "cdr",
        help="ligações do Asterisk (Master.csv)",
        description=(
            "Importa e tarifa as ligações atendidas de um Master.csv do Asterisk (cdr_csv). "
            "Importar o mesmo arquivo de novo não duplica nada."
        ),
    )
    cdr.add_argument("file", metavar="ARQUIVO", help="o Master.csv")
    cdr.add_argument(
        "--columns",
        type=int,
        choices=[16, 18, 21],
        help="colunas por linha (padrão: detecta em cada linha; 18 com loguniqueid/"
        "loguserfield, 21 com newcdrcolumns)",
    )
    clock = cdr.add_mutually_exclusive_group()
    clock.add_argument(
        "--gmt",
        dest="gmt",
        action="store_const",
        const=True,
        help="horários em UTC (usegmtime=yes; padrão para 18 e 21 colunas)",
    )
    clock.add_argument(
        "--local",
        dest="gmt",
        action="store_const",
        const=False,
        help="horários na hora de Brasília (padrão para 16 colunas)",
    )
    cdr.set_defaults(func=cmd_cdr, gmt=None)


def cmd_cdr(args: argparse.Namespace) -> int:
    from desktop.services.cdr_import import import_cdr

    db = context.database(args)
    actor = context.operator(args, db)
    with _progress_bar(Path(args.file)) as progress:
        report = import_cdr(
            db, actor, args.file, columns=args.columns, gmt=args.gmt, progress=progress
        )
    print(f"Arquivo: {args.file}")
    print(f"Linhas lidas:          {report.lines}")
    print(f"Ligações importadas:   {report.imported}")
    print(f"Repetidas (ignoradas): {report.duplicates}")
    print(f"Não atendidas:         {report.not_answered}")
    print(f"Terminal desconhecido: {len(report.unknown_terminal)}")
    print(f"Linhas inválidas:      {len(report.malformed)}")
    _show(
        "Linhas inválidas",
        [f"linha {n}: {reason}" for n, reason in report.malformed[:SHOWN_PROBLEMS]],
        len(report.malformed),
    )
    _show(
        "Origem sem terminal cadastrado",
        [f"linha {n}: {src or '(vazio)'}" for n, src in report.unknown_terminal[:SHOWN_PROBLEMS]],
        len(report.unknown_terminal),
    )
    # 0: something imported, or already there.  1: not one call usable and some lines
    # refused (unregistered terminals? wrong layout?), for scripts.  2 (UserError): fatal.
    return 1 if report.imported == 0 and report.duplicates == 0 and report.rejected else 0


def _show(title: str, lines: list[str], total: int) -> None:
    if not total:
        return
    print(f"\n{title}:")
    for line in lines:
        print(f"  {line}")
    if total > len(lines):
        print(f"  ... e mais {total - len(lines)}")


@contextmanager
def _progress_bar(path: Path) -> Iterator[Callable[[int, int], None] | None]:
    """A tqdm bar on stderr for big files, only when stderr is a terminal."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the service explains what is wrong with the file
    if size < PROGRESS_BAR_FROM_BYTES or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=size, unit="B", unit_scale=True, desc="Importando", file=sys.stderr)

    def update(done: int, total: int) -> None:
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()


# --------------------------------------------------------------------------- import nfcom
def register_nfcom(import_sub: Any) -> None:
    nfcom = import_sub.add_parser(
        "nfcom",
        help="notas fiscais NFCom autorizadas (XML)",
        description=(
            "Importa NFCom autorizadas (nfcomProc): cada arquivo é conferido (XSD, dígito da "
            "chave, assinatura, protocolo) e gravado sozinho. Importar de novo não duplica."
        ),
    )
    nfcom.add_argument("files", nargs="+", metavar="ARQUIVO", help="XML da NFCom autorizada")
    nfcom.set_defaults(func=cmd_nfcom)


def cmd_nfcom(args: argparse.Namespace) -> int:
    from desktop.services.invoices import import_nfcom

    db = context.database(args)
    report = import_nfcom(db, context.operator(args, db), args.files)
    print(f"Arquivos lidos:             {report.files}")
    print(f"Notas importadas:           {report.imported}")
    print(f"Já importadas (ignoradas):  {report.duplicates}")
    print(f"Recusadas:                  {len(report.rejected)}")
    print(f"Destinatário desconhecido:  {len(report.unknown_recipient)}")
    for title, problems in (
        ("Recusadas", report.rejected),
        ("Destinatário desconhecido", report.unknown_recipient),
    ):
        _show(title, [f"{p.path}: {p.reason}" for p in problems[:SHOWN_PROBLEMS]], len(problems))
    # 1: some file did not go in and needs a look (a repeated file is not a problem).
    return 1 if report.problems else 0


def register_retorno(import_sub: Any) -> None:
    from desktop.cli import retorno_cmd

    retorno_cmd.register_retorno(import_sub)


# --------------------------------------------------------------------------- import customers|contracts|receivables
# SPEC §6: the JSON report; the table gives the counts and the first refused and conflicting
# lines.  Exit 1 when some line was refused (it needs a look); conflicts are kept as we have
# them and do not change the exit code (a bill settled in a store stays so every night until
# the ERP learns of it through ``export events``).
ERP_HELP = {
    "customers": "clientes do ERP (CSV ou JSON Lines)",
    "contracts": "contratos do ERP (CSV ou JSON Lines)",
    "receivables": "contas a receber do ERP (CSV ou JSON Lines)",
}


def register_erp(import_sub: Any) -> None:
    for kind, words in ERP_HELP.items():
        parser = import_sub.add_parser(
            kind,
            help=words,
            description=(
                f"Importa {words}: CSV com cabeçalho (UTF-8 ou Windows-1252, ';' ou ',') ou "
                "JSON Lines, casando as linhas pelo external_id. Importar o mesmo arquivo de "
                "novo não muda nada. Importe na ordem: customers, contracts, receivables."
            ),
        )
        parser.add_argument("file", metavar="ARQUIVO", help="o arquivo exportado do ERP")
        parser.add_argument(
            "--dry-run", action="store_true", help="só mostra o que seria feito, sem gravar nada"
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.set_defaults(func=cmd_erp, erp_kind=kind)


def cmd_erp(args: argparse.Namespace) -> int:
    from desktop.services import erp_import

    db = context.database(args)
    actor = context.operator(args, db)
    with _progress_bar(Path(args.file)) as progress:
        report = erp_import.import_file(
            db, actor, args.erp_kind, args.file, dry_run=args.dry_run, progress=progress
        )
    if args.format == "json":
        context.print_json(erp_import.report_json(report))
    else:
        note = " (simulação: nada foi gravado)" if report.dry_run else ""
        print(f"Arquivo: {report.file} — {erp_import.KIND_WORDS[report.kind]}{note}")
        print(f"Linhas lidas:  {report.read}")
        print(f"Criados:       {report.created}")
        print(f"Atualizados:   {report.updated}")
        print(f"Sem mudança:   {report.unchanged}")
        print(f"Recusados:     {len(report.rejected)}")
        print(f"Conflitos:     {len(report.conflicts)}")
        for title, problems in (("Recusados", report.rejected), ("Conflitos", report.conflicts)):
            shown = [f"linha {p.line}: {p.reason}" for p in problems[:SHOWN_PROBLEMS]]
            _show(title, shown, len(problems))
        for warning in report.warnings:
            print(f"Aviso: {warning}")
    return 1 if report.rejected else 0


ACTIONS: list[Callable[[Any], None]] = [
    register_cdr,
    register_nfcom,
    register_retorno,
    register_erp,
]
