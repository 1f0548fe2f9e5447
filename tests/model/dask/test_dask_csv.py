"""A large CSV collection is cut into byte ranges when every record is one line (checked by a scan
of the whole file), else read whole in one task; either way the dataset equals single-process ``extract``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from model.cluster import dataset
from model.cluster.extract import SynchronousRunner, plan_parts, run_extract
from model.cluster.plan import FilesPart, RangePart
from model.engine.batch import extract_statements
from model.readers import load_paths
from model.readers.csv_ranges import csv_layout
from model.readers.dispatch import ReadOptions
from model.readers.safety import MB
from model.resources import load_resources
from tests.model.dask.helpers import SPEECH, article, sorted_rows

PART_MB = 0.002


def _one_line(i: int) -> str:
    return article(i).replace("\n\n", " ")


def _csv_text(rows: list[list[str]], delimiter: str = ",", line_end: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return out.getvalue()


def make_csv_corpus(root: Path) -> Path:
    """A CSV (byte-order mark, CR LF, quotes, blank rows, rows without id or text, a copy that names
    the speaker of a record before it), a TSV, and a CSV with a line break inside a quoted field."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    rows: list[list[str]] = [["id", "title", "text", "speaker_country"]]
    for i in range(50):
        text = SPEECH.replace("\n\n", " ") if i == 9 else _one_line(i) + (' He said "no", twice.' if i % 6 == 1 else "")
        rows.append(["" if i % 7 == 3 else f"c{i}", f"Title, {i}", text, ""])
        if i % 10 == 4:
            rows.append([])  # a blank line
            rows.append(["", "", "", ""])  # a row of delimiters only
        if i == 20:
            rows.append(["no-text", "A row without text", "", ""])
    rows.append(["copy-of-9", "", SPEECH.replace("\n\n", " "), "IRN"])  # the copy names the speaker of c9
    rows.append(["copy-of-2", "", _one_line(2), ""])  # kept once
    (docs / "a_big.csv").write_bytes(b"\xef\xbb\xbf" + _csv_text(rows, line_end="\r\n").encode("utf-8"))
    tsv = [["text", "id"]] + [[_one_line(100 + i), f"t{i}"] for i in range(30)]
    (docs / "b_big.tsv").write_text(_csv_text(tsv, "\t"), encoding="utf-8")
    quoted = [["id", "text"]] + [[f"q{i}", article(200 + i)] for i in range(30)]  # "Report number …\n\n…"
    (docs / "c_quoted.csv").write_text(_csv_text(quoted), encoding="utf-8")
    (docs / "d_note.txt").write_text(article(300), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame, list, list]:
    docs = make_csv_corpus(tmp_path_factory.mktemp("csv"))
    report = load_paths([str(docs)])
    statements = extract_statements(report.documents, load_resources(), workers=1, failures=report.issues)
    return docs, statements, report.documents, report.issues


def _meta(docs: list) -> list[tuple]:
    return [(d.id, d.title, d.path, d.format, d.encoding, d.speaker_country, d.hash) for d in docs]


def test_csv_collections_are_cut_into_ranges_unless_a_quoted_field_holds_a_line_break(corpus) -> None:
    docs = corpus[0]
    plan = plan_parts([str(docs)], ReadOptions(), int(PART_MB * MB))
    csv_ranges = [p for p in plan.parts if isinstance(p, RangePart) and p.csv is not None]
    assert {Path(p.path).name for p in csv_ranges} == {"a_big.csv", "b_big.tsv"}
    assert len([p for p in csv_ranges if p.path.endswith("a_big.csv")]) > 5
    whole = [Path(f).name for p in plan.parts if isinstance(p, FilesPart) for _, f in p.files]
    assert "c_quoted.csv" in whole
    assert (docs / "c_quoted.csv").stat().st_size > PART_MB * MB


def test_csv_ranges_give_the_single_process_dataset(corpus, tmp_path: Path) -> None:
    docs, statements, documents, issues = corpus
    out = tmp_path / "out"
    run_extract([str(docs)], out, SynchronousRunner(), part_mb=PART_MB)
    got = dataset.read_statements(out)
    assert len(got) == len(statements) > 100
    pd.testing.assert_frame_equal(sorted_rows(got), sorted_rows(statements))
    pd.testing.assert_series_equal(got["document"], statements["document"])
    assert _meta(dataset.read_documents(out)) == _meta(documents)
    assert dataset.read_failures(out) == issues
    assert any("(line " in i.path and i.path.startswith(str(docs / "a_big.csv")) for i in issues)  # the row without text
    assert (got["actor_kind"] == "first-person").any()  # c9 borrowed IRN from its copy, as in one process
    assert any(d.id.startswith("a_big.csv#") for d in documents)  # records without id: numbered as in one process


@pytest.mark.parametrize("body, why", [
    (b'id,text\r\n1,"two\r\nlines"\r\n2,Russia said no.\r\n', "a quoted line break"),
    (b"id,text\n1,Russia\rsaid no.\n2,France agreed.\n", "a carriage return alone"),
    (b"id,text\n1,Fran\xe7a said no.\n", "not UTF-8"),
    (b"id,text\n", "no record"),
])
def test_a_csv_that_ranges_would_not_read_alike_is_read_whole(tmp_path: Path, body: bytes, why: str) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(body)
    assert csv_layout(path, None, 8) is None, why


def test_a_clean_csv_has_a_layout_with_the_counts_before_each_range(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_bytes(b"\n".join([b"id\ttext", b"", b"1\tRussia said no.", b"2\tFrance agreed.", b"\t\t", b"3\tIran"]) + b"\n")
    got = csv_layout(path, None, 16)
    assert got is not None
    layout, ranges = got
    assert (layout.delimiter, layout.header_line, layout.names, layout.fields) == ("\t", 1, ("id", "text"),
                                                                                  ("text", "body", "content", "article"))
    assert ranges[0].start == 0 and ranges[-1].stop == path.stat().st_size
    assert [(r.before.lines, r.before.items) for r in ranges] == [(0, 0), (3, 1), (4, 2), (6, 3)]
