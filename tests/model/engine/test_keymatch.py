"""The dictionary matcher against a plain search: every occurrence of every key, in walk order."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from model.engine.keymatch import KeyMatcher

_WORD = st.text(alphabet="abc", min_size=1, max_size=3)
_KEY = st.lists(_WORD, min_size=1, max_size=3).map(lambda ws: " " + " ".join(ws) + " ")


def _plain(keys: list[str], padded: str) -> list[tuple[int, int, int]]:
    """Every occurrence, by end offset and, for one end, longest key first."""
    found = [(i, s, s + len(k)) for i, k in enumerate(keys) for s in range(len(padded)) if padded.startswith(k, s)]
    return sorted(found, key=lambda m: (m[2], m[1]))


@given(st.lists(_KEY, max_size=12), st.lists(_WORD, max_size=20))
def test_find_is_every_occurrence_in_walk_order(keys: list[str], words: list[str]) -> None:
    m = KeyMatcher((k, n) for n, k in enumerate(keys))
    padded = " " + " ".join(words) + " "
    assert m.find(padded) == _plain(m.keys, padded)


@given(st.lists(_KEY, max_size=12), st.lists(_WORD, min_size=1, max_size=3))
def test_starts_with_is_a_whole_word_prefix(keys: list[str], words: list[str]) -> None:
    m = KeyMatcher((k, None) for k in keys)
    probe = " " + " ".join(words) + " "
    assert m.starts_with(probe) == any(k.startswith(probe) for k in keys)


def test_a_repeated_key_keeps_its_last_value() -> None:
    m = KeyMatcher([(" us ", 1), (" uk ", 2), (" us ", 3)])
    assert m.keys == [" us ", " uk "] and m.values == [3, 2]
    assert [(m.values[i], s, e) for i, s, e in m.find(" the us and uk ")] == [(3, 4, 8), (2, 11, 15)]


def test_empty_matcher_and_pickle() -> None:
    assert KeyMatcher([]).find(" anything ") == [] and not KeyMatcher([]).starts_with(" a ")
    m = pickle.loads(pickle.dumps(KeyMatcher([(" south sudan ", "SSD"), (" sudan ", "SDN")])))
    assert [(m.values[i], s, e) for i, s, e in m.find(" in south sudan ")] == [("SSD", 3, 16), ("SDN", 9, 16)]
    assert m.starts_with(" south ") and not m.starts_with(" sudan south ")
