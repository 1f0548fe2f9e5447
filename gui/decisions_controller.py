"""The Decisions panel in the main window: kept up to date, Restore, and a click showing the statement.

The audit trail (:func:`model.review.log.decision_log`) is rebuilt after
every change of the workspace, but only while the panel can be seen (and
once when it is shown again), so review at 100,000 statements pays nothing
for a hidden panel.  Bulk accept/reject of a sentence, a document or a cell
also live here: each is one undoable command.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd
from PySide6.QtCore import QObject, Signal

from model.review.decisions import ReviewError, locate
from model.review.log import LogEntry, decision_log

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class DecisionsController(QObject):
    sig_log_updated = Signal()   # the panel shows the current decisions

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.state.session
        self.panel = window.decisions
        self.dock = window.docks["decisions"]
        self._stale = True
        self.session.sig_workspace_changed.connect(self._on_changed)
        self.dock.visibilityChanged.connect(lambda visible: self.update() if visible and self._stale else None)
        self.panel.sig_restore.connect(self.restore)
        self.panel.sig_show.connect(self.show_entry)

    # --- the log ---------------------------------------------------------------
    def _on_changed(self) -> None:
        self._stale = True
        if self.dock.isVisible() and not self.panel.visibleRegion().isEmpty():
            self.update()

    def update(self) -> None:
        ws = self.session.ws
        self.panel.set_entries(decision_log(ws.decisions, ws.notes, ws.statements))
        self._stale = False
        self.sig_log_updated.emit()

    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        if self._stale:
            self.update()

    # --- what the panel asks for ------------------------------------------------
    def restore(self, entry: LogEntry) -> None:
        if entry.ref is None:
            return
        try:
            self.session.actions.restore(entry.ref, entry.topic)
        except ReviewError as exc:
            self.window.statusBar().showMessage(f"Not restored: {exc}", 5000)

    def show_entry(self, entry: LogEntry) -> None:
        """The entry's cell in the matrix (when it has one) and its sentence in the reader."""
        w = self.window
        if entry.actor and entry.topic and w.state.by == "topic" and not entry.rejected:
            index = w.matrix_model.index_of(entry.actor, entry.topic)
            if index.isValid():
                w.matrix_view.setCurrentIndex(index)
                w.matrix_view.scrollTo(index)
        if entry.ref is None:
            return
        docs = self.session.ws.documents
        where = locate(entry.ref, {d.hash: d for d in docs}, {d.id: d for d in docs})
        if isinstance(where, str):
            w.statusBar().showMessage(where, 5000)
            return
        doc, start, end = where
        w.open_in_reader(doc.id, {"document": doc.id, "start": start, "end": end, "sentence": doc.text[start:end],
                                  "actor": entry.actor})


def rows_of(statements: pd.DataFrame | None, **match: Any) -> list[dict[str, Any]]:
    """The statements (as dicts) whose columns equal ``match``, e.g. ``document="a", start=0, end=40``."""
    if statements is None or statements.empty:
        return []
    keep = pd.Series(True, index=statements.index)
    for col, value in match.items():
        keep &= statements[col] == value
    return statements[keep].to_dict(orient="records")


def sentence_rows(statements: pd.DataFrame | None, row: Mapping[str, Any]) -> list[dict[str, Any]]:
    return rows_of(statements, document=row["document"], start=int(row["start"]), end=int(row["end"]))


def document_rows(statements: pd.DataFrame | None, row: Mapping[str, Any]) -> list[dict[str, Any]]:
    return rows_of(statements, document=row["document"])
