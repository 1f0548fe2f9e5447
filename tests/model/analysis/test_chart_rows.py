"""model.analysis.chart_rows: which countries a chart draws, and in what order."""

import pandas as pd

from model.analysis.chart_rows import DEFAULT_TOP, bar_order, chart_rows

ORDER = ["AAA", "BBB", "CCC", "DDD", "EEE"]          # the matrix's order (say, by name)
ACTIVITY = pd.Series({"AAA": 1, "BBB": 9, "CCC": 5, "DDD": 9, "EEE": 0})


def test_all_rows_when_they_fit_or_no_limit():
    assert chart_rows(ORDER, ACTIVITY, "name", 10) == ORDER
    assert chart_rows(ORDER, ACTIVITY, "name", None) == ORDER


def test_the_most_active_rows_in_the_matrix_order():
    assert chart_rows(ORDER, ACTIVITY, "name", 3) == ["BBB", "CCC", "DDD"]
    assert chart_rows(ORDER, ACTIVITY, "activity", 2) == ["BBB", "DDD"]   # ties: first in the order


def test_a_stance_sort_keeps_its_first_rows():
    assert chart_rows(ORDER, ACTIVITY, "stance", 2) == ["AAA", "BBB"]


def test_rows_missing_from_the_activity_count_as_silent():
    assert chart_rows([*ORDER, "FFF"], ACTIVITY, "name", 5) == ORDER


def test_bar_order_ranks_by_the_columns_own_counts_when_sorted_by_activity():
    breakdown = pd.DataFrame({"cooperative": [1, 0, 4], "neutral": [0, 2, 0], "conflictual": [0, 1, 1]},
                             index=["AAA", "CCC", "DDD"])
    assert bar_order(breakdown, ORDER, "activity") == ["DDD", "CCC", "AAA"]
    assert bar_order(breakdown, ORDER, "name") == ["AAA", "CCC", "DDD"]


def test_default_top_is_25():
    assert DEFAULT_TOP == 25
