"""Undo/redo in the GUI layer: QUndoStack over the model's review commands."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from gui.review_actions import ReviewActions
from gui.undo import WorkspaceUndo
from model.analysis.matrix import build_matrix
from model.project.store import open_project, save_project
from model.review.decisions import ReviewError
from model.review.workspace import fingerprint
from tests.model.review_helpers import DOC_B, reviewed, row, workspace


def cell(ws, actor: str, topic: str) -> int:
    counts = build_matrix(reviewed(ws), columns=["security", "diplomacy"]).counts
    return int(counts.loc[actor, topic]) if actor in counts.index else 0


def test_reject_changes_the_cell_and_undo_action_restores_it(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    undo = WorkspaceUndo(workspace(), win)
    review = ReviewActions(undo)
    undo_act, redo_act = undo.actions(win)
    assert not undo_act.isEnabled() and undo_act.shortcut().toString() == "Ctrl+Z"
    assert cell(undo.ws, "PAK", "security") == 1
    with qtbot.waitSignal(undo.sig_workspace_changed), qtbot.waitSignal(undo.sig_clean_changed) as clean:
        review.reject(row(undo.ws, "PAK"))
    assert clean.args == [False] and not undo.is_clean()
    assert cell(undo.ws, "PAK", "security") == 0 and cell(undo.ws, "PAK", "diplomacy") == 1
    assert undo_act.isEnabled() and undo_act.text() == "Undo Reject PAK × security statement"
    with qtbot.waitSignal(undo.sig_workspace_changed):
        undo_act.trigger()
    assert cell(undo.ws, "PAK", "security") == 1 and undo.is_clean()
    assert redo_act.text() == "Redo Reject PAK × security statement"
    assert [s.toString() for s in redo_act.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    with qtbot.waitSignal(undo.sig_workspace_changed):
        redo_act.trigger()
    assert cell(undo.ws, "PAK", "security") == 0


def test_every_review_action_is_undoable(qtbot):
    undo = WorkspaceUndo(workspace())
    review = ReviewActions(undo)
    start = fingerprint(undo.ws)
    review.accept(row(undo.ws, "CHN"))
    review.edit(row(undo.ws, "RUS"), {"topic": "economy", "polarity": -0.3})
    review.add_from_selection("b", DOC_B.text.index("weather"), DOC_B.text.index("weather") + 3,
                              {"actor": "IND", "topic": "environment"})
    review.note_statement(row(undo.ws, "CHN"), "check")
    review.note_cell("RUS", "economy", "one source")
    review.edit_note(undo.ws.notes[0], "checked")
    review.delete_note(undo.ws.notes[1])
    review.rename("topic", "security", "defence")
    review.merge("topic", ["defence", "economy"], "conflict")
    review.add_alias("Ishaq Dar", "PAK")
    review.add_topic_cue("migration", "deportation flights")
    assert undo.stack.count() == 11
    assert row(undo.ws, "RUS")["topic"] == "conflict" and row(undo.ws, "IND", doc="b")["review"] == "added"
    with pytest.raises(ReviewError):
        review.edit(row(undo.ws, "RUS"), {"polarity": 5})
    assert undo.stack.count() == 11                  # a refused edit is not on the stack
    while undo.stack.canUndo():
        undo.undo()
    assert fingerprint(undo.ws) == start


def test_save_reopen_and_continue(qtbot, tmp_path):
    undo = WorkspaceUndo(workspace())
    review = ReviewActions(undo)
    review.reject(row(undo.ws, "RUS"))
    review.note_cell("PAK", "security", "contested")
    path = tmp_path / "study.stanceatlas"
    save_project(path, undo.ws)
    undo.set_clean()
    assert undo.is_clean()
    with qtbot.waitSignal(undo.sig_workspace_changed):
        undo.set_workspace(open_project(path))
    assert not undo.stack.canUndo() and undo.is_clean()
    assert fingerprint(undo.ws) == fingerprint(open_project(path))
    assert "RUS" not in set(reviewed(undo.ws).query("document == 'a'")["actor"])
    assert [n.text for n in undo.ws.notes] == ["contested"]
