"""The Decisions panel in the main window: kept up to date, Restore, and a click showing the statement.

The audit trail (:func:`model.review.log.decision_log`) is rebuilt after
every change of the workspace, but only while the panel can be seen (and
once when it is shown again), so review at 100,000 statements pays nothing
for a hidden panel.  Bulk accept/reject of a sentence, a document or a cell
also live here: each is one undoable command.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget

from gui.decisions_panel import DecisionsPanel
from gui.host import StatusHost
from gui.state import AppState
from model.review.decisions import ReviewError, locate
from model.review.log import LogEntry, decision_log

#: shows a statement of a document in the reader: (document id, statement row)
OpenDocument = Callable[[str, dict[str, Any]], None]
#: makes a matrix cell current (without raising the evidence): (country, column) → whether the matrix has it
ShowCell = Callable[[str, str], object]


class DecisionsController(QObject):
    sig_log_updated = Signal()   # the panel shows the current decisions

    def __init__(self, state: AppState, host: StatusHost, panel: DecisionsPanel, dock: QDockWidget,
                 show_cell: ShowCell, open_document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host = state, host
        self.session = state.session
        self.panel, self.dock = panel, dock
        self.show_cell, self.open_document = show_cell, open_document
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
            self.host.show_status(f"Not restored: {exc}", 5000)

    def show_entry(self, entry: LogEntry) -> None:
        """The entry's cell in the matrix (when it has one) and its sentence in the reader."""
        if entry.actor and entry.topic and self.state.by == "topic" and not entry.rejected:
            self.show_cell(entry.actor, entry.topic)
        if entry.ref is None:
            return
        docs = self.session.ws.documents
        where = locate(entry.ref, {d.hash: d for d in docs}, {d.id: d for d in docs})
        if isinstance(where, str):
            self.host.show_status(where, 5000)
            return
        doc, start, end = where
        self.open_document(doc.id, {"document": doc.id, "start": start, "end": end, "sentence": doc.text[start:end],
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
