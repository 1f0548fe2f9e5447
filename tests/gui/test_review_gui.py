"""Review in the main window: card buttons, undo/redo, edit, add from selection, renames, resource edits."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from gui.evidence import ROW_ROLE
from gui.review_panel import button_rects, note_line, provenance_text, strip_text
from model.engine.sentences import split_spans
from tests.gui.test_main_window import click_cell


@pytest.fixture
def review(seeded):
    """The seeded window; leaving it with unsaved work discards it (no blocking question)."""
    seeded.projects.ask_save = lambda: "discard"
    return seeded


def count(w, actor: str, column: str) -> int:
    counts = w.state.matrix.counts
    if actor not in counts.index or column not in counts.columns:
        return 0
    return int(counts.at[actor, column])


def press_card_button(qtbot, w, name: str, row: int = 0) -> dict:
    view = w.evidence.view
    index = w.evidence.model.index(row, 0)
    view.scrollTo(index)
    statement = index.data(ROW_ROLE)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=button_rects(view.visualRect(index))[name].center())
    return statement


def test_reject_on_a_card_changes_the_cell_undo_brings_it_back_redo_again(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    before = count(w, "RUS", "diplomacy")
    total = len(w.state.analysis.statements)
    assert before > 0 and not w.isWindowModified()
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        rejected = press_card_button(qtbot, w, "reject")
    assert count(w, "RUS", "diplomacy") == before - 1
    assert len(w.state.analysis.statements) == total - 1
    shown = [w.evidence.model.index(i, 0).data(ROW_ROLE) for i in range(w.evidence.model.rowCount())]
    assert (rejected["start"], rejected["key_actor"]) not in {(r["start"], r["key_actor"]) for r in shown}
    assert w.isWindowModified() and w.windowTitle() == "Untitled[*] — Stance Atlas"
    undo, redo = w.menu_actions["undo"], w.menu_actions["redo"]
    assert undo.text() == "Undo Reject RUS × diplomacy statement"
    assert undo.shortcut().toString() == "Ctrl+Z" and redo.shortcut().toString() == "Ctrl+Shift+Z"
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        undo.trigger()
    assert count(w, "RUS", "diplomacy") == before and not w.isWindowModified()
    assert redo.text() == "Redo Reject RUS × diplomacy statement"
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        redo.trigger()
    assert count(w, "RUS", "diplomacy") == before - 1


def test_a_reject_repaints_only_its_cell_and_keeps_the_selection(review, qtbot):
    """The matrix is not reset by a review edit: the changed cell is reported, the selection stays."""
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    model, current = w.matrix_model, w.matrix_view.currentIndex()
    changed, resets = [], []
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((model.key(top), model.key(bottom))))
    model.modelReset.connect(lambda: resets.append(True))
    before = count(w, "RUS", "diplomacy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        press_card_button(qtbot, w, "reject")
    assert count(w, "RUS", "diplomacy") == before - 1
    assert changed == [(("RUS", "diplomacy"), ("RUS", "diplomacy"))] and not resets
    assert w.matrix_view.currentIndex() == current and w.state.selected == ("RUS", "diplomacy")
    assert model.index_of("RUS", "diplomacy").data().startswith(str(before - 1))
    heat = w.heatmap   # same rows and columns: only its colours are set again, to the new net stance
    net = w.state.matrix.net.reindex(heat.rows).to_numpy(dtype=float)
    np.testing.assert_allclose(heat.image.image, net, equal_nan=True)
    changed.clear()
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.menu_actions["undo"].trigger()
    assert changed == [(("RUS", "diplomacy"), ("RUS", "diplomacy"))] and not resets
    assert model.index_of("RUS", "diplomacy").data().startswith(str(before))


def test_accept_marks_the_statement_with_analyst_provenance(review, qtbot):
    w = review
    click_cell(qtbot, w, "PAK", "security")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        accepted = press_card_button(qtbot, w, "accept")
    assert provenance_text(accepted) == "machine"
    st = w.state.analysis.statements
    hit = st[(st["start"] == accepted["start"]) & (st["key_actor"] == accepted["key_actor"])].iloc[0]
    assert hit["review"] == "accepted" and hit["provenance"].startswith("analyst ")
    rows = [w.evidence.model.index(i, 0).data(ROW_ROLE) for i in range(w.evidence.model.rowCount())]
    assert any(provenance_text(r).startswith("accepted · analyst 20") for r in rows)


def test_edit_topic_moves_the_statement_to_another_cell(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    dip, sec = count(w, "RUS", "diplomacy"), count(w, "RUS", "security")
    with qtbot.waitSignal(w.review.sig_dialog_opened) as opened:
        press_card_button(qtbot, w, "edit")
    dialog = opened.args[0]
    dialog.topic.setCurrentText("security")
    dialog.stance.setText("checked by hand")
    assert dialog.changes() == {"topic": "security", "stance": "checked by hand"}
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        dialog.accept()
    assert (count(w, "RUS", "diplomacy"), count(w, "RUS", "security")) == (dip - 1, sec + 1)
    st = w.state.analysis.statements
    moved = st[st["stance"] == "checked by hand"]
    assert len(moved) == 1 and moved.iloc[0]["topic"] == "security" and bool(moved.iloc[0]["edited"])
    assert w.menu_actions["undo"].text().startswith("Undo Change RUS × diplomacy statement: topic → security")


def test_an_invalid_edit_keeps_the_dialog_open_with_the_reason(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    dialog = w.review.edit(w.evidence.model.index(0, 0).data(ROW_ROLE))
    dialog.actor.setEditText("Narnia")
    dialog.accept()
    assert dialog.isVisible() and "ISO3" in dialog.error.text()
    assert not w.state.session.undo.stack.canUndo()
    dialog.reject()


def test_add_statement_from_the_reader_selection(review, qtbot):
    w = review
    doc = next(iter(w.state.documents_by_id.values()))
    used = {int(s) for s in w.state.analysis.statements["start"]}
    start, end = next((s, e) for s, e in split_spans(doc.text) if s not in used and e - s > 20)
    w.open_in_reader(doc.id)
    cursor = w.reader.text.textCursor()
    cursor.setPosition(start + 2)
    cursor.setPosition(start + 8, QTextCursor.MoveMode.KeepAnchor)
    w.reader.text.setTextCursor(cursor)
    before = count(w, "NOR", "economy")
    w.reader.text.customContextMenuRequested.emit(QPoint(5, 5))
    entry = w.reader.context_menu.actions()[-1]
    assert entry.text() == "Add statement from selection…" and entry.shortcut().toString() == "Ctrl+Shift+A"
    with qtbot.waitSignal(w.review.sig_dialog_opened) as opened:
        entry.trigger()
    w.reader.context_menu.close()
    dialog = opened.args[0]
    assert dialog.row["sentence"] == doc.text[start:end]
    dialog.actor.setCurrentIndex(dialog.actor.findData("NOR"))
    dialog.topic.setCurrentText("economy")
    dialog.polarity.setValue(0.5)
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        dialog.accept()
    assert count(w, "NOR", "economy") == before + 1
    added = w.state.cell_statements("NOR", "economy")
    row = added[added["review"] == "added"].iloc[0]
    assert (row["start"], row["end"], row["polarity"]) == (start, end, 0.5)
    assert row["provenance"].startswith("analyst ")


def test_rename_and_merge_topics_from_the_matrix_header(review, qtbot):
    w = review
    dip, sec, ter = (count(w, "RUS", c) for c in ("diplomacy", "security", "terrorism"))
    header = w.matrix_view.horizontalHeader()
    section = w.matrix_model.columns.index("diplomacy")
    header.customContextMenuRequested.emit(QPoint(header.sectionViewportPosition(section) + 5, 5))
    entry = w.review.context_menu.actions()[0]
    assert entry.text() == "Rename or merge topic “diplomacy”…"
    with qtbot.waitSignal(w.review.sig_dialog_opened) as opened:
        entry.trigger()
    dialog = opened.args[0]
    w.review.context_menu.close()
    dialog.new.setEditText("talks")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        dialog.accept()
    assert "talks" in w.matrix_model.columns and "diplomacy" not in w.matrix_model.columns
    assert count(w, "RUS", "talks") == dip
    dialog = w.review.rename_column("terrorism")
    dialog.new.setEditText("security")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        dialog.accept()
    assert "terrorism" not in w.matrix_model.columns and count(w, "RUS", "security") == sec + ter
    assert w.menu_actions["undo"].text() == "Undo Merge topics terrorism into security"


def test_note_on_a_statement_and_on_a_cell(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    dialog = w.review.note(w.evidence.model.index(0, 0).data(ROW_ROLE))
    dialog.text.setPlainText("second source needed")
    dialog.accept()
    dialog = w.review.note_cell("RUS", "diplomacy")
    dialog.text.setPlainText("")
    dialog.accept()
    assert dialog.isVisible() and "empty" in dialog.error.text()
    dialog.text.setPlainText("contested")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        dialog.accept()
    notes = w.state.session.ws.notes
    assert [n.text for n in notes] == ["second source needed", "contested"]
    assert notes[1].cell is not None and (notes[1].cell.actor, notes[1].cell.column) == ("RUS", "diplomacy")
    assert "Note: contested" in w.evidence.heading.text()
    row = w.evidence.model.index(0, 0).data(ROW_ROLE)
    assert note_line(w.state.session.notes_for_row(row)) == "✎ Note: second source needed"
    assert strip_text(row, w.state.session.notes_for_row(row)) == "machine"
    dialog = w.review.note(row)                       # Note… again: the note is there to change
    assert dialog.note() == "second source needed"
    dialog.text.setPlainText("checked: two sources")
    dialog.accept()
    assert [n.text for n in w.state.session.notes_for_row(row)] == ["checked: two sources"]
    dialog = w.review.note(row)
    dialog.text.setPlainText("")                      # emptied: deleted
    dialog.accept()
    assert w.state.session.notes_for_row(row) == [] and len(w.state.session.ws.notes) == 1
    assert w.menu_actions["undo"].text().startswith("Undo Delete note on RUS statement")


@pytest.fixture
def small(window, qtbot, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Zorblat Quux condemned the missile strike on the border. France welcomed the grain deal talks.",
                    encoding="utf-8")
    window.projects.ask_save = lambda: "discard"
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(path)])
    return window


def test_add_alias_re_extracts_and_undo_re_extracts_again(small, qtbot):
    w = small
    assert "NOR" not in w.matrix_model.actors
    dialog = w.review.add_alias()
    dialog.name.setText("Zorblat Quux")
    dialog.code.setCurrentIndex(dialog.code.findData("NOR"))
    with qtbot.waitSignal(w.review.sig_reextracted, timeout=30000):
        dialog.accept()
    qtbot.waitUntil(lambda: "NOR" in w.matrix_model.actors)
    assert count(w, "NOR", "security") == 1
    assert w.state.session.extracted_with.aliases[0].name == "Zorblat Quux"
    assert w.menu_actions["undo"].text() == "Undo Add alias Zorblat Quux → NOR"
    with qtbot.waitSignal(w.review.sig_reextracted, timeout=30000):
        w.menu_actions["undo"].trigger()
    qtbot.waitUntil(lambda: "NOR" not in w.matrix_model.actors)


def test_decisions_that_no_longer_match_after_re_extraction_are_listed(small, qtbot):
    w = small
    click_cell(qtbot, w, "FRA", "diplomacy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        press_card_button(qtbot, w, "reject")
    assert count(w, "FRA", "diplomacy") == 0
    # "France" now names another country: the FRA statement the decision was about is gone
    with qtbot.waitSignal(w.review.sig_reextracted, timeout=30000):
        w.state.session.actions.add_alias("France", "NOR", "country")
    qtbot.waitUntil(lambda: w.review.unmatched_dialog is not None)
    table = w.review.unmatched_dialog.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "reject"
    assert "no statement by FRA" in table.item(0, 4).text()
    assert len(w.state.session.ws.decisions) == 1     # kept, not dropped
    assert w.review.unmatched_label.text() == "1 decision no longer matches"
    assert count(w, "NOR", "diplomacy") == 1
