"""Stance labels and issue-phrase tests, rewritten with fewer regex calls, give what the regex versions gave."""

import re

from hypothesis import given
from hypothesis import strategies as st

from model.engine.discourse import Holder
from model.engine.labels import (
    _DANGLING,
    _stop_at,
    aux_neg_suffix,
    object_label,
    punct_after,
    punct_before,
    stance_label,
    word_spans,
)
from model.engine.lexicon import Hit
from model.engine.spans import Found
from model.engine.textfold import word_fold

#: the regexes the engine used before (stance_label, issue_phrase), kept here as the references
_STOP_LABEL = re.compile(r"[,;:”\"(]|\b(?:which|who|that|after|before|while|because|although|as part of|according to)\b")
_WORD = re.compile(r"[\w’'-]+")
_PIECES = ["take", "part", "in", "the", "ceremony", "of", "and", "which", "that", "Russia", "’s", "oath-taking",
           "won't", ",", ";", "(", ")", ".", "”", "\"", "as part of", "according to", "é", "x_y", "ties", "to"]
_SEPS = [" ", "", "  ", "\n", ", "]


def _reference_label(text: str, f: Found, max_words: int = 9) -> str:
    """The finditer version the engine used before."""
    cue = f.cue
    assert cue is not None
    start = cue.start - aux_neg_suffix(text[max(f.clause_start, cue.start - 20):cue.start])
    spans: list[tuple[int, int]] = []
    for w in _WORD.finditer(text, cue.end, min(f.clause_end, len(text))):
        spans.append(w.span())
        if len(spans) == max_words:
            break
    if spans:
        stop = _STOP_LABEL.search(text, cue.end, spans[-1][1])
        spans = [sp for sp in spans if stop is None or sp[1] <= stop.start()]
    while spans and text[spans[-1][0]:spans[-1][1]].lower() in _DANGLING:
        spans.pop()
    label_end = spans[-1][1] if spans else cue.end
    return " ".join(text[start:label_end].split())


def _found(cue: Hit, clause_start: int, clause_end: int) -> Found:
    return Found(Holder("RUS", "Russia", 0, "country"), cue, "SAY", 0.0, False, False, None, None, None, 0.8,
                 clause_start, clause_end)


_PUNCT_AFTER_RE = re.compile(r"\s*[,;:.)]")
_PUNCT_BEFORE_RE = re.compile(r"[,;:(]\s*$")


def test_example():
    text = "Russia will not take part in the inauguration ceremony of the new interim government in Kabul."
    cue = Hit(text.index("take part"), text.index("take part") + 9, "cue", None)
    assert stance_label(text, _found(cue, 0, len(text)))[0] == \
        "will not take part in the inauguration ceremony of the new interim government"


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), min_size=1, max_size=20),
       st.integers(0, 40), st.integers(0, 60), st.integers(1, 12))
def test_label_same_as_finditer_version(parts, at, clause_cut, max_words):
    text = "Moscow will not agree " + "".join(a + b for a, b in parts)
    cue = Hit(15, 20, "cue", None)  # "agree"
    end = min(len(text), 20 + clause_cut + at)
    f = _found(cue, 0, end)
    assert object_label(text, f, max_words)[0] == _reference_label(text, f, max_words)


@given(st.text(alphabet=" \n\t\u00a0,;:.()ab’'-", max_size=12))
def test_issue_punctuation_tests_match_the_regexes(side):
    padded = "x" + side + "x"
    assert punct_before(padded, 1, 1 + len(side)) == bool(_PUNCT_BEFORE_RE.search(side))
    assert punct_after(padded, 1, 1 + len(side)) == bool(_PUNCT_AFTER_RE.match(side))


_TEXT = st.text(alphabet="ab Z’'-_,;:.()“”\"é9\u0663\u00a0\n—whcto", max_size=40)


@given(_TEXT, st.integers(0, 40), st.integers(0, 40), st.integers(-1, 5))
def test_word_spans_equal_the_word_regex(text, lo, hi, limit):
    lo, hi = min(lo, len(text)), min(hi, len(text))
    want = [m.span() for m in _WORD.finditer(text, lo, hi)]
    if limit >= 0:
        want = want[:limit]
    assert word_spans(word_fold(text.lower()), lo, hi, limit) == want


_STOP_TEXT = st.lists(st.sampled_from(["which", "who", "whoever", "that", "thats", "after", "as part of", "as part",
                                       "according to", "_", "’", "-", " ", ",", "(", "”", "é", "x", "Which",
                                       "AS PART OF", "as\npart of", "İ", "whİch"]),
                      max_size=12).map("".join)


@given(_STOP_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_stop_at_equals_the_stop_regex(text, lo, hi):
    lo, hi = min(lo, len(text)), min(hi, len(text))
    m = _STOP_LABEL.search(text, lo, hi)
    assert _stop_at(text, lo, hi) == (m.start() if m else -1)
    from model.engine.textfold import lower_same_length

    assert _stop_at(text, lo, hi, word_fold(lower_same_length(text))) == (m.start() if m else -1)



@given(st.text(alphabet=st.sampled_from(list("ab ’,\n\t\u00a0\u2009\u3000\u200b\u0085\x1c.")), max_size=20))
def test_single_spaced_is_split_and_join(s):
    from model.engine.labels import single_spaced

    assert single_spaced(s) == " ".join(s.split())


def _reference_issue_phrase(text: str, hit: Hit) -> str:
    """issue_phrase as it was before it read only the one word it needs before the cue."""
    from model.engine.labels import _GENERIC, _PRONOUNS, _STOPWORDS, _VERBISH

    fold = word_fold(text.lower())
    lo, hi = max(0, hit.start - 40), min(len(text), hit.end + 40)
    left, right = text[lo:hit.start].rstrip()[-1:], text[hit.end:hi].lstrip()[:1]
    lw = [] if left and left in ",;:(" else [text[a:b] for a, b in word_spans(fold, lo, hit.start)[-2:]]
    rw = [] if right and right in ",;:.)" else [text[a:b] for a, b in word_spans(fold, hit.end, hi, 2)]
    before: list[str] = []
    for w in reversed(lw):
        if (w.lower() in _STOPWORDS or w.lower() in _GENERIC or w.lower() in _PRONOUNS or w[:1].isupper()
                or w.endswith(("’s", "'s", "ly"))):
            break
        before.insert(0, w)
    after: list[str] = []
    for w in rw:
        if (w.lower() in _STOPWORDS or w[:1].isupper() or w.endswith(("ly", "ing")) or w.lower() in _VERBISH
                or w.lower() in _PRONOUNS):
            break
        after.append(w)
    return " ".join(before[-1:] + [text[hit.start:hit.end]] + after).lower().strip(" -")


_ISSUE_PIECES = ["oath-taking", "ceremony", "the", "new", "radical", "Islamist", "threats", "Russia’s", "quickly",
                 "talks", "said", ",", "(", ")", ".", ";", " ", "  ", "\n", "é", "interim", "government", "x" * 30,
                 "immediate", "we", "holding", "Pakistan's", "-"]


@given(st.lists(st.sampled_from(_ISSUE_PIECES), min_size=1, max_size=12), st.integers(0, 11))
def test_issue_phrase_is_the_previous_version(pieces, at):
    from model.engine.labels import issue_phrase

    at = min(at, len(pieces) - 1)
    text = " ".join(pieces)
    start = len(" ".join(pieces[:at])) + (1 if at else 0)
    hit = Hit(start, start + len(pieces[at]), "topic", "x")
    assert issue_phrase(text, hit) == _reference_issue_phrase(text, hit)


@given(st.lists(st.tuples(st.sampled_from(_PIECES + ["’", "-", "x", "that’s", "which-way"]), st.sampled_from(_SEPS)),
                min_size=1, max_size=20),
       st.integers(0, 80), st.integers(0, 80), st.integers(1, 12))
def test_label_same_as_finditer_version_from_any_cue_end(parts, cue_end, clause_cut, max_words):
    # the cue may end anywhere, even inside a word (a cue with its object ends where the object does)
    text = "Moscow agree" + "".join(a + b for a, b in parts)
    cue = Hit(7, min(len(text), 12 + cue_end % 30), "cue", None)
    f = _found(cue, 0, min(len(text), cue.end + clause_cut))
    assert object_label(text, f, max_words)[0] == _reference_label(text, f, max_words)
