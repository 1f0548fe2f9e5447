"""model/cluster/search.py: a text search on a lean dataset reads each part once, narrows a longer text on what
the last one found, reports its parts, can be cancelled, and finds what whole mode finds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from model.analysis.filters import StatementFilter
from model.analysis.view import compute_view
from model.cluster import dataset, lean
from model.cluster import search as part_search
from model.progress import Cancelled
from model.texts import SEARCHED_COLUMNS
from tests.model.dask.helpers import NO_FILTER, open_set


class _Reads:
    """The statement parts read for a text search (their searched columns), as :func:`lean.read_part` is called."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parts: list[str] = []
        read = lean.read_part

        def counted(path, columns, dictionary=()):
            if tuple(columns) == SEARCHED_COLUMNS:   # not the cells' labels (their stance only)
                self.parts.append(Path(path).name)
            return read(path, columns, dictionary)
        monkeypatch.setattr(lean, "read_part", counted)

    def take(self) -> list[str]:
        taken, self.parts = self.parts, []
        return taken


class _Progress:
    def __init__(self, stop_after: int | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.stop_after = stop_after

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))

    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.reports) >= self.stop_after


def test_a_lean_search_reads_the_parts_once_and_narrows_on_a_longer_text(seeds_set: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The same text again reads no part; a longer text holding the last one reads only the parts that matched
    it; another text reads every part; the results equal whole mode's every time."""
    whole, _, _ = open_set(seeds_set, monkeypatch, "100000")
    thin, _, _ = open_set(seeds_set, monkeypatch, "0")
    assert thin.texts is not None
    parts = len(dataset.statement_parts(seeds_set))
    reads = _Reads(monkeypatch)

    def search(text: str, flt: StatementFilter = NO_FILTER, by: str = "topic") -> pd.DataFrame:
        flt = StatementFilter(search=text, min_confidence=flt.min_confidence)
        tv = compute_view(thin, flt, by)
        wv = compute_view(whole, flt, by)
        pd.testing.assert_frame_equal(wv.matrix.cells, tv.matrix.cells)
        assert len(tv.statements) == len(wv.statements)
        return tv.statements

    found = search("Tali")
    assert len(reads.take()) == parts and 0 < len(found) < len(thin.statements)
    assert search("Tali", by="issue").equals(found) and reads.take() == []          # the same text: no part read
    assert len(search("Tali", StatementFilter(min_confidence=0.3))) <= len(found) and reads.take() == []
    holding = sorted(set(found["_part"]))
    assert 0 < len(holding) < parts                                               # the seeds' part only
    narrowed = search("Taliban")
    assert 0 < len(narrowed) <= len(found) and reads.take() == []   # matched on the rows "Tali" found, kept in memory
    monkeypatch.setattr(part_search, "SEARCH_TEXT_BYTES", 0)                # too many to keep: read from the parts holding them
    search("Tali")                                                   # not a longer "Taliban": every part read
    assert len(reads.take()) == parts and thin.texts.matches is not None and thin.texts.matches.texts is None
    assert search("Taliba").equals(narrowed)
    assert sorted(reads.take()) == sorted(dataset.statement_parts(seeds_set)[p].name for p in holding)
    search("Pakistan")
    assert len(reads.take()) == parts                                             # not a longer "Taliban"


def test_a_lean_search_reports_its_parts_and_can_be_cancelled(seeds_set: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    thin, _, _ = open_set(seeds_set, monkeypatch, "0")
    assert thin.texts is not None
    rows = thin.statements
    parts = rows["_part"].nunique()
    monkeypatch.setattr(part_search, "PROGRESS_PARTS", 1)
    stop = _Progress(stop_after=2)
    with pytest.raises(Cancelled):
        thin.texts.contains(rows, "said", SEARCHED_COLUMNS, stop)
    assert [r[:2] for r in stop.reports] == [(0, parts), (1, parts)]
    progress = _Progress()
    hit = thin.texts.contains(rows, "said", SEARCHED_COLUMNS, progress)
    # the two parts searched before the cancel are known: only the others are read
    assert progress.reports[-1][:2] == (parts - 2, parts - 2) and "searching the dataset" in progress.reports[1][2]
    whole, _, _ = open_set(seeds_set, monkeypatch, "100000")
    said = np.zeros(len(whole.statements), dtype=bool)
    for col in SEARCHED_COLUMNS:
        said |= whole.statements[col].astype("string").str.contains("said", case=False, regex=False, na=False).to_numpy()
    assert hit.tolist() == said.tolist()
