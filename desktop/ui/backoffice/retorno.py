"""Retaguarda → Arquivos de retorno (finance): the bank's return files, simulated then applied.

*Escolher arquivos…* (through the dialog seam) reads the files and shows what each entry would
do — a **simulation** (``dry_run``) that writes nothing; *Aplicar* then imports them and the
table shows what was done.  Totals: entries settled, the amount and the bank's fees; the
entries with no boleto here (and the damaged lines) are listed apart, to be looked at.
Applying twice is harmless: the service settles each entry once.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.domain.banks import bank_name
from desktop.services import retorno
from desktop.services.retorno import EntryResult, FileReport
from desktop.ui import formatting as fmt
from desktop.ui.backoffice.file_run import (
    FileRunWindow,
    clear_rows,
    report_table,
    row_items,
    simulated_word,
)

FILTERS = "Retornos CNAB (*.ret *.RET *.txt *.TXT *.cnab *.CNAB);;Todos os arquivos (*)"
TONES = {"settled": "#1a7f37", "unmatched": "#9a6700", "rejected": "#cf222e"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Retorno", text)


def result_words(result: str, simulated: bool) -> str:
    words = {
        "settled": _tr("a baixar") if simulated else _tr("baixado"),
        "already_settled": _tr("já baixado"),
        "recorded": _tr("a registrar") if simulated else _tr("registrado"),
        "unmatched": _tr("não encontrado"),
        "rejected": _tr("recusado"),
    }
    return words.get(result, result)


# What a person looks at first on the left (result, occurrence, money), the rest after.
ENTRY_HEADERS = [
    "Linha",
    "Nosso número",
    "Resultado",
    "Ocorrência",
    "Pago",
    "Tarifa",
    "Juros",
    "Pago em",
    "Crédito",
    "Valor",
    "Vencimento",
    "Conta",
    "Arquivo",
]
RESULT_COLUMN = 2
ENTRY_RIGHT = (0, 4, 5, 6, 9, 11)
PROBLEM_HEADERS = ["Arquivo", "Linha", "Nosso número", "O que houve"]


def _row(report: FileReport, e: EntryResult, simulated: bool) -> list[str]:
    return [
        str(e.line),
        e.nosso_numero or "",
        result_words(e.result, simulated),
        f"{e.occurrence or ''} {e.occurrence_text or ''}".strip(),
        fmt.money(e.paid_amount),
        fmt.money(e.fee),
        fmt.money(e.interest),
        fmt.date_br(e.paid_on),
        fmt.date_br(e.credited_on),
        fmt.money(e.face_amount),
        fmt.date_br(e.due_date),
        str(e.receivable_id or ""),
        Path(report.file).name,
    ]


class RetornoWindow(FileRunWindow):
    object_name = "retornoWindow"

    def title(self) -> str:
        return _tr("Arquivos de retorno")

    def pick_text(self) -> str:
        return _tr("Escolher arquivos…")

    def build(self) -> None:
        self.paths: list[Path] = []
        self.reports: tuple[FileReport, ...] = ()
        self.simulated = True
        self.files_label = QLabel(_tr("Nenhum arquivo escolhido."), self)
        self.files_label.setWordWrap(True)
        self.totals_label = QLabel("", self)
        self.totals_label.setObjectName("retornoTotals")
        self.totals_label.setStyleSheet("font-weight: 600;")
        self.entries_model, self.entries_table = report_table(
            self,
            [_tr(h) for h in ENTRY_HEADERS],
            {
                0: "00000",
                1: "00000000000000000",
                2: "não encontrado",
                3: "06 Liquidação normal — 33 Liquidação",
                4: "R$ 9.999,99",
                5: "R$ 99,99",
                6: "R$ 99,99",
                7: "00/00/0000",
                8: "00/00/0000",
                9: "R$ 9.999,99",
                10: "00/00/0000",
                11: "000000",
                12: "retorno-0000.ret",
            },
        )
        self.entries_table.horizontalHeader().setStretchLastSection(True)
        self.problems_title = QLabel(_tr("Não encontrados e linhas com problema"), self)
        self.problems_title.setStyleSheet("font-weight: 600;")
        self.problems_model, self.problems_table = report_table(
            self,
            [_tr(h) for h in PROBLEM_HEADERS],
            {0: "retorno-0000.ret", 1: "0000", 2: "00000000000000000"},
            stretch=3,
        )
        head = self.head()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.files_label)
        layout.addWidget(self.message)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.entries_table, 3)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems_table, 1)
        self.resize(1200, 680)

    # ----------------------------------------------------------------------- actions
    def pick(self) -> None:
        self.pick_files()

    def pick_files(self) -> None:
        paths = self.choose_files(_tr("Arquivos de retorno do banco"), _tr(FILTERS))
        if not paths:
            return
        self.paths = paths
        self.files_label.setText(", ".join(p.name for p in paths))
        self._run(dry_run=True)

    def apply(self) -> None:
        if self.paths:
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        db, actor, paths = self.db, self.actor, list(self.paths)
        self.run_file(
            "retorno",
            lambda: retorno.import_files(db, actor, paths, dry_run=dry_run),
            lambda reports: self._show(reports, dry_run),
        )

    # ----------------------------------------------------------------------- results
    def _show(self, reports: tuple[FileReport, ...], simulated: bool) -> None:
        self.reports, self.simulated = reports, simulated
        clear_rows(self.entries_model)
        clear_rows(self.problems_model)
        errors = []
        for report in reports:
            if report.error:
                errors.append(f"{Path(report.file).name}: {report.error}")
                continue
            for entry in report.entries:
                self._append(self.entries_model, _row(report, entry, simulated), entry.result)
                if entry.result == "unmatched":
                    self._append(
                        self.problems_model,
                        [
                            Path(report.file).name,
                            str(entry.line),
                            entry.nosso_numero or "",
                            _tr("sem boleto cadastrado para este nosso número"),
                        ],
                        entry.result,
                    )
            for problem in report.problems:
                self._append(
                    self.problems_model,
                    [
                        Path(report.file).name,
                        str(problem.line),
                        problem.nosso_numero or "",
                        problem.reason,
                    ],
                    "rejected",
                )
        if errors:
            self.message.show_error("\n".join(errors))
        self.totals_label.setText(self.totals_text())
        pending = any(e.result in ("settled", "recorded") for r in reports for e in r.entries)
        self.apply_button.setEnabled(simulated and pending)

    def _append(self, model: QStandardItemModel, cells: list[str], result: str) -> None:
        entries = model is self.entries_model
        items = row_items(cells, ENTRY_RIGHT if entries else (1,))
        if result in TONES:
            items[RESULT_COLUMN if entries else -1].setForeground(QColor(TONES[result]))
        model.appendRow(items)

    def totals_text(self) -> str:
        usable = [r for r in self.reports if not r.error]
        settled = sum(len(r.settled) for r in usable)
        amount = sum((r.settled_amount for r in usable), start=Decimal("0.00"))
        fees = sum((r.settled_fees for r in usable), start=Decimal("0.00"))
        unmatched = sum(len(r.unmatched) for r in usable)
        banks = ", ".join(sorted({f"{r.bank} {bank_name(r.bank or '')}" for r in usable}))
        head = simulated_word() if self.simulated else _tr("Aplicado")
        return f"{head} · {banks or '—'} · " + _tr(
            "Baixados: %1 · Valor: %2 · Tarifas: %3 · Não encontrados: %4"
        ).replace("%1", str(settled)).replace("%2", fmt.money(amount)).replace(
            "%3", fmt.money(fees)
        ).replace("%4", str(unmatched))
