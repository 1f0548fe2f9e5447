"""model.frames gives what the pandas calls it replaces give."""

import numpy as np
import pandas as pd

from model.frames import group_positions, map_distinct


def _strings(values):
    return pd.Series(values, dtype="string[pyarrow]")


def test_map_distinct_equals_series_map_with_missing_keys_and_values():
    values = _strings(["b", "a", None, "c", "a", "b"])
    mapping = {"a": "2021-01-01", "b": None, "z": "never"}
    got = map_distinct(values, mapping)
    want = values.astype(object).map(mapping)
    assert got.dtype == object and list(got.index) == list(values.index)
    assert [None if pd.isna(v) else v for v in got] == [None if pd.isna(v) else v for v in want]


def test_map_distinct_keeps_the_index():
    values = pd.Series(["x", "y", "x"], index=[10, 3, 7])
    assert map_distinct(values, {"x": 1, "y": 2}).to_dict() == {10: 1, 3: 2, 7: 1}


def test_group_positions_equals_groupby_indices_for_one_and_two_columns():
    rng = np.random.default_rng(1)
    a = _strings(rng.choice(["RUS", "USA", "CHN", None], 500).tolist())
    b = rng.choice(["economy", "security", "climate"], 500)
    for cols in ((a,), (a.to_numpy(dtype=object), b)):
        got = group_positions(*cols)
        want = pd.Series(np.arange(500)).groupby(list(cols) if len(cols) > 1 else cols[0], sort=False).indices
        assert set(got) == set(want)
        for key, rows in want.items():
            np.testing.assert_array_equal(got[key], rows)


def test_group_positions_of_nothing():
    assert group_positions(_strings([])) == {}
    assert group_positions(_strings([None, None])) == {}


def test_positions_through_maps_rows():
    groups = group_positions(_strings(["a", "b", "a"]))
    moved = groups.through(np.array([10, 20, 30]))
    np.testing.assert_array_equal(moved["a"], [10, 30])
    np.testing.assert_array_equal(moved["b"], [20])
    assert moved.get("zz") is None and len(moved) == 2
