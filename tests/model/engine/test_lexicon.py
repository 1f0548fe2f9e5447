from hypothesis import given
from hypothesis import strategies as st

from model.engine.lexicon import CueDef, Lexicon


def lexicon():
    return Lexicon.load(topics=[("security", ["troops", "peace"]), ("economy", ["trade"])])


def test_whole_words_only_with_offsets():
    lex = lexicon()
    text = "Urban troops agreed; the ban on trade held."
    hits = lex.scan(text.lower())
    cues = {(text[h.start:h.end], h.value.category) for h in hits if h.kind == "cue"}
    assert ("agreed", "AGREE") in cues
    assert not any(text[h.start:h.end] == "ban" and h.start == 2 for h in hits)  # not inside "Urban"
    topics = {text[h.start:h.end]: h.value for h in hits if h.kind == "topic"}
    assert topics == {"troops": "security", "trade": "economy"}


def test_verb_object_patterns_need_their_object():
    lex = lexicon()
    yes = "Ethiopia has broken off diplomatic relations with Libya."
    no = "Ethiopia has broken the record."
    assert any(h.value.category == "SANCTION" for h in lex.scan(yes.lower()) if h.kind == "cue")
    assert not any(h.kind == "cue" and h.value.category == "SANCTION" for h in lex.scan(no.lower()))


def test_offset_shift_for_sentence_scans():
    lex = lexicon()
    hits = lex.scan("they agreed", offset=100)
    assert any(h.start == 105 and h.end == 111 for h in hits if h.kind == "cue")


_OBJ_TEXT = st.lists(st.sampled_from(["ties", "relations", "tiés", "ties’", "re-ties", " ", ", ", ". ", "the", "new",
                                      "TIES", "’", "-", "talks", "Ḱ", "\u2019s", "2", "_", "ʼ", "K", "ties-ties"]), max_size=12).map("".join)


@given(_OBJ_TEXT, st.integers(0, 30))
def test_object_end_probed_in_the_fold_is_the_same(text: str, pos: int) -> None:
    from model.engine.lexicon import _Key, _object_end
    from model.engine.textfold import alpha_fold, lower_same_length, text_folds, word_fold

    low = lower_same_length(text)
    pos = min(pos, len(low))
    objects = frozenset({"ties", "relations"})
    key = _Key([("cue", CueDef("restore", "COOPERATE", 0.5, "", "verb", objects))])
    assert key.probes == [("relations", "ties")]
    expected = _object_end(low, pos, objects)
    assert _object_end(low, pos, objects, word_fold(low), key.probes[0]) == expected
    # the engine passes the text as it is, with its fold
    assert _object_end(text, pos, objects, text_folds(text)[1], key.probes[0]) == expected
    fold = text_folds(text)[1]
    alpha = alpha_fold(fold, text)
    assert _object_end(text, pos, objects, fold, key.probes[0], alpha) == expected
    assert _object_end(text, pos, objects) == expected


def test_an_object_stands_in_the_cues_clause():
    # "fire ~ at": "caught fire yesterday morning. At least 17 died" has no "fire at" (nor "fire, at")
    lex = lexicon()
    for text in ("The hotel caught fire yesterday morning. At least 17 died.", "They came under fire, at dawn."):
        hits = lex.scan(text.lower())
        assert not [text[h.start:h.end] for h in hits if h.kind == "cue" and "fire" in text[h.start:h.end]]
    text = "Troops opened fire on protesters and fired shots at the crowd."
    assert "fired shots at" in [text[h.start:h.end] for h in lex.scan(text.lower()) if h.kind == "cue"]
