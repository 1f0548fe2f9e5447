"""list_gap and round3 give what the regex and round() they stand in for give."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from model.engine.spans import LIST_GAP, list_gap, round3

_PIECES = [" ", "  ", "\n", ",", ", and", ", or", "and", "AND", "or", "&", "as well as", "As Well as", "the", "The",
           "then", "x", "é", "\u2009", "of", "t", "a", "o"]


def test_examples():
    text = "Russia, China and the United States"
    assert list_gap(text, text.index(","), text.index("China"))
    assert list_gap(text, text.index(" and"), text.index("United"))
    assert not list_gap("Russia said China", 6, 12)
    assert list_gap("RussiaChina", 6, 6)
    assert list_gap("RussiaChina", 7, 5)  # overlapping names: the empty gap


@settings(max_examples=4000)
@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), st.integers(0, 3), st.integers(0, 3))
def test_list_gap_same_as_the_regex(gap, pad_left, pad_right):
    text = "X" * pad_left + gap + "Y" * pad_right
    a, b = pad_left, pad_left + len(gap)
    assert list_gap(text, a, b) == (LIST_GAP.fullmatch(text[a:b]) is not None)


@settings(max_examples=2000)
@given(st.floats(allow_nan=True, allow_infinity=False, width=64) | st.sampled_from([0.0, -0.0, 0.8 * 0.7, 0.6 * 0.6]))
def test_round3_same_as_round(x):
    for _ in range(2):  # the second call is answered from memory
        r = round3(x)
        if math.isnan(x):
            assert math.isnan(r)
        else:
            assert r == round(x, 3) and math.copysign(1, r) == math.copysign(1, round(x, 3))
