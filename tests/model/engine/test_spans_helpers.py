"""The engine's shortcuts give what the code they stand in for gives (a regex, round(), a sort, max())."""

import math

from hypothesis import given
from hypothesis import strategies as st

from model.engine.labels import top_topic
from model.engine.lexicon import Hit, by_start
from model.engine.spans import LIST_GAP, list_gap, round3
from model.engine.textfold import Span, longest_first

_PIECES = [" ", "  ", "\n", ",", ", and", ", or", "and", "AND", "or", "&", "as well as", "As Well as", "the", "The",
           "then", "x", "é", "\u2009", "of", "t", "a", "o"]


def test_examples():
    text = "Russia, China and the United States"
    assert list_gap(text, text.index(","), text.index("China"))
    assert list_gap(text, text.index(" and"), text.index("United"))
    assert not list_gap("Russia said China", 6, 12)
    assert list_gap("RussiaChina", 6, 6)
    assert list_gap("RussiaChina", 7, 5)  # overlapping names: the empty gap


@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), st.integers(0, 3), st.integers(0, 3))
def test_list_gap_same_as_the_regex(gap, pad_left, pad_right):
    text = "X" * pad_left + gap + "Y" * pad_right
    a, b = pad_left, pad_left + len(gap)
    assert list_gap(text, a, b) == (LIST_GAP.fullmatch(text[a:b]) is not None)


@given(st.floats(allow_nan=True, allow_infinity=False, width=64) | st.sampled_from([0.0, -0.0, 0.8 * 0.7, 0.6 * 0.6]))
def test_round3_same_as_round(x):
    for _ in range(2):  # the second call is answered from memory
        r = round3(x)
        if math.isnan(x):
            assert math.isnan(r)
        else:
            assert r == round(x, 3) and math.copysign(1, r) == math.copysign(1, round(x, 3))


_SPANS = st.lists(st.tuples(st.integers(0, 12), st.integers(1, 5)).map(lambda t: (t[0], t[0] + t[1])), max_size=10)


@given(_SPANS)
def test_by_start_is_the_sort_it_skips(spans):
    hits = [Hit(a, b, "topic", i) for i, (a, b) in enumerate(spans)]
    want = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    assert [h.value for h in by_start(hits)] == [h.value for h in want]


def _reference_longest_first(cands):
    """longest_first as first written: a key sort, and every cluster resolved the general way."""
    import bisect

    def resolve(cluster):
        taken, starts = [], []
        for cand in sorted(cluster, key=lambda c: (c[0] - c[1], c[0])):
            i = bisect.bisect_left(starts, cand[0])
            if (i < len(taken) and taken[i][0] < cand[1]) or (i > 0 and taken[i - 1][1] > cand[0]):
                continue
            taken.insert(i, cand)
            starts.insert(i, cand[0])
        return taken

    out, cluster, cluster_end = [], [], -1
    for cand in sorted(cands, key=lambda c: (c[0], c[0] - c[1])):
        if cand[0] < cluster_end:
            cluster.append(cand)
            cluster_end = max(cluster_end, cand[1])
            continue
        out.extend(resolve(cluster))
        cluster, cluster_end = [cand], cand[1]
    return out + resolve(cluster)


@given(_SPANS)
def test_longest_first_is_the_key_sort_and_general_resolution(spans):
    cands = [(a, b, i) for i, (a, b) in enumerate(spans)]
    by_end = sorted(cands, key=lambda c: c[1])  # as an automaton gives them
    for order in (cands, by_end):
        got = [(s.start, s.end, s.item) for s in longest_first([Span(*c) for c in order])]
        assert got == _reference_longest_first(order)


@given(st.dictionaries(st.sampled_from(["security", "diplomacy", "economy", "legal"]),
                       st.sampled_from([0.75, 1.3, 2.0, 1.25, 1.2, 0.45, 2.05]), min_size=1),
       st.sampled_from(["security", "diplomacy", "economy", "legal"]))
def test_top_topic_is_max_by_score_then_fallback(score, fallback):
    assert top_topic(score, fallback) == max(score.items(), key=lambda kv: (kv[1], kv[0] == fallback))[0]


def test_the_common_gaps_are_list_gaps():
    from model.engine.spans import _COMMON_LIST_GAPS

    assert all(LIST_GAP.fullmatch(g) for g in _COMMON_LIST_GAPS)


@given(_SPANS)
def test_by_start_keeps_the_list_when_in_order(spans):
    hits = [Hit(a, b, "topic", i) for i, (a, b) in enumerate(sorted(spans, key=lambda t: (t[0], t[0] - t[1])))]
    assert by_start(hits) is hits
