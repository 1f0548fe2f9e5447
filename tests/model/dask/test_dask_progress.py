"""What ``extract --engine dask`` says while it runs, and Ctrl-C: each round of tasks named on
stderr; an interrupt cancels the run, writes nothing at OUT and leaves no unfinished folder."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from model import cli
from model.cli import CANCELLED, EXIT_CANCELLED, run
from model.cluster.extract import SynchronousRunner, plan_parts, run_extract
from model.progress import StageProgress
from model.readers.dispatch import ReadOptions
from model.readers.safety import MB
from tests.model.dask.helpers import make_corpus

PART_MB = 0.002


class InterruptAt(StageProgress):
    """Progress that raises KeyboardInterrupt (as Ctrl-C does) when the ``at``-th task of ``stage`` has finished."""

    stage = "writing"
    at = 1

    def report(self, done: int, total: int, message: str = "") -> None:
        super().report(done, total, message)
        if message == self.stage and done == self.at:
            raise KeyboardInterrupt


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_progress_names_each_round_and_counts_its_parts(tmp_path: Path) -> None:
    docs = make_corpus(tmp_path)
    err = io.StringIO()
    run_extract([str(docs)], tmp_path / "out", SynchronousRunner(StageProgress(err)), part_mb=PART_MB)
    lines = err.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["counting lines", "reading and extracting", "re-extracting",
                                                      "writing"]
    counts = [re.fullmatch(r"[a-z -]+: (\d+) of (\d+) parts", line) for line in lines]
    assert all(m is not None and m.group(1) == m.group(2) for m in counts)
    parts = plan_parts([str(docs)], ReadOptions(), int(PART_MB * MB)).parts
    assert lines[1] == f"reading and extracting: {len(parts)} of {len(parts)} parts"
    assert len(parts) > 5
    # only the parts whose rows change are written again (a copy dropped, an id renamed); the others are moved
    written = int(lines[3].split()[1])
    assert 0 < written < len(parts)


def test_an_interrupt_while_writing_keeps_the_old_dataset_and_leaves_no_partial_folder(tmp_path: Path) -> None:
    docs = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    run_extract([str(docs)], out, SynchronousRunner(), part_mb=0.5)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(KeyboardInterrupt):
        run_extract([str(docs)], out, SynchronousRunner(InterruptAt(io.StringIO())), part_mb=PART_MB)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert _leftovers(tmp_path) == []
    fresh = tmp_path / "fresh"
    with pytest.raises(KeyboardInterrupt):
        run_extract([str(docs)], fresh, SynchronousRunner(InterruptAt(io.StringIO())), part_mb=PART_MB)
    assert not fresh.exists()
    assert _leftovers(tmp_path) == []


def test_ctrl_c_on_the_command_line_cancels_with_status_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's own progress hook is interrupted on a local cluster (threads, one worker)."""
    distributed = pytest.importorskip("distributed")
    import model.cluster.extract as dask_extract

    def threads_client(workers: int | None = None) -> tuple[object, object]:
        cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                           dashboard_address=None, silence_logs=50)
        return distributed.Client(cluster), cluster

    class InterruptWriting(InterruptAt):
        stage = "writing"  # after the stage files are written, while the dataset's parts are

    monkeypatch.setattr(dask_extract, "local_client", threads_client)
    monkeypatch.setattr(cli, "StageProgress", InterruptWriting)
    docs = make_corpus(tmp_path / "in")
    out = tmp_path / "set"
    err = io.StringIO()
    status = run("extract", [str(docs), "-o", str(out), "--engine", "dask", "--partition-mb", str(PART_MB)], err=err)
    assert status == EXIT_CANCELLED == 130
    assert err.getvalue().splitlines()[-1] == CANCELLED
    assert "reading and extracting: " in err.getvalue()
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_ctrl_c_in_the_single_process_extract_has_the_same_status(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    docs = make_corpus(tmp_path / "in")
    out = tmp_path / "s.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "extract_statements", interrupted)
    err = io.StringIO()
    assert run("extract", [str(docs), "-o", str(out), "-q"], err=err) == EXIT_CANCELLED
    assert err.getvalue() == f"{CANCELLED}\n"
    assert out.read_text(encoding="utf-8") == "old\n"
