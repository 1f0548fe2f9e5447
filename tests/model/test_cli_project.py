"""``main.py export PROJECT.stanceatlas -o OUT``: the reviewed statements of a project, as the app shows them."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from model.cli import EXIT_NOTHING_READ, EXIT_OK, run
from model.pipeline import analyse
from model.project.store import open_project, save_project
from model.review import commands as cmd
from model.review.reviewed import review_workspace
from model.review.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
KEY = ["document", "start", "end", "actor"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, pd.Series, pd.Series]:
    """The seeds as a project with one statement rejected, one edited and a note; saved to disk."""
    a = analyse([SEEDS])
    ws = Workspace(list(a.documents), a.statements)
    rows = review_workspace(ws, a.resources)[0].statements
    rejected, edited = rows.iloc[0], rows.iloc[1]
    cmd.reject_statement(rejected).do(ws)
    cmd.edit_statement(edited, {"stance": "flatly refused by the analyst", "polarity": -0.9}).do(ws)
    cmd.note_statement(edited, "checked against the ministry's readout").do(ws)
    path = tmp_path_factory.mktemp("project") / "study.stanceatlas"
    save_project(path, ws)
    return path, rejected, edited


def _has(frame: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    hit = frame
    for k in KEY:
        hit = hit[hit[k].astype(str) == str(row[k])]
    return hit


def test_main_py_exports_the_reviewed_statements_to_xlsx(project, tmp_path):
    path, rejected, edited = project
    out = tmp_path / "reviewed.xlsx"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(path), "-o", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    st = pd.read_excel(out, sheet_name="Statements")
    machine = analyse([SEEDS]).statements
    assert len(st) == len(machine) - 1
    assert _has(st, rejected).empty
    [row] = _has(st, edited).to_dict("records")
    assert row["stance"] == "flatly refused by the analyst" and row["polarity"] == -0.9 and bool(row["edited"])


def test_the_workbook_of_a_project_records_its_decisions_and_notes(project, tmp_path):
    path, rejected, edited = project
    out = tmp_path / "reviewed.xlsx"
    assert run("export", [str(path), "-o", str(out), "-q"], err=io.StringIO()) == EXIT_OK
    log = pd.read_excel(out, sheet_name="Decisions")
    actions = list(log["action"])
    assert actions.count("reject") == 1 and actions.count("edit") == 1  # nothing rejected vanishes unrecorded
    [rej] = log[log["action"] == "reject"].to_dict("records")
    assert rej["sentence"] == rejected["sentence"] and rej["country"] == rejected["actor"]
    [edit] = log[log["action"] == "edit"].to_dict("records")
    assert "flatly refused by the analyst" in edit["change"] and "→" in edit["change"]
    assert log["note"].astype(str).str.contains("checked against the ministry's readout").any()
    st = pd.read_excel(out, sheet_name="Statements")
    assert _has(st, edited)["notes"].astype(str).str.contains("ministry's readout").all()


def test_matrix_csv_of_a_project_counts_the_reviewed_statements(project, tmp_path):
    path, rejected, _edited = project
    reviewed, machine = tmp_path / "reviewed.csv", tmp_path / "machine.csv"
    assert run("export", [str(path), "-o", str(reviewed), "-q"], err=io.StringIO()) == EXIT_OK
    assert run("export", [str(SEEDS), "-o", str(machine), "-q"], err=io.StringIO()) == EXIT_OK
    cells = ["actor", "column"]
    r = pd.read_csv(reviewed).set_index(cells)["count"]
    m = pd.read_csv(machine).set_index(cells)["count"]
    cell = (rejected["actor"], rejected["topic"])
    expected = m.copy()
    expected[cell] -= 1                            # the rejected statement; the edit changes no cell's count
    expected = expected[expected > 0]             # one row per non-empty cell
    pd.testing.assert_series_equal(r.sort_index(), expected.sort_index())


def test_qdpx_of_a_project_carries_the_analysts_notes(project, tmp_path):
    path, _rejected, _edited = project
    out = tmp_path / "study.qdpx"
    assert run("export", [str(path), "-o", str(out), "-q"], err=io.StringIO()) == EXIT_OK
    with zipfile.ZipFile(out) as z:
        assert "checked against the ministry's readout" in z.read("project.qde").decode("utf-8")


def test_a_decision_that_no_longer_matches_is_named_and_the_rest_exported(project, tmp_path):
    path, rejected, edited = project
    ws = open_project(path)
    st = ws.statements
    gone = (st["document"] == edited["document"]) & (st["start"] == edited["start"]) & (st["actor"] == edited["actor"])
    ws.set_statements(st[~gone].reset_index(drop=True))     # as if a new engine no longer found that statement
    moved = tmp_path / "moved.stanceatlas"
    save_project(moved, ws)
    err, out = io.StringIO(), tmp_path / "m.xlsx"
    assert run("export", [str(moved), "-o", str(out), "-q"], err=err) == EXIT_OK
    assert f"note: edit decision not applied: no statement by {edited['actor']} in this sentence" in err.getvalue()
    exported = pd.read_excel(out, sheet_name="Statements")
    assert len(exported) == int((~gone).sum()) - 1 and _has(exported, rejected).empty


def test_a_damaged_project_is_refused_and_nothing_written(tmp_path):
    bad = tmp_path / "bad.stanceatlas"
    bad.write_bytes(b"not a project at all")
    out = tmp_path / "out.xlsx"
    err = io.StringIO()
    assert run("export", [str(bad), "-o", str(out), "-q"], err=err) == EXIT_NOTHING_READ
    assert not out.exists() and err.getvalue().startswith("error: ") and "Traceback" not in err.getvalue()
