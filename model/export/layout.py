"""What goes where: the Statements table, its sheets, and where each matrix cell's rows start.

Pure pandas; no workbook here.  Statements are sorted by actor and matrix
column (topic or issue) so that each matrix cell's statements are contiguous
and a link can point at the first of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from model.documents import Document
from model.export.atomic import ExportError
from model.export.safety import MAX_SHEET_ROWS, safe_sheet_name
from model.statements import EXTRA_FIELDS, STATEMENT_FIELDS

STATEMENTS_SHEET = "Statements"
DOCUMENT_FIELDS = ("title", "date", "source", "url")
#: columns after the lead (actor, matrix column): analyst-facing first, offsets last
_ORDER = (
    "stance", "polarity", "confidence", "sentence", "speaker", "target", "reporter",
    "hedged", "negated", "actor_text", "document", *DOCUMENT_FIELDS, "start", "end",
)
WIDTHS = {
    "sentence": 90, "title": 40, "url": 32, "document": 24, "stance": 18, "speaker": 22,
    "actor_text": 18, "cue": 18, "issue": 20, "source": 16, "reporter": 14, "provenance": 16,
    "topic": 14, "date": 11,
}


def statement_columns(statements: pd.DataFrame, by: str) -> list[str]:
    """Column order of the Statements sheet for the columns ``statements`` has."""
    lead = ["actor", by] + (["topic"] if by != "topic" else [])
    cols = lead + [c for c in _ORDER if c not in lead]
    cols += [c for c in EXTRA_FIELDS if c in statements.columns and c not in cols]
    cols += ["edited"] + (["provenance"] if "provenance" in statements.columns else [])
    return cols + (["notes"] if "notes" in statements.columns else [])


def statement_table(
    statements: pd.DataFrame,
    by: str = "topic",
    documents: Iterable[Document] = (),
) -> pd.DataFrame:
    """Every statement field plus its document's title, date, source and URL and the ``edited`` flag.

    Sorted by actor, matrix column, document and offset; the index is reset.
    """
    missing = [c for c in (*STATEMENT_FIELDS, by) if c not in statements.columns]
    if missing:
        raise ExportError(f"the statements lack the field(s) {', '.join(missing)}")
    meta = pd.DataFrame(
        [(d.id, *(getattr(d, name) for name in DOCUMENT_FIELDS)) for d in documents],
        columns=["document", *DOCUMENT_FIELDS],
        dtype=object,
    ).drop_duplicates("document").set_index("document")
    table = statements.copy()
    for name in DOCUMENT_FIELDS:
        table[name] = table["document"].map(meta[name]).astype(object)
    if "edited" not in table.columns:
        table["edited"] = False
    table["edited"] = table["edited"].fillna(False).astype(bool)
    table = table.sort_values(["actor", by, "document", "start"], na_position="last", kind="stable")
    return table[statement_columns(statements, by)].reset_index(drop=True)


@dataclass(frozen=True)
class SheetSpan:
    """Table rows ``start`` … ``stop - 1`` go on sheet ``name`` (data from Excel row 2)."""

    name: str
    start: int
    stop: int

    def excel_row(self, position: int) -> int:
        return position - self.start + 2


def split_rows(
    n_rows: int,
    taken: Sequence[str] = (),
    max_rows: int = MAX_SHEET_ROWS,
    base: str = STATEMENTS_SHEET,
) -> list[SheetSpan]:
    """Spread ``n_rows`` data rows over as many sheets as needed (header row on each)."""
    per_sheet = max_rows - 1
    if per_sheet < 1:
        raise ValueError("a sheet must hold at least one data row")
    spans: list[SheetSpan] = []
    names = list(taken)
    start = 0
    while start < n_rows or not spans:
        name = safe_sheet_name(base if not spans else f"{base} ({len(spans) + 1})", names)
        names.append(name)
        stop = min(n_rows, start + per_sheet)
        spans.append(SheetSpan(name, start, stop))
        start = stop
    return spans


def locate(position: int, spans: Sequence[SheetSpan]) -> tuple[str, int]:
    """Sheet name and Excel row of table row ``position``."""
    for span in spans:
        if span.start <= position < span.stop:
            return span.name, span.excel_row(position)
    raise IndexError(position)


def first_rows(table: pd.DataFrame, by: str, spans: Sequence[SheetSpan]) -> dict[tuple[str, str], tuple[str, int]]:
    """(actor, column) → (sheet, Excel row) of the first statement of that matrix cell."""
    keyed = table[table["actor"].notna() & table[by].notna()]
    first = keyed.reset_index().groupby(["actor", by], sort=False)["index"].min()
    return {(str(a), str(c)): locate(int(pos), spans) for (a, c), pos in first.items()}


def strongest_evidence(table: pd.DataFrame, by: str) -> dict[tuple[str, str], pd.Series]:
    """(actor, column) → the statement that best supports the cell's dominant label.

    Same score as the matrix's dominant label: confidence × (0.5 + |polarity|).
    """
    keyed = table[table["actor"].notna() & table[by].notna()]
    if keyed.empty:
        return {}
    score = keyed["confidence"].astype(float).fillna(0.5) * (0.5 + keyed["polarity"].astype(float).abs().fillna(0))
    best = score.groupby([keyed["actor"], keyed[by]], sort=False).idxmax()
    return {(str(a), str(c)): table.loc[idx] for (a, c), idx in best.items()}
