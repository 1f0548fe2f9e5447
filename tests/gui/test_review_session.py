"""The session behind the views: its workspace, undo stack and unsaved state."""

from __future__ import annotations

from gui.review_session import ReviewSession
from model.documents import LoadReport
from model.resources import load_resources
from tests.model.review_helpers import row, workspace


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
