"""Sheet row limit (continuation sheets and notices) and over-long text."""

from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook

from model.analysis.matrix import build_matrix
from model.export import write_matrix
from model.export.layout import split_rows
from model.export.safety import MAX_CELL_CHARS
from model.statements import statements_frame

from .conftest import TOPICS, statement


def many(n: int) -> pd.DataFrame:
    rows = [
        statement(f"d{i % 3}", ["AFG", "IND", "PAK"][i % 3], TOPICS[(i // 3) % 3], "say", (i % 5 - 2) / 2,
                  f"Sentence number {i}.", start=i)
        for i in range(n)
    ]
    return statements_frame(rows)


def test_split_rows_spreads_over_sheets():
    spans = split_rows(10, ["Matrix"], max_rows=5)
    assert [(s.name, s.start, s.stop) for s in spans] == [
        ("Statements", 0, 4), ("Statements (2)", 4, 8), ("Statements (3)", 8, 10)]
    assert spans[1].excel_row(4) == 2
    assert [s.name for s in split_rows(0)] == ["Statements"]


def test_rows_past_the_sheet_limit_continue_and_the_user_is_told(tmp_path):
    st = many(23)
    matrix = build_matrix(st, columns=TOPICS)
    path = tmp_path / "big.xlsx"
    notices = write_matrix(matrix, st, path, max_rows=10)  # 9 data rows a sheet
    assert len(notices) == 1 and "Statements (2), Statements (3)" in notices[0]
    wb = load_workbook(path)
    names = [n for n in wb.sheetnames if n.startswith("Statements")]
    assert names == ["Statements", "Statements (2)", "Statements (3)"]
    frames = [pd.read_excel(path, sheet_name=n) for n in names]
    assert [len(f) for f in frames] == [9, 9, 5]
    whole = pd.concat(frames, ignore_index=True)
    assert sorted(whole["sentence"]) == sorted(st["sentence"])
    for ws_name in names:
        ws = wb[ws_name]
        assert ws.freeze_panes == "C2" and ws.cell(1, 1).value == "actor"
    about = [r for r in wb["About"].iter_rows(values_only=True) if r[0] == "Notice"]
    assert about and "continued" in about[0][1]
    # every matrix link lands on the first row of its cell, on whichever sheet holds it
    m = wb["Matrix"]
    for r in range(2, len(matrix.actors) + 2):
        for j, topic in enumerate(matrix.columns, start=3):
            link = m.cell(r, j).hyperlink
            if link is None:
                continue
            sheet, ref = link.location.split("!")
            target = wb[sheet.strip("'")]
            row = int(ref[1:])
            assert (target.cell(row, 1).value, target.cell(row, 2).value) == (m.cell(r, 1).value, topic)


def test_over_long_text_is_cut_with_a_marker(tmp_path):
    long_sentence = "word " * 10_000  # 50,000 characters
    st = statements_frame([statement("d", "RUS", "security", "warn", -0.5, long_sentence)])
    path = tmp_path / "long.xlsx"
    write_matrix(build_matrix(st), st, path)
    ws = load_workbook(path)["Statements"]
    col = [c.value for c in ws[1]].index("sentence") + 1
    value = ws.cell(2, col).value
    assert len(value) <= MAX_CELL_CHARS
    assert value.endswith("more characters]") and "…[cut: " in value
    assert value.startswith("word word")
    comment = load_workbook(path)["Matrix"]["C2"].comment.text
    assert len(comment) < 2_000  # the evidence in a comment is shortened too
