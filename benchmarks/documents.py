"""Boleto PDFs per second: ours (barcode and PIX QR) against python3-boleto, in one run.

Renders the same 500 Banco do Brasil boletos (convênio of 7 digits, carteira 17) as 500
separate PDFs with ``desktop.reports.boleto`` and with python3-boleto 1.0.7's ``BoletoPDF``
(the peer, used only here: it runs in its own virtual environment under /tmp, created on
first use from PyPI, so it never enters the application's dependencies).  The peer draws no
PIX QR code, so it does less work per page than we do.  Prints the medians of several
rounds (wall-clock time and, since other processes may share the machine, the CPU time of
the rendering process, ``time.process_time``) and the ratios.  Target: faster than the peer.

    .venv/bin/python benchmarks/documents.py [--count 500] [--rounds 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.domain import banks, febraban, pix
from desktop.reports.boleto import BoletoDocument, Party, render_boleto, render_boletos

PEER_VENV = Path(tempfile.gettempdir()) / "central-bench-python3-boleto-accel"
ACCOUNT = banks.BankAccountData("001", "1234", "12345", "6", "17", "1234567")
ISSUED = dt.date(2026, 11, 30)

PEER_SCRIPT = textwrap.dedent(
    """
    import datetime, io, json, statistics, sys, time
    from decimal import Decimal
    from pyboleto.bank.bancodobrasil import BoletoBB
    from pyboleto.pdf import BoletoPDF

    cases = json.load(sys.stdin)
    def one(case):
        b = BoletoBB(7, 1)
        b.carteira = "17"; b.agencia_cedente = "1234"; b.conta_cedente = "12345"
        b.convenio = "1234567"; b.nosso_numero = case["sequence"]
        b.data_vencimento = datetime.date.fromisoformat(case["due"]) - datetime.timedelta(days=9000)
        b.data_documento = b.data_processamento = datetime.date(2026, 11, 30)
        b.valor_documento = Decimal(case["amount"])
        b.cedente = "Provedor Exemplo Telecomunicacoes Ltda"
        b.cedente_documento = "06.117.473/0001-50"
        b.cedente_endereco = "Av. Parana, 1200 - Centro - Paranavai/PR"
        b.sacado = [case["payer"], "Rua das Flores, 10 - Centro", "Paranavai/PR - CEP 87700-000"]
        b.instrucoes = ["Apos o vencimento cobrar multa de 2% e juros de 1% ao mes."]
        b.demonstrativo = ["Mensalidade Internet 300 Mega"]
        b.numero_documento = case["sequence"]
        out = io.BytesIO()
        pdf = BoletoPDF(out)
        pdf.drawBoleto(b)
        pdf.nextPage()
        pdf.save()
        return len(out.getvalue())
    rounds, cpu = [], []
    for _ in range(int(sys.argv[1])):
        t0, c0 = time.perf_counter(), time.process_time()
        size = sum(one(c) for c in cases)
        rounds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(json.dumps({"seconds": statistics.median(rounds), "cpu": statistics.median(cpu),
                      "bytes": size}))
    """
)


def ensure_peer() -> Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print("preparing the peer (python3-boleto 1.0.7) in", PEER_VENV, file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            # The same reportlab C accelerator we use, so only the code differs.
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "python3-boleto==1.0.7",
                "reportlab",
                "rl-accel",
            ],
            check=True,
        )
    return python


def documents(count: int) -> list[BoletoDocument]:
    docs = []
    for i in range(count):
        sequence = 1000 + i
        due = ISSUED + dt.timedelta(days=10 + i % 20)
        amount = Decimal("89.90") + Decimal(i % 50)
        free = banks.free_field(ACCOUNT, sequence, issued_on=ISSUED)
        barcode = febraban.build_barcode("001", due, amount, free.campo_livre)
        payload = pix.static_payload(
            "financeiro@exemplo.net.br",
            "EXEMPLO NET",
            "PARANAVAI",
            amount=amount,
            txid=f"BOL{sequence}",
        )
        docs.append(
            BoletoDocument(
                bank_code_dv=banks.bank_code_with_dv("001"),
                bank_name=banks.bank_name("001"),
                barcode=barcode,
                digitable_line=febraban.format_line(febraban.digitable_line(barcode)),
                payment_place="Pagável em qualquer banco até o vencimento",
                due_date=due,
                amount=amount,
                beneficiary=Party(
                    "Provedor Exemplo Telecomunicações Ltda",
                    "06.117.473/0001-50",
                    ("Av. Paraná, 1200 - Centro - Paranavaí/PR",),
                ),
                agency_code=banks.agency_code(ACCOUNT),
                nosso_numero=free.nosso_numero,
                document_number=str(sequence),
                document_date=ISSUED,
                processing_date=ISSUED,
                wallet="17",
                payer=Party(
                    f"Assinante {i}",
                    "529.982.247-25",
                    ("Rua das Flores, 10 - Centro", "Paranavaí/PR - CEP 87700-000"),
                ),
                instructions=("Após o vencimento cobrar multa de 2% e juros de 1% ao mês.",),
                statement_lines=("Mensalidade Internet 300 Mega",),
                pix_payload=payload,
            )
        )
    return docs


def timed(fn: object, rounds: int) -> tuple[float, float]:
    """Medians of the wall-clock and the CPU (this process) seconds of ``rounds`` calls."""
    wall, cpu = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = documents(args.count)
    render_boleto(docs[0])  # warm-up (fonts, imports)
    ours_each = timed(lambda: [render_boleto(d) for d in docs], args.rounds)
    ours_batch = timed(lambda: render_boletos(docs), args.rounds)
    # The same pages without the PIX QR code: what the peer draws, for a like-for-like figure.
    plain = [dataclasses.replace(d, pix_payload="") for d in docs]
    ours_plain = timed(lambda: [render_boleto(d) for d in plain], args.rounds)
    cases = [
        {
            "sequence": str(1000 + i),
            "due": d.due_date.isoformat(),
            "amount": str(d.amount),
            "payer": d.payer.name,
        }
        for i, d in enumerate(docs)
    ]
    peer = subprocess.run(
        [str(ensure_peer()), "-c", PEER_SCRIPT, str(args.rounds)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    peer_result = json.loads(peer.stdout)
    peer_t = (peer_result["seconds"], peer_result["cpu"])
    print(f"\nBoleto PDFs, {args.count} boletos, median of {args.rounds} rounds\n")
    print(
        f"{'producer':<46} {'seconds':>8} {'ms/PDF':>7} {'boletos/s':>10} {'vs peer':>8}"
        f" {'CPU s':>7} {'CPU ms/PDF':>10} {'vs peer':>8}"
    )
    rows = [
        ("python3-boleto 1.0.7, one PDF each (no PIX QR)", peer_t),
        ("ours, one PDF each (barcode + PIX QR)", ours_each),
        ("ours, one PDF each, without PIX QR (like peer)", ours_plain),
        ("ours, one PDF with all pages (Imprimir todos)", ours_batch),
    ]
    for label, (seconds, cpu) in rows:
        print(
            f"{label:<46} {seconds:8.2f} {seconds * 1000 / args.count:7.2f}"
            f" {args.count / seconds:10.1f} {peer_t[0] / seconds:7.2f}x"
            f" {cpu:7.2f} {cpu * 1000 / args.count:10.2f} {peer_t[1] / cpu:7.2f}x"
        )
    wall_ok, cpu_ok = ours_each[0] < peer_t[0], ours_each[1] < peer_t[1]
    print(
        f"like for like (no QR): ours {peer_t[1] / ours_plain[1]:.2f}x the peer's speed (CPU time)"
    )
    print(
        f"\ntarget: ours (one PDF each) faster than the peer -> wall clock "
        f"{'yes' if wall_ok else 'NO'}, CPU time {'yes' if cpu_ok else 'NO'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
