"""The streamed rows read back with the same values and types."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from model.analysis.matrix import build_matrix
from model.export.fastrows import RowWriter, column_values
from model.export.xlsx import write_workbook


def test_column_kinds():
    assert column_values(pd.Series([1.5, np.nan]))[0] == "float"
    assert column_values(pd.Series([1.5, np.inf]))[0] == "any"
    assert column_values(pd.Series([1, 2]))[0] == "int"
    assert column_values(pd.Series([True, False]))[0] == "bool"
    assert column_values(pd.Series(["a", None], dtype=object)) == ("text", ["a", ""])
    assert column_values(pd.Series([True, "x"], dtype=object))[0] == "any"


def test_cells_escape_markup_and_keep_carriage_returns():
    writer = RowWriter(3, quote_style=7)
    xml = b"".join(writer.chunks(pd.DataFrame([["a<b>&c", "line\r\nnext", "=1"]]))).decode()
    assert "a&lt;b&gt;&amp;c" in xml and "line&#13;\nnext" in xml
    assert '<c r="C2" s="7" t="inlineStr">' in xml
    chunk = b"".join(writer.chunks(pd.DataFrame({"a": ["x<y", None], "b": [1, 2], "c": [0.5, np.nan]})))
    assert b'<c r="A2" t="inlineStr"><is><t xml:space="preserve">x&lt;y</t></is></c>' in chunk
    assert b'<row r="3"><c r="B3" t="n"><v>2</v></c></row>' in chunk


def test_round_trip_of_mixed_values(tmp_path, statements):
    st = statements.copy()
    st["speaker"] = ["a & b <c>", "tab\tand\nnewline", "x\r\ny", None, "😀 emoji", "  spaces  "]
    st.loc[0, "polarity"] = -0.125
    st["provenance"] = pd.Series([True, "text", 3, None, 2.5, math.inf], dtype=object)
    path = tmp_path / "r.xlsx"
    write_workbook(path, build_matrix(st), st)
    ws = load_workbook(path)["Statements"]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in header}
    got = {ws.cell(r, col["sentence"]).value: r for r in range(2, ws.max_row + 1)}
    for rec in st.to_dict(orient="records"):
        r = got[rec["sentence"]]
        assert ws.cell(r, col["speaker"]).value == (None if pd.isna(rec["speaker"]) else rec["speaker"])
        assert ws.cell(r, col["polarity"]).value == rec["polarity"]
        assert ws.cell(r, col["start"]).value == rec["start"]
        assert ws.cell(r, col["negated"]).value is rec["negated"]
        expected = None if rec["provenance"] is None else rec["provenance"]
        value = ws.cell(r, col["provenance"]).value
        assert value == ("inf" if expected == math.inf else expected)
