"""Main window: documents | matrix | evidence, with a status bar."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
)

from gui.matrix_model import MatrixTableModel
from gui.state import AppState
from gui.workers import Task, start
from model.countries import country_names
from model.pipeline import Analysis, analyse


class MainWindow(QMainWindow):
    sig_loaded = Signal()

    def __init__(self, state: AppState | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Stance Atlas")
        self.resize(1280, 760)
        self.state = state or AppState(self)
        self.names = country_names()
        self.task: Task | None = None

        self.documents = QListWidget()
        self.matrix_model = MatrixTableModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.matrix_view.horizontalHeader().setDefaultSectionSize(92)
        self.evidence = QTextBrowser()
        split = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.documents, self.matrix_view, self.evidence):
            split.addWidget(w)
        split.setSizes([220, 700, 360])
        self.setCentralWidget(split)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._menus()

        self.state.sig_matrix_changed.connect(self._on_matrix_changed)
        self.matrix_view.selectionModel().currentChanged.connect(self._on_cell)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_files = QAction("&Open files…", self, shortcut=QKeySequence.StandardKey.Open)
        open_files.triggered.connect(self.open_files)
        open_folder = QAction("Open &folder…", self)
        open_folder.triggered.connect(self.open_folder)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for a in (open_files, open_folder, quit_action):
            file_menu.addAction(a)

    # --- loading -------------------------------------------------------------
    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Open documents")
        if files:
            self.load(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open folder")
        if folder:
            self.load([folder])

    def load(self, paths: list[str]) -> Task:
        if self.task is not None and self.task.running:
            self.task.cancel()
        task = Task(lambda progress: analyse(paths, progress=progress))
        task.signals.sig_progress.connect(self._on_progress)
        task.signals.sig_done.connect(self._on_loaded)
        task.signals.sig_failed.connect(self._on_failed)
        task.signals.sig_finished.connect(self._on_finished)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage("Loading…")
        self.task = start(task)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.statusBar().showMessage("Cancelling…")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_loaded(self, analysis: Analysis) -> None:
        self.documents.clear()
        for d in analysis.documents:
            self.documents.addItem(d.title or d.id)
        for issue in analysis.report.issues:
            self.documents.addItem(f"⚠ {issue.path}: {issue.reason}")
        self.state.set_analysis(analysis)
        self.statusBar().showMessage("Ready", 3000)
        self.sig_loaded.emit()

    def _on_failed(self, message: str) -> None:
        QMessageBox.critical(self, "Loading failed", message.split("\n\n")[0])

    def _on_finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    # --- views ---------------------------------------------------------------
    def _on_matrix_changed(self) -> None:
        m = self.state.matrix
        self.matrix_model.set_matrix(m, names=self.names)
        st = self.state.statements
        n_docs = len(self.state.analysis.documents) if self.state.analysis else 0
        n_st = 0 if st is None else len(st)
        n_act = 0 if m is None else len(m.actors)
        self.counts_label.setText(f"{n_docs} documents · {n_st} statements · {n_act} countries")

    def _on_cell(self, current, _previous=None) -> None:
        key = self.matrix_model.key(current)
        if key is None:
            return
        actor, col = key
        self.state.sig_cell_selected.emit(actor, col)
        rows = self.state.cell_statements(actor, col)
        parts = [f"<h3>{html.escape(self.names.get(actor, actor))} — {html.escape(col)}</h3>"]
        if rows.empty:
            parts.append("<p><i>No stance recorded.</i></p>")
        for r in rows.itertuples():
            rep = f" · reported by {html.escape(str(r.reporter))}" if isinstance(r.reporter, str) else ""
            parts.append(
                f"<p><b>{html.escape(str(r.stance))}</b> ({r.polarity:+.2f}){rep}<br>"
                f"<span style='color:#555'>{html.escape(str(r.sentence))}</span></p>"
            )
        self.evidence.setHtml("".join(parts))
