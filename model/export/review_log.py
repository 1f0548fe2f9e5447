"""The analyst's review as rows for the workbook: every decision and note, in time order.

:func:`review_log` replays the decisions over the machine statements the way
:func:`model.review.decisions.apply_decisions` does, but keeps one row per
decision: when it was made, the statement it was about (country, topic,
sentence, document) as it stood *before* the decision, what changed
(``field: before → after``), the analyst's notes on that statement, and
whether the decision still applies.  Rejections stay listed, so a statement
left out of the export is never gone without a record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from model.documents import Document
from model.review.decisions import ADD, EDIT, EDITABLE_FIELDS, RENAME, Decision, StatementRef, locate
from model.review.notes import Note

LOG_COLUMNS = ("time (UTC)", "action", "country", "topic", "sentence", "document", "change", "note", "status")
#: what the "action" column says per decision kind
ACTIONS = {"accept": "accept", "reject": "reject", "edit": "edit", "add": "add", "rename": "rename"}
APPLIED = "applied"

Key = tuple[str, int, int, str]  # document id, sentence start, end, the actor the statement is keyed by


def show_time(iso: str) -> str:
    """``2024-05-01T12:03:04`` as ``2024-05-01 12:03:04`` (UTC, as decisions record it)."""
    return iso.replace("T", " ").removesuffix("Z").removesuffix("+00:00")


def show_value(value: Any) -> str:
    """A field value as the analyst reads it: "none", "yes"/"no", a signed polarity."""
    if value is None or (isinstance(value, float) and value != value):
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:+.2f}"
    return str(value)


def notes_text(notes: Sequence[Note]) -> str:
    """Notes as one cell: one line each, ``[time] text``."""
    return "\n".join(f"[{show_time(n.time)}] {n.text}" for n in notes)


def _finder(docs: Sequence[Document]) -> tuple[dict[str, Document], dict[str, Document]]:
    return {d.hash: d for d in docs}, {d.id: d for d in docs}


def statement_notes(notes: Sequence[Note], documents: Iterable[Document]) -> dict[Key, list[Note]]:
    """Notes on statements by where their sentence is now: (document, start, end, key actor)."""
    by_hash, by_id = _finder(list(documents))
    index: dict[Key, list[Note]] = {}
    for n in notes:
        if n.statement is None:
            continue
        where = locate(n.statement, by_hash, by_id)
        if not isinstance(where, str):
            index.setdefault((where[0].id, where[1], where[2], n.statement.actor), []).append(n)
    return index


def cell_notes(notes: Sequence[Note], by: str) -> dict[tuple[str, str], list[Note]]:
    """Notes on matrix cells under ``by`` ("topic" or "issue"), by (actor, column)."""
    index: dict[tuple[str, str], list[Note]] = {}
    for n in notes:
        if n.cell is not None and n.cell.by == by:
            index.setdefault((n.cell.actor, n.cell.column), []).append(n)
    return index


def notes_column(table: pd.DataFrame, notes: Sequence[Note], documents: Iterable[Document]) -> pd.Series:
    """The notes on each statement of ``table`` ("" for none); statements are keyed by ``key_actor``
    when the table has it (a reviewed frame), else by ``actor``."""
    index = statement_notes(notes, documents)
    if not index or table.empty:
        return pd.Series("", index=table.index, dtype=object)
    actors = table["key_actor"] if "key_actor" in table.columns else table["actor"]
    keys = zip(table["document"].astype(str), table["start"].astype(int), table["end"].astype(int),
               actors.astype(str), strict=True)
    return pd.Series([notes_text(index.get(k, [])) for k in keys], index=table.index, dtype=object)


class _Replay:
    """The editable fields of each statement as the decisions so far left them."""

    def __init__(self, machine: pd.DataFrame | None) -> None:
        self.machine = machine
        self.fields = [f for f in EDITABLE_FIELDS if machine is not None and f in machine.columns]
        self.current: dict[Key, dict[str, Any]] = {}
        self.renames: list[tuple[str, Any, Any]] = []
        self._exact: dict[Key, int] | None = None
        self._near: dict[tuple[str, str], list[tuple[int, int, int]]] = {}

    def _index(self) -> dict[Key, int]:
        if self._exact is None:
            m = self.machine
            self._exact = {}
            if m is not None and len(m):
                keys = zip(m["document"].astype(str), m["start"].astype(int), m["end"].astype(int),
                           m["actor"].astype(str), range(len(m)), strict=True)
                for doc, s, e, a, i in keys:
                    self._exact.setdefault((doc, s, e, a), i)
                    self._near.setdefault((doc, a), []).append((s, e, i))
        return self._exact

    def _machine_row(self, key: Key) -> int | None:
        exact = self._index()
        if key in exact:
            return exact[key]
        doc, start, end, actor = key
        near = [i for s, e, i in self._near.get((doc, actor), []) if s < end and e > start]
        return near[0] if len(near) == 1 else None  # the sentence was split differently

    def values(self, key: Key) -> dict[str, Any] | None:
        """The statement's fields now, or None when there is no such statement (yet)."""
        if key in self.current:
            return self.current[key]
        if self.machine is None:
            return None
        i = self._machine_row(key)
        if i is None:
            return None
        row = self.machine.iloc[i]
        values = {f: (None if pd.isna(row[f]) else row[f].item() if hasattr(row[f], "item") else row[f])
                  for f in self.fields}
        for field, old, new in self.renames:
            if values.get(field) == old:
                values[field] = new
        self.current[key] = values
        return values

    def rename(self, field: str, old: Any, new: Any) -> None:
        self.renames.append((field, old, new))
        for values in self.current.values():
            if values.get(field) == old:
                values[field] = new


def _change(kind: str, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> str:
    if kind == ADD:
        return "added: " + ", ".join(f"{k} {show_value(v)}" for k, v in after.items())
    if kind != EDIT:
        return ""
    lines = []
    for name, value in after.items():
        old = "(not known)" if before is None else show_value(before.get(name))
        lines.append(f"{name}: {old} → {show_value(value)}")
    return "\n".join(lines)


def _statement_row(d: Decision, ref: StatementRef, values: Mapping[str, Any] | None) -> dict[str, Any]:
    shown = values if values is not None else d.values
    return {"time (UTC)": show_time(d.time), "action": ACTIONS[d.kind], "country": shown.get("actor") or ref.actor,
            "topic": shown.get("topic") or "", "sentence": ref.sentence, "document": ref.doc_id}


def review_log(
    decisions: Sequence[Decision],
    notes: Sequence[Note],
    documents: Iterable[Document],
    machine: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per decision and per note (columns :data:`LOG_COLUMNS`), oldest first.

    ``machine`` is the machine statements the decisions were made over (a
    workspace's ``statements``); without it the "before" of an edit is not known
    and a decision is not checked against the statements.
    """
    docs = list(documents)
    by_hash, by_id = _finder(docs)
    on_statement = statement_notes(notes, docs)
    replay = _Replay(machine)
    rows: list[dict[str, Any]] = []
    for d in decisions:
        if d.kind == RENAME:
            v = d.values
            replay.rename(v["field"], v["old"], v["new"])
            rows.append({"time (UTC)": show_time(d.time), "action": ACTIONS[d.kind],
                         "change": f"{v['field']}: {v['old']} → {v['new']} (every statement)", "status": APPLIED})
            continue
        assert d.ref is not None
        where = locate(d.ref, by_hash, by_id)
        if isinstance(where, str):
            rows.append({**_statement_row(d, d.ref, None), "change": _change(d.kind, None, d.values),
                         "status": f"no longer applies: {where}"})
            continue
        doc, start, end = where
        key = (doc.id, start, end, d.ref.actor)
        values = replay.values(key)
        row = _statement_row(d, d.ref, values)
        row["note"] = notes_text(on_statement.get(key, []))
        status = APPLIED
        if values is None and d.kind == ADD:
            replay.current[key] = dict(d.values)
        elif values is None and machine is not None:
            status = f"no longer applies: no statement by {d.ref.actor} in this sentence of '{doc.id}' any more"
        row["change"] = _change(d.kind, values if machine is not None else None, d.values)
        if values is not None and d.kind in (EDIT, ADD):
            values.update(d.values)
        rows.append({**row, "status": status})
    for n in notes:
        rows.append(_note_row(n, by_hash, by_id, replay))
    frame = pd.DataFrame(rows, columns=list(LOG_COLUMNS), dtype=object).fillna("")
    return frame.sort_values("time (UTC)", kind="stable").reset_index(drop=True)


def _note_row(n: Note, by_hash: Mapping[str, Document], by_id: Mapping[str, Document], replay: _Replay) -> dict[str, Any]:
    row: dict[str, Any] = {"time (UTC)": show_time(n.time), "action": "note", "note": n.text, "status": APPLIED}
    if n.cell is not None:
        topic = n.cell.column if n.cell.by == "topic" else f"{n.cell.column} ({n.cell.by})"
        return {**row, "country": n.cell.actor, "topic": topic, "sentence": "(note on the matrix cell)"}
    ref = n.statement
    assert ref is not None
    row.update({"country": ref.actor, "sentence": ref.sentence, "document": ref.doc_id})
    where = locate(ref, by_hash, by_id)
    if isinstance(where, str):
        return {**row, "status": f"no longer applies: {where}"}
    values = replay.values((where[0].id, where[1], where[2], ref.actor))
    if values is not None:
        row.update({"country": values.get("actor") or ref.actor, "topic": values.get("topic") or ""})
    return row
