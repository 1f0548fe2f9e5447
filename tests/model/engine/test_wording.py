"""The wording tests answer as the regexes they guard."""

from hypothesis import given
from hypothesis import strategies as st

from model.engine.wording import _AFFIXED, _LEAD_ADVERB, _MEDIA, affixed, names_media, without_lead_adverb

_WORDS = st.lists(st.sampled_from(["anti", "Pro", "NON", "ex", "-", "\n", " ", "Russia", "a", "ſ", "İ", "ı", ",", "However",
                                   "Quickly", "Also", "news agency", "Radio", "TV", "mediaş", "medİa", "televiſion",
                                   "reports", "daily", "the", "\u212a"]), max_size=8).map("".join)


def test_examples():
    assert affixed("anti-Russia", 5) and not affixed("Russia", 0) and not affixed("Russia-", 7)
    assert without_lead_adverb("However, the Kremlin") == "the Kremlin"
    assert names_media("the state news agency") and not names_media("the Kremlin")


@given(_WORDS, st.integers(0, 40))
def testaffixed(text, start):
    start = min(start, len(text))
    assert affixed(text, start) == (_AFFIXED.search(text, max(0, start - 5), start) is not None)


@given(_WORDS)
def test_lead_adverb_and_media(text):
    assert without_lead_adverb(text) == _LEAD_ADVERB.sub("", text)
    assert names_media(text) == (_MEDIA.search(text) is not None)
