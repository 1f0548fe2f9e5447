"""CSV and JSON written from the same data as the workbook."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from model.export import write_matrix, write_statements
from model.statements import STATEMENT_FIELDS


def test_matrix_csv_long_form(tmp_path, matrix, statements):
    path = tmp_path / "m.csv"
    assert write_matrix(matrix, statements, path) == []
    df = pd.read_csv(path)
    assert len(df) == int((matrix.counts > 0).to_numpy().sum())
    rus = df[(df["actor"] == "RUS") & (df["column"] == "security")].iloc[0]
    assert rus["count"] == 2 and bool(rus["contradiction"])
    assert rus["net"] == pytest.approx(matrix.net.at["RUS", "security"])
    assert set(df["by"]) == {"topic"}


def test_matrix_json_with_filters_and_topics(tmp_path, matrix, statements, topics):
    path = tmp_path / "m.json"
    write_matrix(matrix, statements, path, {"inputs": "seeds/"}, filters={"countries": ["RUS"]}, topics=topics)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["actors"] == matrix.actors and data["columns"] == matrix.columns
    assert data["filters"] == {"countries": ["RUS"]} and data["context"]["inputs"] == "seeds/"
    assert [t["key"] for t in data["topics"]] == matrix.columns
    cells = {(c["actor"], c["column"]): c for c in data["cells"]}
    assert cells[("CHN", "economy")]["label"] == "invest" and cells[("CHN", "economy")]["count"] == 1


def test_statements_contract_and_full_forms(tmp_path, statements, documents):
    contract = tmp_path / "s.csv"
    write_statements(statements, contract)
    assert list(pd.read_csv(contract).columns) == list(STATEMENT_FIELDS)
    full = tmp_path / "full.jsonl"
    write_statements(statements.assign(edited=True), full, full=True, documents=documents)
    recs = [json.loads(line) for line in full.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == len(statements)
    assert all(r["edited"] is True for r in recs)
    assert {r["title"] for r in recs} == {"Chiefs meet in Islamabad", "Russia skips ceremony"}
    assert set(STATEMENT_FIELDS) <= set(recs[0])


def test_statements_wrong_suffix(tmp_path, statements):
    from model.export import ExportError

    with pytest.raises(ExportError, match=r"\.jsonl or \.csv"):
        write_statements(statements, tmp_path / "s.xlsx")
