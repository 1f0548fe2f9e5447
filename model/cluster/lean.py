"""A statements dataset opened lean: light columns in memory, texts read from the Parquet parts when shown.

Whole, a dataset's statements take about :data:`WHOLE_FACTOR` times their Arrow size at the peak of
opening (the frame, the reviewed copy, the view).  When that estimate passes the memory budget
(:func:`budget_bytes`: a quarter of the physical memory, or ``STANCE_ATLAS_DATASET_BUDGET_MB``), the
dataset is opened lean (:func:`lean_statements`): only :data:`LIGHT_COLUMNS` are read, with compact
types (categories for codes and ids, int32 offsets), plus a row locator
(:data:`PART`, :data:`ROW`: the part number and the row within the part).  :class:`DatasetTexts`
reads the heavy columns (:data:`model.texts.HEAVY_COLUMNS`) of given rows: only the parts that hold
them, only those columns; the filter bar's text search over them is :mod:`model.cluster.search`.
This module needs pyarrow only (not Dask).
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

from model.cluster.search import PROGRESS_PARTS as PROGRESS_PARTS  # re-exported; set (patch) them there
from model.cluster.search import SEARCH_TEXT_BYTES as SEARCH_TEXT_BYTES
from model.cluster.search import SEARCH_THREADS as SEARCH_THREADS
from model.cluster.search import Matched as Matched
from model.cluster.search import PartSearch, SearchMatches
from model.export.safety import MAX_SHEET_ROWS
from model.progress import Progress
from model.statements import DTYPES
from model.texts import with_texts

#: the columns a lean frame holds (besides the locator): what the matrix, charts, filters, comparison
#: and the documents table aggregate
LIGHT_COLUMNS: tuple[str, ...] = ("document", "actor", "topic", "issue", "actor_kind", "start", "end",
                                  "polarity", "confidence", "hedged", "negated")
#: light columns read as categories (few distinct values, many rows)
CATEGORY_COLUMNS: tuple[str, ...] = ("document", "actor", "topic", "issue", "actor_kind")
#: types of the light columns that are not categories (confidence and polarity stay float64: the net stance is a
#: weighted mean of them, and float32 weights moved it in the 8th digit, so exports differed from whole mode)
LEAN_DTYPES: dict[str, str] = {"start": "int32", "end": "int32", "polarity": "float64", "confidence": "float64",
                               "hedged": "bool", "negated": "bool"}
#: the row locator: part number (in name order) and row within that part
PART, ROW = "_part", "_row"
LOCATOR = (PART, ROW)
#: peak memory of opening a dataset whole, per byte of its statements in Arrow (measured: 1 M UN
#: statements, 373 MB in Arrow, peaked at 1,655 MB)
WHOLE_FACTOR = 4.5
#: peak memory of opening a dataset lean, per statement (measured: 10 M UN statements peaked at 1,890 MB, the
#: process's ~540 MB of documents and resources included; 2,842 MB before the parts were written straight into the frame)
LEAN_BYTES = 190
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


def read_part(path: Path, columns: Sequence[str], dictionary: Sequence[str] = ()) -> pa.Table:
    """``columns`` of one statement part (``dictionary``: of them, those read dictionary-encoded).

    ``ParquetFile.read`` reads a small file about twice as fast as ``pq.read_table``, which plans a dataset."""
    return pq.ParquetFile(path, read_dictionary=list(dictionary) or None).read(columns=list(columns))


def part_rows(parts: Sequence[Path]) -> list[int]:
    """The statement count of each part, from its Parquet footer."""
    return [pq.read_metadata(p).num_rows for p in parts]


def code_dtype(categories: int) -> np.dtype:
    """The smallest code type pandas gives a Categorical of this many categories."""
    for kind in (np.int8, np.int16, np.int32):
        if categories < np.iinfo(kind).max:
            return np.dtype(kind)
    return np.dtype(np.int64)


class _Codes:
    """A category column filled part by part: each value gets a set-wide code as it is first seen (nulls -1),
    so no part's Arrow dictionary outlives the part; :meth:`categorical` sorts the categories at the end."""

    def __init__(self, rows: int) -> None:
        self.codes = np.empty(rows, dtype=np.int32)
        self.code_of: dict[str, int] = {}

    def put(self, at: int, column: pa.ChunkedArray) -> None:
        for chunk in column.chunks:
            if not isinstance(chunk, pa.DictionaryArray):
                chunk = chunk.dictionary_encode()
            values = chunk.dictionary.to_pylist()
            local = np.fromiter((self.code_of.setdefault(v, len(self.code_of)) for v in values),
                                dtype=np.int32, count=len(values))
            local = np.append(local, np.int32(-1))   # an index filled with -1 (a null) takes the last: -1
            index = pc.fill_null(chunk.indices, -1).to_numpy(zero_copy_only=False)
            self.codes[at:at + len(chunk)] = local[index]
            at += len(chunk)

    def categorical(self) -> pd.Categorical:
        """Categories in the order of their values (as a groupby of the values sorts them), codes in pandas' type."""
        seen = list(self.code_of)
        order = sorted(range(len(seen)), key=seen.__getitem__)
        rank = np.empty(len(seen) + 1, dtype=code_dtype(len(seen)))
        rank[order] = np.arange(len(seen))
        rank[-1] = -1
        codes = rank[self.codes]
        self.codes = np.empty(0, dtype=np.int32)
        return pd.Categorical.from_codes(codes, categories=pd.Index([seen[i] for i in order]),
                                         validate=False)


def _values(column: pa.ChunkedArray, dtype: np.dtype) -> np.ndarray:
    if dtype == np.dtype(bool):   # a null flag is False
        column = pc.fill_null(column, False)
    return column.to_numpy().astype(dtype, copy=False)


def lean_statements(parts: Sequence[Path], columns: Sequence[str] = LIGHT_COLUMNS) -> pd.DataFrame:
    """The light ``columns`` of every statement of ``parts`` (in part order) and the row locator.

    Each part is read (its category columns dictionary-encoded) and written straight into the frame's
    arrays, allocated once from the parts' row counts: no Arrow table of the whole set is made, so the
    peak is about the frame and one part, not the frame twice."""
    dtypes = {c: np.dtype(LEAN_DTYPES.get(c, DTYPES.get(c, "object"))) for c in columns if c not in CATEGORY_COLUMNS}
    if not parts:
        frame = pd.DataFrame({c: pd.Series(dtype="category" if c in CATEGORY_COLUMNS else dtypes[c]) for c in columns})
        return frame.assign(**{PART: pd.Series(dtype="int32"), ROW: pd.Series(dtype="int32")})
    counts = part_rows(parts)
    rows = sum(counts)
    codes = {c: _Codes(rows) for c in columns if c in CATEGORY_COLUMNS}
    values = {c: np.empty(rows, dtype=dtype) for c, dtype in dtypes.items()}
    part, row = np.empty(rows, dtype=np.int32), np.empty(rows, dtype=np.int32)
    at = 0
    for number, (path, n) in enumerate(zip(parts, counts, strict=True)):
        table = read_part(path, columns, [c for c in columns if c in codes])
        if table.num_rows != n:
            raise pa.ArrowInvalid(f"{path}: {table.num_rows} rows, its footer says {n}")
        for c in columns:
            if c in codes:
                codes[c].put(at, table.column(c))
            else:
                values[c][at:at + n] = _values(table.column(c), dtypes[c])
        part[at:at + n] = number
        row[at:at + n] = np.arange(n, dtype=np.int32)
        at += n
    data: dict[str, object] = {}
    for c in columns:
        data[c] = codes.pop(c).categorical() if c in codes else values.pop(c)
    data[PART], data[ROW] = part, row
    return pd.DataFrame(data, copy=False)


def _groups(parts: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(part, positions in ``parts`` holding it), part by part in ascending order."""
    in_order = len(parts) < 2 or bool((parts[1:] >= parts[:-1]).all())   # a lean frame's rows are (sorting 10 M took 1 s)
    order = np.arange(len(parts)) if in_order else np.argsort(parts, kind="stable")
    sorted_parts = parts if in_order else parts[order]
    bounds = np.flatnonzero(np.r_[True, sorted_parts[1:] != sorted_parts[:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        yield int(sorted_parts[a]), order[a:b]


class DatasetTexts:
    """The heavy columns of a lean frame's rows, read from the dataset's statement parts."""

    def __init__(self, parts: Sequence[Path]) -> None:
        self.parts = [Path(p) for p in parts]
        self.search = PartSearch(self._part)

    @property
    def matches(self) -> SearchMatches | None:
        """The last search's matches (None: no search yet)."""
        return self.search.matches

    def __repr__(self) -> str:
        folder = self.parts[0].parent.parent if self.parts else "?"
        return f"DatasetTexts({str(folder)!r}, {len(self.parts)} parts)"

    def _part(self, number: int, columns: Sequence[str]) -> pa.Table:
        return read_part(self.parts[number], columns)

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

    def contains(self, rows: pd.DataFrame, text: str, columns: Sequence[str],
                 progress: Progress | None = None) -> np.ndarray:
        """Does one of ``columns`` of each row contain ``text`` (case-insensitive)?  Read from the parts holding the
        rows, with the last search's matches kept (:meth:`model.cluster.search.PartSearch.contains`)."""
        if not len(rows):
            return np.zeros(0, dtype=bool)
        return self.search.contains(list(_groups(rows[PART].to_numpy())), rows[ROW].to_numpy(), text, columns,
                                    progress)
