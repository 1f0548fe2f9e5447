"""Filtering a statements frame: topic, document, date range, confidence, hedging, text.

Pure pandas.  A :class:`StatementFilter` is an immutable description of what
the analyst asked for; :func:`apply_filter` returns the rows that pass, and
:func:`describe_filter` says in words what was applied (exports record it).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from model.documents import Document
from model.frames import distinct, group_positions, map_distinct
from model.progress import Progress
from model.texts import SEARCHED_COLUMNS, StatementTexts, missing_columns


@dataclass(frozen=True)
class StatementFilter:
    """What to keep.  Empty / None fields do not filter."""

    topics: frozenset[str] = field(default_factory=frozenset)
    documents: frozenset[str] = field(default_factory=frozenset)
    date_from: date | None = None
    date_to: date | None = None
    min_confidence: float = 0.0
    hedged: bool | None = None        # None: any; True: only hedged; False: only firm claims
    search: str = ""
    #: only what a country says in its own speech: (document id, speaker country) of the speeches,
    #: see :func:`speeches`; a statement passes when its document and actor are one of them
    own_speech: bool = False
    speeches: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        return self != StatementFilter()


def speeches(documents: Iterable[Document]) -> frozenset[tuple[str, str]]:
    """(document id, speaker country) of every document voiced by a country (a speech), for ``own_speech``."""
    return frozenset((d.id, d.speaker_country) for d in documents if d.speaker_country)


def document_dates(documents: Iterable[Document]) -> dict[str, str | None]:
    """Document id → ISO date (or None), the lookup :func:`apply_filter` needs for date ranges."""
    return {d.id: d.date for d in documents}


def parse_dates(values: pd.Series) -> pd.Series:
    # "2021-09-07", "2021-09-07T10:00:00Z" and "2021-09" all parse; anything else is NaT
    return pd.to_datetime(values.astype("string").str.slice(0, 10), errors="coerce", format="mixed")


def statement_dates(statements: pd.DataFrame, dates: Mapping[str, str | None]) -> pd.Series:
    """The date of each statement's document (NaT when unknown), aligned with ``statements``."""
    if statements.empty:
        return pd.Series(pd.NaT, index=statements.index, dtype="datetime64[ns]")
    # parsed once per document (parsing and mapping 100,000 rows held the interpreter for 60+ ms at a time)
    codes, uniques = pd.factorize(statements["document"], use_na_sentinel=True)
    parsed = parse_dates(pd.Series([dates.get(u) for u in distinct(uniques)] + [None], dtype=object)).to_numpy()
    return pd.Series(parsed[codes], index=statements.index, name="document")


def apply_filter(
    statements: pd.DataFrame,
    flt: StatementFilter,
    dates: Mapping[str, str | None] | None = None,
    texts: StatementTexts | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Rows of ``statements`` that pass ``flt``.

    ``dates`` maps document ids to ISO dates; with a date range set, statements
    whose document has no known date are dropped (they cannot be placed).
    The search is case-insensitive over sentence, stance label and speaker
    (read from ``texts`` for a lean frame, only for the rows the other criteria kept; ``progress`` hears how
    far that reading is and may cancel it).
    """
    if statements.empty or not flt.active:
        return statements
    keep = np.ones(len(statements), dtype=bool)
    if flt.topics:
        keep &= statements["topic"].isin(flt.topics).to_numpy()
    if flt.documents:
        keep &= statements["document"].isin(flt.documents).to_numpy()
    if flt.min_confidence > 0:
        keep &= (statements["confidence"].fillna(0.0) >= flt.min_confidence).to_numpy()
    if flt.hedged is not None:
        keep &= (statements["hedged"].astype(bool) == flt.hedged).to_numpy()
    if flt.date_from is not None or flt.date_to is not None:
        when = statement_dates(statements, dates or {})
        ok = when.notna()
        if flt.date_from is not None:
            ok &= when >= pd.Timestamp(flt.date_from)
        if flt.date_to is not None:
            ok &= when <= pd.Timestamp(flt.date_to)
        keep &= ok.to_numpy()
    if flt.own_speech:
        keep &= _own_speech_mask(statements, flt.speeches)
    if flt.search.strip():
        kept = np.flatnonzero(keep)
        keep[kept] = _search_mask(statements.iloc[kept], flt.search.strip(), texts, progress)
    return statements[keep]


def _own_speech_mask(statements: pd.DataFrame, pairs: frozenset[tuple[str, str]]) -> np.ndarray:
    speaker = dict(pairs)
    holder = map_distinct(statements["document"], speaker).to_numpy(dtype=object)
    return holder == statements["actor"].astype(object).to_numpy(dtype=object)


def _search_mask(statements: pd.DataFrame, text: str, texts: StatementTexts | None = None,
                 progress: Progress | None = None) -> np.ndarray:
    pattern = re.escape(text)
    hit = np.zeros(len(statements), dtype=bool)
    for col in SEARCHED_COLUMNS:
        if col in statements:
            hit |= statements[col].astype("string").str.contains(pattern, case=False, regex=True, na=False).to_numpy()
    missing = missing_columns(statements, SEARCHED_COLUMNS)
    if missing and texts is not None:
        hit |= texts.contains(statements, text, missing, progress)
    return hit


def describe_filter(flt: StatementFilter) -> str:
    """The filter in words, e.g. for an export's context sheet; "none" when inactive."""
    parts: list[str] = []
    if flt.topics:
        parts.append("topics: " + ", ".join(sorted(flt.topics)))
    if flt.documents:
        parts.append(f"documents: {len(flt.documents)} selected")
    if flt.date_from or flt.date_to:
        parts.append(f"dates: {flt.date_from or '…'} to {flt.date_to or '…'}")
    if flt.min_confidence > 0:
        parts.append(f"confidence ≥ {flt.min_confidence:.2f}")
    if flt.hedged is True:
        parts.append("hedged claims only")
    elif flt.hedged is False:
        parts.append("firm (unhedged) claims only")
    if flt.search.strip():
        parts.append(f"text contains “{flt.search.strip()}”")
    if flt.own_speech:
        parts.append("only what a country says in its own speech")
    return "; ".join(parts) if parts else "none"


def cell_positions(statements: pd.DataFrame, by: str = "topic") -> Mapping[Hashable, np.ndarray]:
    """(actor, column) → row positions in ``statements``: a cell's evidence in one lookup."""
    if statements.empty:
        return {}
    ok = statements["actor"].notna() & statements[by].notna() & (statements[by] != "")
    pos = np.flatnonzero(ok.to_numpy())
    if not len(pos):
        return {}
    if len(pos) == len(statements):
        return group_positions(statements["actor"], statements[by])
    return group_positions(statements["actor"].to_numpy()[pos], statements[by].to_numpy()[pos]).through(pos)


def filter_fields(flt: StatementFilter) -> dict[str, object]:
    """The active criteria as named values (empty when no filter), for an export's About sheet."""
    fields: dict[str, object] = {}
    if flt.topics:
        fields["topics"] = ", ".join(sorted(flt.topics))
    if flt.documents:
        fields["documents"] = f"{len(flt.documents)} selected: " + ", ".join(sorted(flt.documents)[:20]) + (
            " …" if len(flt.documents) > 20 else "")
    if flt.date_from:
        fields["from date"] = flt.date_from.isoformat()
    if flt.date_to:
        fields["to date"] = flt.date_to.isoformat()
    if flt.min_confidence > 0:
        fields["minimum confidence"] = round(flt.min_confidence, 2)
    if flt.hedged is not None:
        fields["hedged"] = "hedged claims only" if flt.hedged else "firm (unhedged) claims only"
    if flt.search.strip():
        fields["text contains"] = flt.search.strip()
    return fields
