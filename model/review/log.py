"""The audit trail of a review: every decision and note, in words, oldest first.

:func:`decision_log` turns the workspace's decisions and notes into
:class:`LogEntry` rows a panel or a workbook sheet can show as they are: when,
what kind ("accept", "reject", "restore", "edit", "add", "rename", "note"),
which statement (country, topic, document, sentence), the change ("polarity
+0.10 → +0.40") and whether the statement is rejected now (so it can be
restored).  Topics and "before" values come from the machine statements with
the earlier decisions laid over them, so an edit reads as it was made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.review.decisions import ACCEPT, ADD, EDIT, EDITABLE_FIELDS, REJECT, RENAME, Decision, StatementRef
from model.review.notes import Note

RESTORE = "restore"
NOTE = "note"
#: every kind an entry can have, in the order a filter offers them
LOG_KINDS = (ACCEPT, REJECT, RESTORE, EDIT, ADD, NOTE, RENAME)

Key = tuple[str, int, int, str]


@dataclass(frozen=True)
class LogEntry:
    kind: str
    time: str
    actor: str = ""          # the statement's country (or the cell's)
    topic: str = ""          # its topic when the decision was made (or the cell's column)
    document: str = ""
    sentence: str = ""
    change: str = ""         # "polarity +0.10 → +0.40", the note text, "topic a → b"
    rejected: bool = False   # the statement is rejected now (it can be restored)
    ref: StatementRef | None = None
    id: str = ""             # the decision's or the note's id

    def matches(self, text: str) -> bool:
        """Whether ``text`` occurs (any case) in what the entry shows."""
        folded = text.casefold()
        return any(folded in v.casefold() for v in (self.kind, self.time, self.actor, self.topic, self.document,
                                                       self.sentence, self.change))


def _key(ref: StatementRef) -> Key:
    return ref.doc_id, ref.start, ref.end, ref.actor


def _fmt(name: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "none"
    if name == "polarity":
        return f"{float(value):+.2f}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value) if str(value) else "''"


def machine_values(statements: pd.DataFrame, refs: Iterable[StatementRef]) -> dict[Key, dict[str, Any]]:
    """The editable fields of the machine statement behind each ref (looked up only in the refs' documents)."""
    refs = list(refs)
    if statements.empty or not refs:
        return {}
    docs = {r.doc_id for r in refs}
    cols = [c for c in ("document", "start", "end", "actor", *EDITABLE_FIELDS) if c in statements.columns]
    sub = statements.loc[statements["document"].isin(docs), list(dict.fromkeys(cols))]
    out: dict[Key, dict[str, Any]] = {}
    for rec in sub.to_dict(orient="records"):
        out.setdefault((str(rec["document"]), int(rec["start"]), int(rec["end"]), str(rec["actor"])), rec)
    return out


def _statement_entries(decisions: Sequence[Decision], statements: pd.DataFrame) -> list[LogEntry]:
    known = machine_values(statements, (d.ref for d in decisions if d.ref is not None))
    state: dict[Key, dict[str, Any]] = {}
    rejected: dict[Key, bool] = {}
    out: list[tuple[Key | None, LogEntry]] = []
    for d in decisions:
        if d.kind == RENAME:
            v = d.values
            out.append((None, LogEntry(RENAME, d.time, topic=str(v["new"]),
                                       change=f"{v['field']} {v['old']} → {v['new']}", id=d.id)))
            continue
        assert d.ref is not None
        key = _key(d.ref)
        now = state.setdefault(key, dict(known.get(key) or {"actor": d.ref.actor}))
        kind, change = d.kind, ""
        if d.kind == REJECT:
            rejected[key] = True
        elif d.kind == ACCEPT and rejected.get(key):
            kind, rejected[key] = RESTORE, False
        elif d.kind == EDIT:
            change = "; ".join(f"{k} {_fmt(k, now.get(k))} → {_fmt(k, v)}" for k, v in d.values.items())
        elif d.kind == ADD:
            change = "; ".join(f"{k} {_fmt(k, v)}" for k, v in d.values.items())
        topic = str(now.get("topic") or d.values.get("topic") or "")
        if d.kind in (EDIT, ADD):
            now.update(d.values)
        out.append((key, LogEntry(kind, d.time, str(now.get("actor") or d.ref.actor), topic, d.ref.doc_id,
                                  d.ref.sentence, change, ref=d.ref, id=d.id)))
    return [replace_rejected(e, bool(k is not None and rejected.get(k))) for k, e in out]


def replace_rejected(entry: LogEntry, rejected: bool) -> LogEntry:
    if entry.rejected == rejected:
        return entry
    return LogEntry(entry.kind, entry.time, entry.actor, entry.topic, entry.document, entry.sentence, entry.change,
                    rejected, entry.ref, entry.id)


def _note_entry(n: Note, topics: Mapping[Key, str]) -> LogEntry:
    if n.cell is not None:
        return LogEntry(NOTE, n.time, n.cell.actor, n.cell.column, change=n.text, id=n.id)
    ref = n.statement
    assert ref is not None
    return LogEntry(NOTE, n.time, ref.actor, topics.get(_key(ref), ""), ref.doc_id, ref.sentence, n.text, ref=ref,
                    id=n.id)


def decision_log(decisions: Sequence[Decision], notes: Sequence[Note], statements: pd.DataFrame) -> list[LogEntry]:
    """Every decision and note as a :class:`LogEntry`, oldest first (decisions before notes of the same second)."""
    entries = _statement_entries(decisions, statements)
    refs = [n.statement for n in notes if n.statement is not None]
    topics = {k: str(v.get("topic") or "") for k, v in machine_values(statements, refs).items()}
    entries += [_note_entry(n, topics) for n in notes]
    return sorted(entries, key=lambda e: e.time)


def rejected_now(log: Iterable[LogEntry]) -> list[LogEntry]:
    """The reject entries whose statement is still rejected (one per statement: its latest reject)."""
    latest: dict[Key, LogEntry] = {}
    for e in log:
        if e.kind == REJECT and e.rejected and e.ref is not None:
            latest[_key(e.ref)] = e
    return list(latest.values())
