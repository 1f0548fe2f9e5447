"""End-to-end through model/: seed text → statements → matrix → files."""

import json
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from model.analysis.matrix import build_matrix
from model.cli import run
from model.pipeline import analyse
from model.statements import STATEMENT_FIELDS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_statements_have_every_field_and_valid_offsets():
    a = analyse([SEEDS])
    assert len(a.documents) == 1
    doc = a.documents[0]
    st = a.statements
    assert len(st) > 0
    assert set(STATEMENT_FIELDS) <= set(st.columns)
    for r in st.itertuples():
        assert doc.text[r.start:r.end] == r.sentence
        assert -1 <= r.polarity <= 1
        assert len(r.actor) == 3 and r.actor.isupper()


def test_matrix_holds_seed_countries():
    a = analyse([SEEDS])
    m = build_matrix(a.statements, columns=a.resources.topic_keys)
    assert {"RUS", "PAK"} <= set(m.actors)
    assert m.columns[:3] == ["security", "terrorism", "diplomacy"]
    assert m.counts.to_numpy().sum() == len(a.statements)


def test_cli_extract_jsonl_and_export_xlsx(tmp_path, capsys):
    out = tmp_path / "s.jsonl"
    assert run("extract", [str(SEEDS), "-o", str(out), "-q"]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert recs and all(set(STATEMENT_FIELDS) == set(r) for r in recs)
    assert capsys.readouterr().out == ""  # nothing on stdout

    xlsx = tmp_path / "m.xlsx"
    assert run("export", [str(SEEDS), "-o", str(xlsx), "-q"]) == 0
    wb = load_workbook(xlsx)
    assert "Matrix" in wb.sheetnames and "Statements" in wb.sheetnames
    df = pd.read_excel(xlsx, sheet_name="Statements")
    assert len(df) == len(recs)


def test_cli_usage_error_and_partial_failure(tmp_path):
    assert run("export", [str(SEEDS), "-o", str(tmp_path / "m.txt"), "-q"]) == 2
    assert run("extract", ["-o", str(tmp_path / "x.jsonl")]) == 2
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = tmp_path / "s.csv"
    assert run("extract", [str(SEEDS), str(bad), "-o", str(out), "-q"]) == 1
    assert len(pd.read_csv(out)) > 0
