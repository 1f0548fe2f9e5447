"""The open workspace behind the views: machine statements, the analyst's decisions and what is unsaved.

:class:`ReviewSession` owns the :class:`~model.review.workspace.Workspace`, its undo
stack and the review actions, the shipped resources the statements were
extracted with, and the project file it belongs to.  The views never read the
machine statements: :func:`model.review.reviewed.reviewed_analysis` (run in a
worker) lays every decision over them, and that is what the matrix, evidence,
profile, comparison and exports show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, QSignalBlocker, Signal

from gui.review_actions import ReviewActions
from gui.undo import WorkspaceUndo
from model.documents import LoadReport
from model.pipeline import Analysis
from model.resource_edits import ResourceEdits, merge_resources
from model.resources import Resources
from model.review.decisions import locate
from model.review.notes import Note, notes_for_cell
from model.review.reviewed import Source, machine_statements
from model.review.workspace import Workspace
from model.texts import StatementTexts


class ReviewSession(QObject):
    """The workspace, its undo stack, its project path and whether it has unsaved changes."""

    sig_workspace_changed = Signal()   # decisions, notes, resource edits or machine statements changed
    sig_dirty_changed = Signal(bool)
    sig_path_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = WorkspaceUndo(parent=self)
        self.actions = ReviewActions(self.undo, self)
        self.base: Resources | None = None
        self.texts: StatementTexts | None = None
        self.report = LoadReport()
        self.path: str | None = None
        #: the resource edits the machine statements were extracted with
        self.extracted_with = ResourceEdits()
        # changes the undo stack does not hold (documents added, re-extraction), counted so a
        # save that finishes after another such change does not mark the workspace clean
        self._unsaved_changes = 0
        self._merged: tuple[ResourceEdits, Resources, Resources] | None = None
        self._dirty = False
        self._notes_index: tuple[int, dict[tuple[str, int, int, str], list[Note]]] | None = None
        self.undo.sig_workspace_changed.connect(self._on_undo_changed)
        self.undo.sig_clean_changed.connect(lambda _clean: self._update_dirty())

    @property
    def ws(self) -> Workspace:
        return self.undo.ws

    # --- what the views are built from --------------------------------------
    def resources(self) -> Resources:
        """The shipped resources with the analyst's aliases and topic cues (cached per edit)."""
        base = self.base
        if base is None:
            raise RuntimeError("no resources yet: nothing has been loaded")
        edits = self.ws.resource_edits
        if self._merged is None or self._merged[0] != edits or self._merged[1] is not base:
            self._merged = (edits, base, merge_resources(base, edits))
        return self._merged[2]

    def source(self) -> Source:
        ws = self.ws
        return Source(self.report, ws.statements, tuple(ws.decisions), tuple(ws.documents), self.resources(), ws.revision,
                      self.texts)

    def statement_notes(self) -> dict[tuple[str, int, int, str], list[Note]]:
        """Notes on statements by (document, start, end, key actor) where their sentence is now (cached per revision)."""
        ws = self.ws
        if self._notes_index is None or self._notes_index[0] != ws.revision:
            by_hash = {d.hash: d for d in ws.documents}
            by_id = {d.id: d for d in ws.documents}
            index: dict[tuple[str, int, int, str], list[Note]] = {}
            for n in ws.notes:
                if n.statement is None:
                    continue
                where = locate(n.statement, by_hash, by_id)
                if not isinstance(where, str):
                    index.setdefault((where[0].id, where[1], where[2], n.statement.actor), []).append(n)
            self._notes_index = (ws.revision, index)
        return self._notes_index[1]

    def notes_for_row(self, row: Mapping[str, Any]) -> list[Note]:
        key = (str(row.get("document")), int(row.get("start") or 0), int(row.get("end") or 0), str(row.get("key_actor")))
        return self.statement_notes().get(key, [])

    def notes_for_cell(self, actor: str, column: str, by: str) -> list[Note]:
        return notes_for_cell(self.ws.notes, actor, column, by)

    def machine_analysis(self) -> Analysis:
        """The machine's analysis of the open documents, with the analyst's resource edits (for adding documents)."""
        return Analysis(self.report, self.ws.statements, self.resources())

    # --- changes -------------------------------------------------------------
    def start(self, ws: Workspace, report: LoadReport, base: Resources, path: str | None = None,
              unsaved: bool = False, texts: StatementTexts | None = None) -> None:
        """A new document set or an opened project: empty history; clean unless ``unsaved`` (a recovered copy).

        ``texts``: where the texts of a lean dataset's statements are read (see :mod:`model.texts`)."""
        self.base, self.report, self.texts = base, report, texts
        self.extracted_with = ws.resource_edits
        with QSignalBlocker(self.undo):
            self.undo.set_workspace(ws)
        self._unsaved_changes = 1 if unsaved else 0
        self._set_path(path)
        self._update_dirty()

    def grow(self, machine: Analysis) -> None:
        """Documents were added: new machine statements; every decision is replayed over them."""
        self.report = machine.report
        self.ws.documents = list(machine.documents)
        self._replace_statements(machine.statements)

    def reextracted(self, statements: pd.DataFrame, edits: ResourceEdits) -> None:
        """Extraction ran again with ``edits``; decisions are replayed over the new statements."""
        self.extracted_with = edits
        self._replace_statements(statements)

    def _replace_statements(self, statements: pd.DataFrame) -> None:
        self.ws.set_statements(machine_statements(statements))
        self._unsaved_changes += 1
        self.sig_workspace_changed.emit()
        self._update_dirty()

    def _on_undo_changed(self) -> None:
        self.sig_workspace_changed.emit()
        self._update_dirty()

    # --- saving --------------------------------------------------------------
    def save_point(self) -> tuple[int, int]:
        """Where the workspace is now (undo index, other changes), to hand to :meth:`saved`."""
        return self.undo.stack.index(), self._unsaved_changes

    def saved(self, path: str, point: tuple[int, int]) -> None:
        """The workspace as it was at ``point`` is now in ``path``."""
        index, changes = point
        if self.undo.stack.index() == index:
            self.undo.set_clean()
        else:
            self.undo.stack.resetClean()      # edited while saving: the file holds an older state
        if self._unsaved_changes == changes:
            self._unsaved_changes = 0
        self._set_path(path)
        self._update_dirty()

    def _set_path(self, path: str | None) -> None:
        if path != self.path:
            self.path = path
            self.sig_path_changed.emit(path or "")

    def has_work(self) -> bool:
        """Whether there is anything worth saving: a project file, or the analyst's own work."""
        ws = self.ws
        return self.path is not None or bool(ws.decisions or ws.notes or ws.resource_edits)

    def is_dirty(self) -> bool:
        return not self.undo.is_clean() or (self._unsaved_changes > 0 and self.has_work())

    def _update_dirty(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._dirty:
            self._dirty = dirty
            self.sig_dirty_changed.emit(dirty)
