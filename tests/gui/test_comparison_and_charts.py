"""Side-by-side comparison (RUS vs PAK) and the charts, checked through their item data."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from gui.compare_view import RELATION_TEXT
from gui.evidence import ROW_ROLE
from model.analysis.compare import compare_countries


def test_comparison_of_russia_and_pakistan(seeded, qtbot):
    w = seeded
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        w.compare(["RUS", "PAK"])
    assert w.docks["comparison"].isVisible()
    m = w.comparison.model
    c = w.state.comparison
    assert c.actors == ("RUS", "PAK")
    assert m.columnCount() == 3
    assert m.headerData(0, Qt.Orientation.Horizontal) == f"{w.state.names['RUS']} (RUS)"
    assert m.headerData(2, Qt.Orientation.Horizontal) == "Agreement"
    expected = compare_countries(w.state.statements, ["RUS", "PAK"], columns=w.state.analysis.resources.topic_keys)
    assert c.topics == expected.topics
    sec = c.topics.index("security")
    assert m.headerData(sec, Qt.Orientation.Vertical) == "Security"
    assert m.index(sec, 2).data(Qt.ItemDataRole.UserRole) == expected.table.at["security", "relation"]
    assert m.index(sec, 2).data() == RELATION_TEXT[expected.table.at["security", "relation"]]
    assert m.index(sec, 1).data(Qt.ItemDataRole.UserRole) == pytest.approx(expected.table.at["security", "PAK_net"])
    assert w.comparison.chosen() == ["RUS", "PAK"]
    # the linked chart: one bar series per country, heights = net stance per topic
    chart = w.comparison.chart
    assert list(chart.values.columns) == ["RUS", "PAK"]
    assert len(chart.bars) == 2
    lengths = np.asarray(chart.bars[1].opts["width"])   # horizontal bars: the length is the net stance
    assert lengths == pytest.approx(np.nan_to_num(expected.table["PAK_net"].to_numpy(dtype=float)))
    # selecting a topic row marks it on the chart
    w.comparison.table.setCurrentIndex(m.index(sec, 0))
    lo, hi = chart.band.getRegion()
    assert lo < sec < hi


def test_pickers_request_a_comparison(seeded, qtbot):
    w = seeded
    w.comparison.set_countries(w.state.matrix.actors, w.state.names, ["RUS", "PAK"])
    picker = w.comparison.pickers[2]
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        picker.setCurrentIndex(picker.findData("CHN"))
    assert w.state.comparison.actors == ("RUS", "PAK", "CHN")
    assert w.comparison.model.columnCount() == 4


def test_pickers_keep_their_lists_while_the_countries_stay_the_same(seeded):
    c, actors, names = seeded.comparison, seeded.state.matrix.actors, seeded.state.names
    c.set_countries(actors, names, ["RUS", "PAK"])
    c.pickers[2].setCurrentIndex(c.pickers[2].findData("CHN"))
    items = [c.pickers[0].itemData(i) for i in range(c.pickers[0].count())]
    removed = []
    c.pickers[0].model().rowsRemoved.connect(lambda *_a: removed.append(True))
    c.set_countries(actors, names, ["PAK", "RUS"])           # a review edit: the same countries
    assert not removed and [c.pickers[0].itemData(i) for i in range(c.pickers[0].count())] == items
    assert c.chosen() == ["PAK", "RUS"]                      # the optional box is back at "—", as after a refill
    c.set_countries([a for a in actors if a != "CHN"], names, ["PAK", "RUS"])   # a country left: refilled
    assert removed and c.pickers[0].findData("CHN") == -1 and c.chosen() == ["PAK", "RUS"]


def test_a_hidden_chart_is_drawn_when_it_is_shown(window, qtbot, tmp_path):
    from tests.gui.test_filters_and_scripts import dated_set

    w = window
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        w.load([str(dated_set(tmp_path))])
    assert w.charts.currentWidget() is w.heatmap and w.heatmap.rows   # the heat map is seen: drawn
    assert w.timeline.values.empty                                     # behind its tab: not drawn yet
    w.charts.setCurrentWidget(w.timeline)
    assert len(w.timeline.values) == 2 and not w.timeline.is_empty
    w.charts.setCurrentWidget(w.heatmap)
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=10000):
        w.filter_bar.search.setText("Pakistan")
    assert len(w.timeline.values) == 2                                 # hidden: still the former view
    assert w.heatmap.rows == ["PAK"]
    w.charts.setCurrentWidget(w.timeline)
    assert len(w.timeline.values) == 1                                 # shown: the current view
    w.charts.setCurrentWidget(w.heatmap)
    w.docks["profile"].raise_()                                        # the Charts dock goes behind another tab
    qtbot.waitUntil(lambda: w.heatmap.visibleRegion().isEmpty())
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=10000):
        w.filter_bar.search.setText("")
    assert w.heatmap.rows == ["PAK"]
    w.docks["charts"].raise_()
    qtbot.waitUntil(lambda: set(w.heatmap.rows) == set(w.state.matrix.actors))


def test_comparison_follows_filters(seeded, qtbot):
    w = seeded
    w.compare(["RUS", "PAK"])
    with qtbot.waitSignal(w.state.sig_comparison_changed, timeout=10000):
        w.filter_bar.topic.setCurrentIndex(w.filter_bar.topic.findData("security"))
    assert w.state.comparison.topics == ["security"]


def test_the_comparison_is_built_with_the_view_in_its_worker(seeded, qtbot):
    """A filter change recomputes the compared countries in the view's worker: the UI thread takes them as built."""
    w = seeded
    w.compare(["RUS", "PAK"])
    with qtbot.waitSignal(w.state.sig_comparison_changed, timeout=10000):
        w.filter_bar.topic.setCurrentIndex(w.filter_bar.topic.findData("security"))
    built = w.state.view.comparison
    assert built is not None and w.state.comparison is built
    expected = compare_countries(w.state.statements, ["RUS", "PAK"], columns=w.state.analysis.resources.topic_keys)
    assert built.topics == expected.topics == ["security"]
    assert built.table.equals(expected.table)


def test_heatmap_holds_the_net_grid_with_labelled_axes(seeded):
    w = seeded
    h = w.heatmap
    m = w.state.matrix
    assert h.rows == w.matrix_model.actors and h.cols == m.columns
    np.testing.assert_allclose(h.values, m.net.loc[h.rows].to_numpy(), equal_nan=True)
    assert h.image.image.shape == (len(m.actors), len(m.columns))
    assert tuple(h.image.getLevels()) == (-1.0, 1.0)
    assert [n for n, _ in h.legend][::4] == ["−1 conflictual", "+1 cooperative"]   # the colour key, in the heading
    left_ticks = h.plot.getAxis("left")._tickLevels[0]
    assert [t[1] for t in left_ticks][:1] == [w.state.names[h.rows[0]]]   # short names are not cut


def test_stance_bars_follow_the_selected_cell(seeded, qtbot):
    w = seeded
    w.matrix_view.setCurrentIndex(w.matrix_model.index_of("RUS", "security"))
    b = w.stance_bars
    assert b.column == ""  # hidden behind the heat map tab: not drawn yet
    w.charts.setCurrentWidget(b)
    assert b.column == "security"
    m = w.state.matrix
    for actor, row in b.values.iterrows():
        assert row.sum() == m.counts.at[actor, "security"]
    assert set(b.values.index) == {a for a in m.actors if m.counts.at[a, "security"]}
    w.matrix_view.setCurrentIndex(w.matrix_model.index_of("RUS", "diplomacy"))
    assert b.column == "diplomacy"
    assert b.values.loc["RUS"].sum() == m.counts.at["RUS", "diplomacy"]


def test_timeline_says_when_documents_have_no_dates(seeded):
    t = seeded.timeline
    seeded.charts.setCurrentWidget(t)   # a hidden chart is drawn when it is shown
    assert t.values.empty
    assert t.is_empty and t.message.text().startswith("No dated documents")


def test_charts_export_png_and_svg(seeded, tmp_path):
    for chart in (seeded.heatmap, seeded.stance_bars, seeded.comparison.chart):
        png = chart.export(tmp_path / "c.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        svg = chart.export(tmp_path / "c.svg")
        assert "<svg" in svg.read_text(encoding="utf-8")[:2000]
    with pytest.raises(ValueError, match="png or .svg"):
        seeded.heatmap.export(tmp_path / "c.gif")


def test_the_comparison_opens_filled_with_the_two_most_active_countries(seeded, qtbot):
    w = seeded
    counts = w.state.matrix.counts.sum(axis=1).sort_values(ascending=False, kind="stable")
    expected = list(counts.index[:2])
    assert w.comparison.chosen() == expected
    # computed only once the panel is seen (loading a big set shows its matrix sooner)
    assert w.state.comparison is None
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        w.docks["comparison"].raise_()
    assert list(w.state.comparison.actors) == expected
    assert w.comparison.model.rowCount() > 0


def _click_view(qtbot, view, index):
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def _click_chart(qtbot, chart, x, y):
    """A real mouse click on the chart at view coordinates (x, y)."""
    scene_point = chart.plot.vb.mapViewToScene(QPointF(x, y))
    pos = chart.plot_widget.mapFromScene(scene_point)
    qtbot.mouseClick(chart.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_a_heatmap_click_selects_the_matrix_cell_and_shows_its_evidence(seeded, qtbot):
    w = seeded
    h = w.heatmap
    w.docks["charts"].raise_()
    w.charts.setCurrentWidget(h)
    qtbot.waitUntil(lambda: h.plot.vb.width() > 0 and h.plot_widget.isVisible())
    r, c = h.rows.index("PAK"), h.cols.index("security")
    with qtbot.waitSignal(w.state.sig_cell_selected) as blocker:
        _click_chart(qtbot, h, c + 0.5, r + 0.5)
    assert blocker.args == ["PAK", "security"]
    assert w.matrix_model.key(w.matrix_view.currentIndex()) == ("PAK", "security")
    assert w.evidence.model.total == w.state.matrix.counts.at["PAK", "security"] > 0
    assert w.state.names["PAK"] in w.evidence.heading.text()


def test_a_stance_bar_click_selects_that_country_on_the_column(seeded, qtbot):
    w = seeded
    w.matrix_view.setCurrentIndex(w.matrix_model.index_of("RUS", "security"))
    w.docks["charts"].raise_()
    w.charts.setCurrentWidget(w.stance_bars)
    b = w.stance_bars
    assert b.column == "security" and "PAK" in b.rows
    qtbot.waitUntil(lambda: b.plot.vb.height() > 0)
    with qtbot.waitSignal(w.state.sig_cell_selected) as blocker:
        _click_chart(qtbot, b, 0.5, b.rows.index("PAK"))
    assert blocker.args == ["PAK", "security"]
    assert w.matrix_model.key(w.matrix_view.currentIndex()) == ("PAK", "security")


def test_a_comparison_cell_click_shows_that_country_and_topics_evidence(seeded, qtbot):
    w = seeded
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        w.compare(["RUS", "PAK"])
    m, table = w.comparison.model, w.comparison.table
    sec = w.state.comparison.topics.index("security")
    qtbot.waitUntil(lambda: table.visualRect(m.index(sec, 1)).height() > 0)
    table.scrollTo(m.index(sec, 1))
    with qtbot.waitSignal(w.state.sig_cell_selected) as blocker:
        _click_view(qtbot, table, m.index(sec, 1))
    assert blocker.args == ["PAK", "security"]
    assert w.matrix_model.key(w.matrix_view.currentIndex()) == ("PAK", "security")
    assert w.evidence.model.total == w.state.comparison.table.at["security", "PAK_count"] > 0
    # the Agreement column: both countries' sentences on the topic
    _click_view(qtbot, table, m.index(sec, 2))
    expected = sum(int(w.state.comparison.table.at["security", f"{a}_count"]) for a in ("RUS", "PAK"))
    assert w.evidence.model.total == expected
    assert w.state.names["RUS"] in w.evidence.heading.text() and w.state.names["PAK"] in w.evidence.heading.text()
    # back to a country cell: its own evidence again, though the matrix cell did not change
    _click_view(qtbot, table, m.index(sec, 1))
    assert w.evidence.model.total == w.state.comparison.table.at["security", "PAK_count"]


def test_a_comparison_chart_bar_click_shows_evidence(seeded, qtbot):
    w = seeded
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        w.compare(["RUS", "PAK"])
    chart = w.comparison.chart
    sec = list(chart.values.index).index("security")
    slot = 0.8 / 2
    with qtbot.waitSignal(chart.sig_cell_clicked) as blocker:
        chart.click(0.1, sec - 0.4 + slot * 1.5)   # the second country's bar of that topic
    assert blocker.args == ["PAK", "security"]
    assert w.matrix_model.key(w.matrix_view.currentIndex()) == ("PAK", "security")


def test_typing_in_a_comparison_box_picks_a_country(seeded, qtbot):
    w = seeded
    w.compare(["RUS", "CHN"])
    picker = w.comparison.pickers[2]
    picker.setFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "pak")
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert picker.currentData() == "PAK"
    assert w.state.comparison.actors == ("RUS", "CHN", "PAK")
    # the completer offers matches anywhere in the name, in any case
    completer = picker.completer()
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    completer.setCompletionPrefix("kista")
    assert completer.currentCompletion() == f"{w.state.names['PAK']} (PAK)"
    # text that matches nothing leaves the country as it was
    picker.lineEdit().setText("zzzz")
    picker.settle()
    assert picker.currentData() == "PAK" and picker.lineEdit().text() == f"{w.state.names['PAK']} (PAK)"


def test_a_timeline_point_click_shows_the_sentences_of_that_period(window, qtbot, tmp_path):
    from tests.gui.test_filters_and_scripts import dated_set

    w = window
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        w.load([str(dated_set(tmp_path))])
    t = w.timeline
    w.docks["charts"].raise_()
    w.charts.setCurrentWidget(t)   # a hidden chart is drawn when it is shown
    assert not t.is_empty and len(t.values) == 2
    qtbot.waitUntil(lambda: t.plot.vb.width() > 0)
    cls = next(c for c in ("cooperative", "neutral", "conflictual") if t.values.iloc[1][c] > 0)
    x = float(t.values.index[1].to_datetime64().astype("datetime64[s]").astype(np.int64))
    with qtbot.waitSignal(t.sig_point_clicked) as blocker:
        _click_chart(qtbot, t, x, float(t.values.iloc[1][cls]))
    assert blocker.args[1] == cls
    assert w.evidence.model.total == t.values.iloc[1][cls]
    assert set(w.evidence.model.index(i, 0).data(ROW_ROLE)["document"] for i in range(w.evidence.model.rowCount())) == {"b"}


def test_stance_bars_are_drawn_again_when_a_review_decision_changes_the_matrix(seeded, qtbot):
    w = seeded
    w.projects.ask_save = lambda: "discard"   # closing the window at the end: the decision is not kept
    w.charts.setCurrentWidget(w.stance_bars)
    w.select_cell("RUS", "security")
    before = int(w.stance_bars.values.loc["RUS"].sum())
    row = w.evidence.model.index(0, 0).data(ROW_ROLE)
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=30000):
        w.state.session.actions.reject(row)
    qtbot.waitUntil(lambda: w.stance_bars.matrix is w.state.matrix)
    assert int(w.stance_bars.values.loc["RUS"].sum()) == before - 1 == w.state.matrix.counts.at["RUS", "security"]


def test_comparison_rows_fit_their_text_at_the_columns_widths(seeded, qtbot):
    w = seeded
    four = w.matrix_model.actors[:4]
    w.compare(four)
    table = w.comparison.table
    for width in (1400, 1024):
        w.resize(width, 800)
        qtbot.waitUntil(lambda: all(table.rowHeight(r) == table.sizeHintForRow(r) for r in range(w.comparison.model.rowCount())))
    assert w.comparison.model.rowCount() > 0
    label = max((x for a in four for labels in w.state.comparison.table[f"{a}_stances"] for x in labels), key=len)
    shown = [w.comparison.model.index(r, c).data() for r in range(w.comparison.model.rowCount()) for c in range(4)]
    if len(label) > 48:   # a long stance label is cut in the cell (the tooltip has it whole)
        assert not any(label in text for text in shown)
