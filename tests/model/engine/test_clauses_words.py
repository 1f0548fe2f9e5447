"""words_before reads backwards what a regex over its window would find."""

import re

from hypothesis import given
from hypothesis import strategies as st

from model.engine.clauses import _WORD_RE, nearest_word_except, words_before
from model.engine.textfold import alpha_fold, lower_same_length, word_fold


def _reference(text: str, pos: int, n: int, floor: int) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text, max(floor, pos - 12 * n), pos)[-n:]]


def test_examples():
    text = "Russia’s foreign minister, Sergei Lavrov, said"
    assert words_before(text, text.index("said"), 2) == ["sergei", "lavrov"]
    assert words_before(text, text.index("minister"), 3) == ["russia’s", "foreign"]
    assert words_before(text, 0, 2) == []


@given(st.text(alphabet="ab’'- ,.\nXé1", max_size=60), st.integers(0, 60), st.integers(1, 4), st.integers(0, 60))
def test_same_as_the_regex(text, pos, n, floor):
    pos = min(pos, len(text))
    assert words_before(text, pos, n, floor) == _reference(text, pos, n, floor)


@given(st.lists(st.sampled_from(["the", "The", "a", "an", "x", "of", "’", " ", ",", "é", "1", "longwordlongword"]),
                max_size=14).map("".join), st.integers(0, 60), st.integers(1, 4), st.integers(0, 60))
def test_nearest_word_except_equals_filtering_words_before(text, pos, n, floor):
    pos = min(pos, len(text))
    skip = frozenset({"the", "a", "an"})
    kept = [w for w in words_before(text, pos, n, floor) if w not in skip]
    assert nearest_word_except(text, pos, n, floor, skip) == (kept[-1] if kept else "")


def _alpha(text: str) -> str:
    return alpha_fold(word_fold(lower_same_length(text)), text)


_ALPHABET = "ab’'- ,.\nXé1_İ\u212aK"


@given(st.text(alphabet=_ALPHABET, max_size=60), st.integers(0, 60), st.integers(1, 4), st.integers(0, 60))
def test_reading_the_alpha_fold_is_the_same(text, pos, n, floor):
    pos = min(pos, len(text))
    assert words_before(text, pos, n, floor, _alpha(text)) == _reference(text, pos, n, floor)


@given(st.lists(st.sampled_from(["the", "The", "a", "an", "x", "of", "’", "'s", " ", ",", "é", "1", "İ", "longwordlongword"]),
                max_size=14).map("".join), st.integers(0, 60), st.integers(1, 4), st.integers(0, 60))
def test_nearest_word_except_on_the_alpha_fold_is_the_same(text, pos, n, floor):
    pos = min(pos, len(text))
    skip = frozenset({"the", "a", "an"})
    assert nearest_word_except(text, pos, n, floor, skip, _alpha(text)) == nearest_word_except(text, pos, n, floor, skip)


def test_alpha_fold():
    assert _alpha("Russia’s 2 U.S.-led é_x") == "russia's   u s -led \x01 x"  # a letter outside ASCII stays one
    assert _alpha("\u212a") == ""


def _reference_separator_before(text: str, pos: int, floor: int) -> int:
    for i in range(pos - 1, max(floor, pos - 110) - 1, -1):
        ch = text[i]
        if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        if ch == "," or ch in "”\"":
            return i + 1
    return -1


@given(st.text(alphabet="a1, ”\"“.", max_size=140), st.integers(0, 140), st.integers(0, 140))
def test_separator_before_is_the_backward_scan(text, pos, floor):
    from model.engine.clauses import _separator_before

    pos = min(pos, len(text))
    assert _separator_before(text, pos, floor) == _reference_separator_before(text, pos, floor)


#: the regex ``find_frames`` used before ``that_end`` (the reference)
_THAT = re.compile(r"[^.;]{0,80}?\b(that|:)\s*")

_FRAME_TEXT = st.lists(st.sampled_from(["that", "That", ":", ",", " ", "x" * 30, "word", ".", ";", "“", "the"]),
                       max_size=12).map("".join)


@given(_FRAME_TEXT)
def test_frame_regexes_only_match_where_their_guards_let_them(text):
    from model.engine.clauses import _LEAD

    if _LEAD.match(text):
        assert "," in text
    if _THAT.match(text):
        assert "that" in text[:84] or ":" in text[:81]


def _passive_before(text, cue, floor):
    """``is_passive`` as it read before its endings became a set lookup (the reference)."""
    from model.engine.clauses import BE_FORMS as _BE

    form = text[cue.start:cue.end].lower().split(" ", 1)[0]
    if not form.endswith(("ed", "en", "ld", "ht", "wn", "ne")) and form not in {"met", "held", "told", "sent",
                                                                               "cut", "shot"}:
        return False
    before = words_before(text, cue.start, 3, floor)
    return any(w in _BE for w in before[-2:]) or (len(before) >= 1 and before[-1] in {"been"})


@given(st.lists(st.sampled_from(["was", "been", "is", "the", "met", "held", "agreed", "taken", "d", "ed", "shot",
                                 "Shown", "’s", " ", ",", "x"]), max_size=10).map("".join),
       st.sampled_from(["met", "d", "ed", "held talks", "signed", "shown", "agree", "Cut", "take part"]))
def test_is_passive_same_as_before(head, cue_text):
    from model.engine.clauses import is_passive
    from model.engine.lexicon import Hit

    text = head + " " + cue_text + " today"
    cue = Hit(len(head) + 1, len(head) + 1 + len(cue_text), "cue", None)
    fold = word_fold(lower_same_length(text))
    assert is_passive(text, cue, 0) == _passive_before(text, cue, 0)
    assert is_passive(text, cue, 0, alpha_fold(fold, text)) == _passive_before(text, cue, 0)


def _nominal_before(text, cue, floor, alpha=""):
    """``is_nominal`` as it read before its two words became two strings (the reference), with the
    capitalised-noun rule ("small island States") read the plain way."""
    from model.engine.clauses import BE_FORMS as _BE
    from model.engine.clauses import first_word
    from model.engine.senses import _DETERMINERS, _ING_LICENSORS, _NOUN_PREPS

    d = cue.value
    if d.kind != "verb":
        return False
    prior = text[floor:cue.start].rstrip(" ").split(" ")[-1] if text[floor:cue.start].strip() else ""
    word = re.match(r"[\w’'-]*$", prior)
    if text[cue.start].isupper() and prior and prior[-1:].isalnum() and word and prior[:1].islower():
        return True
    before = words_before(text, cue.start, 2, floor, alpha)
    if before and (before[-1] in _DETERMINERS or before[-1] in _NOUN_PREPS or before[-1].endswith(("'s", "’s"))):
        return True
    form = first_word(text, cue)
    if len(before) == 2 and before[0] in _DETERMINERS and not before[1].endswith("ly"):
        return form.endswith("ing") or form == d.lemma
    if form.endswith("ing"):
        prev = before[-1] if before else ""
        if prev.endswith("ly") and len(before) == 2:
            prev = before[0]  # across an adverb: "is fully cooperating"
        return prev not in _BE and prev not in _ING_LICENSORS
    return False


@given(st.lists(st.sampled_from(["the", "an", "recent", "recently", "is", "of", "Russia’s", "Iran's", "x", "started",
                                 "  ", " ", ",", "é", "longwordlongword"]), max_size=8).map(" ".join),
       st.sampled_from(["meeting", "meet", "attack", "holding talks", "agreed", "Meeting"]), st.integers(0, 30))
def test_is_nominal_same_as_before(head, cue_text, floor):
    from model.engine.lexicon import CueDef, Hit
    from model.engine.senses import is_nominal

    text = head + " " + cue_text + " today"
    start = len(head) + 1
    d = CueDef(cue_text.split()[0].lower().removesuffix("ing"), "CONSULT", 0.5, "", "verb")
    alpha = alpha_fold(word_fold(lower_same_length(text)), text)
    floor = min(floor, start)
    for a in ("", alpha):
        assert is_nominal(text, Hit(start, start + len(cue_text), "cue", d), floor, a) == \
            _nominal_before(text, Hit(start, start + len(cue_text), "cue", d), floor, a)


_THAT_TEXT = st.lists(st.sampled_from(["that", "That", "thatcher", ":", " :", ",", " ", "\t", "\u00a0", "x" * 30, "word",
                                       ".", ";", "“", "_", "é", "1", "-"]), max_size=14).map("".join)


@given(_THAT_TEXT)
def test_that_end_is_the_that_regex(text):
    from model.engine.clauses import that_end

    m = _THAT.match(text)
    assert that_end(text) == (m.end() if m else -1)


@given(st.lists(st.sampled_from(["according to", "According to", "ACCORDING TO", "According To", "accordingto", "a",
                                 "Xccording to", " ", ",", "’", "İ", "said", "the source", "."]), max_size=10).map("".join))
def test_according_frame_found_through_the_fold_is_the_regex(text):
    from model.engine.clauses import _ACCORDING, find_frames
    from model.engine.textfold import text_folds

    frames = find_frames(text, 0, len(text), [], [], text_folds(text)[1])
    m = _ACCORDING.search(text)
    assert [f.kind for f in frames] == (["according"] if m else [])
