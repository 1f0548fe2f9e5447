"""model.loading: what the window opens on (a set, a grown set, a project), built off the UI thread."""

from __future__ import annotations

from pathlib import Path

from model.analysis.filters import StatementFilter
from model.loading import grow_set, load_project_view, load_set
from model.progress import NullProgress
from model.project.store import save_project
from model.review import commands as cmd
from model.review.decisions import REVIEW_COLUMNS
from model.review.workspace import Workspace
from tests.model.review.test_reviewed import BASE
from tests.model.review_helpers import clock, row, workspace

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_load_set_opens_on_the_reviewed_analysis_its_view_and_documents(tmp_path):
    analysis, view, table = load_set([str(SEEDS)], StatementFilter(), "topic", NullProgress())
    assert set(REVIEW_COLUMNS) <= set(analysis.statements.columns)
    assert set(analysis.statements["review"]) == {"machine"}
    assert view is not None and view.by == "topic" and len(view.statements) == len(analysis.statements) > 0
    assert view.matrix.columns == analysis.resources.topic_keys
    assert list(table["status"]) == ["loaded"] and int(table["statements"].iloc[0]) == len(analysis.statements)

    extra = tmp_path / "extra.txt"
    extra.write_text("Russia warned Pakistan about the military exercises near the border.", encoding="utf-8")
    grown, none, grown_table = grow_set(analysis, [str(extra)], StatementFilter(), "topic", NullProgress())
    assert none is None                                  # the view is built once decisions are replayed
    assert len(grown.documents) == 2 and list(grown_table["status"]) == ["loaded", "loaded"]
    assert grown.resources is analysis.resources


def test_load_project_view_applies_decisions_and_the_saved_columns(tmp_path):
    ws = workspace()
    cmd.reject_statement(row(ws, "RUS"), now=clock).do(ws)
    cmd.edit_statement(row(ws, "PAK"), {"issue": "border attack"}, now=clock).do(ws)
    ws.view = {"by": "issue"}
    path = tmp_path / "study.stanceatlas"
    save_project(path, ws)
    opened, base, analysis, view, table, unmatched = load_project_view(str(path), BASE, StatementFilter(), "topic")
    assert isinstance(opened, Workspace) and base is BASE and unmatched == []
    assert view.by == "issue" and "border attack" in view.matrix.columns   # the project's columns win
    st = analysis.statements
    assert "RUS" not in set(st.loc[st["document"] == "a", "actor"]) and len(st) == len(ws.statements) - 1
    assert list(table["id"]) == ["a", "b"]


def test_load_project_view_of_a_new_workspace_is_empty():
    ws, _base, analysis, view, table, unmatched = load_project_view(Workspace(), BASE, StatementFilter(), "topic")
    assert ws.documents == [] and len(analysis.statements) == 0 and len(table) == 0 and unmatched == []
    assert view.by == "topic" and view.matrix.actors == []
