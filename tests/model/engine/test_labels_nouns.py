"""A cue word read as a noun makes no statement, so no card is labelled by a name or a noun phrase ('Grant',
'Member States', 'claims of immunity', 'sanctions were in place'): issue 15's unreadable labels of that cause."""

from __future__ import annotations

import pytest

from model.engine.lexicon import CueDef, Hit
from model.engine.senses import is_nominal


def _reads_as_noun(text: str, word: str, lemma: str, category: str = "SUPPORT") -> bool:
    at = text.index(word)
    return is_nominal(text, Hit(at, at + len(word), "cue", CueDef(lemma, category, 0.0, "", "verb")), 0)


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("One of the more than 70 Member States, like mine, is small.", "States", "state"),  # part of a name
    ("Many generals, including President Ulysses S. Grant, believed it.", "Grant", "grant"),
    ("We launched the Mujib Climate Prosperity Plan last year.", "Plan", "plan"),
    ("It guides review of presidential claims of immunity.", "claims", "claim"),  # "of" after it
    ("We are one of the principal hosts of migrants.", "hosts", "host"),
    ("Since he was born, sanctions were in place.", "sanctions", "sanction"),  # an auxiliary after it
    ("Several alleged accomplices were tried.", "alleged", "allege"),  # a quantifier before it
    ("We are living on hope.", "hope", "hope"),  # a preposition before it
    ("The report counted 21 injured individuals.", "injured", "injure"),  # a number before, a noun after
])
def test_a_cue_word_read_as_a_noun(text: str, word: str, lemma: str) -> None:
    assert _reads_as_noun(text, word, lemma)


@pytest.mark.parametrize(("text", "word", "lemma", "category"), [
    ("Russia warns of a new crisis.", "warns", "warn", "THREATEN"),
    ("The government supports the plan.", "supports", "support", "SUPPORT"),
    ("The deal, which Iran claims is illegal, stands.", "claims", "claim", "SAY"),
    ("They hope the talks will succeed.", "hope", "hope", "INTENT"),
    ("About 2000 protested against the law.", "protested", "protest", "PROTEST"),
    ("Canada Supports the plan.", "Supports", "support", "SUPPORT"),
])
def test_a_cue_word_read_as_a_verb(text: str, word: str, lemma: str, category: str) -> None:
    assert not _reads_as_noun(text, word, lemma, category)
