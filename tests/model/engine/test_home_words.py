"""The words a home-country candidate carries (issue 15, home.home_words): the role word, pronoun or name that
makes the sentence someone's act — also when it stands after the cue ("…, officials told local media", "according to
the mayor of …") — never the fragment that happens to stand before the cue ("total of 12 are"); none ("") when
nothing in the sentence names an actor."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources

LEAD = "A landslide buried a village in Peru on Monday. The government of Peru sent soldiers to the area. "


@pytest.fixture(scope="module")
def every() -> Engine:
    """The engine with every candidate written (as tools/train_holders.py collects them)."""
    engine = Engine(load_resources(), holder_model=False)
    engine.collect = []
    return engine


def home_words(engine: Engine, sentences: str) -> set[str]:
    """The words of the home candidates of the last of ``sentences``."""
    rows = engine.document(Document(id="d", text=LEAD + sentences))
    last = sentences.split(". ")[-1]
    return {str(r["actor_text"]) for r in rows if r["actor_kind"] == "home" and r["sentence"] == last}


@pytest.mark.parametrize(("sentence", "words"), [
    ("A total of 12 are confirmed dead, officials told local media.", "officials"),
    ("The bus was going to a football match, according to the mayor of Tambillo.", "mayor of Tambillo"),
    ("A judicial inquiry was ordered, according to police.", "police"),
    ("The driver was shot dead by police.", "police"),
    ("After the landslide, which also destroyed a school, authorities are checking all the slopes.", "authorities"),
    ("\"The rescue work is over,\" Deputy Interior Minister Carlos Quispe told reporters.", "Deputy Interior Minister"),
    ("Deputy Health Minister Ana Flores said the injured were in hospital.", "Deputy Health Minister"),
])
def test_the_role_word_that_makes_it_an_act(every: Engine, sentence: str, words: str) -> None:
    assert home_words(every, sentence) == {words}


@pytest.mark.parametrize(("sentence", "words"), [
    ("Relief came slowly. They also urged people to stay away from the river.", "They"),
    ("Mamani was arrested at his home in the capital.", "Mamani"),
    ("In the evening Mamani also ordered the evacuation of the school.", "Mamani"),
    ("On Tuesday Mamani also criticised the delay.", "Mamani"),
    ("Jean-Paul Mamani also criticised the delay.", "Jean-Paul Mamani"),
    ("The Centre for Mountain Safety requested new rules for the valley.", "Centre for Mountain Safety"),
])
def test_a_pronoun_or_an_unknown_name_as_the_subject(every: Engine, sentence: str, words: str) -> None:
    assert home_words(every, sentence) == {words}


@pytest.mark.parametrize("sentence", [
    "The new maps help planners decide where to build.",
    "Heavy rain also blocked roads and forced hundreds to leave.",
    "Six of the houses were, according to early estimates, destroyed.",
    "Already-signed orders won't leave the plant idle for years.",
    "Fewer than fifty came to the square, but no one tried to storm the building.",
    "Mandatory evacuation called for at least two days away from the valley.",
])
def test_no_words_when_nothing_names_an_actor(every: Engine, sentence: str) -> None:
    assert home_words(every, sentence) == {""}  # (no fragment: "figures can", "no one tried to")


@pytest.mark.parametrize("sentence", [
    "The Secretary-General has rightly warned of a breakdown.",
    "The General Assembly has rightly warned of a breakdown.",
])
def test_in_a_speech_the_speaker_says_it(every: Engine, sentence: str) -> None:
    text = "Peru supports multilateralism. " + sentence
    rows = every.document(Document(id="s", text=text, speaker_country="PER"))
    assert {str(r["actor_text"]) for r in rows if r["actor_kind"] == "home"} == {"(speaker)"}  # (not "General")
