"""model.analysis.view: the filtered statements, their matrix, cell index, timeline and comparison."""

from __future__ import annotations

from model.analysis.filters import StatementFilter
from model.analysis.view import compute_reviewed_view, compute_view
from model.documents import Document, LoadReport
from model.pipeline import Analysis
from model.review import commands as cmd
from model.review.reviewed import as_reviewed, review_workspace, workspace_source
from tests.model.review.test_reviewed import BASE
from tests.model.review_helpers import clock, row, workspace

DATED = (Document("a", workspace().documents[0].text, date="2026-03-01"),
         Document("b", workspace().documents[1].text, date="2026-04-15"))


def _analysis() -> Analysis:
    ws = workspace(*DATED)
    return as_reviewed(Analysis(LoadReport(documents=ws.documents), ws.statements, BASE))


def test_view_filters_aggregates_and_indexes_cells():
    analysis = _analysis()
    view = compute_view(analysis, StatementFilter(topics=frozenset({"diplomacy"})), "topic")
    assert set(view.statements["topic"]) == {"diplomacy"} and len(view.statements) == 3
    assert view.matrix.columns == ["security", "diplomacy", "economy"]       # taxonomy order, empty columns kept
    assert int(view.matrix.counts.loc["PAK", "diplomacy"]) == 1
    rows = view.statements.iloc[view.positions[("RUS", "diplomacy")]]
    assert list(rows["actor"]) == ["RUS"] and list(rows["document"]) == ["a"]
    assert int(view.timeline.to_numpy().sum()) == 3                           # every document is dated
    assert view.comparison is None and view.by == "topic"


def test_view_by_issue_has_no_fixed_columns_and_compares_when_asked():
    analysis = _analysis()
    view = compute_view(analysis, StatementFilter(), "issue", compare=("RUS", "PAK"))
    assert view.matrix.by == "issue" and view.by == "issue"
    assert view.comparison is not None and view.comparison.actors == ("RUS", "PAK")
    assert compute_view(analysis, StatementFilter(), "topic", compare=("RUS",)).comparison is None


def test_reviewed_view_reuses_a_current_analysis_and_rebuilds_a_stale_one():
    ws = workspace(*DATED)
    cached, _ = review_workspace(ws, BASE)
    again, unmatched, view = compute_reviewed_view(workspace_source(ws, BASE), cached, StatementFilter(), "topic")
    assert again is cached and unmatched is None and len(view.statements) == len(cached.statements)
    cmd.reject_statement(row(ws, "RUS"), now=clock).do(ws)
    fresh, unmatched, view = compute_reviewed_view(workspace_source(ws, BASE), None, StatementFilter(), "topic")
    assert unmatched == [] and len(fresh.statements) == len(cached.statements) - 1
    assert "RUS" not in set(view.statements.loc[view.statements["document"] == "a", "actor"])
