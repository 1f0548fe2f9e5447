"""Column helpers for 100,000-row frames that keep each call into pandas short.

The GUI runs the review replay and the view in a worker thread while the UI
thread needs the interpreter for every paint.  A single pandas call holds the
interpreter until it returns: ``Series.map(dict)`` over 100,000 document ids
held it for 60–80 ms, ``groupby(...).indices`` spent 150–320 ms building
per-group arrays.  These do the same work on the distinct values (a few
thousand documents, a few thousand cells) and with numpy sorts.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from typing import Any

import numpy as np
import pandas as pd


def distinct(uniques: pd.Index | np.ndarray) -> list[Any]:
    """``pd.factorize``'s uniques as a list of Python values (iterating an Arrow-backed index is 20× slower)."""
    return np.asarray(uniques, dtype=object).tolist()


def map_distinct(values: pd.Series, mapping: Mapping[Any, Any]) -> pd.Series:
    """``values.map(mapping)`` (missing keys → NaN, object dtype), looking up each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    looked_up = np.array([mapping.get(u, np.nan) for u in distinct(uniques)] + [np.nan], dtype=object)
    return pd.Series(looked_up[codes], index=values.index, name=values.name, dtype=object)


class Positions(Mapping[Hashable, np.ndarray]):
    """Group key → its ascending row positions: slices of one array sorted by group, made on lookup
    (10,000 small arrays made up front took 100 ms)."""

    def __init__(self, at: dict[Hashable, int], rows: np.ndarray, bounds: np.ndarray) -> None:
        self._at = at             # key → group number
        self.rows = rows          # positions, grouped
        self.bounds = bounds      # group i is rows[bounds[i]:bounds[i + 1]]

    def __getitem__(self, key: Hashable) -> np.ndarray:
        i = self._at[key]
        return self.rows[self.bounds[i]:self.bounds[i + 1]]

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def through(self, positions: np.ndarray) -> Positions:
        """The same groups with every row ``r`` replaced by ``positions[r]``."""
        return Positions(self._at, positions[self.rows], self.bounds)


def group_positions(*columns: np.ndarray | pd.Series) -> Positions:
    """Distinct value (a tuple of values with several columns) → ascending row positions, as
    ``groupby(columns, sort=False).indices`` gives them (rows with a missing value are left out)."""
    if not columns or not len(columns[0]):
        return Positions({}, np.zeros(0, dtype=np.intp), np.zeros(1, dtype=np.intp))
    code = np.zeros(len(columns[0]), dtype=np.int64)
    keep = np.ones(len(columns[0]), dtype=bool)
    factors = []
    for col in columns:
        c, u = pd.factorize(col, use_na_sentinel=True)
        keep &= c >= 0
        code = code * max(len(u), 1) + c
        factors.append((c, u))
    rows = np.flatnonzero(keep)
    order = rows[np.argsort(code[rows], kind="stable")]
    starts = np.flatnonzero(np.r_[True, np.diff(code[order]) != 0]) if len(order) else np.zeros(0, dtype=np.intp)
    firsts = order[starts]
    firsts_keys = [distinct(u.take(c[firsts])) for c, u in factors]
    keys: list[Hashable] = firsts_keys[0] if len(columns) == 1 else list(zip(*firsts_keys, strict=True))
    return Positions({k: i for i, k in enumerate(keys)}, order, np.r_[starts, len(order)])
