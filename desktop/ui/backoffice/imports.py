"""Retaguarda → Importações (finance, admin): the last ERP imports and what each refused.

The top list shows the last imports with their counts; choosing one lists its refused lines
and conflicts (line and reason) below.  *Importar arquivo…* takes the kind and a file
(through the dialog seam) and first runs a **simulation** (``dry_run``: nothing written)
whose report fills the lower list; *Aplicar* then imports it for real, and the new run is
added to the list and chosen.  Imports run off the GUI thread (``TaskRunner``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.services import erp_import, erp_runs
from desktop.services.erp_import import ImportReport
from desktop.services.erp_runs import ImportRun, RunProblem
from desktop.ui import formatting as fmt
from desktop.ui.backoffice.style import BackofficeWindow
from desktop.ui.dialogs import dialogs
from desktop.ui.widgets import BusyIndicator, MessageLine, data_table, fit_columns
from desktop.ui.workers import TaskRunner

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


def _items(cells: list[str], right: tuple[int, ...] = ()) -> list[QStandardItem]:
    items = [QStandardItem(text) for text in cells]
    for i, item in enumerate(items):
        item.setEditable(False)
        if i in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return items


class ImportsWindow(BackofficeWindow):
    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            db,
            actor,
            _tr("Importações do ERP"),
            "importsWindow",
            task_runner=task_runner,
            parent=parent,
        )
        self.runs: list[ImportRun] = []
        self.path: Path | None = None
        self.kind = "customers"
        self.busy = BusyIndicator(self)
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName(_tr("Tipo de arquivo"))
        for kind, words in kind_words().items():
            self.kind_box.addItem(words, kind)
        self.pick_button = QPushButton(_tr("Importar arquivo…"), self)
        self.pick_button.clicked.connect(self.pick_file)
        self.apply_button = QPushButton(_tr("Aplicar"), self)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.message = MessageLine(self)
        self.runs_model = QStandardItemModel(0, len(RUN_HEADERS), self)
        self.runs_model.setHorizontalHeaderLabels([_tr(h) for h in RUN_HEADERS])
        self.runs_table = data_table(self)
        self.runs_table.setModel(self.runs_model)
        fit_columns(
            self.runs_table,
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
        self.problems_model = QStandardItemModel(0, len(PROBLEM_HEADERS), self)
        self.problems_model.setHorizontalHeaderLabels([_tr(h) for h in PROBLEM_HEADERS])
        self.problems_table = data_table(self)
        self.problems_table.setModel(self.problems_model)
        fit_columns(self.problems_table, {0: "0000000", 1: "conflito"}, stretch=2)
        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addSpacing(16)
        head.addWidget(self.busy)
        head.addStretch(1)
        head.addWidget(self.kind_box)
        head.addWidget(self.pick_button)
        head.addWidget(self.apply_button)
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
        self.runs_model.removeRows(0, self.runs_model.rowCount())
        words = kind_words()
        for run in runs:
            items = _items(
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
        self.problems_model.removeRows(0, self.problems_model.rowCount())
        words = {"rejected": _tr("recusada"), "conflict": _tr("conflito")}
        for p in problems:
            items = _items([str(p.line), words.get(p.kind, p.kind), p.reason], (0,))
            items[1].setForeground(QColor(TONES.get(p.kind, "#000000")))
            self.problems_model.appendRow(items)

    # ----------------------------------------------------------------------- importing
    def pick_file(self) -> None:
        paths = dialogs().open_files(self, _tr("Arquivo exportado do ERP"), _tr(FILTERS))
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
        self.busy.set_busy(True)
        for widget in (self.apply_button, self.pick_button, self.kind_box):
            widget.setEnabled(False)
        self.message.clear_message()
        self.task_runner.submit(
            ("erp-import", id(self)),
            lambda: erp_import.import_file(db, actor, kind, path, dry_run=dry_run),
            on_success=self._reported,
            on_error=self.message.show_error,
            on_finished=self._finished,
            owner=self,
        )

    def _finished(self) -> None:
        self.busy.set_busy(False)
        self.pick_button.setEnabled(True)
        self.kind_box.setEnabled(True)

    def report_text(self, report: ImportReport) -> str:
        head = _tr("Simulação (nada gravado)") if report.dry_run else _tr("Importado")
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
