"""Decisions panel and Restore, bulk reject as one undo step, the Edit and Note dialogs, whose words a card shows,
and the evidence-first layout."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from gui.evidence import HTML_ROLE, ROW_ROLE
from gui.lazy_panels import on_screen
from gui.plain import escaped
from tests.gui.test_main_window import click_cell
from tests.gui.test_review_gui import count, press_card_button


@pytest.fixture
def review(seeded):
    seeded.projects.ask_save = lambda: "discard"
    return seeded


def cards(w) -> list[dict]:
    return [w.evidence.model.index(i, 0).data(ROW_ROLE) for i in range(w.evidence.model.rowCount())]


def test_a_rejected_statement_is_restored_from_the_decisions_panel(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    before = count(w, "RUS", "diplomacy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        rejected = press_card_button(qtbot, w, "reject")
    assert count(w, "RUS", "diplomacy") == before - 1
    with qtbot.waitSignal(w.decision_log.sig_log_updated):
        w.menu_actions["decisions"].trigger()
    panel = w.decisions
    assert on_screen(panel)
    panel.rejected.setChecked(True)
    assert panel.model.rowCount() == 1
    entry = panel.model.shown[0]
    assert (entry.kind, entry.actor, entry.topic, entry.sentence) == ("reject", "RUS", "diplomacy", rejected["sentence"])
    assert not panel.restore.isEnabled()
    panel.select(0)
    assert panel.restore.isEnabled()
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    assert count(w, "RUS", "diplomacy") == before
    assert w.menu_actions["undo"].text() == "Undo Restore RUS × diplomacy statement"
    assert panel.model.rowCount() == 0                       # nothing is rejected any more
    panel.rejected.setChecked(False)
    assert [e.kind for e in panel.model.shown] == ["restore", "reject"]   # newest first, both kept
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.menu_actions["undo"].trigger()
    assert count(w, "RUS", "diplomacy") == before - 1 and [e.kind for e in panel.model.shown] == ["reject"]


def test_clicking_a_decision_shows_its_sentence_in_the_reader(review, qtbot):
    w = review
    click_cell(qtbot, w, "PAK", "security")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        accepted = press_card_button(qtbot, w, "accept")
    w.decision_log.show_panel()
    view = w.decisions.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(w.decisions.model.index(0, 4)).center())
    assert w.reader.document_id == accepted["document"]
    assert w.state.selected == ("PAK", "security")


def test_decisions_panel_filters_by_kind_and_text(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        press_card_button(qtbot, w, "accept")
    w.decision_log.show_panel()
    with qtbot.waitSignal(w.decision_log.sig_log_updated):
        w.state.session.actions.note_cell("PAK", "security", "second source needed")
    panel = w.decisions
    assert sorted(e.kind for e in panel.model.shown) == ["accept", "note"]
    panel.kind.setCurrentIndex(panel.kind.findData("note"))
    assert [e.change for e in panel.model.shown] == ["second source needed"]
    panel.kind.setCurrentIndex(0)
    panel.search.setText("SECOND SOURCE")
    assert [e.kind for e in panel.model.shown] == ["note"] and panel.count.text() == "1 of 2"


def test_reject_all_of_a_document_is_undone_in_one_step(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    w.evidence.view.setCurrentIndex(w.evidence.model.index(0, 0))
    doc = w.review.current_row()["document"]
    st = w.state.analysis.statements
    in_doc, total = int((st["document"] == doc).sum()), len(st)
    assert in_doc >= 2
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.menu_actions["reject_document"].trigger()
    st = w.state.analysis.statements
    assert len(st) == total - in_doc and doc not in set(st["document"])
    assert w.menu_actions["undo"].text() == f"Undo Reject {in_doc} statements of document '{doc}'"
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.menu_actions["undo"].trigger()
    assert len(w.state.analysis.statements) == total and not w.state.session.undo.stack.canUndo()


def test_reject_all_of_a_cell_then_undo(review, qtbot):
    w = review
    before = count(w, "RUS", "diplomacy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        assert w.review.decide_cell("reject", "RUS", "diplomacy")
    assert count(w, "RUS", "diplomacy") == 0
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.menu_actions["undo"].trigger()
    assert count(w, "RUS", "diplomacy") == before


def _edit_dialog(qtbot, w, actor: str, column: str):
    click_cell(qtbot, w, actor, column)
    with qtbot.waitSignal(w.review.sig_dialog_opened) as opened:
        row = press_card_button(qtbot, w, "edit")
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.actor.lineEdit().hasFocus())
    return dialog, row


@pytest.mark.parametrize("typed", ["Russia", "RUSSIA", "rus"])
def test_the_edit_dialog_takes_a_country_name_typed_and_confirmed_with_enter(review, qtbot, typed):
    w = review
    dialog, row = _edit_dialog(qtbot, w, "PAK", "security")
    before = count(w, "RUS", "security")
    line = dialog.actor.lineEdit()
    assert line.selectedText() == line.text()          # typing replaces the country
    qtbot.keyClicks(line, typed)
    if dialog.actor.completer().popup().isVisible():
        dialog.actor.completer().popup().hide()
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert count(w, "RUS", "security") == before + 1
    st = w.state.analysis.statements
    moved = st[(st["key_actor"] == "PAK") & (st["start"] == row["start"]) & (st["document"] == row["document"])].iloc[0]
    assert moved["actor"] == "RUS" and "Pakistan" not in str(moved["actor_text"])


def test_the_edit_dialog_says_why_when_the_country_is_unknown_and_keeps_the_text(review, qtbot):
    w = review
    dialog, _row = _edit_dialog(qtbot, w, "PAK", "security")
    dialog.actor.lineEdit().end(False)
    qtbot.keyClicks(dialog.actor.lineEdit(), "RUSSIA")     # typed after the existing "PAK — Pakistan"
    dialog.accept()
    assert dialog.isVisible() and "no country is called" in dialog.error.text()
    assert dialog.actor.currentText().endswith("RUSSIA")
    qtbot.keyClicks(dialog.actor.lineEdit(), "x")
    assert dialog.error.isHidden()                          # the complaint goes when the analyst types
    dialog.reject()


def test_the_country_box_completes_any_part_of_a_name(review, qtbot):
    w = review
    dialog, _row = _edit_dialog(qtbot, w, "PAK", "security")
    box: QComboBox = dialog.actor
    completer = box.completer()
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    completer.setCompletionPrefix("ussia")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert "RUS — Russia" in found
    dialog.reject()


def test_the_note_dialog_opens_with_focus_in_the_text_and_its_warning_clears(review, qtbot):
    w = review
    click_cell(qtbot, w, "RUS", "diplomacy")
    with qtbot.waitSignal(w.review.sig_dialog_opened) as opened:
        press_card_button(qtbot, w, "note")
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.text.hasFocus())
    dialog.accept()                                      # empty: refused, said so
    assert dialog.isVisible() and "empty" in dialog.error.text()
    qtbot.keyClicks(dialog.text, "check the date")
    assert dialog.error.isHidden() and dialog.note() == "check the date"
    with qtbot.waitSignal(w.state.session.sig_workspace_changed):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in w.state.session.ws.notes] == ["check the date"]


SPEECHES = [
    {"id": "BEL_77_2022", "title": "Belgium at the UN General Debate 2022", "source": "UN General Debate",
     "speaker_country": "BEL", "date": "2022-09-22",
     "text": "Belgium strongly condemns the Russian aggression against Ukraine. "
             "Ukraine has shown great courage and welcomed the support of its partners. "
             "We support the negotiations on climate finance."},
    {"id": "wire-1", "title": "Talks in Kyiv", "source": "TASS", "date": "2022-09-23",
     "text": "Ukraine welcomed the talks with Poland on grain exports."},
]


def test_a_card_says_whose_words_it_is(window, qtbot, tmp_path):
    path = tmp_path / "speeches.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in SPEECHES), encoding="utf-8")
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(path)])
    st = window.state.analysis.statements
    voices = {}
    for actor, topic in {(r.actor, r.topic) for r in st.itertuples()}:
        window.evidence.show_cell("x", window.state.cell_statements(actor, topic), window.state.documents_by_id,
                                  window.state.names)
        for i in range(window.evidence.model.rowCount()):
            index = window.evidence.model.index(i, 0)
            voices[(index.data(ROW_ROLE)["document"], actor)] = index.data(HTML_ROLE)
    assert "in its own speech" in voices[("BEL_77_2022", "BEL")]
    assert escaped("in Belgium's speech") in voices[("BEL_77_2022", "UKR")]
    assert "reported by TASS" in voices[("wire-1", "UKR")]
    # only what a country says in its own speech
    window.filter_bar.holder.setCurrentIndex(window.filter_bar.holder.findData(True))
    qtbot.waitUntil(lambda: window.state.flt.own_speech and set(window.state.statements["actor"]) == {"BEL"})


def _dock_area(w, name):
    return w.dockWidgetArea(w.docks[name])


@pytest.mark.parametrize("size", [(1024, 700), (1400, 860)])
def test_reset_layout_gives_the_evidence_and_the_matrix_the_room(window, qtbot, size):
    w = window
    w.resize(*size)
    w.docks["evidence"].setFloating(True)
    w.docks["comparison"].raise_()
    w.docks["reader"].hide()
    action = w.menu_actions["reset_layout"]
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    shortcuts = [a.shortcut().toString() for a in w.findChildren(type(action)) if not a.shortcut().isEmpty()]
    assert shortcuts.count("Ctrl+Shift+R") == 1
    action.trigger()
    A = Qt.DockWidgetArea
    qtbot.waitUntil(lambda: w.docks["evidence"].width() >= 0.35 * w.width())
    assert (w.width(), w.height()) == size
    assert not w.docks["evidence"].isFloating() and _dock_area(w, "evidence") == A.RightDockWidgetArea
    narrow = size[0] < 1200   # the strip under the matrix takes the reader and the documents too
    assert _dock_area(w, "reader") == (A.BottomDockWidgetArea if narrow else A.RightDockWidgetArea)
    assert _dock_area(w, "documents") == A.BottomDockWidgetArea
    assert w.docks["reader"].isVisible() and w.docks["evidence"].height() >= 0.55 * w.height()
    assert on_screen(w.charts) and not on_screen(w.comparison) and not on_screen(w.reader if narrow else w.comparison)
    assert w.matrix_view.width() >= 0.5 * w.width()
    bar = w.filter_bar
    for combo in (bar.by, bar.mode, bar.sort, bar.topic, bar.hedged, bar.holder):   # nothing truncated
        assert combo.width() >= combo.sizeHint().width() and combo.isVisible()
