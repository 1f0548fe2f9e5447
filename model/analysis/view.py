"""The view of an analysis: filtered statements, their matrix, a cell → rows index, the timeline, a comparison.

:func:`compute_view` and :func:`compute_reviewed_view` are plain functions
(data in, data out) that the GUI runs in a worker: at 100,000 statements they
take too long for the UI thread.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.analysis.compare import Comparison, comparable, compare_countries
from model.analysis.filters import StatementFilter, apply_filter, cell_positions, document_dates
from model.analysis.matrix import Matrix, build_matrix
from model.analysis.timeline import statements_over_time
from model.pipeline import Analysis
from model.progress import Progress
from model.review.decisions import UnmatchedDecision
from model.review.reviewed import Source, reviewed_analysis


@dataclass(frozen=True)
class View:
    """What the views show: the filtered statements, their matrix and a cell → rows index."""

    statements: pd.DataFrame
    matrix: Matrix
    positions: Mapping[Hashable, np.ndarray] = field(repr=False)  # (actor, column) → rows
    flt: StatementFilter
    by: str
    timeline: pd.DataFrame = field(repr=False)
    #: the comparison of the countries compared when the view was asked for (built with it, off the UI thread)
    comparison: Comparison | None = field(default=None, repr=False)


def compute_view(analysis: Analysis, flt: StatementFilter, by: str, compare: Sequence[str] = (),
                 progress: Progress | None = None) -> View:
    """Filter the statements and aggregate them, and compare the ``compare`` countries (2–4, if given)
    on them (runs off the UI thread: comparing on it held the event loop for 30–50 ms at 30,000 statements).
    ``progress``: hears how far a lean set's text search is, and may cancel it."""
    dates = document_dates(analysis.documents)
    texts = analysis.texts
    st = apply_filter(analysis.statements, flt, dates, texts, progress)
    columns = analysis.resources.topic_keys if by == "topic" else None
    matrix = build_matrix(st, by=by, columns=columns, texts=texts)
    comparison = compare_countries(st, compare, by=by, columns=columns, texts=texts) if comparable(compare) else None
    return View(st, matrix, cell_positions(st, by), flt, by, statements_over_time(st, dates), comparison)


#: the reviewed analysis, the decisions that no longer match (None: not recomputed), and its view
Reviewed = tuple[Analysis, list[UnmatchedDecision] | None, View]


def compute_reviewed_view(src: Source, cached: Analysis | None, flt: StatementFilter, by: str,
                          compare: Sequence[str] = (), progress: Progress | None = None) -> Reviewed:
    """The reviewed analysis (unless ``cached`` is still current) and its view (runs off the UI thread)."""
    if cached is not None:
        return cached, None, compute_view(cached, flt, by, compare, progress)
    analysis, unmatched = reviewed_analysis(src)
    return analysis, unmatched, compute_view(analysis, flt, by, compare, progress)
