"""The filter bar's search on a lean dataset: which statements hold a text, read from the statement parts.

:class:`PartSearch` reads the searched columns part by part, a part in memory per thread (Arrow reads and
matches without the interpreter lock), and keeps the last search's matches (:class:`SearchMatches`): the
same text again reads no part, and a longer text holding the last one is matched only on the rows that held
the last one.  :class:`model.cluster.lean.DatasetTexts` gives it the parts to read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from model.progress import Cancelled, Progress

#: a text search reports its progress (and hears a cancel) once every this many parts
PROGRESS_PARTS = 32
#: threads a text search reads and matches parts in
SEARCH_THREADS = max(1, min(4, os.cpu_count() or 1))
#: the most bytes of matched rows' texts a search keeps, for a longer text to be matched on them
SEARCH_TEXT_BYTES = 64 * 1024 ** 2
#: the given columns of a statement part, by the part's number
PartReader = Callable[[int, Sequence[str]], pa.Table]
#: a frame's rows by part: (part, the positions of its rows), in ascending part order
Groups = Sequence[tuple[int, np.ndarray]]


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


class PartSearch:
    """Which rows hold a text, read from the statement parts ``read`` gives; the last search's matches kept."""

    def __init__(self, read: PartReader) -> None:
        self.read = read
        #: the last search's matches (None: no search yet)
        self.matches: SearchMatches | None = None

    def contains(self, groups: Groups, within: np.ndarray, text: str, columns: Sequence[str],
                 progress: Progress | None = None) -> np.ndarray:
        """Does one of ``columns`` of each row contain ``text`` (case-insensitive)? ``groups``: the rows' positions
        part by part; ``within``: each row's number within its part.  Part by part, a part in memory per thread
        (:data:`SEARCH_THREADS`: Arrow reads and matches without the interpreter lock).

        The matches of the last search are kept (:class:`SearchMatches`): the same text again (another filter, a
        column switch) reads no part, and a longer text holding the last one (the analyst typing on) is matched
        only on the rows that held the last one, in memory while their texts fit :data:`SEARCH_TEXT_BYTES`, else
        read from only the parts holding them.  ``progress`` hears of the parts read and may cancel
        (:class:`model.progress.Cancelled`; the parts done stay known)."""
        hit = np.zeros(len(within), dtype=bool)
        if not len(within):
            return hit
        columns = tuple(columns)
        last = self.matches if self.matches is not None and self.matches.columns == columns else None
        same = last is not None and last.text == text
        done = dict(last.parts) if same and last is not None else {}
        texts: dict[int, pa.Table] | None = {}
        if same and last is not None:
            texts = dict(last.texts) if last.texts is not None else None
        shorter = last if last is not None and not same and last.text in text else None
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
        for part, at in groups:
            hit[at] = done[part][within[at]]
        return hit

    def _match(self, part: int, text: str, columns: Sequence[str], among: np.ndarray | None) -> Matched:
        """Which rows of ``part`` hold ``text`` in one of ``columns``, and those rows' ``columns``, read from the
        part; ``among``: only these rows can (they hold a text that ``text`` contains), so only they are matched."""
        table = self.read(part, columns)
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
