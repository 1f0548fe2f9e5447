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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from model.export.safety import MAX_SHEET_ROWS
from model.progress import Cancelled, Progress
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
#: a text search reports its progress (and hears a cancel) once every this many parts
PROGRESS_PARTS = 32
#: threads a text search reads and matches parts in
SEARCH_THREADS = max(1, min(4, os.cpu_count() or 1))
#: the most bytes of matched rows' texts a search keeps, for a longer text to be matched on them
SEARCH_TEXT_BYTES = 64 * 1024 ** 2


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


@dataclass(frozen=True)
class SearchMatches:
    """What one text search found: per part searched, which of its rows hold ``text`` in one of ``columns``,
    and (while they take at most :data:`SEARCH_TEXT_BYTES`) those rows' ``columns``, in row order, for a longer
    text to be matched on without reading the part; None: too many to keep."""

    text: str
    columns: tuple[str, ...]
    parts: dict[int, np.ndarray] = field(repr=False)
    texts: dict[int, pa.Table] | None = field(default=None, repr=False)


#: a part searched: which of its rows hold the text, and those rows' searched columns
Matched = tuple[np.ndarray, pa.Table]


class DatasetTexts:
    """The heavy columns of a lean frame's rows, read from the dataset's statement parts."""

    def __init__(self, parts: Sequence[Path]) -> None:
        self.parts = [Path(p) for p in parts]
        #: the last search's matches (None: no search yet)
        self.matches: SearchMatches | None = None

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
        """Does one of ``columns`` of each row contain ``text`` (case-insensitive)? Part by part, a part in memory
        per thread (:data:`SEARCH_THREADS`: Arrow reads and matches without the interpreter lock).

        The matches of the last search are kept (:class:`SearchMatches`): the same text again (another filter, a
        column switch) reads no part, and a longer text holding the last one (the analyst typing on) is matched
        only on the rows that held the last one, in memory while their texts fit :data:`SEARCH_TEXT_BYTES`, else
        read from only the parts holding them.  ``progress`` hears of the parts read and may cancel
        (:class:`model.progress.Cancelled`; the parts done stay known)."""
        hit = np.zeros(len(rows), dtype=bool)
        if not len(rows):
            return hit
        columns = tuple(columns)
        last = self.matches if self.matches is not None and self.matches.columns == columns else None
        same = last is not None and last.text == text
        done = dict(last.parts) if same and last is not None else {}
        texts: dict[int, pa.Table] | None = {}
        if same and last is not None:
            texts = dict(last.texts) if last.texts is not None else None
        shorter = last if last is not None and not same and last.text in text else None
        groups = list(_groups(rows[PART].to_numpy()))
        need = [part for part, _ in groups if part not in done]
        matched, need = _narrowed(shorter, text, columns, need) if shorter is not None else ({}, need)
        size = sum(t.nbytes for t in texts.values()) if texts is not None else 0

        def keep(part: int, result: Matched) -> None:
            nonlocal texts, size
            done[part], found = result
            if texts is not None and found.num_rows:
                size += found.nbytes
                texts[part] = found
                if size > SEARCH_TEXT_BYTES:
                    texts = None

        def match(part: int) -> Matched:
            return self._match(part, text, columns, shorter.parts.get(part) if shorter is not None else None)
        for part, result in matched.items():
            keep(part, result)
        pool = ThreadPoolExecutor(SEARCH_THREADS) if SEARCH_THREADS > 1 and len(need) > 1 else None
        results = pool.map(match, need) if pool is not None else map(match, need)
        try:
            for i, part in enumerate(need):
                if progress is not None and i % PROGRESS_PARTS == 0:
                    if progress.cancelled():
                        raise Cancelled
                    progress.report(i, len(need), f"searching the dataset: {i:,} of {len(need):,} parts")
                keep(part, next(results))
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)   # no read goes on after the search returns
            self.matches = SearchMatches(text, columns, done, texts)   # one assignment: another worker sees either
        if progress is not None:
            progress.report(len(need), len(need), "searching the dataset: done")
        within = rows[ROW].to_numpy()
        for part, at in groups:
            hit[at] = done[part][within[at]]
        return hit

    def _match(self, part: int, text: str, columns: Sequence[str], among: np.ndarray | None) -> Matched:
        """Which rows of ``part`` hold ``text`` in one of ``columns``, and those rows' ``columns``, read from the
        part; ``among``: only these rows can (they hold a text that ``text`` contains), so only they are matched."""
        table = read_part(self.parts[part], columns)
        if among is None:
            found = _found(table, text, columns)
            return found, table.filter(pa.array(found))
        at = np.flatnonzero(among)
        table = table.take(pa.array(at))
        found = _found(table, text, columns)
        every = np.zeros(len(among), dtype=bool)
        every[at[found]] = True
        return every, table.filter(pa.array(found))


def _found(table: pa.Table, text: str, columns: Sequence[str]) -> np.ndarray:
    """Which rows of ``table`` hold ``text`` (case-insensitive) in one of ``columns``."""
    found = np.zeros(table.num_rows, dtype=bool)
    for col in columns:
        match = pc.match_substring(table.column(col), pattern=text, ignore_case=True)
        found |= pc.fill_null(match, False).to_numpy(zero_copy_only=False)
    return found


def _narrowed(shorter: SearchMatches, text: str, columns: Sequence[str],
              need: Sequence[int]) -> tuple[dict[int, Matched], list[int]]:
    """The parts of ``need`` a ``text`` holding ``shorter.text`` is matched on without reading them, and the
    parts left to read: a part where the shorter text found nothing holds nothing; a part whose found rows'
    texts are kept is matched on them (all such parts in one Arrow call)."""
    matched: dict[int, Matched] = {}
    inside: list[int] = []
    left: list[int] = []
    empty = pa.table({c: pa.array([], pa.string()) for c in columns})
    for part in need:
        among = shorter.parts.get(part)
        if among is None:
            left.append(part)
        elif not among.any():
            matched[part] = (np.zeros(len(among), dtype=bool), empty)
        elif shorter.texts is not None and part in shorter.texts:
            inside.append(part)
        else:
            left.append(part)
    if inside:
        tables = [shorter.texts[p] for p in inside] if shorter.texts is not None else []
        table = pa.concat_tables(tables)
        found = _found(table, text, columns)
        hits = table.filter(pa.array(found))
        starts = np.cumsum([0, *(t.num_rows for t in tables)])
        counts = np.add.reduceat(found.astype(np.int64), starts[:-1])
        hit_starts = np.cumsum([0, *counts.tolist()])
        for i, part in enumerate(inside):
            among = shorter.parts[part]
            every = np.zeros(len(among), dtype=bool)
            every[np.flatnonzero(among)[found[starts[i]:starts[i + 1]]]] = True
            matched[part] = (every, hits.slice(int(hit_starts[i]), int(counts[i])))
    return matched, left
