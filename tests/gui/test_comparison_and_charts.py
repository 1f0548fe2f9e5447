"""Side-by-side comparison (RUS vs PAK) and the charts, checked through their item data."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.compare_view import RELATION_TEXT
from model.compare import compare_countries


def test_comparison_of_russia_and_pakistan(seeded, qtbot):
    w = seeded
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        w.compare(["RUS", "PAK"])
    assert w.docks["comparison"].isVisible()
    m = w.comparison.model
    c = w.state.comparison
    assert c.actors == ("RUS", "PAK")
    assert m.columnCount() == 3
    assert m.headerData(0, Qt.Orientation.Horizontal) == f"{w.names['RUS']} (RUS)"
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
    heights = np.asarray(chart.bars[1].opts["height"])
    assert heights == pytest.approx(np.nan_to_num(expected.table["PAK_net"].to_numpy(dtype=float)))
    # selecting a topic row marks it on the chart
    w.comparison.table.setCurrentIndex(m.index(sec, 0))
    lo, hi = chart.band.getRegion()
    assert lo < sec < hi


def test_pickers_request_a_comparison(seeded, qtbot):
    w = seeded
    w.comparison.set_countries(w.state.matrix.actors, w.names, ["RUS", "PAK"])
    picker = w.comparison.pickers[2]
    with qtbot.waitSignal(w.state.sig_comparison_changed):
        picker.setCurrentIndex(picker.findData("CHN"))
    assert w.state.comparison.actors == ("RUS", "PAK", "CHN")
    assert w.comparison.model.columnCount() == 4


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
    assert h.colorbar.levels() == (-1.0, 1.0)
    left_ticks = h.plot.getAxis("left")._tickLevels[0]
    assert [t[1] for t in left_ticks][:1] == [w.names[h.rows[0]][:12]]


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
    assert t.values.empty
    assert "no dates" in t.note.toPlainText()


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
