from model.engine.lexicon import Lexicon


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
