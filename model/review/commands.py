"""Analyst edits as undoable command objects.

Each command has a human-readable ``text`` ("Reject RUS × diplomacy
statement") and ``do(ws)`` / ``undo(ws)``; ``do`` may be called again after
``undo`` (redo).  Statement commands are built from a row of the reviewed
statements (:mod:`model.review.reviewed`) and only ever add or remove
:class:`~model.review.decisions.Decision` records: the machine statements are
never changed, so undo is exact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any, Protocol

from model.documents import Document
from model.engine.sentences import split_spans
from model.resource_edits import Alias, ResourceEdits, TopicCue
from model.review.decisions import (
    ACCEPT,
    ADD,
    EDIT,
    REJECT,
    RENAMABLE_FIELDS,
    RENAME,
    Decision,
    ReviewError,
    StatementRef,
    check_value,
    now_iso,
)
from model.review.notes import CellRef, Note
from model.review.workspace import Workspace

Clock = Callable[[], str]


class Command(Protocol):
    text: str

    def do(self, ws: Workspace) -> None: ...

    def undo(self, ws: Workspace) -> None: ...


def _label(row: Mapping[str, Any]) -> str:
    return f"{row['actor']} × {row['topic']}"


class DecisionCommand:
    """Adds decisions on ``do``, removes exactly those on ``undo``."""

    def __init__(self, text: str, decisions: Iterable[Decision]) -> None:
        self.text = text
        self.decisions = tuple(decisions)

    def do(self, ws: Workspace) -> None:
        ws.decisions.extend(self.decisions)
        ws.touch()

    def undo(self, ws: Workspace) -> None:
        ids = {d.id for d in self.decisions}
        ws.decisions[:] = [d for d in ws.decisions if d.id not in ids]
        ws.touch()


def accept_statement(row: Mapping[str, Any], now: Clock = now_iso) -> DecisionCommand:
    return DecisionCommand(f"Accept {_label(row)} statement", [Decision(ACCEPT, now(), StatementRef.from_row(row))])


def reject_statement(row: Mapping[str, Any], now: Clock = now_iso) -> DecisionCommand:
    return DecisionCommand(f"Reject {_label(row)} statement", [Decision(REJECT, now(), StatementRef.from_row(row))])


def decide_all(kind: str, rows: Iterable[Mapping[str, Any]], what: str, now: Clock = now_iso) -> DecisionCommand:
    """Accept or reject every statement of ``rows`` (a sentence, a document, a cell) as one undo step."""
    if kind not in (ACCEPT, REJECT):
        raise ReviewError(f"only accept or reject apply to many statements, not {kind!r}")
    t = now()
    decisions = [Decision(kind, t, StatementRef.from_row(r)) for r in rows]
    if not decisions:
        raise ReviewError(f"{what} has no statements to {kind}")
    n = len(decisions)
    verb = "Accept" if kind == ACCEPT else "Reject"
    return DecisionCommand(f"{verb} {n} statement{'s' if n != 1 else ''} of {what}", decisions)


def restore_statement(ref: StatementRef, topic: str = "", now: Clock = now_iso) -> DecisionCommand:
    """Bring a rejected statement back (recorded as an accept after the reject, so the audit trail keeps both)."""
    label = f"{ref.actor} × {topic}" if topic else ref.actor
    return DecisionCommand(f"Restore {label} statement", [Decision(ACCEPT, now(), ref)])


def edit_statement(row: Mapping[str, Any], changes: Mapping[str, Any], now: Clock = now_iso) -> DecisionCommand:
    """Change actor, target, topic, issue, stance label, polarity, speaker, hedged or negated."""
    if not changes:
        raise ReviewError("nothing to change")
    values = {k: check_value(k, v) for k, v in changes.items()}
    what = ", ".join(f"{k} → {'none' if v is None else v}" for k, v in values.items())
    return DecisionCommand(f"Change {_label(row)} statement: {what}", [Decision(EDIT, now(), StatementRef.from_row(row), values)])


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection widened to the whole sentence(s) it touches."""
    if not 0 <= start < end <= len(text):
        raise ReviewError(f"selection {start}–{end} is outside the document (0–{len(text)})")
    spans = [(s, e) for s, e in split_spans(text) if s < end and e > start]
    if not spans:
        raise ReviewError("the selection holds no text")
    return spans[0][0], spans[-1][1]


def add_statement(doc: Document, start: int, end: int, values: Mapping[str, Any], now: Clock = now_iso,
                  whole_sentence: bool = True) -> DecisionCommand:
    """A statement the machine missed, on the selected span (widened to whole sentences)."""
    if whole_sentence:
        start, end = sentence_span(doc.text, start, end)
    elif not 0 <= start < end <= len(doc.text):
        raise ReviewError(f"span {start}–{end} is outside document '{doc.id}'")
    vals = {k: check_value(k, v) for k, v in values.items()}
    for need in ("actor", "topic"):
        if need not in vals:
            raise ReviewError(f"a new statement needs a {need}")
    ref = StatementRef(doc.hash, doc.id, start, end, doc.text[start:end], vals["actor"])
    return DecisionCommand(f"Add {vals['actor']} × {vals['topic']} statement", [Decision(ADD, now(), ref, vals)])


def _check_rename(field: str, new: str) -> None:
    if field not in RENAMABLE_FIELDS:
        raise ReviewError(f"only {' and '.join(RENAMABLE_FIELDS)} can be renamed or merged, not '{field}'")
    if not new.strip():
        raise ReviewError(f"the new {field} name is empty")


def rename_value(field: str, old: str, new: str, now: Clock = now_iso) -> DecisionCommand:
    """Rename a topic or issue everywhere (also in future extractions)."""
    _check_rename(field, new)
    if old == new:
        raise ReviewError(f"{field} '{old}' already has that name")
    return DecisionCommand(f"Rename {field} {old} → {new}", [Decision(RENAME, now(), None, {"field": field, "old": old, "new": new})])


def merge_values(field: str, olds: Iterable[str], into: str, now: Clock = now_iso) -> DecisionCommand:
    """Merge several topics or issues into one."""
    _check_rename(field, into)
    sources = [o for o in dict.fromkeys(olds) if o != into]
    if not sources:
        raise ReviewError(f"choose at least one {field} to merge into '{into}'")
    t = now()
    return DecisionCommand(f"Merge {field}s {', '.join(sources)} into {into}",
                           [Decision(RENAME, t, None, {"field": field, "old": o, "new": into}) for o in sources])


class NoteCommand:
    """Add, change or delete a note (``before``/``after`` None = absent)."""

    def __init__(self, text: str, before: Note | None, after: Note | None) -> None:
        self.text = text
        self.before = before
        self.after = after
        self._at = 0

    def do(self, ws: Workspace) -> None:
        at = next((i for i, n in enumerate(ws.notes) if self.before is not None and n.id == self.before.id), None)
        self._at = len(ws.notes) if at is None else at
        if at is not None:
            del ws.notes[at]
        if self.after is not None:
            ws.notes.insert(self._at, self.after)
        ws.touch()

    def undo(self, ws: Workspace) -> None:
        if self.after is not None:
            ws.notes[:] = [n for n in ws.notes if n.id != self.after.id]
        if self.before is not None:
            ws.notes.insert(min(self._at, len(ws.notes)), self.before)
        ws.touch()


def note_statement(row: Mapping[str, Any], text: str, now: Clock = now_iso) -> NoteCommand:
    return NoteCommand(f"Note on {_label(row)} statement", None, Note(text, now(), statement=StatementRef.from_row(row)))


def note_cell(actor: str, column: str, text: str, by: str = "topic", now: Clock = now_iso) -> NoteCommand:
    return NoteCommand(f"Note on {actor} × {column}", None, Note(text, now(), cell=CellRef(actor, column, by)))


def edit_note(note: Note, text: str, now: Clock = now_iso) -> NoteCommand:
    return NoteCommand(f"Edit note on {note.subject}", note, replace(note, text=text, time=now()))


def delete_note(note: Note) -> NoteCommand:
    return NoteCommand(f"Delete note on {note.subject}", note, None)


class ResourceEditCommand:
    """Change the user's resource edits (re-extract to see the effect)."""

    def __init__(self, text: str, change: Callable[[ResourceEdits], ResourceEdits]) -> None:
        self.text = text
        self.change = change
        self._before: ResourceEdits | None = None

    def do(self, ws: Workspace) -> None:
        self._before = ws.resource_edits
        ws.resource_edits = self.change(ws.resource_edits)
        ws.touch()

    def undo(self, ws: Workspace) -> None:
        if self._before is None:
            raise RuntimeError("undo before do")
        ws.resource_edits = self._before
        ws.touch()


def add_alias(alias: Alias) -> ResourceEditCommand:
    return ResourceEditCommand(f"Add alias {alias.name} → {alias.code}", lambda e: e.with_alias(alias))


def remove_alias(name: str) -> ResourceEditCommand:
    return ResourceEditCommand(f"Remove alias {name}", lambda e: e.without_alias(name))


def add_topic_cue(cue: TopicCue) -> ResourceEditCommand:
    return ResourceEditCommand(f"Add cue '{cue.cue}' to topic {cue.topic}", lambda e: e.with_cue(cue))


def remove_topic_cue(cue: TopicCue) -> ResourceEditCommand:
    return ResourceEditCommand(f"Remove cue '{cue.cue}' from topic {cue.topic}", lambda e: e.without_cue(cue))
