"""The statement record: the contract of ``python main.py extract``.

Outside tools score the app through these fields; keep names and meanings
stable.  One row = one country holding one stance in one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: field name -> meaning (README documents the same list)
STATEMENT_FIELDS: dict[str, str] = {
    "document": "collection id, else the file path as given",
    "sentence": "the sentence text (document text[start:end])",
    "start": "character offset of the sentence in the document text",
    "end": "character offset one past the sentence end",
    "actor": "ISO 3166-1 alpha-3 of the country holding the stance",
    "actor_text": "the words that named the actor",
    "speaker": "person or body that voiced the stance, if named",
    "target": "ISO3 of the country the stance is about or aimed at, or null",
    "topic": "topic key from resources/topics.json",
    "stance": "short stance label taken from the sentence",
    "polarity": "-1..1; cooperative > 0 > conflictual",
    "confidence": "0..1",
    "reporter": "agency or source reporting the stance, or null",
    "hedged": "true when the claim is hedged (reports suggest, could, unnamed source)",
    "negated": "true when the stance verb is negated (will not take part)",
}

#: extra columns the app keeps beside the contract (not required by scorers)
EXTRA_FIELDS: dict[str, str] = {
    "issue": "document-set specific issue phrase under the topic, or empty",
    "actor_kind": "how the actor was named: country, demonym, capital, body, person, nonstate, first-person",
    "cue": "the stance cue words found in the sentence",
    "cue_start": "offset of the cue in the document text, or -1",
    "actor_start": "offset of actor_text in the document text, or -1",
}

COLUMNS = list(STATEMENT_FIELDS) + list(EXTRA_FIELDS)

#: one statement as the engine makes it: its values in ``COLUMNS`` order
Row = tuple[object, ...]

DTYPES: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "polarity": "float64",
    "confidence": "float64",
    "hedged": "bool",
    "negated": "bool",
    "cue_start": "int64",
    "actor_start": "int64",
}


def empty_statements() -> pd.DataFrame:
    """A statements frame with no rows and the right columns and types."""
    df = pd.DataFrame({c: pd.Series(dtype=DTYPES.get(c, "object")) for c in COLUMNS})
    return df


def statements_frame(rows: Sequence[Row] | Sequence[dict[str, object]]) -> pd.DataFrame:
    """Build a statements frame, with columns in contract order, from row dicts or from
    tuples in ``COLUMNS`` order (what the engine makes)."""
    if not rows:
        return empty_statements()
    df = pd.DataFrame.from_records(rows, columns=COLUMNS)
    for col, dtype in DTYPES.items():
        df[col] = df[col].astype(dtype)
    return df


def contract_records(df: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as plain dicts holding only the contract fields (for JSONL/CSV)."""
    out = df[list(STATEMENT_FIELDS)].astype(object).where(df[list(STATEMENT_FIELDS)].notna(), None)
    return out.to_dict(orient="records")
