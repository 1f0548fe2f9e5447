"""The workspace: everything a project holds, as plain data.

``statements`` is the machine's output, untouched by review; the analyst's
decisions are kept apart and replayed over it by
:func:`model.review.reviewed.review_workspace`, so re-extraction (new
documents, edited resources, a new engine) keeps every decision that still
matches and reports the others.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from model.documents import Document
from model.progress import Progress
from model.resource_edits import ResourceEdits, merge_resources
from model.resources import Resources, load_resources
from model.review.decisions import Decision
from model.review.notes import Note
from model.statements import COLUMNS, empty_statements


@dataclass(eq=False)
class Workspace:
    documents: list[Document] = field(default_factory=list)
    statements: pd.DataFrame = field(default_factory=empty_statements)
    decisions: list[Decision] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    resource_edits: ResourceEdits = field(default_factory=ResourceEdits)
    view: dict[str, Any] = field(default_factory=dict)
    #: bumped by every change; the GUI and autosave compare it
    revision: int = 0

    def touch(self) -> None:
        """Record that something changed."""
        self.revision += 1

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(f"no document '{doc_id}' in the project")

    def set_statements(self, statements: pd.DataFrame) -> None:
        """Replace the machine statements (after a re-extraction)."""
        self.statements = statements
        self.touch()

    def snapshot(self) -> Workspace:
        """A copy safe to hand to a background writer (frames and lists are copied)."""
        return Workspace(list(self.documents), self.statements.copy(), list(self.decisions), list(self.notes),
                         self.resource_edits, json.loads(json.dumps(self.view)), self.revision)


def extract_with_edits(documents: list[Document], edits: ResourceEdits, base: Resources | None = None,
                       progress: Progress | None = None) -> pd.DataFrame:
    """Machine statements of ``documents`` with the user's resource edits laid over ``base``.

    Pure (safe in a background worker); hand the result to :meth:`Workspace.set_statements`.
    """
    from model.engine.batch import extract_statements

    return extract_statements(documents, merge_resources(base or load_resources(), edits), progress)


def _plain(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def fingerprint(ws: Workspace) -> str:
    """A digest of the saved content of a workspace: equal content, equal digest."""
    h = hashlib.sha256()

    def put(obj: Any) -> None:
        h.update(json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
        h.update(b"\n")

    for d in ws.documents:
        put(asdict(d))
    cols = [c for c in COLUMNS if c in ws.statements.columns]
    put(cols)
    for rec in ws.statements[cols].itertuples(index=False, name=None):
        put([_plain(v) for v in rec])
    for dec in ws.decisions:
        put(asdict(dec))
    for n in ws.notes:
        put(asdict(n))
    put(asdict(ws.resource_edits))
    put(ws.view)
    return h.hexdigest()
