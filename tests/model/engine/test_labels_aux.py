"""The auxiliary/negation run before a cue, found with string tests, equals the old end-anchored regex."""

import re

from hypothesis import given
from hypothesis import strategies as st

from model.engine.labels import aux_neg_suffix

_REFERENCE = re.compile(
    r"(?:\b(?:will|would|could|may|might|must|should|has|have|had|did|does|do|is|are|was|were)\s+)?"
    r"(?:not\s+|never\s+|n't\s+)?$"
)
_PIECES = ["will", "not", "never", "n't", "won't", "cannot", "do", "does", "is", "this", "has", "x", "(will",
           "-not", "_is", "Will", "NOT", "don't", "isn't", "ship", "é"]


def _reference(pre: str) -> int:
    m = _REFERENCE.search(pre)
    return len(m.group(0)) if m and m.group(0).strip() else 0


def test_examples():
    assert aux_neg_suffix("Russia will not ") == len("will not ")
    assert aux_neg_suffix("Moscow won't ") == len("n't ")
    assert aux_neg_suffix("it has ") == len("has ")
    assert aux_neg_suffix("this ") == 0  # "is" inside a word is no auxiliary
    assert aux_neg_suffix("has not") == 0  # no space before the cue: nothing to pull in


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "\n", ",", "\t"])), max_size=6),
       st.integers(min_value=0, max_value=25))
def test_same_as_the_regex(parts, cut):
    pre = "".join(a + b for a, b in parts)
    pre = pre[max(0, len(pre) - cut):] if cut else pre
    assert aux_neg_suffix(pre) == _reference(pre)
