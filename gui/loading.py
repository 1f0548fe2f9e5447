"""Loading documents: file dialogs, drag and drop, recent sets, progress and Cancel, the load report.

The work is :func:`model.loading.load_set` / :func:`~model.loading.grow_set` /
:func:`~model.loading.load_dataset`, run in a worker; the controller only starts
them and shows results.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QProgressBar, QPushButton

from gui import settings
from gui.dialogs import LoadReportDialog
from gui.host import StatusHost
from gui.plain import message_box, tooltip
from gui.project_controller import ProjectController
from gui.refusals import Refusals
from gui.state import AppState
from gui.workers import Task, start
from model.errorlog import safe_text
from model.loading import ADD_DOCUMENTS, Loaded, grow_set, load_dataset, load_set
from model.progress import Progress, amount, count_of
from model.project.store import SUFFIX as PROJECT_SUFFIX
from model.readers import supported_suffixes
from model.readers.loader import is_dataset_folder


def file_filter() -> str:
    patterns = " ".join(f"*{s}" for s in sorted(supported_suffixes()))
    return f"Documents ({patterns});;All files (*)"


class LoadController(QObject):
    sig_report_ready = Signal(object)  # LoadReport of the last load
    sig_loaded = Signal()              # a load is complete: the matrix shows its result
    sig_refused = Signal(str)          # documents were not added to the open set: the reason

    def __init__(self, state: AppState, host: StatusHost, refusals: Refusals, projects: ProjectController,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host, self.refusals, self.projects = state, host, refusals, projects
        self.task: Task | None = None
        self.paths: list[str] = []
        self.report_dialog: LoadReportDialog | None = None
        self.error_box: QMessageBox | None = None
        self.show_report_on_errors = True
        self._waiting_for_matrix = False
        self._generation = 0
        # the count is a label beside a text-less bar: a bar's own text is drawn half over the chunk
        # and half beside it, and some themes paint one half white on white
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop loading; the open set stays as it was")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            host.add_status_widget(widget)

    # --- entry points --------------------------------------------------------
    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.host.dialog_parent(), "Open documents", settings.last_folder(), file_filter())
        if files:
            settings.set_last_folder(str(Path(files[0]).parent))
            self.load(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host.dialog_parent(), "Open folder", settings.last_folder())
        if folder:
            settings.set_last_folder(folder)
            self.load([folder])

    def open_dataset(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host.dialog_parent(), "Open statements dataset", settings.last_folder())
        if folder:
            settings.set_last_folder(str(Path(folder).parent))
            self.load([folder])

    def add_files(self) -> None:
        if self.refuse_growth():
            return
        files, _ = QFileDialog.getOpenFileNames(self.host.dialog_parent(), "Add documents to the set", settings.last_folder(), file_filter())
        if files:
            settings.set_last_folder(str(Path(files[0]).parent))
            self.add(files)

    def drop(self, paths: list[str]) -> Task | None:
        """Dropped files: added to the open set, or opened as a new set when none is open (a project file or a
        statements dataset folder: opened; documents dropped on a set opened from a dataset: refused, see :meth:`add`)."""
        opens = len(paths) == 1 and (str(paths[0]).endswith(PROJECT_SUFFIX) or is_dataset_folder(paths[0]))
        return self.add(paths) if self.state.analysis is not None and not opens else self.load(paths)

    def load(self, paths: list[str]) -> Task | None:
        """Open ``paths`` as a new set (after asking about unsaved work; None when the user cancels).

        A single project file (.stanceatlas) is opened as the project instead."""
        if len(paths) == 1 and str(paths[0]).endswith(PROJECT_SUFFIX):
            return self.projects.open(str(paths[0]))
        if not self.projects.confirm_discard():
            return None
        paths = [str(p) for p in paths]
        state = self.state
        flt, by, compare = state.flt, state.by, state.compared()
        resources = state.session.base   # the shipped resources, without the open project's edits
        self.paths = paths
        if len(paths) == 1 and is_dataset_folder(paths[0]):
            folder = paths[0]
            return self._start(lambda progress: load_dataset(folder, flt, by, resources, compare),
                               f"Opening the statements dataset {self._what(paths)}…", paths)
        return self._start(lambda progress: load_set(paths, flt, by, progress, resources, compare),
                           f"Loading {self._what(paths)}…", paths)

    def add(self, paths: list[str]) -> Task | None:
        """Add ``paths`` to the open set (none open: open them); refused, with the reason, on a set opened from a
        statements dataset: it holds statements, not the texts new statements would be laid beside."""
        state = self.state
        if state.analysis is None:
            return self.load(paths)
        if self.refuse_growth():
            return None
        paths = [str(p) for p in paths]
        analysis, flt, by = state.session.machine_analysis(), state.flt, state.by
        self.paths = self.paths + paths
        return self._start(lambda progress: grow_set(analysis, paths, flt, by, progress),
                           f"Adding {self._what(paths)}…", self.paths, grown=True)

    def refuse_growth(self) -> bool:
        """When the open set came from a statements dataset: say why documents cannot be added
        (:meth:`gui.refusals.Refusals.refuse`) and return True; nothing changes."""
        refusal = self.refusals.refuse(ADD_DOCUMENTS)
        if refusal is not None:
            self.sig_refused.emit(refusal)
        return refusal is not None

    def cancel(self) -> None:
        if self.task is not None and not self.task.finished:
            self.task.cancel()
            self.host.show_status("Cancelling…")

    def show_report(self) -> LoadReportDialog | None:
        a = self.state.analysis
        if a is None:
            return None
        self.report_dialog = LoadReportDialog(a.report, self.host.dialog_parent())
        self.report_dialog.show()
        return self.report_dialog

    # --- worker plumbing -----------------------------------------------------
    @staticmethod
    def _what(paths: list[str]) -> str:
        return Path(paths[0]).name if len(paths) == 1 else f"{len(paths)} items"

    def _start(self, fn: Callable[[Progress], Loaded], message: str, recent: list[str], grown: bool = False) -> Task:
        if self.task is not None:
            self.task.cancel()  # a newer request wins; harmless when it already finished
        task = Task(fn)
        # slots capture a generation number, not the task: no task ↔ slot cycle for the garbage
        # collector to break later from a worker thread (deleting Qt objects off the UI thread crashes)
        self._generation += 1
        gen = self._generation
        task.signals.sig_progress.connect(lambda d, t, m: self._on_progress(gen, d, t, m))
        task.signals.sig_done.connect(lambda result: self._on_done(gen, result, recent, grown))
        task.signals.sig_failed.connect(lambda text: self._on_failed(gen, text, recent))
        task.signals.sig_cancelled.connect(lambda: self._on_cancelled(gen))
        task.signals.sig_finished.connect(lambda: self._on_finished(gen))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress_label.setText("Starting…")
        self.progress.show()
        self.progress_label.show()
        self.cancel_button.show()
        self.host.show_status(safe_text(message))
        self.task = start(task)
        return task

    def _on_progress(self, gen: int, done: int, total: int, message: str) -> None:
        if gen == self._generation:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            self.progress_label.setText(count_of(message) or f"{100 * done // max(total, 1)}%")
            self.progress.setToolTip(tooltip(message))
            self.progress_label.setToolTip(tooltip(message))

    def _on_done(self, gen: int, result: Loaded, recent: list[str], grown: bool = False) -> None:
        if gen != self._generation:
            return
        analysis, view, documents = result
        if analysis.documents or grown:
            settings.push_recent_set(recent)
        elif recent:
            settings.forget_recent_set(recent)  # nothing could be read: not a set to offer again
        self._waiting_for_matrix = True
        self.state.set_result(analysis, view, documents, grown=grown)
        n_err = len(analysis.report.errors)
        lean = (f"; {len(analysis.statements):,} statements; texts are read from the dataset when shown"
                if analysis.texts is not None else "")
        self.host.show_status(
            f"Loaded {amount(len(analysis.documents), 'document')}" + lean
            + (f"; {amount(n_err, 'file')} failed — see File › Load report" if n_err else ""), 8000)
        self.sig_report_ready.emit(analysis.report)
        if n_err and self.show_report_on_errors:
            self.show_report()

    def matrix_ready(self) -> None:
        """Called when the matrix shows the newest result; a load waiting for it is complete."""
        if self._waiting_for_matrix:
            self._waiting_for_matrix = False
            self.sig_loaded.emit()

    def _on_failed(self, gen: int, text: str, recent: list[str] | None = None) -> None:
        if gen != self._generation:
            return
        if recent:
            settings.forget_recent_set(recent)
        box = message_box(QMessageBox.Icon.Critical, "Loading failed", text.split("\n\n")[0], self.host.dialog_parent(),
                          detail=text)
        box.show()
        self.error_box = box
        self.host.show_status("Loading failed; the open set is unchanged", 8000)

    def _on_cancelled(self, gen: int) -> None:
        if gen == self._generation:
            self.host.show_status("Loading cancelled; the open set is unchanged", 8000)

    def _on_finished(self, gen: int) -> None:
        if gen == self._generation:
            self.progress.hide()
            self.progress_label.hide()
            self.cancel_button.hide()
