"""Charts at 190 countries: top N by activity, All in a scrolling view, one readable row per country."""

import numpy as np
import pandas as pd
import pytest

from gui.chart_panel import ROW_PX
from gui.charts import HeatmapChart, StanceBarsChart, TimelineChart
from model.analysis.compare import column_breakdown
from model.analysis.matrix import build_matrix, sort_actors
from model.countries import country_names

TOPICS = ["security", "diplomacy", "economy", "rights"]


@pytest.fixture
def big_matrix():
    """190 countries; country i makes i % 37 + 1 statements on each topic, alternately cooperative and conflictual."""
    codes = sorted(country_names())[:190]
    rows = []
    for i, code in enumerate(codes):
        for topic in TOPICS:
            for k in range(i % 37 + 1):
                rows.append({"actor": code, "topic": topic, "polarity": 0.8 if (i + k) % 2 else -0.8,
                             "confidence": 0.9, "stance": f"says {k}", "issue": "",
                             "document": f"d{i}", "start": k})
    return build_matrix(pd.DataFrame(rows), by="topic", columns=TOPICS)


def _shown(qtbot, chart):
    chart.resize(900, 400)
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)


def test_heatmap_draws_the_25_most_active_of_190_then_all(qtbot, big_matrix):
    m = big_matrix
    h = HeatmapChart()
    _shown(qtbot, h)
    names = country_names()
    order = sorted(m.actors, key=lambda a: names.get(a, a).casefold())
    activity = m.counts.sum(axis=1)
    h.set_data(m.net, order, activity, "name", names, {t: t.title() for t in TOPICS})
    assert len(h.rows) == 25
    assert set(h.rows) == set(activity.sort_values(ascending=False, kind="stable").index[:25])
    assert h.rows == [a for a in order if a in set(h.rows)]   # kept in the matrix's (name) order
    np.testing.assert_allclose(h.values, m.net.loc[h.rows].to_numpy(), equal_nan=True)
    assert len(h.plot.getAxis("left")._tickLevels[0]) == 25
    assert "the 25 most active of 190 countries" in h.caption
    h.top.setCurrentIndex(h.top.findData(None))
    assert len(h.rows) == 190
    assert h.plot_widget.minimumHeight() >= 190 * ROW_PX
    # every row has room for its label: the plot grows and the area scrolls
    qtbot.waitUntil(lambda: h.plot.vb.height() / len(h.rows) >= h.metrics.height())
    assert h.scroll_area.verticalScrollBar().maximum() > 0


def test_heatmap_top_rows_follow_a_stance_sort(qtbot, big_matrix):
    m = big_matrix
    h = HeatmapChart()
    order = sort_actors(m, "stance")
    h.set_data(m.net, order, m.counts.sum(axis=1), "stance", {}, {})
    assert h.rows == order[:25]


def test_stance_bars_list_the_most_active_countries_on_the_column_first(qtbot, big_matrix):
    m = big_matrix
    b = StanceBarsChart()
    _shown(qtbot, b)
    order = sort_actors(m, "activity")
    breakdown = column_breakdown(m, "security", order)
    b.set_data(breakdown, order, "activity", "security", "Security", country_names())
    expected = list(breakdown.sum(axis=1).sort_values(ascending=False, kind="stable").index[:25])
    assert b.rows == expected
    assert list(b.values.index) == expected
    assert (b.values.sum(axis=1).to_numpy() == m.counts.loc[expected, "security"].to_numpy()).all()
    names = [t[1] for t in b.plot.getAxis("left")._tickLevels[0]]
    assert len(names) == 25
    assert all(b.metrics.horizontalAdvance(n) <= b.plot.getAxis("left").width() for n in names)
    b.top.setCurrentIndex(b.top.findData(10))
    assert b.rows == expected[:10]


def test_long_country_names_are_elided_and_told_in_full_on_hover(qtbot):
    b = StanceBarsChart()
    _shown(qtbot, b)
    long_name = "The United Kingdom of Great Britain and Northern Ireland"
    breakdown = pd.DataFrame({"cooperative": [3], "neutral": [1], "conflictual": [2]}, index=pd.Index(["GBR"], name="actor"))
    b.set_data(breakdown, ["GBR"], "name", "security", "Security", {"GBR": long_name})
    label = b.plot.getAxis("left")._tickLevels[0][0][1]
    assert label.endswith("…") and long_name.startswith(label[:-1])
    assert long_name in b._describe(1.0, 0.0)
    assert "3 cooperative · 1 neutral · 2 conflictual" in b._describe(1.0, 0.0)


def test_empty_charts_say_why_instead_of_drawing_axes(qtbot):
    t = TimelineChart()
    t.set_data(pd.DataFrame(columns=["cooperative", "neutral", "conflictual"]))
    assert t.is_empty and t.empty_text.startswith("No dated documents")
    one = pd.DataFrame({"cooperative": [4], "neutral": [1], "conflictual": [2]},
                       index=pd.DatetimeIndex([pd.Timestamp("2022-09-19")], name="period"))
    t.set_data(one)
    assert t.is_empty and "one period" in t.empty_text and "19 Sep 2022" in t.empty_text
    two = pd.DataFrame({"cooperative": [4, 1], "neutral": [1, 0], "conflictual": [2, 5]},
                       index=pd.DatetimeIndex([pd.Timestamp("2022-09-19"), pd.Timestamp("2022-09-26")], name="period"))
    t.set_data(two)
    assert not t.is_empty and t.empty_text == ""
    h = HeatmapChart()
    h.set_data(pd.DataFrame(columns=TOPICS), [], pd.Series(dtype=float), "name", {}, {})
    assert h.is_empty and "No statements" in h.empty_text
    b = StanceBarsChart()
    assert b.is_empty and "Click a cell" in b.empty_text
    b.set_data(pd.DataFrame(columns=["cooperative", "neutral", "conflictual"]), [], "name", "cyber", "Cyber", {})
    assert b.is_empty and "Cyber" in b.empty_text
