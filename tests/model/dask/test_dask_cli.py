"""The command line around the Dask engine: usage errors, export from a dataset, folder loads that
skip a dataset, the single-process path without Dask, byte ranges that hold every line once."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from model.cli import EXIT_OK, EXIT_USAGE, run
from model.cluster import dataset
from model.cluster.extract import SynchronousRunner, run_extract
from model.readers import load_paths
from model.readers.loader import DATASET_SKIPPED, is_dataset_folder
from model.readers.ranges import RangeCount, byte_ranges, count_range, read_range
from tests.model.dask.helpers import make_corpus

ROOT = Path(__file__).resolve().parents[3]


def _err(command: str, argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    return run(command, argv, err=err), err.getvalue()


def test_dask_usage_errors_write_nothing(tmp_path: Path) -> None:
    docs = make_corpus(tmp_path)
    status, msg = _err("extract", [str(docs), "-o", str(tmp_path / "x.jsonl"), "--engine", "dask"])
    assert status == EXIT_USAGE and "OUT is a folder" in msg
    status, msg = _err("extract", [str(docs), "-o", str(docs / "out"), "--engine", "dask"])
    assert status == EXIT_USAGE and "overlap" in msg
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine")
    status, msg = _err("extract", [str(docs), "-o", str(tmp_path / "busy"), "--engine", "dask"])
    assert status == EXIT_USAGE and "not a statements dataset" in msg
    assert (tmp_path / "busy" / "keep.txt").read_text() == "mine"
    status, msg = _err("extract", [str(docs), "-o", str(tmp_path / "x.jsonl"), "--scheduler", "tcp://h:1"])
    assert status == EXIT_USAGE and "--engine dask" in msg


def test_export_writes_the_workbook_from_a_dataset(tmp_path: Path) -> None:
    docs = make_corpus(tmp_path)
    out = tmp_path / "set"
    run_extract([str(docs)], out, SynchronousRunner(), part_mb=0.002)
    status, msg = _err("export", [str(out), "-o", str(tmp_path / "m.xlsx"), "-q"])
    assert status == EXIT_OK, msg
    status, _ = _err("export", [str(docs), "-o", str(tmp_path / "ref.xlsx"), "-q"])
    wb, ref = openpyxl.load_workbook(tmp_path / "m.xlsx"), openpyxl.load_workbook(tmp_path / "ref.xlsx")
    sheet = wb.sheetnames[0]
    assert [[c.value for c in r] for r in wb[sheet].iter_rows()] == [[c.value for c in r] for r in ref[sheet].iter_rows()]


def test_a_folder_load_skips_a_dataset_with_the_reason(tmp_path: Path) -> None:
    docs = make_corpus(tmp_path)
    run_extract([str(docs)], tmp_path / "set", SynchronousRunner(), part_mb=0.5)
    report = load_paths([str(tmp_path)])
    skipped = [i for i in report.issues if i.path == str(tmp_path / "set")]
    assert [(i.reason, i.kind) for i in skipped] == [(DATASET_SKIPPED, "skipped")]
    assert not any("statements" in i.path or "parquet" in i.path for i in report.issues)
    direct = load_paths([str(tmp_path / "set")])
    assert [(i.reason, i.kind) for i in direct.issues] == [(DATASET_SKIPPED, "skipped")]


def test_the_single_process_extract_does_not_import_dask(tmp_path: Path) -> None:
    docs = make_corpus(tmp_path)
    code = ("import sys; from model.cli import run; "
            f"status = run('extract', [{str(docs)!r}, '-o', {str(tmp_path / 'o.jsonl')!r}, '-q']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("step", [1, 7, 64, 333, 4096])
def test_byte_ranges_hold_every_line_once(tmp_path: Path, step: int) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": "Russia said no. " * (i % 9 + 1)}) for i in range(40)]
    lines[3] = ""  # blank
    lines[10] = "{broken"
    path = tmp_path / "c.jsonl"
    path.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))
    before = RangeCount(0, 0)
    ids: list[str] = []
    problems: list[str] = []
    for a, b in byte_ranges(path.stat().st_size, step):
        got = read_range(str(path), a, b, before, ("text",))
        ids += [d.id for d in got.documents]
        problems += [i.path for i in got.issues]
        c = count_range(str(path), a, b)
        before = RangeCount(before.lines + c.lines, before.items + c.items)
    assert ids == [f"r{i}" for i in range(40) if i not in (3, 10)]
    assert problems == [f"{path} (line 11)"]
    assert before == RangeCount(40, 39)
    assert is_dataset_folder(tmp_path) is False


def test_extract_engine_dask_on_the_command_line(tmp_path: Path) -> None:
    """End to end on a local cluster: the dataset, the failures on stderr, exit status 1 (some inputs failed)."""
    docs = make_corpus(tmp_path)
    out = tmp_path / "set"
    status, msg = _err("extract", [str(docs), "-o", str(out), "--engine", "dask", "--partition-mb", "0.002"])
    assert status == 1, msg
    assert f"error: {docs / 'e_empty.txt'}: the file is empty" in msg
    assert dataset.read_info(out).documents == 63
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".set.")]
