"""A quotation that runs over several sentences is spoken by whoever opened it (issue 15: "Pelosi said
“We are committed to keeping our border safe.  We can do that best when government is open.”" — the
second sentence is Pelosi's too; annotators count it, the engine read it as nobody's)."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.engine.labels import opening_words
from model.engine.quotes import quote_open_after


def _holders(engine: Engine, text: str) -> list[tuple[str, str]]:
    return [(str(r["actor"]), str(r["sentence"])) for r in engine.document(Document(id="d", text=text))]


def test_the_later_sentence_of_a_quotation_is_the_sayers(engine: Engine) -> None:
    rows = _holders(engine, 'The Japanese prime minister said: "We are committed to peace. '
                            'We will send aid to the region."')
    assert ("JPN", 'We will send aid to the region."') in rows


def test_a_later_sentence_without_a_cue_is_labelled_by_its_words(engine: Engine) -> None:
    rows = engine.document(Document(id="d", text='Chancellor Olaf Scholz said on Friday "We are committed to '
                                                 'keeping our borders open. We made that clear to Moscow."'))
    later = [r for r in rows if str(r["sentence"]).startswith("We made")]
    assert [(r["actor"], r["stance"]) for r in later] == [("DEU", "We made that clear to Moscow")]


def test_a_new_paragraph_ends_the_quotation(engine: Engine) -> None:
    rows = _holders(engine, 'The Japanese prime minister said: "We are committed to peace.\n\n'
                            'We will send aid to the region.')
    assert [s for _, s in rows if s.startswith("We will")] == []


def test_a_quotation_nobody_named_opened_gives_nobody(engine: Engine) -> None:
    assert _holders(engine, 'A researcher at the university said "The data is clear. We will publish it soon."') == []


@pytest.mark.parametrize(("sentence", "was_open", "is_open"), [
    ('He said "We are ready.', False, True),
    ('We are ready."', True, False),
    ("He said “We are ready.", False, True),
    ("He said “We are ready.”", False, False),
    ('He called it "a non-starter".', False, False),
    ("No quotation here.", True, True),
])
def test_whether_a_quotation_is_open_after_a_sentence(sentence: str, was_open: bool, is_open: bool) -> None:
    assert quote_open_after(sentence, 0, len(sentence), was_open) is is_open


def test_opening_words_drop_quotation_marks() -> None:
    text = 'x "We made that clear to the president."'
    assert opening_words(text, 2, len(text), 9) == ("We made that clear to the president", 3)
    # at most max_words + 1 words, as every label; a cut phrase does not end on "that"
    assert opening_words(text, 2, len(text), 3) == ("We made that clear", 3)
    assert opening_words(text, 2, len(text), 2) == ("We made", 3)
