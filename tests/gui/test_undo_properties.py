"""Property tests: any sequence of edits, undos and redos on the GUI's undo stack keeps the workspace consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.undo import WorkspaceUndo
from model.resource_edits import Alias, TopicCue
from model.review import commands as cmd
from model.review.workspace import fingerprint
from tests.model.review_helpers import DOC_B, clock, reviewed, workspace

OPS = st.lists(st.tuples(st.sampled_from(["reject", "accept", "edit", "add", "note", "rename", "alias", "cue",
                                          "undo", "redo", "undo", "delete_note"]),
                         st.integers(0, 50)), max_size=25)


def _command(ws, op: str, k: int):
    rows = reviewed(ws)
    r = rows.iloc[k % len(rows)] if len(rows) else None
    if op in ("reject", "accept", "edit", "note") and r is None:
        return None
    match op:
        case "reject":
            return cmd.reject_statement(r, now=clock)
        case "accept":
            return cmd.accept_statement(r, now=clock)
        case "edit":
            return cmd.edit_statement(r, {"polarity": (k % 21 - 10) / 10, "topic": ["security", "economy"][k % 2]}, now=clock)
        case "add":
            return cmd.add_statement(DOC_B, k % 30, k % 30 + 1, {"actor": "IND", "topic": "economy"}, now=clock)
        case "note":
            return cmd.note_statement(r, f"note {k}", now=clock)
        case "delete_note":
            return cmd.delete_note(ws.notes[k % len(ws.notes)]) if ws.notes else None
        case "rename":
            return cmd.rename_value("topic", ["security", "economy", "diplomacy"][k % 3], f"t{k % 4}", now=clock)
        case "alias":
            return cmd.add_alias(Alias(f"Minister {k % 5}", "PAK"))
        case "cue":
            return cmd.add_topic_cue(TopicCue("economy", f"cue {k % 5}"))
    raise AssertionError(op)


# each example builds its own stack; the conftest's per-test fixtures (settings folder, worker check) hold for all
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OPS)
def test_undo_redo_walks_back_and_forth_through_exact_states(qapp, ops):
    undo = WorkspaceUndo(workspace())
    ws, stack = undo.ws, undo.stack
    states = [fingerprint(ws)]   # states[i] = content after i commands on the current branch
    pos = 0
    for op, k in ops:
        if op == "undo":
            if stack.canUndo():
                undo.undo()
                pos -= 1
        elif op == "redo":
            if stack.canRedo():
                undo.redo()
                pos += 1
        else:
            c = _command(ws, op, k)
            if c is None:
                continue
            undo.push(c)
            pos += 1
            del states[pos:]
            states.append(fingerprint(ws))
        assert fingerprint(ws) == states[pos]
        assert len(reviewed(ws, keep_rejected=True)) >= len(reviewed(ws))
    while stack.canUndo():
        undo.undo()
    assert fingerprint(ws) == states[0] and ws.decisions == [] and ws.notes == []
