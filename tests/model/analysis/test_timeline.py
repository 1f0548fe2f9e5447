"""model.analysis.timeline: statements per period and stance class."""

import pandas as pd

from model.analysis.timeline import statements_over_time
from model.statements import statements_frame
from tests.model.analysis.test_filters import row


def test_daily_counts_by_class_and_undated_left_out():
    st = statements_frame([
        row(document="a", polarity=0.6), row(document="a", polarity=-0.6), row(document="b", polarity=0.0),
        row(document="c", polarity=0.9),
    ])
    out = statements_over_time(st, {"a": "2021-09-01", "b": "2021-09-03", "c": None})
    assert list(out.columns) == ["cooperative", "neutral", "conflictual"]
    assert out.loc[pd.Timestamp("2021-09-01")].tolist() == [1, 0, 1]
    assert out.loc[pd.Timestamp("2021-09-03")].tolist() == [0, 1, 0]
    assert out.to_numpy().sum() == 3


def test_long_span_groups_by_month():
    st = statements_frame([row(document="a"), row(document="b"), row(document="c")])
    out = statements_over_time(st, {"a": "2019-01-05", "b": "2019-01-20", "c": "2022-06-01"})
    assert out.index[0] == pd.Timestamp("2019-01-01")
    assert out.iloc[0].sum() == 2


def test_no_dates_gives_empty_frame():
    st = statements_frame([row()])
    assert statements_over_time(st, {}).empty


def test_the_statements_behind_one_point():
    from model.analysis.timeline import statements_in_period

    st = statements_frame([
        row(document="a", polarity=0.6), row(document="a", polarity=-0.6), row(document="b", polarity=0.7),
        row(document="c", polarity=0.9),
    ])
    dates = {"a": "2019-01-05", "b": "2019-01-20", "c": "2022-06-01"}
    counts = statements_over_time(st, dates)
    assert counts.attrs["freq"] == "M"
    jan = statements_in_period(st, dates, counts.index[0], counts.attrs["freq"], "cooperative")
    assert list(jan["document"]) == ["a", "b"]
    assert len(jan) == counts.iloc[0]["cooperative"]
    assert list(statements_in_period(st, dates, counts.index[0], "M", "conflictual")["document"]) == ["a"]
