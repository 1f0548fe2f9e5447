"""Text from documents never becomes a formula, in any sheet or in CSV."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from model.analysis.matrix import build_matrix
from model.documents import Document, LoadIssue
from model.export import comparison_frame, write_matrix, write_statements
from model.statements import statements_frame

from .conftest import statement

PAYLOADS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\x00=1+1",
    "=1+1\x07\x1b",
]


@pytest.fixture
def hostile(tmp_path):
    rows = [
        statement(p, "RUS", "security", p, -0.5, p, speaker=p, reporter=p, actor_text=p, cue=p, issue=p)
        for p in PAYLOADS
    ]
    st = statements_frame(rows)
    docs = [Document(id=p, text="t", title=p, source=p, url=p, path=p) for p in PAYLOADS]
    matrix = build_matrix(st, by="issue")
    path = tmp_path / "hostile.xlsx"
    write_matrix(matrix, st, path, {"note": PAYLOADS[0]}, documents=docs, issues=[LoadIssue(PAYLOADS[0], PAYLOADS[1])],
                 filters={"search": PAYLOADS[0]}, comparison=comparison_frame(matrix, ["RUS"]))
    return path, st


def expected_text(p: str) -> str:
    return p.replace("\x00", "").replace("\x07", "").replace("\x1b", "")


def test_no_cell_is_a_formula_anywhere(hostile):
    path, _ = hostile
    wb = load_workbook(path)
    found = 0
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula: {c.value!r}"
                if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    found += 1
                    assert c.quotePrefix, f"{ws.title}!{c.coordinate} lacks the quote prefix"
    assert found > 8 * 5  # the payloads did reach the sheets, as text


def test_payload_text_kept_exactly_apart_from_illegal_characters(hostile):
    path, st = hostile
    df = pd.read_excel(path, sheet_name="Statements", dtype=str)
    assert sorted(df["sentence"]) == sorted(expected_text(p) for p in PAYLOADS)
    assert sorted(df["speaker"]) == sorted(expected_text(p) for p in PAYLOADS)
    docs = pd.read_excel(path, sheet_name="Documents", dtype=str)
    assert set(expected_text(p) for p in PAYLOADS) <= set(docs["title"].dropna())


def test_matrix_holds_counts_and_the_labels_only_in_comments(hostile):
    wb = load_workbook(hostile[0])
    ws = wb["Matrix"]
    cells = [c for c in ws[2][2:] if c.value is not None]
    assert cells and all(isinstance(c.value, int) for c in cells)
    comments = "\n".join(c.comment.text for c in cells)
    assert f"Dominant stance: {PAYLOADS[0]}" in comments and f"Dominant stance: {PAYLOADS[1]}" in comments
    assert wb["About"]["B2"].data_type == "s"


def test_csv_outputs_neutralise_formulas(tmp_path, hostile):
    _, st = hostile
    out = tmp_path / "s.csv"
    write_statements(st, out)
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(df) == len(PAYLOADS)  # a CR inside a field is quoted, not a line break
    assert sorted(df["sentence"]) == sorted("'" + p for p in PAYLOADS)
    m = tmp_path / "m.csv"
    write_matrix(build_matrix(st, by="issue"), st, m)
    cells = pd.read_csv(m, dtype=str, keep_default_na=False)
    assert all(v.startswith("'") for v in cells["column"])
    assert all(v.startswith("'") for v in cells["label"])


def test_jsonl_keeps_text_exactly(tmp_path, hostile):
    import json

    _, st = hostile
    out = tmp_path / "s.jsonl"
    write_statements(st, out)
    sentences = [json.loads(line)["sentence"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(sentences) == sorted(PAYLOADS)
