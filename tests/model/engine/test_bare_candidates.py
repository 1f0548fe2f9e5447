"""Sentences with no known cue whose act is an official's or a state body's ("Officials sealed off the harbour",
"According to police, …"): the countries named and the home country become candidates through the sentence's
first verb (features ``bare…`` of their own), so the scorer can weigh them."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.engine.holders import FEATURES
from model.resources import load_resources

#: a story about Norway (its home country): the last sentences have no verb of the cue table
STORY = ("Norway's government said on Monday it would review ferry safety. The Norwegian transport minister visited "
         "the port of Bergen. Norway has asked shipowners to inspect their vessels. {}")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources(), holder_model=False)


def _collected(engine: Engine, text: str) -> list[tuple[str, int, int, str, str, list[float]]]:
    collected: list[tuple[str, int, int, str, str, list[float]]] = []
    engine.collect = collected
    try:
        engine.document(Document(id="d", text=text))
    finally:
        engine.collect = None
    return collected


def _last_sentence(engine: Engine, sentence: str) -> list[tuple[str, list[float]]]:
    text = STORY.format(sentence)
    start = text.index(sentence)
    return [(c[3], c[5]) for c in _collected(engine, text) if c[1] == start]


@pytest.mark.parametrize("sentence", [
    "Officials sealed off the harbour overnight.",
    "Firefighters put the blaze out before dawn.",
    "The coast guard towed the trawler back to the harbour.",
    "According to police, the vessel carried forty passengers.",
])
def test_an_official_acting_by_an_unknown_verb_gives_the_home_country(engine: Engine, sentence: str) -> None:
    got = _last_sentence(engine, sentence)
    assert [a for a, _ in got] == ["NOR"]
    x = got[0][1]
    assert x[FEATURES.index("bare")] == 1.0 and x[FEATURES.index("bare_x_home")] == 1.0
    assert x[FEATURES.index("bare_x_according")] == (1.0 if sentence.startswith("According") else 0.0)


@pytest.mark.parametrize("sentence", [
    "The weather stayed calm for the rest of the week.",  # no actor acts
    "Queloz and Mayor discovered the first exoplanet in 1995.",  # a capitalised role word without a name after it: a surname
    "The harbour was reopened to traffic.",  # an agentless passive, no official named
    "In the vote the party gained twelve seats.",  # a party’s result is not an act
])
def test_no_actor_before_the_verb_gives_no_candidate(engine: Engine, sentence: str) -> None:
    assert _last_sentence(engine, sentence) == []


def test_another_countrys_officials_are_not_the_home_countrys(engine: Engine) -> None:
    """"U.S. officials sealed off …" in a story about Norway: the United States is the candidate, not Norway."""
    got = _last_sentence(engine, "U.S. officials sealed off the harbour overnight.")
    assert [a for a, _ in got] == ["USA"]


def test_a_speech_gets_no_bare_candidates(engine: Engine) -> None:
    """A speech's cue-less sentences are the speaker's through the first-person fallback, not these."""
    text = "Norway's police officers patrolled the border with Sweden last winter."
    collected: list[tuple[str, int, int, str, str, list[float]]] = []
    engine.collect = collected
    try:
        engine.document(Document(id="s", text=text, speaker_country="FIN"))
    finally:
        engine.collect = None
    assert all(c[5][FEATURES.index("bare")] == 0.0 for c in collected)


def test_bare_candidates_have_only_features_of_their_own(engine: Engine) -> None:
    """Many weak candidates must not move the weights the other candidates are scored by (but for what the
    sentence as a whole is, an explanation or a timeless one: that weighs the same for every candidate)."""
    own = {i for i, name in enumerate(FEATURES) if name.startswith("bare") or name in ("explains", "unanchored")}
    got = _last_sentence(engine, "Officials sealed off the harbour overnight.")
    assert got and all(v == 0.0 for i, v in enumerate(got[0][1]) if i not in own)


def test_a_sentence_with_a_known_cue_has_no_bare_candidate(engine: Engine) -> None:
    got = _last_sentence(engine, "Officials condemned the attack on the ferry.")
    assert got and all(x[FEATURES.index("bare")] == 0.0 for _, x in got)


def test_the_shipped_scorer_emits_an_official_acting(engine: Engine) -> None:
    scored = Engine(load_resources())
    rows = scored.document(Document(id="d", text=STORY.format("Officials sealed off the harbour overnight.")))
    assert any(r["actor"] == "NOR" and "sealed" in str(r["sentence"]) for r in rows)
