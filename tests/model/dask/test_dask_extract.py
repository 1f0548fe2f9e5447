"""``extract --engine dask`` gives the statements of the single-process ``extract``, row for row:
on Dask's synchronous scheduler, on a 2-process LocalCluster, and when a worker dies mid-run."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from model.cluster import dataset
from model.cluster import plan as plan_module
from model.cluster.extract import DistributedRunner, SynchronousRunner, run_extract
from model.engine.batch import extract_statements
from model.progress import StageProgress
from model.readers import load_paths
from model.readers.dispatch import ReadOptions
from model.readers.safety import MB
from model.resources import load_resources
from tests.model.dask.helpers import KillOnce, make_corpus, sorted_rows

PART_MB = 0.002  # ~2 KB per task: the collection is cut into a dozen byte ranges


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame, list, list]:
    root = tmp_path_factory.mktemp("corpus")
    docs = make_corpus(root)
    report = load_paths([str(docs)])
    statements = extract_statements(report.documents, load_resources(), workers=1, failures=report.issues)
    return docs, statements, report.documents, report.issues


def _check_same(out: Path, corpus: tuple[Path, pd.DataFrame, list, list]) -> None:
    _, statements, documents, issues = corpus
    got = dataset.read_statements(out)
    assert len(got) == len(statements) > 100
    pd.testing.assert_frame_equal(sorted_rows(got), sorted_rows(statements))
    assert [d.id for d in dataset.read_documents(out)] == [d.id for d in documents]
    assert dataset.read_failures(out) == issues
    assert (got["actor_kind"] == "first-person").any()  # a copy's speaker_country was borrowed, as in one process


def test_synchronous_scheduler_gives_the_single_process_statements(corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_extract([str(corpus[0])], out, SynchronousRunner(), part_mb=PART_MB)
    assert result.statements == len(corpus[1])
    _check_same(out, corpus)
    # the rows are also in the single-process order, not only the same set
    pd.testing.assert_series_equal(dataset.read_statements(out)["document"], corpus[1]["document"])
    assert sorted(p.name for p in out.iterdir()) == ["documents", "failures", "stance-atlas-dataset.json",
                                                     "statements"]


def test_the_dataset_columns_have_their_types(corpus, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    run_extract([str(corpus[0])], out, SynchronousRunner(), part_mb=PART_MB)
    schema = pq.read_schema(next((out / "statements").glob("part-*.parquet")))
    assert str(schema.field("start").type) == "int64"
    assert str(schema.field("confidence").type) == "double"
    assert str(schema.field("hedged").type) == "bool"
    assert str(schema.field("actor").type) == "string"


@pytest.fixture
def cluster():
    distributed = pytest.importorskip("distributed")
    import dask

    with dask.config.set({"distributed.worker.daemon": False}):
        cl = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=50)
    client = distributed.Client(cl)
    try:
        yield client
    finally:
        client.close()
        cl.close()


def test_two_worker_local_cluster_gives_the_single_process_statements(corpus, cluster, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_extract([str(corpus[0])], out, DistributedRunner(cluster), part_mb=PART_MB)
    _check_same(out, corpus)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(corpus, cluster, tmp_path: Path) -> None:
    marker = tmp_path / "killed"
    # the worker that starts extracting part 3 kills its own process (once); Dask retries the part
    # and recomputes what that worker held
    cluster.register_plugin(KillOnce(str(marker), r"stance-extract-.*-00003$"))
    out = tmp_path / "out"
    run_extract([str(corpus[0])], out, DistributedRunner(cluster), part_mb=PART_MB)
    assert marker.exists()
    assert "stance-extract-" in marker.read_text()
    _check_same(out, corpus)


def test_a_rerun_replaces_the_dataset_and_leaves_no_partial_folder(corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_extract([str(corpus[0])], out, SynchronousRunner(), part_mb=PART_MB)
    run_extract([str(corpus[0])], out, SynchronousRunner(), part_mb=0.5)
    _check_same(out, corpus)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_issues_are_folded_over_the_kept_rows_of_the_whole_set(tmp_path: Path) -> None:
    """A phrase seen once folds into a more frequent one with the same head noun, counted over the
    whole set as one process counts it: a dropped copy's rows do not count ("trade sanctions regime"
    is seen twice in the files, once in the set), and the parts that change are written again."""
    docs = tmp_path / "docs"
    docs.mkdir()
    texts = ["China condemned the trade sanctions regime.", "Russia condemned the new sanctions regime.",
             *[f"Report {i}. India condemned the attack and demanded that Pakistan act." for i in range(30)],
             "Russia condemned the new sanctions regime. Cuba welcomed the talks.",
             "China condemned the trade sanctions regime."]  # a copy of the first: kept once
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)]
    (docs / "set.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = load_paths([str(docs)])
    statements = extract_statements(report.documents, load_resources(), workers=1, failures=report.issues)
    assert (statements.loc[statements["actor"] == "CHN", "issue"] == "sanctions regime").all()  # folded
    err = io.StringIO()
    out = tmp_path / "out"
    run_extract([str(docs)], out, SynchronousRunner(StageProgress(err)), part_mb=0.0005)
    pd.testing.assert_frame_equal(sorted_rows(dataset.read_statements(out)), sorted_rows(statements))
    parts = len(list((out / "statements").glob("part-*.parquet")))
    assert parts > 4
    assert "writing: 2 of 2 parts" in err.getvalue()  # the first part's issue; the others are moved


class TwoSlots(SynchronousRunner):
    """The synchronous scheduler, planned for as if two tasks ran at once (the last parts are cut smaller)."""

    def slots(self) -> int:
        return 2


def test_the_last_ranges_cut_in_halves_give_the_same_statements(corpus, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "MIN_SPLIT_BYTES", 100)
    options = ReadOptions()
    whole = plan_module.plan_parts([str(corpus[0])], options, 2000).parts
    cut = plan_module.plan_parts([str(corpus[0])], options, 2000, slots=2).parts
    ranges = [p for p in cut if isinstance(p, plan_module.RangePart)]
    assert len(cut) == len(whole) + 3  # of the last 4 parts, 3 are ranges of the big collection (one is a file)
    assert [(p.start, p.stop) for p in ranges] == sorted((p.start, p.stop) for p in ranges)
    assert all(a.stop == b.start for a, b in zip(ranges, ranges[1:], strict=False))
    assert [p.sub for p in ranges] == list(range(len(ranges)))
    out = tmp_path / "out"
    run_extract([str(corpus[0])], out, TwoSlots(), part_mb=2000 / MB)
    _check_same(out, corpus)
    pd.testing.assert_series_equal(dataset.read_statements(out)["document"], corpus[1]["document"])


def test_rows_become_the_table_their_frame_gives(corpus) -> None:
    """The tasks build the Arrow table straight from the engine's rows, without a pandas frame."""
    from model.engine.extract import Engine
    from model.statements import statements_frame

    engine = Engine(load_resources())
    rows = [r for d in corpus[2] for r in engine.rows(d)]
    assert any(v is None for r in rows for v in r)  # null fields (speaker, target, reporter) are in it
    assert dataset.rows_table(rows).equals(_frame_table(statements_frame(rows)))
    assert dataset.rows_table([]).equals(_frame_table(statements_frame([])))


def _frame_table(frame: pd.DataFrame) -> pa.Table:
    """The reference: a statements frame's columns as an Arrow table with the dataset's schema."""
    arrays = []
    for f in dataset.STATEMENT_SCHEMA:
        col = frame[f.name] if f.name in frame.columns else pd.Series([None] * len(frame))
        if pa.types.is_string(f.type):
            arrays.append(pa.array([None if v is None or (isinstance(v, float) and v != v) else str(v)
                                    for v in col.tolist()], type=f.type))
        else:
            arrays.append(pa.array(col.to_numpy(), type=f.type))
    return pa.Table.from_arrays(arrays, schema=dataset.STATEMENT_SCHEMA)
