"""Statement texts read when they are shown: the seam between a lean statements frame and its texts.

A set opened whole holds every statement column in its frame.  A large statements dataset is opened
*lean* (:mod:`model.cluster.lean`): the frame keeps the light columns the matrix, charts, filters and
comparison aggregate (codes, offsets, numbers) and a row locator, and the heavy text columns
(:data:`HEAVY_COLUMNS`) are read from the dataset for the rows actually shown — the evidence cards,
a cell's dominant label, an export's rows.  Code that shows rows asks :func:`with_texts` for them; with
no :class:`StatementTexts` (a set opened whole) the rows are returned as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd

from model.progress import Progress

#: what a lean frame leaves in the dataset: read only for the rows shown
HEAVY_COLUMNS: tuple[str, ...] = ("sentence", "stance", "actor_text", "speaker", "target", "reporter", "cue",
                                  "cue_start", "actor_start")
#: the columns the text search of the filter bar looks in
SEARCHED_COLUMNS: tuple[str, ...] = ("sentence", "stance", "speaker")


class StatementTexts(Protocol):
    """Where the heavy columns of a lean frame's rows are read from."""

    def read(self, rows: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
        """``columns`` of ``rows`` (rows of the lean frame), with ``rows``' index and in its order."""
        ...

    def contains(self, rows: pd.DataFrame, text: str, columns: Sequence[str],
                 progress: Progress | None = None) -> np.ndarray:
        """For each of ``rows``: does one of ``columns`` contain ``text`` (case-insensitive, literal)?
        ``progress`` hears how far the search is and may cancel it (:class:`model.progress.Cancelled`)."""
        ...


def missing_columns(rows: pd.DataFrame, columns: Sequence[str] = HEAVY_COLUMNS) -> list[str]:
    return [c for c in columns if c not in rows.columns]


def with_texts(rows: pd.DataFrame, texts: StatementTexts | None,
               columns: Sequence[str] = HEAVY_COLUMNS) -> pd.DataFrame:
    """``rows`` with ``columns`` in them: as they are when they hold them (or there is no ``texts``),
    else with the missing ones read from ``texts`` (only these rows, only these columns)."""
    missing = missing_columns(rows, columns)
    if texts is None or not missing:
        return rows
    read = texts.read(rows, missing)
    return rows.assign(**{c: read[c] for c in missing})
