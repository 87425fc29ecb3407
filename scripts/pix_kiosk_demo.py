"""A suspended demo subscriber pays an overdue bill by PIX at the kiosk, against a local PSP.

    Xvfb :57 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:57 .venv/bin/python scripts/pix_kiosk_demo.py --work /tmp/pix-1366

What it does:

1. a demo database (``central-assinante demo``, made once under ``--work``/demo and copied
   for each run, so every run starts with the subscriber suspended);
2. the local HTTPS PSP of the tests (``tests/fakes/pix_psp_server.py``, API Pix with mutual
   TLS and OAuth2) with certificates made for it (``tests/fakes/pix_pki.py``), and the
   database's ``pix.*`` settings pointing at it; the station's printer is the CUPS queue
   ``SINK`` (``--printer``), so the receipt's bytes can be read back;
3. the real kiosk window, driven by mouse clicks on its widgets: welcome, CPF and password
   on the on-screen keys, the menu, Extrato Financeiro (the overdue bill is picked), *Pagar
   com PIX* (the QR is decoded off the screenshot with zbarimg and compared with the PSP's
   ``pixCopiaECola``), the PSP marks it paid, the confirmation (seconds measured), the
   RADIUS login out of the suspension group, the receipt printed (with ``--receipt-printer
   cups:SINK`` the ESC/POS bytes the thermal printer gets are parsed: the E2E id in the
   printer's QR, the text, the cut); then the PSP goes down
   and *Pagar com PIX* on the next bill says so and offers the boleto.

Each step's screenshot is saved as ``--out``/pix_<n>_<step>_<W>x<H>.png.  ``--serve`` only
starts the PSP (paying every new charge after ``--pay-after`` seconds) and configures the
database, to try the real ``central-assinante kiosk --windowed`` by hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.fakes: the PSP and its certificates
sys.path.insert(0, str(Path(__file__).resolve().parent))  # screenshots.py's helpers

STATION = "loja-centro-quiosque-01"
KIOSK_PASSWORD = "demo1234"  # desktop/demo/run.py


def prepare(work: Path, subscribers: int) -> Path:
    """A fresh copy of the demo database for this run (the pristine one is made once)."""
    pristine = work / "demo" / "central.sqlite3"
    if not pristine.exists():
        pristine.parent.mkdir(parents=True, exist_ok=True)
        cli = ROOT / ".venv" / "bin" / "central-assinante"
        url = f"sqlite:///{pristine}"
        subprocess.run([str(cli), "--db", url, "db", "upgrade"], check=True)
        subprocess.run(
            [str(cli), "--db", url, "demo", "--subscribers", str(subscribers)], check=True
        )
    run = work / "run" / "central.sqlite3"
    run.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(pristine, run)
    return run


def suspended_subscriber(db: object) -> tuple[str, str]:
    """(document, RADIUS login) of the demo's "Suspenso por débito" subscriber."""
    from sqlalchemy import select

    from desktop.domain.enums import ContractStatus
    from desktop.models import Contract, RadiusLogin, Subscriber

    with db.session() as session:  # type: ignore[attr-defined]
        row = session.execute(
            select(Subscriber.document, RadiusLogin.username)
            .join(Contract, Contract.subscriber_id == Subscriber.id)
            .join(RadiusLogin, RadiusLogin.contract_id == Contract.id)
            .where(
                Contract.status == ContractStatus.SUSPENDED_DEBT,
                Subscriber.password_hash.is_not(None),
            )
            .order_by(Subscriber.id)
            .limit(1)
        ).one()
    return str(row[0]), str(row[1])


def login_groups(db: object, login: str) -> list[str]:
    from sqlalchemy import select

    from desktop.models import RadUserGroup

    with db.session() as session:  # type: ignore[attr-defined]
        return sorted(
            session.scalars(select(RadUserGroup.groupname).where(RadUserGroup.username == login))
        )


def start_psp(db: object, work: Path) -> object:
    """The local PSP, and the database's ``pix.*`` settings pointing at it."""
    from sqlalchemy import select

    from desktop.domain.actors import CounterActor
    from desktop.models import CounterUser
    from desktop.services import settings
    from tests.fakes.pix_pki import make_pki
    from tests.fakes.pix_psp_server import CLIENT_ID, CLIENT_SECRET, PspServer

    pki = make_pki(work / "pki")
    psp = PspServer(pki.ca_cert, pki.server_cert, pki.server_key).__enter__()
    with db.session() as session:  # type: ignore[attr-defined]
        admin = session.scalars(select(CounterUser).where(CounterUser.login == "admin")).one()
        actor = CounterActor(admin.id, admin.login, admin.role, STATION)
    values = {
        "pix.api_url": psp.url,
        "pix.token_url": psp.token_url,
        "pix.client_id": CLIENT_ID,
        "pix.client_secret": CLIENT_SECRET,
        "pix.client_cert": str(pki.client_cert),
        "pix.client_key": str(pki.client_key),
        "pix.ca_file": str(pki.ca_cert),
        "pix.timeout_s": "3",
    }
    for key, value in values.items():
        settings.change(db, actor, key, value)  # type: ignore[arg-type]
    print(f"PSP at {psp.url} (mutual TLS, CA {pki.ca_cert})", flush=True)
    return psp


def serve(psp: object, pay_after: float) -> int:
    """Pay each new charge ``pay_after`` seconds after it appears, until Ctrl+C."""
    seen: dict[str, float] = {}
    try:
        while True:
            for txid in list(psp.state.cobs):  # type: ignore[attr-defined]
                seen.setdefault(txid, time.monotonic())
                cob = psp.state.cobs[txid]  # type: ignore[attr-defined]
                if cob["status"] == "ATIVA" and time.monotonic() - seen[txid] >= pay_after:
                    print(f"paid {txid}: {psp.state.pay(txid)}", flush=True)  # type: ignore[attr-defined]
            time.sleep(0.2)
    except KeyboardInterrupt:
        return 0


def decode(path: Path) -> list[str]:
    done = subprocess.run(
        ["zbarimg", "--nodbus", "-q", "--raw", str(path)], capture_output=True, text=True
    )
    return done.stdout.splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/pix-kiosk-demo"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--printer", default="SINK")
    parser.add_argument(
        "--receipt-printer",
        default="",
        help="the station's 80 mm printer, e.g. cups:SINK (the ESC/POS bytes are then checked)",
    )
    parser.add_argument("--serve", action="store_true", help="only the PSP (see above)")
    parser.add_argument("--pay-after", type=float, default=8.0)
    args = parser.parse_args()
    work: Path = args.work
    os.environ["CENTRAL_DATA_DIR"] = str(work / "data")
    os.environ["CENTRAL_CONFIG_DIR"] = str(work / "config")

    from desktop.config.station import StationConfig, save_station_config
    from desktop.db import Database

    path = prepare(work, args.subscribers)
    url = f"sqlite:///{path}"
    save_station_config(StationConfig(url, STATION, args.printer, args.receipt_printer))
    db = Database(url)
    db.upgrade()  # a demo made by an older version
    psp = start_psp(db, work)
    document, login = suspended_subscriber(db)
    print(f"subscriber {document} (login {login}) groups {login_groups(db, login)}", flush=True)
    if args.serve:
        print(f"now: CENTRAL_CONFIG_DIR={work / 'config'} central-assinante kiosk --windowed")
        return serve(psp, args.pay_after)
    from pix_kiosk_steps import drive

    return drive(db, psp, document, login, args.out, args.printer, args.receipt_printer)


if __name__ == "__main__":
    raise SystemExit(main())
