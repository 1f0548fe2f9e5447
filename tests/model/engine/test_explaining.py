"""Sentences that explain how an institution works or suppose something (``explains``), and sentences that name no
time (``unanchored``): features the holder scorer weighs, set only where nobody is reported saying the sentence and
never in a speech."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.explaining import explains, unanchored
from model.engine.extract import Engine
from model.engine.holders import FEATURES
from model.engine.textfold import word_fold
from model.resources import load_resources


def _read(sentence: str) -> tuple[bool, bool]:
    fold = word_fold(sentence.lower())
    return explains(sentence, fold, 0, len(sentence)), unanchored(fold, 0, len(sentence))


@pytest.mark.parametrize("sentence", [
    "Members of the Ruritanian assembly serve four-year terms, while governors serve a single term.",
    "A two-thirds majority of the council is needed to dismiss a judge.",
    "A minister can be dismissed by the assembly after a vote of no confidence.",
    "The chancellor is elected by the deputies, as the people vote for the parties.",
    "By convention, the cabinet resigns after a lost budget vote.",
    "It is customary for outgoing presidents to pardon a few prisoners.",
    "Under this plan, mayors would be limited to three terms.",
    "If the governor were impeached, the deputy governor could take office.",
    "The deputy, the would-be successor should Smith remain in hospital, has kept silent.",
    "Impeachment is the process by which a judge is removed.",
])
def test_generic_and_hypothetical_constructions_explain(sentence: str) -> None:
    assert _read(sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The assembly dismissed the judge on Tuesday.",
    "Ruritania should not interfere, the minister warned.",
    "The governor was impeached in March after a long inquiry.",
    "Police arrested two men who were suspected of the attack.",
    "The chancellor appointed a new finance minister.",
    "The two delegations were to resume talks in Geneva.",  # a plan, not a supposition
])
def test_reports_of_acts_do_not_explain(sentence: str) -> None:
    assert not _read(sentence)[0]


@pytest.mark.parametrize("sentence, timeless", [
    ("Members of the assembly serve four-year terms.", True),
    ("The assembly dismissed the judge on Tuesday.", False),
    ("The minister resigned yesterday.", False),
    ("The treaty was signed in 1998 by both states.", False),
    ("The ministry announced new rules last week.", False),
    ("Two days ago the army withdrew from the border town of Marchville.", False),
    ("Officials in Chicago marched with the protesters.", True),
])
def test_a_sentence_is_unanchored_when_it_names_no_time(sentence: str, timeless: bool) -> None:
    assert _read(sentence)[1] is timeless


STORY = ("Norway's parliament voted on Monday to impeach the prime minister. The Norwegian prime minister denied the "
         "charges on Tuesday. {}")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources(), holder_model=False)


def _features(engine: Engine, sentence: str, speaker: str | None = None) -> list[list[float]]:
    text = STORY.format(sentence)
    start = text.index(sentence)
    collected: list[tuple[str, int, int, str, str, list[float]]] = []
    engine.collect = collected
    try:
        engine.document(Document(id="d", text=text, speaker_country=speaker))
    finally:
        engine.collect = None
    return [c[5] for c in collected if c[1] == start]


def test_an_explanation_nobody_is_reported_saying_is_marked_for_the_scorer(engine: Engine) -> None:
    rows = _features(engine, "A majority of the Norwegian parliament is needed to remove a president.")
    assert rows and all(x[FEATURES.index("explains")] == 1.0 and x[FEATURES.index("unanchored")] == 1.0
                        for x in rows)


@pytest.mark.parametrize("sentence", [
    "Norway's speaker said a majority of the parliament is needed to remove a president.",
    "According to the speaker, a majority of the Norwegian parliament is needed to remove a president.",
    "\"A majority of the Norwegian parliament is needed to remove a president,\" the speaker added.",
])
def test_a_reported_explanation_is_the_sayers_act(engine: Engine, sentence: str) -> None:
    rows = _features(engine, sentence)
    assert rows and all(x[FEATURES.index("explains")] == 0.0 and x[FEATURES.index("unanchored")] == 0.0
                        for x in rows)


def test_in_a_speech_the_speaker_says_every_sentence(engine: Engine) -> None:
    rows = _features(engine, "A majority of the Norwegian parliament is needed to remove a president.", "NOR")
    assert rows and all(x[FEATURES.index("explains")] == 0.0 and x[FEATURES.index("unanchored")] == 0.0 for x in rows)


def test_a_one_sentence_document_has_nothing_to_date_it(engine: Engine) -> None:
    """A wire lead or a coded event is one sentence: no other sentence names its time, so naming none means nothing."""
    collected: list[tuple[str, int, int, str, str, list[float]]] = []
    engine.collect = collected
    try:
        engine.document(Document(id="one", text="Chile condemned the strike; Peru welcomed it."))
    finally:
        engine.collect = None
    assert collected and all(c[5][FEATURES.index("unanchored")] == 0.0 for c in collected)
