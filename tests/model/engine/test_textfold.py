"""Length-preserving folding and span helpers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.engine.textfold import Span, fold, key, longest_first, plural


@given(st.text())
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_lowers_and_blanks_punctuation() -> None:
    assert fold("Pakistan’s U.S.-led “KABUL”") == "pakistan s u s  led  kabul "
    assert fold("Türkiye") == "t\x01rkiye"


def test_key_collapses_spacing() -> None:
    assert key("Côte  d'Ivoire") == key("Côte d’Ivoire") == " c\x01te d ivoire "


def test_plural() -> None:
    assert [plural(w) for w in ("Afghan", "Swiss", "authority", "spokesman", "Chinese", "German")] == [
        "Afghans", None, "authorities", "spokesmen", None, "Germans"]


def test_longest_first_prefers_the_longest_span() -> None:
    spans = [(0, 8, "the Gulf"), (4, 18, "Gulf of Mexico"), (20, 25, "a"), (22, 30, "b"), (40, 45, "c")]
    assert [s.item for s in longest_first([Span(*s) for s in spans])] == ["Gulf of Mexico", "b", "c"]


@given(st.text(alphabet=st.sampled_from(list("aZ .’'“”—é_-1İ\u00a0\u212a\u00dfxY")), max_size=40))
def test_folds_are_fold_and_word_fold(text):
    from model.engine.textfold import folds, lower_same_length, word_fold

    low = lower_same_length(text)
    assert folds(low) == (fold(text, low), word_fold(low))


@given(st.text(alphabet=st.sampled_from(list("aZ .’'“”—é_-1İ\u00a0\u212a\u00dfxYΣσς\u2028ǅ\U0001d400")), max_size=40))
def test_text_folds_equal_folds_of_the_lower_case(text):
    from model.engine.textfold import folds, lower_same_length, text_folds

    assert text_folds(text) == folds(lower_same_length(text))


def test_text_folds_fold_every_code_point_as_its_lower_case():
    from model.engine.textfold import folds, lower_same_length, text_folds

    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for i in range(0, len(chars), 4096):
        chunk = " ".join(chars[i:i + 4096])  # (spaced: no character is lower-cased in a word's context)
        assert text_folds(chunk) == folds(lower_same_length(chunk)), i


def test_paused_gc_pauses_and_restores_even_nested_and_on_error():
    import gc

    from model.engine.textfold import paused_gc

    assert gc.isenabled()
    try:
        with paused_gc():
            assert not gc.isenabled()
            with paused_gc():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the inner one leaves it as it found it
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()
