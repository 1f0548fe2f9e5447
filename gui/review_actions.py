"""Review intents from the GUI (a statement row, a selection, a cell) → undoable model commands.

Each method builds the model command and pushes it on the workspace's undo
stack.  Invalid input raises :class:`model.review.decisions.ReviewError` (or
:class:`model.resource_edits.ResourceEditError`) before anything changes, so
a dialog can show the message as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject

from gui.undo import WorkspaceUndo
from model.resource_edits import Alias, TopicCue
from model.review import commands as cmd
from model.review.decisions import StatementRef
from model.review.notes import Note


class ReviewActions(QObject):
    def __init__(self, undo: WorkspaceUndo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = undo

    def accept(self, row: Mapping[str, Any]) -> None:
        self.undo.push(cmd.accept_statement(row))

    def reject(self, row: Mapping[str, Any]) -> None:
        self.undo.push(cmd.reject_statement(row))

    def decide_all(self, kind: str, rows: Iterable[Mapping[str, Any]], what: str) -> None:
        """Accept or reject every statement of a sentence, a document or a cell: one undo step."""
        self.undo.push(cmd.decide_all(kind, rows, what))

    def restore(self, ref: StatementRef, topic: str = "") -> None:
        """Bring a rejected statement back."""
        self.undo.push(cmd.restore_statement(ref, topic))

    def edit(self, row: Mapping[str, Any], changes: Mapping[str, Any]) -> None:
        """Change actor, target, topic, issue, stance, polarity, speaker, hedged or negated."""
        self.undo.push(cmd.edit_statement(row, changes))

    def add_from_selection(self, doc_id: str, start: int, end: int, values: Mapping[str, Any]) -> None:
        """A statement on the sentence(s) the reader selection touches."""
        self.undo.push(cmd.add_statement(self.undo.ws.document(doc_id), start, end, values))

    def note_statement(self, row: Mapping[str, Any], text: str) -> None:
        self.undo.push(cmd.note_statement(row, text))

    def note_cell(self, actor: str, column: str, text: str, by: str = "topic") -> None:
        self.undo.push(cmd.note_cell(actor, column, text, by))

    def edit_note(self, note: Note, text: str) -> None:
        self.undo.push(cmd.edit_note(note, text))

    def delete_note(self, note: Note) -> None:
        self.undo.push(cmd.delete_note(note))

    def rename(self, field: str, old: str, new: str) -> None:
        self.undo.push(cmd.rename_value(field, old, new))

    def merge(self, field: str, olds: Iterable[str], into: str) -> None:
        self.undo.push(cmd.merge_values(field, olds, into))

    def add_alias(self, name: str, code: str, kind: str = "person") -> None:
        """Re-extract afterwards to see the alias at work."""
        self.undo.push(cmd.add_alias(Alias(name, code, kind)))

    def add_topic_cue(self, topic: str, cue: str) -> None:
        """Re-extract afterwards to see the cue at work."""
        self.undo.push(cmd.add_topic_cue(TopicCue(topic, cue)))
