"""The session behind the views: reviewed analysis, renamed topics, unsaved state."""

from __future__ import annotations

from gui.review_session import ReviewSession, Source, renamed_topics, reviewed_analysis
from model.documents import LoadReport
from model.resources import Topic, load_resources
from model.review import commands as cmd
from tests.model.review_helpers import clock, row, workspace

TOPICS = (Topic("security", "Security", "", ()), Topic("diplomacy", "Diplomacy", "", ()), Topic("economy", "Economy", "", ()))


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
    ws.documents = [d for d in ws.documents if d.id != "a"] + [ws.documents[0].__class__("a", "Other text now.")]
    src = Source(LoadReport(documents=ws.documents), ws.statements, tuple(ws.decisions), tuple(ws.documents),
                 load_resources(), ws.revision)
    analysis, unmatched = reviewed_analysis(src)
    assert {"edited", "provenance", "review"} <= set(analysis.statements.columns)
    assert len(unmatched) == 2 and gone in [u.decision for u in unmatched]


def test_a_save_that_finishes_after_another_edit_leaves_the_work_unsaved(qtbot, tmp_path):
    session = ReviewSession()
    ws = workspace()
    session.start(ws, LoadReport(documents=ws.documents), load_resources())
    assert not session.is_dirty() and not session.has_work()
    with qtbot.waitSignal(session.sig_dirty_changed) as dirty:
        session.actions.reject(row(ws, "RUS"))
    assert dirty.args == [True]
    point = session.save_point()
    session.actions.accept(row(ws, "CHN"))          # while the save is being written
    session.saved(str(tmp_path / "p.stanceatlas"), point)
    assert session.is_dirty() and session.path == str(tmp_path / "p.stanceatlas")
    session.saved(session.path, session.save_point())
    assert not session.is_dirty()
    session.grow(session.machine_analysis())        # documents added: not on the undo stack, still unsaved
    assert session.is_dirty()
