"""The side-by-side comparison as a table: chosen countries' stances aligned by topic."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from model.analysis.matrix import Matrix


def comparison_frame(matrix: Matrix, countries: Sequence[str], keep_empty: bool = False) -> pd.DataFrame:
    """One row per matrix column (topic or issue); per country ``<X> stance``, ``<X> count``, ``<X> net``.

    ``<X> stance`` is the dominant label ("" when the country has no
    statement on the topic), ``<X> net`` the net stance (NaN when none).
    Rows where none of the countries has a statement are dropped unless
    ``keep_empty``.  Unknown countries raise ``KeyError``.
    """
    unknown = [c for c in countries if c not in matrix.counts.index]
    if unknown:
        raise KeyError(f"not in the matrix: {', '.join(unknown)}")
    out = pd.DataFrame({matrix.by: matrix.columns})
    for c in countries:
        out[f"{c} stance"] = [matrix.labels.at[c, col] for col in matrix.columns]
        out[f"{c} count"] = [int(matrix.counts.at[c, col]) for col in matrix.columns]
        out[f"{c} net"] = [float(matrix.net.at[c, col]) for col in matrix.columns]
    if not keep_empty and countries:
        out = out[out[[f"{c} count" for c in countries]].sum(axis=1) > 0]
    return out.reset_index(drop=True)
