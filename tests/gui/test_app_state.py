"""The view state AppState owns (tests :mod:`gui.state`): the selection, country names and column names."""

from __future__ import annotations

from gui.state import AppState


def test_a_new_state_knows_country_names_and_selects_nothing(qtbot):
    state = AppState()
    assert state.selected is None and state.column_names == {}
    assert state.name("RUS") != "RUS" and state.name("XXX") == "XXX"
    with qtbot.waitSignal(state.sig_names_changed):
        state.set_names({"RUS": "Russian Federation"})
    assert state.name("RUS") == "Russian Federation"


def test_column_names_follow_the_topics_of_the_set(seeded):
    topics = seeded.state.analysis.resources.topics
    assert seeded.state.column_names == {t.key: t.name for t in topics}
    assert seeded.state.column_name(topics[0].key) == topics[0].name


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
