"""A sayer named by a pronoun stands for the actor named before (issue 15: "He also said, “…”", "“…,” she
said" were nobody's): the sayer is resolved like a pronoun subject."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def rules() -> Engine:
    return Engine(load_resources(), holder_model=False)


def _rows(engine: Engine, text: str) -> list[tuple[str, str]]:
    return [(str(r["actor"]), str(r["sentence"])) for r in engine.document(Document(id="d", text=text))]


@pytest.mark.parametrize("text", [
    'Canadian Prime Minister Justin Trudeau visited Kyiv on Monday. He also said, "We will not abandon Ukraine."',
    'German Chancellor Angela Merkel arrived in Kyiv on Monday. "We will not abandon Ukraine," she said.',
])
def test_a_pronoun_sayer_is_the_actor_named_before(rules: Engine, text: str) -> None:
    code = "CAN" if "Canadian" in text else "DEU"
    later = [actor for actor, sentence in _rows(rules, text) if "abandon" in sentence]
    assert later == [code]


def test_a_pronoun_sayer_with_nobody_before_holds_nothing(rules: Engine) -> None:
    assert _rows(rules, '"We will not abandon Ukraine," she said.') == []


def test_a_person_the_gazetteer_does_not_know_takes_the_pronoun(rules: Engine) -> None:
    """"… tweeted Mayor of London Sadiq Khan.  Khan was convicted …  He was released": "he" is the convict,
    not the mayor's country."""
    text = ('"We are safe," tweeted Mayor of London Sadiq Khan. Khan was convicted of terrorism years ago. '
            "He was released in 2018.")
    assert [actor for actor, sentence in _rows(rules, text) if sentence.startswith("He was")] == []
