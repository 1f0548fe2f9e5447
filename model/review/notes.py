"""Analyst notes, on one statement or on one matrix cell."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from model.documents import Document
from model.review.decisions import TOLERANCE, ReviewError, StatementRef, locate


@dataclass(frozen=True)
class CellRef:
    """A matrix cell: a country and a column value under ``by`` ("topic" or "issue")."""

    actor: str
    column: str
    by: str = "topic"


@dataclass(frozen=True)
class Note:
    text: str
    time: str
    statement: StatementRef | None = None
    cell: CellRef | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self) -> None:
        if (self.statement is None) == (self.cell is None):
            raise ReviewError("a note is on one statement or on one cell")

    @property
    def subject(self) -> str:
        if self.cell is not None:
            return f"{self.cell.actor} × {self.cell.column}"
        assert self.statement is not None
        return f"{self.statement.actor} statement in '{self.statement.doc_id}'"


def notes_for_cell(notes: Sequence[Note], actor: str, column: str, by: str = "topic") -> list[Note]:
    return [n for n in notes if n.cell == CellRef(actor, column, by)]


def notes_for_statement(notes: Sequence[Note], row: pd.Series | dict, documents: Iterable[Document],
                        tolerance: int = TOLERANCE) -> list[Note]:
    """Notes on the statement of a reviewed row, found like decisions (they follow a moved sentence)."""
    docs = list(documents)
    by_hash = {d.hash: d for d in docs}
    by_id = {d.id: d for d in docs}
    key = (str(row["document"]), int(row["start"]), int(row["end"]), str(row["key_actor"]))
    out = []
    for n in notes:
        if n.statement is None or n.statement.actor != key[3]:
            continue
        where = locate(n.statement, by_hash, by_id, tolerance)
        if not isinstance(where, str) and (where[0].id, where[1], where[2]) == key[:3]:
            out.append(n)
    return out


def unmatched_notes(notes: Sequence[Note], documents: Iterable[Document], tolerance: int = TOLERANCE) -> list[tuple[Note, str]]:
    """Statement notes whose sentence cannot be found any more, with the reason."""
    docs = list(documents)
    by_hash = {d.hash: d for d in docs}
    by_id = {d.id: d for d in docs}
    out: list[tuple[Note, str]] = []
    for n in notes:
        if n.statement is not None:
            where = locate(n.statement, by_hash, by_id, tolerance)
            if isinstance(where, str):
                out.append((n, where))
    return out
