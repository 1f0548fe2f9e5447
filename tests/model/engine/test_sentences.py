import re

from hypothesis import given
from hypothesis import strategies as st

from model.engine import sentences
from model.engine.sentences import split_spans


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    return [(s, e, text[s:e]) for s, e in split_spans(text)]


def texts(t):
    return [s for _, _, s in split_sentences(t)]


def test_abbreviations_do_not_split():
    assert texts("Lt Gen. Faiz Hameed met U.S. officials in Sept. 2021. He left.") == [
        "Lt Gen. Faiz Hameed met U.S. officials in Sept. 2021.", "He left."]


def test_quotes_close_sentences_only_before_a_capital():
    assert texts('"We will," the source said. Then he left!') == ['"We will," the source said.', "Then he left!"]
    assert texts("He said: “We will go.” The US agreed.") == ["He said: “We will go.”", "The US agreed."]


def test_offsets_round_trip_and_paragraphs_split():
    t = "  First line without stop\nSecond one.  Third? Yes.\n\nLast"
    for s, e, x in split_sentences(t):
        assert t[s:e] == x and x == x.strip()
    assert len(split_sentences(t)) == 5


def test_runaway_sentences_are_cut_with_exact_offsets():
    from model.engine.sentences import MAX_SENTENCE

    t = "Russia condemned China, " * 400 + "and it ended."
    spans = split_sentences(t)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e, _ in spans)
    assert all(t[s:e] == x for s, e, x in spans)
    assert "".join(x for _, _, x in spans).replace(" ", "") == t.replace(" ", "")


# the boundary regex was rewritten for speed; it must find exactly what the plain form finds
_PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n\s*\n|\n")


@given(st.text(alphabet=".!?…\"'”’»)]\n \tAa1", max_size=80))
def test_boundary_regex_matches_its_plain_form(text: str) -> None:
    fast = [m.span() for m in sentences._BOUNDARY.finditer(text)]
    assert fast == [m.span() for m in _PLAIN_BOUNDARY.finditer(text)]


@given(st.text(alphabet=".!?…\"'”’»)]\n \tAa1", max_size=80))
def test_boundaries_found_by_skipping_equal_finditer(text: str) -> None:
    fast = list(sentences._boundaries(text))
    assert fast == [m.span() for m in sentences._BOUNDARY.finditer(text)]


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@given(st.text(alphabet="aZ.. -1é\n", max_size=20), st.integers(0, 20))
def test_word_before_period_equals_the_regex(text: str, end: int) -> None:
    end = min(end, len(text))
    if not text[:end].endswith("."):
        text, end = text[:end] + "." + text[end:], end + 1  # the splitter asks only about a period
    m = _WORD_BEFORE.search(text, max(0, end - 12), end)
    assert sentences.word_before_period(text, end) == (m.group(1) if m else "")


_TEXT = st.text(alphabet=".!?…\"'”’»)](“‘«\n \t\u00a0\u2028Aa1ÀЖ\u0600×ـ", max_size=40)


@given(_TEXT)
def test_boundary_end_equals_the_regex(text: str) -> None:
    for at, ch in enumerate(text):
        if ch in sentences._BOUNDARY_CHARS:
            m = sentences._BOUNDARY.match(text, at)
            assert sentences._boundary_end(text, at) == (m.end() if m else -1)


@given(_TEXT)
def test_opens_sentence_equals_the_regex(text: str) -> None:
    for pos in range(len(text) + 1):
        assert sentences.opens_sentence(text, pos) == bool(sentences._OPENER.match(text, pos))


def _split_spans_reference(text: str):
    """split_spans as it read before its usual case was trimmed inline (every piece through _trimmed)."""
    start = 0
    for b_start, b_end in sentences._boundaries(text):
        end = b_end
        if text[b_start] != "\n":
            if not sentences.opens_sentence(text, end):
                continue
            if text[b_start] == "." and sentences._is_abbreviation(text, b_start + 1):
                if not sentences._SENTENCE_OPENER.match(text[end:end + 12].lstrip()):
                    continue
        else:
            end = b_start
        yield from sentences._trimmed(text, start, end)
        start = b_end
    if start < len(text):
        yield from sentences._trimmed(text, start, len(text))


@given(st.lists(st.sampled_from(["Russia said.", " ", "  ", "\n", "\n\n", "U.S.", "The", "x", "“Yes.”", "It", "a b",
                                 "\t", "Lt Gen.", "ok!", "; ", "word " * 30]), max_size=40).map("".join))
def test_split_spans_equals_the_reference(text: str) -> None:
    assert list(sentences.split_spans(text)) == list(_split_spans_reference(text))


@given(st.text(alphabet="aZ.. -1é\n’İ_'", max_size=24), st.integers(0, 24))
def test_lower_word_before_period_read_in_the_fold_is_the_same(text: str, end: int) -> None:
    from model.engine.textfold import fold

    end = min(end, len(text))
    if not text[:end].endswith("."):
        text, end = text[:end] + "." + text[end:], end + 1
    assert sentences.lower_word_before_period(text, end, fold(text)) == \
        sentences.word_before_period(text, end).lower()


@given(st.lists(st.sampled_from(["Russia said.", " ", "\n", "U.S.", "The", "x", "“Yes.”", "It", "Lt Gen.", "ok!",
                                 "Sept.", "é.", "a1.", "J. ", "AbC."]), max_size=30).map("".join))
def test_split_spans_with_the_fold_is_the_same(text: str) -> None:
    from model.engine.textfold import fold

    assert list(sentences.split_spans(text, fold(text))) == list(sentences.split_spans(text))
