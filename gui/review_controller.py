"""Review in the main window: card buttons, the reader's "Add statement from selection", header renames,
the Edit and Tools menus, and re-extraction after the analyst edits the resources.

Every change goes through :class:`gui.review_actions.ReviewActions`, so it is
an undoable command on the session's ``QUndoStack``.  Re-extraction (after an
alias or topic cue is added, undone or redone) runs ``extract_with_edits`` in
a worker; decisions that no longer match are listed in a dialog, not dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QTableView

from gui.decisions_controller import document_rows, sentence_rows
from gui.dialogs_review import (
    AliasDialog,
    NoteDialog,
    RenameDialog,
    ReviewDialog,
    StatementDialog,
    TopicCueDialog,
    UnmatchedDialog,
    combo_code,
)
from gui.evidence import EvidencePanel
from gui.host import StatusHost
from gui.matrix_model import MatrixTableModel
from gui.plain import menu_text
from gui.reader import ReaderPane
from gui.refusals import SHORT, Refusals, grey
from gui.review_panel import ReviewDelegate
from gui.state import AppState
from gui.workers import Task, start
from model.errorlog import safe_text
from model.loading import REEXTRACT, RESOURCE_EDIT, REVIEW
from model.resource_edits import ResourceEdits
from model.review.commands import sentence_span
from model.review.decisions import ReviewError
from model.review.notes import Note
from model.review.workspace import extract_with_edits


class ReviewController(QObject):
    sig_reextracted = Signal()          # machine statements replaced after a resource edit
    sig_dialog_opened = Signal(object)  # a review dialog was opened (tests fill it in)
    sig_refused = Signal(str)           # not done on a set opened from a statements dataset: the reason

    def __init__(self, state: AppState, host: StatusHost, refusals: Refusals, evidence: EvidencePanel,
                 reader: ReaderPane, matrix_view: QTableView, matrix_model: MatrixTableModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host, self.refusals = state, host, refusals
        self.evidence, self.reader = evidence, reader
        self.matrix_view, self.matrix_model = matrix_view, matrix_model
        self.session = state.session
        self.actions = self.session.actions
        self.dialog: ReviewDialog | None = None
        self.context_menu: QMenu | None = None   # the last context menu shown (tests pick from it)
        self.unmatched_dialog: UnmatchedDialog | None = None
        self._shown_unmatched: set[str] = set()
        self.task: Task | None = None
        self.unmatched_label = QLabel()
        self.unmatched_label.setStyleSheet("color:#b45309")
        self.unmatched_label.setToolTip("Tools › Decisions that no longer match… lists them with the reason")
        self.unmatched_label.hide()
        host.add_status_widget(self.unmatched_label)
        self.delegate = ReviewDelegate(notes_for=self.session.notes_for_row)
        evidence.set_card_delegate(self.delegate)
        self.delegate.sig_clicked.connect(self.on_card_button)
        self._matrix_hooks()
        self.session.sig_workspace_changed.connect(self._maybe_reextract)
        state.sig_unmatched_changed.connect(self._on_unmatched)
        state.sig_analysis_changed.connect(self._grey_cards)
        # after the window has shown the cell (its slots were connected first): add the cell's notes
        state.sig_cell_selected.connect(lambda _a, _c: self.show_cell_notes())
        state.sig_matrix_changed.connect(self.show_cell_notes)

    # --- where review happens ------------------------------------------------
    def on_current_card(self, action: str) -> None:
        """Edit › Accept/Reject/Edit/Note (A, R, E, N on the cards): the current evidence card."""
        self.on_card_button(action, self.current_row())

    def decide_all_current(self, kind: str, scope: str) -> bool:
        """Edit › Accept/Reject all statements of this sentence/document: the current card's."""
        return self.decide_all(kind, scope, self.current_row())

    def decide_all(self, kind: str, scope: str, row: Mapping[str, Any] | None) -> bool:
        """Accept or reject all statements of ``row``'s sentence or document (one undo step)."""
        if row is None:
            self._say("Select an evidence card first")
            return False
        a = self.state.analysis
        statements = a.statements if a is not None else None
        if scope == "sentence":
            rows, what = sentence_rows(statements, row), f"a sentence of '{row['document']}'"
        else:
            rows, what = document_rows(statements, row), f"document '{row['document']}'"
        return self._push(lambda: self.actions.decide_all(kind, rows, what))

    def decide_cell(self, kind: str, actor: str, column: str) -> bool:
        """Accept or reject every statement of a matrix cell, as filtered (one undo step)."""
        rows = self.state.cell_statements(actor, column).to_dict(orient="records")
        return self._push(lambda: self.actions.decide_all(kind, rows, f"{actor} × {column}"))

    def _matrix_hooks(self) -> None:
        header = self.matrix_view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        view = self.matrix_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._cell_menu)

    def _header_menu(self, pos: QPoint) -> None:
        header = self.matrix_view.horizontalHeader()
        column = self.column_at(header.logicalIndexAt(pos))
        if column is None:
            return
        menu = self.context_menu = QMenu(header)
        menu.addAction(menu_text(f"Rename or merge {self.state.by} “{column}”…"), lambda: self.rename_column(column))
        self._grey_menu(menu)
        menu.popup(header.mapToGlobal(pos))

    def _cell_menu(self, pos: QPoint) -> None:
        key = self.matrix_model.key(self.matrix_view.indexAt(pos))
        if key is None:
            return
        menu = self.context_menu = QMenu(self.matrix_view)
        menu.addAction(menu_text(f"Note on {key[0]} × {key[1]}…"), lambda: self.note_cell(*key))
        n = len(self.state.cell_statements(*key))
        if n:
            menu.addSeparator()
            menu.addAction(menu_text(f"Accept all {n} statements of {key[0]} × {key[1]}"),
                           lambda: self.decide_cell("accept", *key))
            menu.addAction(menu_text(f"Reject all {n} statements of {key[0]} × {key[1]}"),
                           lambda: self.decide_cell("reject", *key))
        self._grey_menu(menu)
        menu.popup(self.matrix_view.viewport().mapToGlobal(pos))

    def _grey_menu(self, menu: QMenu) -> None:
        """A context menu of review commands on a set where review is refused: its entries greyed, saying why."""
        reason = self.refusals.reason(REVIEW)
        if reason is not None:
            grey(menu.actions(), reason, SHORT[REVIEW])
            menu.setToolTipsVisible(True)

    def _grey_cards(self) -> None:
        """The cards' buttons greyed (their tooltip says why) while review is refused on the open set."""
        self.delegate.refused = self.refusals.reason(REVIEW) or ""
        self.evidence.view.viewport().update()

    def column_at(self, section: int) -> str | None:
        cols = self.matrix_model.columns
        return cols[section] if 0 <= section < len(cols) else None

    def current_row(self) -> dict[str, Any] | None:
        return self.evidence.current_row()

    # --- review intents → commands -------------------------------------------
    def on_card_button(self, action: str, row: Mapping[str, Any] | None) -> None:
        if self._refused(REVIEW):
            return
        if row is None:
            self._say("Select an evidence card first")
            return
        if action == "accept":
            self._push(lambda: self.actions.accept(row))
        elif action == "reject":
            self._push(lambda: self.actions.reject(row))
        elif action == "edit":
            self.edit(row)
        elif action == "note":
            self.note(row)

    def _push(self, change: Callable[[], object]) -> bool:
        if self._refused(REVIEW):
            return False
        try:
            change()
        except ReviewError as exc:
            self._say(f"Not changed: {exc}")
            return False
        return True

    def _open(self, dialog: ReviewDialog) -> ReviewDialog:
        self.dialog = dialog
        dialog.open()
        self.sig_dialog_opened.emit(dialog)
        return dialog

    def topics(self) -> list[str]:
        a = self.state.analysis
        return [t.key for t in a.resources.topics] if a else []

    def edit(self, row: Mapping[str, Any]) -> StatementDialog:
        d = StatementDialog("Edit statement", row, self.state.names, self.topics(), self.host.dialog_parent())

        def submit() -> None:
            changes = d.changes()
            if changes:
                self.actions.edit(row, changes)
        d.submit = submit
        return self._open(d)  # type: ignore[return-value]

    def note(self, row: Mapping[str, Any]) -> NoteDialog:
        """A new note on the statement, or its note to change (emptied: deleted)."""
        return self._note_dialog(f"{row.get('actor')} × {row.get('topic')} statement", self.session.notes_for_row(row),
                                 lambda text: self.actions.note_statement(row, text))

    def note_cell(self, actor: str, column: str) -> NoteDialog | None:
        if self._refused(REVIEW):
            return None
        by = self.state.by
        return self._note_dialog(f"{actor} × {column}", self.session.notes_for_cell(actor, column, by),
                                 lambda text: self.actions.note_cell(actor, column, text, by))

    def _note_dialog(self, subject: str, existing: list[Note], add: Callable[[str], object]) -> NoteDialog:
        note = existing[0] if existing else None
        d = NoteDialog(subject, note.text if note else "", parent=self.host.dialog_parent())

        def submit() -> None:
            text = d.note()
            if note is None:
                add(_need(text))
            elif not text:
                self.actions.delete_note(note)
            elif text != note.text:
                self.actions.edit_note(note, text)
        d.submit = submit
        return self._open(d)  # type: ignore[return-value]

    def show_cell_notes(self) -> None:
        """The selected cell's notes under the evidence heading."""
        if self.state.selected is None:
            return
        notes = self.session.notes_for_cell(*self.state.selected, self.state.by)
        self.evidence.set_notes([n.text for n in notes])

    def add_from_selection(self) -> StatementDialog | None:
        """A statement on the sentence the reader's selection touches (its fields asked in a dialog)."""
        if self._refused(REVIEW):
            return None
        selection = self.reader.selection()
        doc = self.state.documents_by_id.get(selection[0]) if selection else None
        if doc is None or selection is None:
            self._say("Select a sentence in the reader first")
            return None
        _doc_id, start, end = selection
        try:
            s, e = sentence_span(doc.text, start, end)
        except ReviewError as exc:
            self._say(str(exc))
            return None
        actor, column = self.state.selected or ("", "")
        row = {"sentence": doc.text[s:e], "actor": actor, "topic": column if self.state.by == "topic" else "",
               "polarity": 0.0, "stance": ""}
        d = StatementDialog("Add statement", row, self.state.names, self.topics(), self.host.dialog_parent())

        def submit() -> None:
            values = {k: v for k, v in d.values().items() if v not in ("", None)}
            values["polarity"] = d.values()["polarity"]
            self.actions.add_from_selection(doc.id, start, end, values)
        d.submit = submit
        return self._open(d)  # type: ignore[return-value]

    def rename_column(self, column: str) -> RenameDialog | None:
        if self._refused(REVIEW):
            return None
        by = self.state.by
        others = list(self.matrix_model.columns)
        d = RenameDialog(by, column, others, self.host.dialog_parent())

        def submit() -> None:
            new = d.target()
            if new in others and new != column:
                self.actions.merge(by, [column], new)
            else:
                self.actions.rename(by, column, new)
        d.submit = submit
        return self._open(d)  # type: ignore[return-value]

    def _refused(self, what: str) -> bool:
        """On a set opened from a statements dataset (no document texts to extract from): say why ``what``
        cannot be done (:meth:`gui.refusals.Refusals.refuse`) and return True; nothing changes."""
        refusal = self.refusals.refuse(what)
        if refusal is not None:
            self.sig_refused.emit(refusal)
        return refusal is not None

    def add_alias(self) -> AliasDialog | None:
        if self._refused(RESOURCE_EDIT):
            return None
        d = AliasDialog(self.state.names, self.host.dialog_parent())
        d.submit = lambda: self.actions.add_alias(d.name.text().strip(), combo_code(d.code), d.kind.currentText())
        return self._open(d)  # type: ignore[return-value]

    def add_topic_cue(self) -> TopicCueDialog | None:
        if self._refused(RESOURCE_EDIT):
            return None
        d = TopicCueDialog(self.topics(), self.host.dialog_parent())
        d.submit = lambda: self.actions.add_topic_cue(d.topic.currentText().strip(), d.cue.text().strip())
        return self._open(d)  # type: ignore[return-value]

    # --- re-extraction ---------------------------------------------------------
    def _maybe_reextract(self) -> None:
        if self.session.base is not None and self.session.ws.resource_edits != self.session.extracted_with:
            self.reextract()

    def reextract(self) -> Task | None:
        """Analyse the documents again with the analyst's resource edits (in a worker)."""
        session = self.session
        if session.base is None or self._refused(REEXTRACT):
            return None
        docs, edits, base = list(session.ws.documents), session.ws.resource_edits, session.base
        if self.task is not None:
            self.task.cancel()
        task = Task(lambda progress: extract_with_edits(docs, edits, base, progress))
        task.signals.sig_done.connect(lambda statements: self._on_reextracted(statements, edits))
        task.signals.sig_failed.connect(lambda text: self._say(f"Re-extraction failed: {text.splitlines()[0]}"))
        self._say("Analysing the documents again with your edits…", 0)
        self.task = start(task)
        return task

    def _on_reextracted(self, statements: pd.DataFrame, edits: ResourceEdits) -> None:
        if self.session.ws.resource_edits != edits:
            return  # edited again meanwhile: a newer re-extraction is running
        self.session.reextracted(statements, edits)
        self._say(f"Re-extracted: {len(statements)} machine statements", 6000)
        self.sig_reextracted.emit()

    def _on_unmatched(self) -> None:
        unmatched = self.state.unmatched
        n = len(unmatched)
        self.unmatched_label.setText(f"{n} decision{' no longer matches' if n == 1 else 's no longer match'}" if n else "")
        self.unmatched_label.setVisible(bool(n))
        ids = {u.decision.id for u in unmatched}
        fresh = ids - self._shown_unmatched
        self._shown_unmatched = ids
        if fresh:
            self.show_unmatched()

    def show_unmatched(self) -> UnmatchedDialog:
        if self.unmatched_dialog is not None:
            self.unmatched_dialog.close()
        self.unmatched_dialog = UnmatchedDialog(self.state.unmatched, self.host.dialog_parent())
        self.unmatched_dialog.show()
        return self.unmatched_dialog

    def _say(self, text: str, ms: int = 5000) -> None:
        self.host.show_status(safe_text(text), ms)


def _need(text: str) -> str:
    if not text:
        raise ReviewError("the note is empty")
    return text
