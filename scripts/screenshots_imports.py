"""Screenshot of Retaguarda → Importações after the example imports and one with problems.

    Xvfb :71 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:71 .venv/bin/python scripts/screenshots_imports.py docs/screenshots/importacoes_1366.png

A fresh SQLite database in a temporary folder: a bank account of Sicoob, the four example
files of docs/examples imported, then a customers file with refused lines and a receivables
file with a bill settled at the counter that the ERP still sends open (a conflict).  The
window fills the screen, the problem run is chosen, and the X screen is captured with
ImageMagick's ``import -window root``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import PaymentMethod, Role
from desktop.domain.passwords import hash_password_fast
from desktop.models import BankAccount, CounterUser, Receivable
from desktop.services import erp_import, payments
from desktop.ui.backoffice.imports import ImportsWindow

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def prepare(workdir: Path) -> tuple[Database, CounterActor]:
    db = Database(f"sqlite:///{workdir / 'shots.sqlite3'}")
    db.upgrade()
    with db.session() as session:
        user = CounterUser(
            login="financeiro",
            name="Financeiro",
            role=Role.FINANCE,
            password_hash=hash_password_fast("x-senha-1"),
        )
        session.add(user)
        session.add(
            BankAccount(
                bank_code="756",
                agency="4321",
                account="12345",
                wallet="1",
                agreement="1234567",
                beneficiary_name="Provedor Exemplo Ltda",
            )
        )
        session.flush()
        actor = CounterActor(user.id, "financeiro", Role.FINANCE, "retaguarda-1")
    for kind, name in (
        ("customers", "customers.csv"),
        ("customers", "customers.jsonl"),
        ("contracts", "contracts.csv"),
        ("receivables", "receivables.csv"),
    ):
        erp_import.import_file(db, actor, kind, EXAMPLES / name)
    with db.session() as session:
        rid = session.query(Receivable.id).filter_by(external_id="RC-9002").scalar()
    payments.settle(db, actor, rid, Decimal("99.90"), PaymentMethod.PIX)
    bad = workdir / "clientes-2026-12-07.csv"
    bad.write_text(
        "external_id;document;name;phone;cep\n"
        "CLI-1001;529.982.247-25;João Conceição Araújo;(44) 99911-2233;87700-000\n"
        "CLI-2001;123.456.789-00;Paulo Roberto Lima;44999000111;87700-000\n"
        "CLI-2002;39053344705;Regina Célia Duarte;449990;87700-000\n"
        "CLI-1001;15350946056;Repetido Lima;;\n"
        "CLI-2003;11144477735;Outra Pessoa;;87700000\n"
        "CLI-2004;86288366757;Fernanda Borges Teixeira;44 99888-7766;87701-130\n",
        encoding="utf-8",
    )
    erp_import.import_file(db, actor, "customers", bad)
    erp_import.import_file(db, actor, "receivables", EXAMPLES / "receivables.csv")
    return db, actor


def main() -> None:
    out = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as workdir:
        db, actor = prepare(Path(workdir))
        window = ImportsWindow(db, actor)
        screen = app.primaryScreen().geometry()
        window.setGeometry(screen)
        window.show()

        def choose() -> None:  # the list loads off the GUI thread
            runs = [r.file_name for r in window.runs]
            if "clientes-2026-12-07.csv" not in runs:
                QTimer.singleShot(200, choose)
                return
            window.runs_table.selectRow(runs.index("clientes-2026-12-07.csv"))
            QTimer.singleShot(1500, shoot)

        def shoot() -> None:
            subprocess.run(["import", "-window", "root", str(out)], check=True)
            app.quit()

        QTimer.singleShot(200, choose)
        app.exec()


if __name__ == "__main__":
    main()
