"""A statements dataset opened lean (light columns, texts read when shown) gives what it gives opened whole:
the same matrix, comparison and timeline, the same evidence texts, after filters too; the Dask matrix equals
the pandas one; the workbook of a lean dataset caps its Statements sheet with a note."""

from __future__ import annotations

import io
import weakref
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from model.analysis.filters import StatementFilter
from model.analysis.matrix import cell_table
from model.cli import EXIT_OK, run
from model.cluster import dataset, lean
from model.cluster.aggregate import dask_cells
from model.export.layout import statement_table
from model.loading import DatasetUnchangeable, dataset_refusal, grow_set
from model.progress import NullProgress
from model.texts import HEAVY_COLUMNS, with_texts
from tests.model.dask.helpers import NO_FILTER, open_set


def test_the_budget_decides_and_the_env_var_overrides_it(seeds_set: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = dataset.statement_parts(seeds_set)
    monkeypatch.setenv(lean.BUDGET_ENV, "0")
    assert not lean.fits_whole(parts)
    monkeypatch.setenv(lean.BUDGET_ENV, "100000")
    assert lean.fits_whole(parts)
    monkeypatch.delenv(lean.BUDGET_ENV)
    assert lean.budget_bytes() == lean.physical_memory() // 4


def test_lean_gives_the_whole_matrix_comparison_timeline_and_evidence(seeds_set: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    whole, wv, wdocs = open_set(seeds_set, monkeypatch, "100000", compare=("RUS", "PAK"))
    thin, tv, tdocs = open_set(seeds_set, monkeypatch, "0", compare=("RUS", "PAK"))
    assert whole.texts is None and thin.texts is not None
    assert set(HEAVY_COLUMNS).isdisjoint(thin.statements.columns)
    assert isinstance(thin.statements["actor"].dtype, pd.CategoricalDtype)
    assert thin.statements["start"].dtype == np.int32
    assert wv is not None and tv is not None and wv.comparison is not None and tv.comparison is not None
    pd.testing.assert_frame_equal(wv.matrix.cells, tv.matrix.cells)
    assert tv.matrix.contradictions.at["RUS", "diplomacy"]   # the seed's: its stances and cues read from the parts
    for grid in ("counts", "net", "labels", "contradictions"):
        pd.testing.assert_frame_equal(getattr(wv.matrix, grid), getattr(tv.matrix, grid))
    pd.testing.assert_frame_equal(wv.comparison.table, tv.comparison.table)
    pd.testing.assert_frame_equal(wv.timeline, tv.timeline)
    lean_row = tdocs["reason"].str.contains("texts are read from the dataset when shown").to_numpy()
    pd.testing.assert_frame_equal(wdocs, tdocs[~lean_row].reset_index(drop=True))
    assert set(wv.positions) == set(tv.positions)
    for key in list(wv.positions)[:25]:
        shown = with_texts(tv.statements.iloc[tv.positions[key]], thin.texts)
        expected = wv.statements.iloc[wv.positions[key]]
        for col in HEAVY_COLUMNS:
            assert shown[col].astype(object).where(shown[col].notna(), None).tolist() == \
                expected[col].astype(object).where(expected[col].notna(), None).tolist(), (key, col)
    notes = [i.reason for i in thin.report.issues if "texts are read from the dataset when shown" in i.reason]
    assert len(notes) == 1 and f"{len(thin.statements):,} statements" in notes[0]


def test_evidence_read_on_demand_is_right_after_filters(seeds_set: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flt = StatementFilter(search="SAID", min_confidence=0.3, hedged=False)
    whole, wv, _ = open_set(seeds_set, monkeypatch, "100000", flt)
    thin, tv, _ = open_set(seeds_set, monkeypatch, "0", flt)
    assert wv is not None and tv is not None
    assert 0 < len(tv.statements) < len(thin.statements)
    assert len(wv.statements) == len(tv.statements)
    shown = with_texts(tv.statements, thin.texts)
    assert shown["sentence"].tolist() == wv.statements["sentence"].tolist()
    assert all("said" in (s + " " + t).lower() for s, t in zip(shown["sentence"], shown["stance"], strict=True)
               ) or shown["speaker"].notna().any()
    pd.testing.assert_frame_equal(wv.matrix.cells, tv.matrix.cells)
    # by issue too
    _, wi, _ = open_set(seeds_set, monkeypatch, "100000", flt, by="issue")
    _, ti, _ = open_set(seeds_set, monkeypatch, "0", flt, by="issue")
    assert wi is not None and ti is not None
    pd.testing.assert_frame_equal(wi.matrix.cells, ti.matrix.cells)


@pytest.mark.parametrize("by", ["topic", "issue"])
def test_the_dask_matrix_equals_the_pandas_matrix(seeds_set: Path, by: str) -> None:
    expected = cell_table(dataset.read_statements(seeds_set), by)
    got = dask_cells(dataset.statement_parts(seeds_set), by)
    assert len(got) > 10 and got["contradiction"].dtype == bool
    assert by == "issue" or got.set_index(["actor", by]).at[("RUS", "diplomacy"), "contradiction"]
    pd.testing.assert_frame_equal(got, expected)


def test_a_lean_workbook_caps_its_statements_sheet_with_a_note(seeds_set: Path) -> None:
    parts = dataset.statement_parts(seeds_set)
    frame, texts = lean.lean_statements(parts), lean.DatasetTexts(parts)
    notices: list[str] = []
    rows, n = lean.sheet_statements(frame, "topic", texts, notices, cap=40)
    assert n == len(frame) > 40 and len(rows) == 40
    assert notices == [lean.cap_note(40, len(frame))]
    whole = statement_table(dataset.read_statements(seeds_set), "topic").head(40)
    assert statement_table(rows, "topic")["sentence"].tolist() == whole["sentence"].tolist()


def test_export_of_a_lean_dataset_writes_what_the_whole_one_does(seeds_set: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = {}
    for budget in ("100000", "0"):   # whole; lean past even the lean budget: Dask for the .csv matrix
        monkeypatch.setenv(lean.BUDGET_ENV, budget)
        out = tmp_path / f"m{budget}.csv"
        assert run("export", [str(seeds_set), "-o", str(out)], err=io.StringIO()) == EXIT_OK
        outputs[budget] = pd.read_csv(out)
    pd.testing.assert_frame_equal(outputs["0"], outputs["100000"])
    monkeypatch.setenv(lean.BUDGET_ENV, "0")
    err = io.StringIO()
    assert run("export", [str(seeds_set), "-o", str(tmp_path / "m.xlsx")], err=err) == EXIT_OK
    assert (tmp_path / "m.xlsx").stat().st_size > 0


@pytest.mark.parametrize("budget_mb", ["0", "100000"])
def test_documents_cannot_be_added_to_a_dataset(seeds_set: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                budget_mb: str) -> None:
    """Lean or whole, a set opened from a dataset holds statements, not texts: growing it is refused, with why."""
    analysis, _view, _docs = open_set(seeds_set, monkeypatch, budget_mb)
    assert (analysis.texts is not None) == (budget_mb == "0")
    assert analysis.report.dataset == str(seeds_set)
    extra = tmp_path / "extra.txt"
    extra.write_text("Russia warned Pakistan about the military exercises near the border.", encoding="utf-8")
    before = analysis.statements.copy()
    with pytest.raises(DatasetUnchangeable, match="holds statements, not the texts of their documents"):
        grow_set(analysis, [str(extra)], NO_FILTER, "topic", NullProgress())
    pd.testing.assert_frame_equal(analysis.statements, before)
    assert len(analysis.documents) == len(dataset.read_documents(seeds_set))
    reason = dataset_refusal(analysis.report)
    assert reason is not None and "“set”" in reason and "Open the documents as a document set" in reason


def test_lean_opening_holds_one_part_in_arrow_at_a_time(seeds_set: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each part is written straight into the frame: when a part is read, no part read before it but the last is
    still alive (the whole set concatenated in Arrow, then converted, made the peak twice the frame), and the
    frame holds the set's columns."""
    parts = dataset.statement_parts(seeds_set)
    tables: list[weakref.ref[pa.Table]] = []
    alive: list[int] = []
    read = lean.read_part

    def watched(path, columns, dictionary=()):
        alive.append(sum(t() is not None for t in tables))
        table = read(path, columns, dictionary)
        tables.append(weakref.ref(table))
        return table
    monkeypatch.setattr(lean, "read_part", watched)
    frame = lean.lean_statements(parts)
    assert len(alive) == len(parts) > 3
    assert max(alive) <= 1
    whole = dataset.read_statements(seeds_set)
    assert len(frame) == len(whole)
    for col in lean.CATEGORY_COLUMNS:
        categories = list(frame[col].cat.categories)
        assert categories == sorted(categories)
        assert frame[col].astype(object).fillna("").tolist() == whole[col].astype(object).fillna("").tolist()
    for col in ("start", "end", "polarity", "confidence", "hedged", "negated"):
        assert frame[col].tolist() == whole[col].tolist()
    assert frame[lean.PART].tolist() == [i for i, p in enumerate(parts) for _ in range(pq.read_metadata(p).num_rows)]
