"""A statements dataset opened lean: light columns in memory, texts read from the Parquet parts when shown.

Whole, a dataset's statements take about :data:`WHOLE_FACTOR` times their Arrow size at the peak of
opening (the frame, the reviewed copy, the view).  When that estimate passes the memory budget
(:func:`budget_bytes`: a quarter of the physical memory, or ``STANCE_ATLAS_DATASET_BUDGET_MB``), the
dataset is opened lean (:func:`lean_statements`): only :data:`LIGHT_COLUMNS` are read, with compact
types (categories for codes and ids, int32 offsets), plus a row locator
(:data:`PART`, :data:`ROW`: the part number and the row within the part).  :class:`DatasetTexts`
reads the heavy columns (:data:`model.texts.HEAVY_COLUMNS`) of given rows: only the parts that hold
them, only those columns.  This module needs pyarrow only (not Dask).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from model.export.safety import MAX_SHEET_ROWS
from model.statements import DTYPES
from model.texts import with_texts

#: the columns a lean frame holds (besides the locator): what the matrix, charts, filters, comparison
#: and the documents table aggregate
LIGHT_COLUMNS: tuple[str, ...] = ("document", "actor", "topic", "issue", "actor_kind", "start", "end",
                                  "polarity", "confidence", "hedged", "negated")
#: light columns read as categories (few distinct values, many rows)
CATEGORY_COLUMNS: tuple[str, ...] = ("document", "actor", "topic", "issue", "actor_kind")
#: compact types of the light numeric columns (confidence and polarity stay float64: the net stance is a
#: weighted mean of them, and float32 weights moved it in the 8th digit, so exports differed from whole mode)
COMPACT_TYPES: dict[str, pa.DataType] = {"start": pa.int32(), "end": pa.int32()}
#: the row locator: part number (in name order) and row within that part
PART, ROW = "_part", "_row"
LOCATOR = (PART, ROW)
#: peak memory of opening a dataset whole, per byte of its statements in Arrow (measured: 1 M UN
#: statements, 373 MB in Arrow, peaked at 1,655 MB)
WHOLE_FACTOR = 4.5
#: peak memory of opening a dataset lean, per statement (measured: 10 M UN statements peaked at 2,842 MB)
LEAN_BYTES = 290
BUDGET_ENV = "STANCE_ATLAS_DATASET_BUDGET_MB"
#: parts read for the bytes per statement
SAMPLE_PARTS = 4


def physical_memory() -> int:
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        return 8 * 1024 ** 3


def budget_bytes() -> int:
    """The memory a dataset may take opened whole: ``STANCE_ATLAS_DATASET_BUDGET_MB`` when set (0: always
    lean), else a quarter of the physical memory."""
    value = os.environ.get(BUDGET_ENV, "").strip()
    if value:
        try:
            return max(0, int(float(value) * 1024 * 1024))
        except ValueError:
            pass
    return physical_memory() // 4


def _sample(parts: Sequence[Path]) -> list[Path]:
    if len(parts) <= SAMPLE_PARTS:
        return list(parts)
    at = np.linspace(0, len(parts) - 1, SAMPLE_PARTS).round().astype(int)
    return [parts[i] for i in dict.fromkeys(at.tolist())]


def whole_bytes(parts: Sequence[Path]) -> int:
    """The estimated peak memory of opening these statement parts whole: their row count (from the
    Parquet footers of a sample, scaled by the parts' file sizes) × Arrow bytes per statement × :data:`WHOLE_FACTOR`."""
    if not parts:
        return 0
    sample = _sample(parts)
    rows = nbytes = size = 0
    for p in sample:
        table = pq.read_table(p)
        rows += table.num_rows
        nbytes += table.nbytes
        size += p.stat().st_size
    if not rows or not size:
        return 0
    total_size = sum(p.stat().st_size for p in parts)
    return int(total_size / size * nbytes * WHOLE_FACTOR)


def fits_whole(parts: Sequence[Path], budget: int | None = None) -> bool:
    return whole_bytes(parts) <= (budget_bytes() if budget is None else budget)


def fits_lean(statements: int, budget: int | None = None) -> bool:
    """Would ``statements`` statements opened lean fit the memory budget?"""
    return statements * LEAN_BYTES <= (budget_bytes() if budget is None else budget)


def cap_note(shown: int, total: int) -> str:
    return (f"the Statements sheet holds the first {shown:,} of {total:,} statements (Excel's limit is "
            f"{MAX_SHEET_ROWS:,} rows a sheet), in matrix order; the matrix and its counts take them all")


def sheet_statements(frame: pd.DataFrame, by: str, texts: DatasetTexts, notices: list[str],
                     cap: int = MAX_SHEET_ROWS - 1) -> tuple[pd.DataFrame, int]:
    """The statements of a lean ``frame`` a workbook's Statements sheet holds, with their texts, and how many
    there are in all: every one, or (over ``cap``) the first ``cap`` in the sheet's order (actor, matrix
    column, document, offset), with a note in ``notices``: a lean dataset is not spread over sheets."""
    rows = frame
    if len(frame) > cap:
        rows = frame.sort_values(["actor", by, "document", "start"], kind="stable", na_position="last").iloc[:cap]
        notices.append(cap_note(cap, len(frame)))
    return with_texts(rows, texts).drop(columns=list(LOCATOR)), len(frame)


def _lean_part(path: Path, number: int, columns: Sequence[str]) -> pa.Table:
    table = pq.read_table(path, columns=list(columns), read_dictionary=[c for c in CATEGORY_COLUMNS if c in columns])
    for name, kind in COMPACT_TYPES.items():
        if name in table.column_names:
            at = table.schema.get_field_index(name)
            table = table.set_column(at, pa.field(name, kind), table.column(name).cast(kind))
    n = table.num_rows
    part = pa.array(np.full(n, number, dtype=np.int32))
    row = pa.array(np.arange(n, dtype=np.int32))
    return table.append_column(PART, part).append_column(ROW, row)


def lean_statements(parts: Sequence[Path], columns: Sequence[str] = LIGHT_COLUMNS) -> pd.DataFrame:
    """The light ``columns`` of every statement of ``parts`` (in part order) and the row locator."""
    tables = [_lean_part(p, i, columns) for i, p in enumerate(parts)]
    if not tables:
        frame = pd.DataFrame({c: pd.Series(dtype="category" if c in CATEGORY_COLUMNS else DTYPES.get(c, "object"))
                              for c in columns})
        return frame.assign(**{PART: pd.Series(dtype="int32"), ROW: pd.Series(dtype="int32")})
    table = pa.concat_tables(tables)
    del tables
    frame = table.to_pandas(self_destruct=True)   # dictionary columns become one Categorical each
    del table
    pa.default_memory_pool().release_unused()     # the parts' buffers, back to the system
    for col in CATEGORY_COLUMNS:
        if col in frame.columns:   # categories in the order of their values, as a groupby of the values sorts them
            frame[col] = frame[col].cat.reorder_categories(sorted(frame[col].cat.categories))
    for col in ("hedged", "negated"):
        if col in frame.columns and frame[col].dtype != bool:
            frame[col] = frame[col].fillna(False).astype(bool)
    return frame


def _groups(parts: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(part, positions in ``parts`` holding it), part by part in ascending order."""
    order = np.argsort(parts, kind="stable")
    sorted_parts = parts[order]
    bounds = np.flatnonzero(np.r_[True, sorted_parts[1:] != sorted_parts[:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        yield int(sorted_parts[a]), order[a:b]


class DatasetTexts:
    """The heavy columns of a lean frame's rows, read from the dataset's statement parts."""

    def __init__(self, parts: Sequence[Path]) -> None:
        self.parts = [Path(p) for p in parts]

    def __repr__(self) -> str:
        folder = self.parts[0].parent.parent if self.parts else "?"
        return f"DatasetTexts({str(folder)!r}, {len(self.parts)} parts)"

    def _part(self, number: int, columns: Sequence[str]) -> pa.Table:
        return pq.read_table(self.parts[number], columns=list(columns))

    def read(self, rows: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
        """``columns`` of ``rows`` (each part read once, only these columns), typed as ``read_statements`` types them."""
        columns = list(columns)
        if not len(rows):
            return pd.DataFrame({c: pd.Series(dtype=DTYPES.get(c, "str")) for c in columns}, index=rows.index)
        within = rows[ROW].to_numpy()
        pieces, where = [], []
        for part, at in _groups(rows[PART].to_numpy()):
            pieces.append(self._part(part, columns).take(pa.array(within[at])))
            where.append(at)
        table = pa.concat_tables(pieces)
        order = np.argsort(np.concatenate(where), kind="stable")
        frame = table.take(pa.array(order)).to_pandas()
        for col, dtype in DTYPES.items():
            if col in frame.columns:
                frame[col] = frame[col].astype(dtype)
        frame.index = rows.index
        return frame

    def contains(self, rows: pd.DataFrame, text: str, columns: Sequence[str]) -> np.ndarray:
        """Does one of ``columns`` of each row contain ``text`` (case-insensitive)? Part by part, one part in memory."""
        hit = np.zeros(len(rows), dtype=bool)
        if not len(rows):
            return hit
        within = rows[ROW].to_numpy()
        for part, at in _groups(rows[PART].to_numpy()):
            table = self._part(part, columns)
            found = np.zeros(table.num_rows, dtype=bool)
            for col in columns:
                match = pc.match_substring(table.column(col), pattern=text, ignore_case=True)
                found |= pc.fill_null(match, False).to_numpy(zero_copy_only=False)
            hit[at] = found[within[at]]
        return hit
