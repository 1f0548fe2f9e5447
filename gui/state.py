"""The one object that owns the current results and tells views they changed.

Heavy work (filtering 100,000 statements, rebuilding the matrix) runs in a
worker through :func:`model.analysis.view.compute_reviewed_view`; the state keeps only the newest result.
``analysis`` holds the *reviewed* statements (every analyst decision applied,
with ``edited`` and ``provenance``); the workspace behind them is
``session`` (:mod:`gui.review_session`).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from gui.review_session import ReviewSession
from gui.workers import Task, start
from model.analysis.compare import Comparison, compare_countries, distinct
from model.analysis.filters import StatementFilter, describe_filter
from model.analysis.matrix import Matrix
from model.analysis.view import Reviewed, View, compute_reviewed_view
from model.countries import country_names
from model.documents import Document
from model.loading import ADD_DOCUMENTS, dataset_refusal
from model.pipeline import Analysis
from model.resources import Resources
from model.review.decisions import UnmatchedDecision
from model.review.reviewed import machine_statements
from model.review.workspace import Workspace
from model.texts import StatementTexts


class AppState(QObject):
    sig_analysis_changed = Signal()
    sig_matrix_changed = Signal()
    sig_cell_selected = Signal(str, str)
    sig_country_selected = Signal(str)
    sig_comparison_changed = Signal()
    sig_busy = Signal(bool)
    sig_progress = Signal(int, int, str)   # how far the newest view's work is (a lean set's text search)
    sig_unmatched_changed = Signal()   # decisions that no longer match were (re)counted
    sig_selection_changed = Signal(object)   # the selected (country, column), or None
    sig_names_changed = Signal()       # the column names changed (a set with other topics)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.view: View | None = None
        self.flt = StatementFilter()
        self.by = "topic"
        self.comparison: Comparison | None = None
        self.documents_by_id: dict[str, Document] = {}
        self.documents_table: pd.DataFrame | None = None
        self._generation = 0
        self._task: Task | None = None
        self.session = ReviewSession(self)
        self.unmatched: list[UnmatchedDecision] = []
        self._analysis_revision = -1
        self.session.sig_workspace_changed.connect(self.refresh)
        # view state the panels read: what is selected and how countries and columns are called
        self.selected: tuple[str, str] | None = None
        self.names: dict[str, str] = country_names()
        self.column_names: dict[str, str] = {}

    # --- results in ------------------------------------------------------------
    @property
    def matrix(self) -> Matrix | None:
        return self.view.matrix if self.view else None

    @property
    def statements(self) -> pd.DataFrame | None:
        """The filtered statements the matrix is built from."""
        return self.view.statements if self.view else None

    @property
    def texts(self) -> StatementTexts | None:
        """Where the shown statements' texts are read from (a dataset opened lean); None: they are in the frame."""
        return self.analysis.texts if self.analysis else None

    def refusal(self, what: str = ADD_DOCUMENTS) -> str | None:
        """Why ``what`` cannot be done on the open set when it came from a statements dataset (None: it can)."""
        return dataset_refusal(self.analysis.report, what) if self.analysis is not None else None

    @property
    def lean(self) -> bool:
        """Is the open set a statements dataset opened lean (texts read when shown)?"""
        return self.texts is not None

    def set_result(self, analysis: Analysis, view: View | None = None, documents_table: pd.DataFrame | None = None,
                   grown: bool = False) -> None:
        """A new set (``analysis`` reviewed, see :func:`model.review.reviewed.reviewed_analysis`) or, with ``grown``, the machine
        analysis of the open set plus added documents; ``view`` (and the documents table) when the worker
        already computed them.

        The views update in two turns of the event loop (documents, then the matrix)
        so neither blocks the UI for long on a large set.
        """
        if grown:
            self.session.grow(analysis)   # decisions are replayed in the refresh below
            analysis = replace(analysis, statements=self.analysis.statements if self.analysis else analysis.statements)
            view = None
        else:
            self.session.start(Workspace(list(analysis.documents), machine_statements(analysis.statements)),
                               analysis.report, analysis.resources, texts=analysis.texts)
            self._analysis_revision = -1
            self.unmatched = []
            if "provenance" in analysis.statements.columns:
                self._analysis_revision = self.session.ws.revision   # already reviewed by the loader
            else:
                view = None   # a machine analysis: the refresh lays the review columns over it
        self._show(analysis, view, documents_table)

    def set_workspace(self, ws: Workspace, base: Resources, analysis: Analysis, view: View,
                      documents_table: pd.DataFrame, unmatched: list[UnmatchedDecision], path: str | None,
                      unsaved: bool = False) -> None:
        """An opened (or recovered) project, with what a worker built from it (see :func:`model.loading.load_project_view`)."""
        self.session.start(ws, analysis.report, base, path, unsaved)
        self._analysis_revision = ws.revision
        self.unmatched = unmatched
        self.sig_unmatched_changed.emit()
        self._show(analysis, view, documents_table)

    def _show(self, analysis: Analysis, view: View | None, documents_table: pd.DataFrame | None) -> None:
        # the new set lives until the next load, so full collections on the UI thread need not walk it
        # (they would pause the event loop): it is frozen out of them.  Only the young generations are
        # collected first: the old one holds the set itself, and walking it took 150 ms at 100,000
        # statements (what was frozen before is never walked again either way).
        gc.collect(1)
        gc.freeze()
        self.analysis = analysis
        self.documents_by_id = {d.id: d for d in analysis.documents}
        self.documents_table = documents_table
        self._analysis_changed()
        if view is not None and view.flt == self.flt and view.by == self.by:
            self._generation += 1
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._on_view(generation, view))
        else:
            self.refresh()

    def _analysis_changed(self) -> None:
        assert self.analysis is not None
        columns = {t.key: t.name for t in self.analysis.resources.topics}
        if columns != self.column_names:
            self.column_names = columns
            self.sig_names_changed.emit()
        self.sig_analysis_changed.emit()

    def set_filter(self, flt: StatementFilter) -> None:
        if flt != self.flt:
            self.flt = flt
            self.refresh()

    def set_by(self, by: str) -> None:
        if by not in ("topic", "issue"):
            raise ValueError(by)
        if by != self.by:
            self.by = by
            self.refresh()

    def refresh(self) -> Task | None:
        """Recompute the view in a worker (and the reviewed statements when the workspace changed);
        only the newest request is shown."""
        if self.analysis is None:
            return None
        self._generation += 1
        generation, flt, by, compare = self._generation, self.flt, self.by, self.compared()
        src = self.session.source()
        cached = self.analysis if self._analysis_revision == src.revision else None
        if self._task is not None:
            self._task.cancel()
        task = Task(lambda progress: compute_reviewed_view(src, cached, flt, by, compare, progress))
        task.signals.sig_done.connect(lambda result: self._on_reviewed(generation, src.revision, result))
        task.signals.sig_progress.connect(lambda d, t, m: self._on_progress(generation, d, t, m))
        task.signals.sig_finished.connect(lambda: self.sig_busy.emit(False))
        self.sig_busy.emit(True)
        self._task = start(task)
        return task

    def _on_progress(self, generation: int, done: int, total: int, message: str) -> None:
        if generation == self._generation:
            self.sig_progress.emit(done, total, message)

    def _on_view(self, generation: int, view: View) -> None:
        if generation == self._generation:
            self._set_view(view)

    def _on_reviewed(self, generation: int, revision: int, result: Reviewed) -> None:
        if generation != self._generation:
            return
        analysis, unmatched, view = result
        old = self.analysis
        self.analysis, self._analysis_revision = analysis, revision
        if unmatched is not None:
            self.unmatched = unmatched
            self.sig_unmatched_changed.emit()
        if old is None or old.report is not analysis.report or old.resources.topics != analysis.resources.topics:
            self._analysis_changed()
        self._set_view(view)

    def _set_view(self, view: View) -> None:
        self.view = view
        self.sig_matrix_changed.emit()
        if self.comparison is not None:
            self._recompare(self.comparison.actors)
            self.sig_comparison_changed.emit()

    def compared(self) -> tuple[str, ...]:
        """The countries being compared (none yet: ``()``), for a worker to compare along with the view."""
        return self.comparison.actors if self.comparison is not None else ()

    # --- questions the views ask ------------------------------------------------
    def cell_statements(self, actor: str, column: str) -> pd.DataFrame:
        """The statements behind one cell (a dictionary lookup, fast at 100,000 rows)."""
        if self.view is None:
            return pd.DataFrame()
        pos = self.view.positions.get((actor, column))
        if pos is None:
            return self.view.statements.iloc[0:0]
        return self.view.statements.iloc[pos]

    def select_cell(self, actor: str, column: str) -> None:
        """The analyst selected a matrix cell (the evidence shows it)."""
        self.selected = (actor, column)
        self.sig_selection_changed.emit(self.selected)
        self.sig_cell_selected.emit(actor, column)

    def clear_selection(self) -> None:
        if self.selected is not None:
            self.selected = None
            self.sig_selection_changed.emit(None)

    def name(self, actor: str) -> str:
        return self.names.get(actor, actor)

    def column_name(self, column: str) -> str:
        return self.column_names.get(column, column)

    def select_country(self, actor: str) -> None:
        self.sig_country_selected.emit(actor)

    def compare(self, actors: Sequence[str]) -> Comparison:
        """Compare 2–4 countries on the current (filtered) statements."""
        self._recompare(tuple(actors))
        self.sig_comparison_changed.emit()
        assert self.comparison is not None
        return self.comparison

    def _recompare(self, actors: tuple[str, ...]) -> None:
        if self.view is None or self.analysis is None:
            self.comparison = None
            return
        ready = self.view.comparison
        if ready is not None and ready.actors == distinct(actors):
            self.comparison = ready  # built with the view, in its worker
            return
        columns = self.analysis.resources.topic_keys if self.by == "topic" else None
        self.comparison = compare_countries(self.view.statements, actors, by=self.by, columns=columns)

    def export_context(self, scope: str) -> dict[str, object]:
        """What an export records beside the data: inputs, counts, the filters applied."""
        a = self.analysis
        return {
            "scope": scope,
            "documents": len(a.documents) if a else 0,
            "statements": 0 if self.statements is None else len(self.statements),
            "filters": describe_filter(self.flt),
        }
