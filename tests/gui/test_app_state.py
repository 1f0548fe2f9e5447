"""The view state AppState owns (tests :mod:`gui.state`): the selection, country names and column names."""

from __future__ import annotations

from gui.state import AppState
from tests.gui.conftest import SEEDS


def test_a_new_state_knows_country_names_and_selects_nothing(qtbot):
    state = AppState()
    assert state.selected is None and state.column_names == {}
    assert state.name("RUS") != "RUS" and state.name("XXX") == "XXX"
    assert state.column_name("security") == "security"   # no set yet: the key as it is


def test_column_names_follow_the_topics_of_the_set(window, qtbot):
    with qtbot.waitSignals([window.state.sig_names_changed, window.sig_loaded], timeout=30000):
        window.load([str(SEEDS)])
    topics = window.state.analysis.resources.topics
    assert window.state.column_names == {t.key: t.name for t in topics}
    assert window.state.column_name(topics[0].key) == topics[0].name


def test_a_click_on_a_cell_is_the_state_s_selection(seeded, qtbot):
    w = seeded
    index = w.matrix_model.index(1, 2)
    key = w.matrix_model.key(index)
    with qtbot.waitSignal(w.state.sig_selection_changed) as changed:
        w.matrix_view.setCurrentIndex(index)
    assert changed.args == [key] and w.state.selected == key
    assert f"{w.state.name(key[0])} — {w.state.column_name(key[1])}" in w.evidence.heading.text()
    with qtbot.waitSignal(w.state.sig_selection_changed) as cleared:
        w.state.clear_selection()
    assert cleared.args == [None] and w.state.selected is None
