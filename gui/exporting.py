"""Export entry points: the filtered matrix or the current comparison, and the statements, written off the UI thread.

What the files contain is ``model.export``'s concern; this module picks the
path, passes the filtered statements and a description of the filters, and
reports success or the error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui import settings
from gui.host import StatusHost
from gui.plain import message_box
from gui.state import AppState
from gui.workers import Task, start
from model.analysis.filters import filter_fields
from model.errorlog import safe_text
from model.export import write_matrix, write_statements
from model.export.comparison import comparison_frame
from model.export.qdpx import write_qdpx
from model.progress import Progress

FORMATS = {
    ".xlsx": "Excel workbook (*.xlsx)",
    ".csv": "CSV, one row per cell (*.csv)",
    ".json": "JSON (*.json)",
    ".jsonl": "JSON lines (*.jsonl)",
    ".qdpx": "REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (*.qdpx)",
}


def export_folder() -> Path:
    """Where the export dialog opens: the last export's folder, else the user's Documents folder, else home.

    Never the folder the documents were loaded from (an export there mixes results into the inputs).
    """
    last = settings.last_export_folder()
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class ExportController(QObject):
    sig_exported = Signal(str)
    sig_failed = Signal(str)

    def __init__(self, state: AppState, host: StatusHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host = state, host
        self.task: Task | None = None
        self.error_box: QMessageBox | None = None

    def ask(self, what: str, suffix: str) -> None:
        """File dialog, then export ``what`` ("matrix", "comparison", "statements" or "qdpx") to the chosen path."""
        if self.state.view is None:
            self.host.show_status("Nothing to export yet: open documents first", 4000)
            return
        label = {"qdpx": "project"}.get(what, what)
        start_at = str(export_folder() / f"stance-{label}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self.host.dialog_parent(), f"Export {label}", start_at, FORMATS[suffix])
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            settings.set_last_export_folder(str(Path(path).parent))
            self.export(what, path)

    def export(self, what: str, path: str) -> Task | None:
        """Write ``what`` ("matrix", "comparison", "statements" or "qdpx") to ``path`` in a worker; the filters apply."""
        state = self.state
        view, analysis = state.view, state.analysis
        if view is None or analysis is None:
            return None
        statements = view.statements
        ws = state.session.ws
        kwargs: dict[str, Any] = {"documents": analysis.report, "filters": filter_fields(state.flt), "topics": analysis.resources.topics}
        # the review goes into the workbook (Decisions sheet, notes); copies, as the worker runs beside further edits
        review: dict[str, Any] = {"decisions": tuple(ws.decisions), "notes": tuple(ws.notes), "machine": ws.statements,
                  "title": safe_text(Path(state.session.path).stem) if state.session.path else None}
        context = state.export_context(what)
        if what == "statements":
            def job(progress: Progress) -> list[str]:
                write_statements(statements, path, full=True, documents=analysis.report, by=state.by)
                return []
        elif what == "qdpx":
            notes = tuple(state.session.ws.notes)

            def job(progress: Progress) -> list[str]:
                return write_qdpx(path, statements, analysis.report, topics=analysis.resources.topics, notes=notes)
        elif what == "comparison":
            if state.comparison is None:
                self.host.show_status("Open a comparison first (View › Compare countries)", 4000)
                return None
            matrix = state.comparison.matrix
            countries = [a for a in state.comparison.actors if a in matrix.actors]
            statements = statements[statements["actor"].isin(state.comparison.actors)]
            context["countries"] = ", ".join(state.comparison.actors)
            kwargs["comparison"] = comparison_frame(matrix, countries)

            def job(progress: Progress) -> list[str]:
                return write_matrix(matrix, statements, path, context, **kwargs, **review)
        else:
            matrix = view.matrix

            def job(progress: Progress) -> list[str]:
                return write_matrix(matrix, statements, path, context, **kwargs, **review)
        task = Task(job)
        task.signals.sig_done.connect(lambda notices: self._done(path, notices))
        task.signals.sig_failed.connect(lambda text: self._failed(path, text))
        self.host.show_status(safe_text(f"Exporting to {Path(path).name}…"))
        self.task = start(task)
        return task

    def _done(self, path: str, notices: list[str] | None) -> None:
        extra = f" — {'; '.join(notices)}" if notices else ""
        self.host.show_status(safe_text(f"Exported to {path}{extra}"), 12000)
        self.sig_exported.emit(path)

    def _failed(self, path: str, text: str) -> None:
        reason = text.split("\n\n")[0]
        self.host.show_status(safe_text(f"Export failed: {reason}"), 8000)
        box = message_box(QMessageBox.Icon.Warning, "Export failed", f"{Path(path).name} was not written:\n{reason}",
                          self.host.dialog_parent())
        box.show()
        self.error_box = box
        self.sig_failed.emit(reason)
