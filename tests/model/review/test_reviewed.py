"""model.review.reviewed: the statements after the analyst's decisions, renamed topics, a project's review."""

from __future__ import annotations

import pandas as pd

from model.documents import Document, LoadReport
from model.engine.gazetteer import Gazetteer
from model.pipeline import Analysis
from model.resource_edits import TopicCue
from model.resources import Resources, Topic, load_resources
from model.review import commands as cmd
from model.review.decisions import REVIEW_COLUMNS
from model.review.reviewed import (
    Source,
    as_reviewed,
    machine_statements,
    renamed_topics,
    review_workspace,
    reviewed_analysis,
    workspace_source,
)
from tests.model.review_helpers import clock, row, workspace

TOPICS = (Topic("security", "Security", "", ()), Topic("diplomacy", "Diplomacy", "", ()), Topic("economy", "Economy", "", ()))
BASE = Resources(Gazetteer([]), TOPICS, ())


def test_renames_and_merges_reshape_the_topic_columns():
    rename = cmd.rename_value("topic", "security", "defence", clock).decisions
    merge = cmd.merge_values("topic", ["economy"], "diplomacy", clock).decisions
    topics = renamed_topics(TOPICS, rename + merge)
    assert [(t.key, t.name) for t in topics] == [("defence", "defence"), ("diplomacy", "Diplomacy")]
    assert renamed_topics(TOPICS, ()) is TOPICS


def test_reviewed_analysis_applies_decisions_and_reports_unmatched():
    ws = workspace()
    ws.decisions.extend(cmd.reject_statement(row(ws, "RUS"), clock).decisions)
    gone = cmd.accept_statement(row(ws, "CHN"), clock).decisions[0]
    ws.decisions.append(gone)
    ws.documents = [d for d in ws.documents if d.id != "a"] + [Document("a", "Other text now.")]
    src = Source(LoadReport(documents=ws.documents), ws.statements, tuple(ws.decisions), tuple(ws.documents),
                 load_resources(), ws.revision)
    analysis, unmatched = reviewed_analysis(src)
    assert {"edited", "provenance", "review"} <= set(analysis.statements.columns)
    assert len(unmatched) == 2 and gone in [u.decision for u in unmatched]


def test_review_workspace_leaves_out_rejects_applies_edits_and_resource_edits():
    ws = workspace()
    n = len(ws.statements)
    cmd.reject_statement(row(ws, "RUS"), now=clock).do(ws)
    cmd.edit_statement(row(ws, "PAK"), {"polarity": -1.0, "stance": "denounced"}, now=clock).do(ws)
    cmd.rename_value("topic", "security", "defence", now=clock).do(ws)
    cmd.add_topic_cue(TopicCue("water", "Kabul river")).do(ws)        # a topic of the analyst's own
    analysis, unmatched = review_workspace(ws, BASE)
    st = analysis.statements
    assert unmatched == [] and len(st) == n - 1
    assert "RUS" not in set(st.loc[st["document"] == "a", "actor"])
    pak = st[(st["document"] == "a") & (st["actor"] == "PAK")].iloc[0]
    assert (pak["polarity"], pak["stance"], pak["topic"], bool(pak["edited"])) == (-1.0, "denounced", "defence", True)
    assert analysis.resources.topic_keys == ["defence", "diplomacy", "economy", "water"]
    assert [d.id for d in analysis.documents] == ["a", "b"]
    assert BASE.topic_keys == ["security", "diplomacy", "economy"]      # the shipped resources are untouched


def test_workspace_source_is_a_snapshot_of_the_workspace():
    ws = workspace()
    cmd.accept_statement(row(ws, "CHN"), now=clock).do(ws)
    src = workspace_source(ws, BASE)
    cmd.reject_statement(row(ws, "RUS"), now=clock).do(ws)   # later edits do not reach the snapshot
    assert len(src.decisions) == 1 and src.revision == 1
    assert src.report.files_seen == 2 and [d.id for d in src.report.documents] == ["a", "b"]


def test_as_reviewed_adds_the_review_columns_and_machine_statements_drops_them():
    ws = workspace()
    machine = Analysis(LoadReport(documents=ws.documents), ws.statements, BASE)
    shown = as_reviewed(machine)
    assert set(REVIEW_COLUMNS) <= set(shown.statements.columns)
    assert set(shown.statements["review"]) == {"machine"} and not shown.statements["edited"].any()
    assert shown.resources is BASE
    back = machine_statements(shown.statements)
    assert not set(REVIEW_COLUMNS) & set(back.columns)
    pd.testing.assert_frame_equal(back.sort_values(["document", "start", "actor"]).reset_index(drop=True),
                                  ws.statements.sort_values(["document", "start", "actor"]).reset_index(drop=True),
                                  check_like=True, check_dtype=False)
    assert machine_statements(ws.statements) is ws.statements
