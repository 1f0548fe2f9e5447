"""Which rows a chart draws, and in what order (pure; the GUI charts only display them).

At 200 countries a chart of every country is unreadable, so charts draw the
top N (25 by default) and offer "All" in a scrolling view.  "Top" means the
most active countries, or, when the matrix is sorted by stance, the first N
in that order; the chosen rows keep the matrix's current order so the chart
reads like the table.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

DEFAULT_TOP = 25
#: the choices a chart offers: a number of rows, or None for all of them
TOP_CHOICES: tuple[int | None, ...] = (10, 25, 50, None)


def chart_rows(order: Sequence[str], activity: pd.Series, sort_key: str, limit: int | None) -> list[str]:
    """The rows of ``order`` a chart draws.

    ``activity``: statements per row (missing rows count 0); ``sort_key``: the
    matrix's current sort ("name", "activity" or "stance"); ``limit``: how many
    rows at most (None: all).  With a "stance" sort the first ``limit`` rows of
    ``order`` are kept, otherwise the ``limit`` most active (ties: first in
    ``order``); either way in ``order``'s order.
    """
    order = list(order)
    if limit is None or len(order) <= limit:
        return order
    if sort_key == "stance":
        return order[:limit]
    weight = activity.reindex(order).fillna(0)
    top = set(weight.sort_values(ascending=False, kind="stable").index[:limit])
    return [a for a in order if a in top]


def bar_order(breakdown: pd.DataFrame, order: Sequence[str], sort_key: str) -> list[str]:
    """Rows of a per-column ``breakdown`` (countries × stance classes), in the order a bar chart lists them.

    Sorted by activity, the bars run from the most statements on this column down
    (the column's own ranking, not the whole matrix's); otherwise in ``order``.
    """
    present = [a for a in order if a in breakdown.index]
    if sort_key != "activity":
        return present
    total = breakdown.sum(axis=1).reindex(present)
    return list(total.sort_values(ascending=False, kind="stable").index)
