"""Labels an analyst can read (issue 15): a saying verb's label carries what was said, and a capitalised
noun inside a sentence is not a verb cue ("small island States")."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def rules() -> Engine:
    return Engine(load_resources(), holder_model=False)


def _labels(engine: Engine, text: str, speaker: str | None = None) -> list[str]:
    return [str(r["stance"]) for r in engine.document(Document(id="d", text=text, speaker_country=speaker))]


def test_that_clause_is_in_the_label(rules: Engine) -> None:
    text = "In the same way, we lament that more has not been done for our brothers and sisters in Haiti."
    assert _labels(rules, text, "GRD") == ["lament that more has not been done for our brothers"]


def test_quoted_content_is_in_the_label(rules: Engine) -> None:
    text = "The Saudi foreign minister said, “We are always against terror, that is why we are here.”"
    assert _labels(rules, text) == ["said: We are always against terror"]


def test_object_label_unchanged(rules: Engine) -> None:
    text = "Russia will not take part in the inauguration ceremony, TASS reported."
    assert _labels(rules, text) == ["will not take part in the inauguration ceremony"]


@pytest.mark.parametrize(("text", "noun"), [
    ("From the Arctic to small island States, climate change poses a threat, and we feel it.", "States"),
    ("We count on your support.", "support"),
])
def test_nouns_are_not_cues(rules: Engine, text: str, noun: str) -> None:
    """(The speaker's "we count on …" is a first-person clause read through its verb, not through the noun.)"""
    rows = rules.document(Document(id="d", text=text, speaker_country="CAN"))
    assert all(r["cue"] != noun for r in rows)


def test_headline_case_verb_stays_a_verb(rules: Engine) -> None:
    assert _labels(rules, "Canada Supports the plan.") == ["Supports the plan"]
