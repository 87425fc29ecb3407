"""Retaguarda → Importações (finance, admin): the last ERP imports and what each refused.

The top list shows the last imports with their counts; choosing one lists its refused lines
and conflicts (line and reason) below.  *Importar arquivo…* takes the kind and a file
(through the dialog seam) and first runs a **simulation** (``dry_run``: nothing written)
whose report fills the lower list; *Aplicar* then imports it for real, and the new run is
added to the list and chosen.  Imports run off the GUI thread (``TaskRunner``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout

from desktop.services import erp_import, erp_runs
from desktop.services.erp_import import ImportReport
from desktop.services.erp_runs import ImportRun, RunProblem
from desktop.ui import formatting as fmt
from desktop.ui.backoffice.file_run import (
    FileRunWindow,
    clear_rows,
    report_table,
    row_items,
    simulated_word,
)

FILTERS = "Exportações do ERP (*.csv *.CSV *.jsonl *.ndjson *.txt);;Todos os arquivos (*)"
# What the screen is for first (refused lines, conflicts), then the other counts: at 1024 px
# the columns on the right are the ones cut.
RUN_HEADERS = [
    "Início",
    "Tipo",
    "Arquivo",
    "Recusadas",
    "Conflitos",
    "Lidas",
    "Criadas",
    "Atualizadas",
    "Sem mudança",
    "Situação",
    "Operador",
]
RUN_RIGHT = (3, 4, 5, 6, 7, 8)
REJECTED_COLUMN, CONFLICTS_COLUMN, STATE_COLUMN = 3, 4, 9
PROBLEM_HEADERS = ["Linha", "Tipo", "Motivo"]
TONES = {"rejected": "#cf222e", "conflict": "#9a6700"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Imports", text)


def kind_words() -> dict[str, str]:
    return {
        "customers": _tr("Clientes"),
        "contracts": _tr("Contratos"),
        "receivables": _tr("Contas a receber"),
    }


def run_state(run: ImportRun) -> str:
    if run.error:
        return _tr("interrompida: %1").replace("%1", run.error)
    return _tr("concluída") if run.finished_at else _tr("em andamento")


class ImportsWindow(FileRunWindow):
    object_name = "importsWindow"

    def title(self) -> str:
        return _tr("Importações do ERP")

    def pick_text(self) -> str:
        return _tr("Importar arquivo…")

    def build(self) -> None:
        self.runs: list[ImportRun] = []
        self.path: Path | None = None
        self.kind = "customers"
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName(_tr("Tipo de arquivo"))
        for kind, words in kind_words().items():
            self.kind_box.addItem(words, kind)
        self.runs_model, self.runs_table = report_table(
            self,
            [_tr(h) for h in RUN_HEADERS],
            {
                0: "00/00/0000 00:00",
                1: "Contas a receber",
                2: "clientes-2026-12-07.csv",
                3: "000.000",
                4: "00.000",
                5: "0.000.000",
                6: "0.000.000",
                7: "000.000",
                8: "0.000.000",
                9: "concluída",
            },
            stretch=10,
        )
        self.runs_table.selectionModel().selectionChanged.connect(self._run_chosen)
        self.problems_title = QLabel(_tr("Linhas recusadas e conflitos"), self)
        self.problems_title.setObjectName("importsProblemsTitle")
        self.problems_title.setStyleSheet("font-weight: 600;")
        self.problems_title.setWordWrap(True)
        self.problems_model, self.problems_table = report_table(
            self, [_tr(h) for h in PROBLEM_HEADERS], {0: "0000000", 1: "conflito"}, stretch=2
        )
        head = self.head(self.kind_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.runs_table, 3)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems_table, 2)
        self.resize(1200, 680)
        self.refresh()

    # ----------------------------------------------------------------------- the list
    def refresh(self, choose: int | None = None) -> None:
        db, actor = self.db, self.actor
        self.task_runner.submit(
            ("erp-runs", id(self)),
            lambda: erp_runs.recent(db, actor),
            on_success=lambda runs: self._show_runs(runs, choose),
            on_error=self.message.show_error,
            owner=self,
        )

    def _show_runs(self, runs: list[ImportRun], choose: int | None) -> None:
        self.runs = runs
        clear_rows(self.runs_model)
        words = kind_words()
        for run in runs:
            items = row_items(
                [
                    fmt.local_datetime(run.started_at),
                    words.get(run.kind, run.kind),
                    run.file_name,
                    fmt.number(run.rejected),
                    fmt.number(run.conflicts),
                    fmt.number(run.read),
                    fmt.number(run.created),
                    fmt.number(run.updated),
                    fmt.number(run.unchanged),
                    run_state(run),
                    run.operator.split(":")[-1],
                ],
                RUN_RIGHT,
            )
            items[2].setToolTip(run.file_name)
            items[STATE_COLUMN].setToolTip(run_state(run))
            for column, count, tone in (
                (REJECTED_COLUMN, run.rejected, "rejected"),
                (CONFLICTS_COLUMN, run.conflicts, "conflict"),
                (STATE_COLUMN, bool(run.error), "rejected"),
            ):
                if count:
                    items[column].setForeground(QColor(TONES[tone]))
                    font = items[column].font()
                    font.setBold(True)
                    items[column].setFont(font)
            self.runs_model.appendRow(items)
        ids = [r.id for r in runs]
        if choose in ids:
            self.runs_table.selectRow(ids.index(choose))

    def _run_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {i.row() for i in selected.indexes()}
        if len(rows) != 1:
            return
        run = self.runs[rows.pop()]
        db, actor = self.db, self.actor
        self.task_runner.submit(
            ("erp-problems", id(self)),
            lambda: erp_runs.problems(db, actor, run.id),
            on_success=lambda problems: self._show_problems(
                problems,
                _tr("%1 — %2: %3 recusadas, %4 conflitos")
                .replace("%1", run.file_name)
                .replace("%2", fmt.local_datetime(run.started_at))
                .replace("%3", fmt.number(run.rejected))
                .replace("%4", fmt.number(run.conflicts)),
            ),
            on_error=self.message.show_error,
            owner=self,
        )

    def _show_problems(self, problems: list[RunProblem], title: str) -> None:
        self.problems_title.setText(title)
        clear_rows(self.problems_model)
        words = {"rejected": _tr("recusada"), "conflict": _tr("conflito")}
        for p in problems:
            items = row_items([str(p.line), words.get(p.kind, p.kind), p.reason], (0,))
            items[1].setForeground(QColor(TONES.get(p.kind, "#000000")))
            self.problems_model.appendRow(items)

    # ----------------------------------------------------------------------- importing
    def pick(self) -> None:
        self.pick_file()

    def pick_file(self) -> None:
        paths = self.choose_files(_tr("Arquivo exportado do ERP"), _tr(FILTERS))
        if not paths:
            return
        self.path = paths[0]
        self.kind = str(self.kind_box.currentData())
        self._run(dry_run=True)

    def apply(self) -> None:
        if self.path is not None:
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        db, actor, kind, path = self.db, self.actor, self.kind, self.path
        assert path is not None
        self.run_file(
            "erp-import",
            lambda: erp_import.import_file(db, actor, kind, path, dry_run=dry_run),
            self._reported,
            lock=(self.kind_box,),
        )

    def report_text(self, report: ImportReport) -> str:
        head = simulated_word() if report.dry_run else _tr("Importado")
        return f"{head} · {kind_words()[report.kind]} · {Path(report.file).name} · " + _tr(
            "Lidas: %1 · Criadas: %2 · Atualizadas: %3 · Sem mudança: %4 · "
            "Recusadas: %5 · Conflitos: %6"
        ).replace("%1", fmt.number(report.read)).replace("%2", fmt.number(report.created)).replace(
            "%3", fmt.number(report.updated)
        ).replace("%4", fmt.number(report.unchanged)).replace(
            "%5", fmt.number(len(report.rejected))
        ).replace("%6", fmt.number(len(report.conflicts)))

    def _reported(self, report: ImportReport) -> None:
        problems = [RunProblem("rejected", p.line, p.reason) for p in report.rejected]
        problems += [RunProblem("conflict", p.line, p.reason) for p in report.conflicts]
        problems.sort(key=lambda p: p.line)
        self._show_problems(problems, self.report_text(report))
        if report.dry_run:
            self.message.show_info(
                _tr("Confira a simulação abaixo e clique em Aplicar para importar.")
            )
            self.apply_button.setEnabled(bool(report.read))
        else:
            self.message.show_info(_tr("Importação concluída e registrada."))
            self.path = None
            self.refresh(choose=report.import_id)
