"""Analyst decisions as data, and how they apply to a fresh extraction.

A decision is keyed by the *content hash* of its document, the character
offsets of its sentence and (for per-statement decisions) the actor the
statement had when the machine produced it — never by a row number — so it
survives re-extraction after documents, resources or the engine change.

:func:`apply_decisions` replays the decisions, in the order they were made,
over a machine statements frame.  A decision whose sentence cannot be found
any more (document gone, sentence text changed, sentence moved further than a
tolerance) or whose statement the machine no longer produces is *reported*
as an :class:`UnmatchedDecision`, never dropped silently.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd

from model.countries import country_names
from model.documents import Document
from model.frames import group_positions, map_distinct
from model.statements import COLUMNS, DTYPES

#: decision kinds
ACCEPT, REJECT, EDIT, ADD, RENAME = "accept", "reject", "edit", "add", "rename"
KINDS = (ACCEPT, REJECT, EDIT, ADD, RENAME)

#: statement fields an analyst may change, and how a value is checked
EDITABLE_FIELDS = ("actor", "target", "topic", "issue", "stance", "polarity", "speaker", "hedged", "negated")
#: fields a rename/merge works on
RENAMABLE_FIELDS = ("topic", "issue")
#: how far (in characters) a sentence may move in its document and still match
TOLERANCE = 200

#: columns apply_decisions adds to the statements
REVIEW_COLUMNS = ["review", "edited", "provenance", "doc_hash", "key_actor"]


class ReviewError(ValueError):
    """An analyst edit is not valid; the message says why in plain words."""


def now_iso() -> str:
    """The current UTC time, to the second, as used in provenance."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _is_code(v: object) -> bool:
    return isinstance(v, str) and len(v) == 3 and v.isalpha() and v.isupper()


def check_value(name: str, value: Any) -> Any:
    """The value, normalised, or :class:`ReviewError` when an analyst value is invalid."""
    if name not in EDITABLE_FIELDS:
        raise ReviewError(f"'{name}' cannot be edited (editable: {', '.join(EDITABLE_FIELDS)})")
    if name == "actor" and not _is_code(value):
        raise ReviewError(f"actor must be an ISO3 country code like RUS, not {value!r}")
    if name == "target" and value not in (None, "") and not _is_code(value):
        raise ReviewError(f"target must be an ISO3 country code or empty, not {value!r}")
    if name == "target" and value == "":
        return None
    if name == "polarity":
        try:
            p = float(value)
        except (TypeError, ValueError):
            raise ReviewError(f"polarity must be a number from -1 to 1, not {value!r}") from None
        if not -1.0 <= p <= 1.0:
            raise ReviewError(f"polarity must be from -1 to 1, not {p}")
        return p
    if name in ("hedged", "negated"):
        if not isinstance(value, bool):
            raise ReviewError(f"{name} must be true or false, not {value!r}")
        return value
    if name == "topic" and (not isinstance(value, str) or not value.strip()):
        raise ReviewError("topic must not be empty")
    if value is not None and not isinstance(value, str):
        raise ReviewError(f"{name} must be text, not {value!r}")
    return value


@dataclass(frozen=True)
class StatementRef:
    """Where a statement is: document hash + sentence offsets + its key actor."""

    doc_hash: str
    doc_id: str
    start: int
    end: int
    sentence: str
    actor: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> StatementRef:
        """The ref of a row of a reviewed frame (one from :func:`apply_decisions`)."""
        return cls(str(row["doc_hash"]), str(row["document"]), int(row["start"]), int(row["end"]),
                   str(row["sentence"]), str(row["key_actor"]))


@dataclass(frozen=True, eq=True)
class Decision:
    """One analyst decision.

    ``values``: for ``edit`` the changed fields; for ``add`` the statement
    fields; for ``rename`` ``{"field", "old", "new"}``.
    """

    kind: str
    time: str
    ref: StatementRef | None = None
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ReviewError(f"unknown decision kind {self.kind!r}")
        if (self.kind == RENAME) == (self.ref is not None):
            raise ReviewError(f"a {self.kind} decision {'must not' if self.kind == RENAME else 'must'} name a statement")
        keys = set(self.values)
        if self.kind == RENAME and (keys != {"field", "old", "new"} or self.values["field"] not in RENAMABLE_FIELDS):
            raise ReviewError(f"a rename needs field (one of {', '.join(RENAMABLE_FIELDS)}), old and new")
        if self.kind in (EDIT, ADD) and (not keys or not keys <= set(EDITABLE_FIELDS)):
            raise ReviewError(f"an {self.kind} decision changes only {', '.join(EDITABLE_FIELDS)}")

    @property
    def provenance(self) -> str:
        return f"analyst {self.time}"


@dataclass(frozen=True)
class UnmatchedDecision:
    decision: Decision
    reason: str


def locate(ref: StatementRef, by_hash: Mapping[str, Document], by_id: Mapping[str, Document],
           tolerance: int = TOLERANCE) -> tuple[Document, int, int] | str:
    """The document and current offsets of a referenced sentence, or why it cannot be found."""
    same = by_id.get(ref.doc_id)
    doc = same if same is not None and same.hash == ref.doc_hash else by_hash.get(ref.doc_hash) or same
    if doc is None:
        return f"document '{ref.doc_id}' is no longer in the project"
    if doc.text[ref.start:ref.end] == ref.sentence:
        return doc, ref.start, ref.end
    best: int | None = None
    pos = doc.text.find(ref.sentence)
    while pos != -1:
        if best is None or abs(pos - ref.start) < abs(best - ref.start):
            best = pos
        pos = doc.text.find(ref.sentence, pos + 1)
    if best is None:
        return f"the sentence is no longer in document '{doc.id}' (its text changed)"
    if abs(best - ref.start) > tolerance:
        return (f"the sentence moved by {abs(best - ref.start)} characters in document '{doc.id}' "
                f"(more than the {tolerance} allowed)")
    return doc, best, best + len(ref.sentence)


#: columns decisions may change (kept as Python lists while decisions are replayed: fast); a column
#: becomes a list only when a decision reads or changes it, and only those are rebuilt afterwards
#: (converting all 14 both ways took 200–400 ms a replay at 100,000 statements, most of a reject's wait)
_MUTABLE = (*EDITABLE_FIELDS, "actor_text", "actor_start", "review", "edited", "provenance")


class _Rows:
    """Machine rows (index >= 0) and analyst-added rows (index < 0), found by statement key."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self.cols: dict[str, list[Any]] = {}   # the mutable columns used so far, as lists
        self.added: list[dict[str, Any]] = []
        self.index: dict[tuple[str, int, int, str], list[int]] = {}
        self.by_actor: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        # rows are indexed per document on first lookup: a few decisions over 100,000
        # statements then touch only their documents' rows (the GUI replays on every edit)
        self._rows_of: Mapping[Any, np.ndarray] | None = None
        self._keys: tuple[np.ndarray, ...] = ()   # start, end and key_actor of every row, as arrays
        self._indexed: set[str] = set()

    def _index_document(self, doc_id: str) -> None:
        if doc_id in self._indexed:
            return
        self._indexed.add(doc_id)
        if self._rows_of is None:
            df = self.df
            self._rows_of = group_positions(df["document"])
            # converted once: per document, a bulk reject of a 340-statement cell converted the
            # whole key_actor column 340 times (2–3 s)
            self._keys = (df["start"].to_numpy(), df["end"].to_numpy(), df["key_actor"].to_numpy())
        pos = self._rows_of.get(doc_id)
        if pos is None:
            return
        starts, ends, actors = (k[pos].tolist() for k in self._keys)
        for i, s, e, a in zip(pos.tolist(), starts, ends, actors, strict=True):
            self.index.setdefault((doc_id, int(s), int(e), a), []).append(i)
            self.by_actor.setdefault((doc_id, a), []).append((int(s), int(e), i))

    def find(self, doc_id: str, start: int, end: int, actor: str) -> list[int]:
        self._index_document(doc_id)
        hit = self.index.get((doc_id, start, end, actor))
        if hit:
            return hit
        # the sentence was split differently: one overlapping statement by the same actor
        near = [i for s, e, i in self.by_actor.get((doc_id, actor), []) if s < end and e > start]
        return near if len(near) == 1 else []

    def column(self, col: str) -> list[Any] | None:
        """A mutable column as a list (made on first use), or None for a column decisions do not change."""
        values = self.cols.get(col)
        if values is None and col in _MUTABLE and col in self.df.columns:
            values = self.cols[col] = self.df[col].tolist()
        return values

    def get(self, i: int, col: str) -> Any:
        if i < 0:
            return self.added[-i - 1][col]
        values = self.column(col)
        return values[i] if values is not None else self.df[col].iat[i]

    def set(self, i: int, col: str, value: Any) -> None:
        if i < 0:
            self.added[-i - 1][col] = value
        else:
            values = self.column(col)
            if values is not None:
                values[i] = value

    def add(self, row: dict[str, Any]) -> None:
        self._index_document(row["document"])
        self.added.append(row)
        key = (row["document"], row["start"], row["end"], row["key_actor"])
        self.index.setdefault(key, []).append(-len(self.added))
        self.by_actor.setdefault((row["document"], row["key_actor"]), []).append((row["start"], row["end"], -len(self.added)))

    def rename(self, col: str, old: Any, new: Any, provenance: str) -> None:
        values, review = self.column(col), self.column("review")
        edited, prov = self.column("edited"), self.column("provenance")
        assert values is not None and review is not None and edited is not None and prov is not None
        for i, v in enumerate(values):
            if v == old:
                values[i] = new
                edited[i] = True
                prov[i] = provenance
                if review[i] in ("machine", "accepted"):
                    review[i] = "edited"
        for r in self.added:
            if r[col] == old:
                r[col] = new
                r["provenance"] = provenance

    def frame(self) -> pd.DataFrame:
        """The machine rows with their changes, then the added rows."""
        df = self.df
        for c in self.cols:
            df[c] = pd.Series(self.cols[c], index=df.index, dtype=df[c].dtype)
        if not self.added:
            return df
        extra = pd.DataFrame.from_records(self.added, columns=list(df.columns))
        return pd.concat([df, extra], ignore_index=True) if len(df) else extra


def _mark(rows: _Rows, i: int, d: Decision, review: str | None, edited: bool) -> None:
    if review is not None:
        rows.set(i, "review", review)
    if edited:
        rows.set(i, "edited", True)
    rows.set(i, "provenance", d.provenance)


def actor_words(sentence: str, start: int, actor: str) -> tuple[str, int]:
    """The words naming ``actor`` in a sentence (its name or code) and their document offset, else ("", -1).

    Used when an analyst changes a statement's actor: the old country's words no longer name it.
    """
    name = country_names().get(actor, actor)
    folded = sentence.casefold()
    for word in (name, actor):
        at = folded.find(word.casefold())
        if word and at >= 0:
            return sentence[at:at + len(word)], start + at
    return "", -1


def _apply_one(rows: _Rows, i: int, d: Decision) -> None:
    status = rows.get(i, "review")
    new_actor = d.values.get("actor") if d.kind in (EDIT, ADD) else None
    if new_actor is not None and new_actor != rows.get(i, "actor"):
        text, at = actor_words(str(rows.get(i, "sentence") or ""), int(rows.get(i, "start") or 0), new_actor)
        rows.set(i, "actor_text", text)
        rows.set(i, "actor_start", at)
    if d.kind == REJECT:
        _mark(rows, i, d, "rejected", False)
    elif d.kind == ACCEPT:
        _mark(rows, i, d, "edited" if rows.get(i, "edited") else "accepted", False)
    else:  # edit, or an add whose statement the machine now produces too
        for name, value in d.values.items():
            if name in EDITABLE_FIELDS:
                rows.set(i, name, value)
        _mark(rows, i, d, None if status in ("rejected", "added") else "edited", True)


def _added_row(d: Decision, doc: Document, start: int, end: int) -> dict[str, Any]:
    assert d.ref is not None
    row: dict[str, Any] = {c: None for c in COLUMNS}
    row.update({"polarity": 0.0, "confidence": 1.0, "hedged": False, "negated": False, "issue": "",
                "actor_kind": "analyst", "cue": "", "cue_start": -1, "actor_start": -1, "stance": ""})
    row.update({k: v for k, v in d.values.items() if k in COLUMNS})
    actor = d.values.get("actor", d.ref.actor)
    row["actor_text"], row["actor_start"] = actor_words(doc.text[start:end], start, actor)
    row.update({"document": doc.id, "sentence": doc.text[start:end], "start": start, "end": end,
                "actor": d.values.get("actor", d.ref.actor), "doc_hash": doc.hash, "key_actor": d.ref.actor,
                "review": "added", "edited": True, "provenance": d.provenance})
    return row


def apply_decisions(
    statements: pd.DataFrame,
    decisions: Sequence[Decision],
    documents: Iterable[Document],
    *,
    tolerance: int = TOLERANCE,
    keep_rejected: bool = False,
) -> tuple[pd.DataFrame, list[UnmatchedDecision]]:
    """Statements with every decision applied, and the decisions that no longer match.

    Adds the columns ``review`` ("machine", "accepted", "edited", "added",
    "rejected"), ``edited`` (bool), ``provenance`` ("machine" or "analyst
    <UTC time>"), ``doc_hash`` and ``key_actor`` (the actor decisions are
    keyed by).  Rejected statements are left out unless ``keep_rejected``.
    """
    docs = list(documents)
    by_hash = {d.hash: d for d in docs}
    by_id = {d.id: d for d in docs}
    df = statements.reset_index(drop=True).copy()
    df["review"] = "machine"
    df["edited"] = False
    df["provenance"] = "machine"
    df["doc_hash"] = map_distinct(df["document"], {d.id: d.hash for d in docs}).fillna("").astype(object)
    df["key_actor"] = df["actor"]
    rows = _Rows(df)
    unmatched: list[UnmatchedDecision] = []
    for d in decisions:
        if d.kind == RENAME:
            rows.rename(d.values["field"], d.values["old"], d.values["new"], d.provenance)
            continue
        assert d.ref is not None
        where = locate(d.ref, by_hash, by_id, tolerance)
        if isinstance(where, str):
            unmatched.append(UnmatchedDecision(d, where))
            continue
        doc, start, end = where
        hits = rows.find(doc.id, start, end, d.ref.actor)
        if d.kind == ADD and not hits:
            rows.add(_added_row(d, doc, start, end))
            continue
        if not hits:
            unmatched.append(UnmatchedDecision(d, f"no statement by {d.ref.actor} in this sentence of '{doc.id}' any more"))
            continue
        for i in hits:
            _apply_one(rows, i, d)
    out = rows.frame()
    if rows.added:
        order = {d.id: n for n, d in enumerate(docs)}
        pos = map_distinct(out["document"], order).fillna(len(order)).to_numpy(dtype=float)
        out = out.iloc[np.lexsort((out["start"].to_numpy(), pos))].reset_index(drop=True)
    for col, dtype in DTYPES.items():
        if col in out.columns and out[col].dtype != dtype:
            out[col] = out[col].astype(dtype)
    if out["edited"].dtype != bool:
        out["edited"] = out["edited"].astype(bool)
    if not keep_rejected:
        kept = (out["review"] != "rejected").to_numpy()
        out = out[kept].reset_index(drop=True) if not kept.all() else out.reset_index(drop=True)
    return out, unmatched
