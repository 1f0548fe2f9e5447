"""Signs of acts as news reports them (issue 15: document polarity on real articles).

Made-up sentences, one group per cause found on the Wikinews errors: nouns read as verbs, cues whose sign is
another act in news usage ("concluded that", "served as", "gave a speech", "committed the murder"), legal
appeals, appeals and wishes whose content is hostile, laws signed, papers released, sayings of praise or blame,
warnings of a natural hazard, and relief, condolence and honours.
"""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import polarities


def _rows(engine: Engine, text: str) -> list[dict[str, object]]:
    return engine.document(Document(id="d", text=text))


@pytest.mark.parametrize(("text", "noun"), [
    ("Russian police press officer Ivan Petrov said the man was 25.", "press"),
    ("British forces are in Iraq at the invitation of the government.", "forces"),
    ("Syrian forces killed three civilians near the border.", "forces"),
    ("The Kenyan television host, a former minister, praised the plan.", "host"),
    ("NASA engineers on the International Space Station repaired the arm.", "Station"),
    ("Italian police with dogs searched a second apartment block in Rome.", "block"),
])
def test_a_noun_is_no_act(engine: Engine, text: str, noun: str) -> None:
    assert all(r["cue"] != noun for r in _rows(engine, text))


@pytest.mark.parametrize(("text", "verb"), [
    ("Egypt will host the summit in March.", "host"),
    ("Russia forces Ukraine to accept the terms.", "forces"),
    ("Ecuador grants asylum to the journalist.", "grants"),
])
def test_a_verb_stays_a_verb(engine: Engine, text: str, verb: str) -> None:
    assert any(r["cue"] == verb for r in _rows(engine, text))


@pytest.mark.parametrize(("text", "sign"), [
    # a gerund after an adverb is still a verb
    ("The German government is fully cooperating with the investigators.", 1),
    # "concluded that" is a finding, "concluded an agreement" an agreement
    ("The British court concluded that the prime minister's advice was unlawful.", -1),
    ("Japan and India concluded a trade agreement on Monday.", 1),
    # a speech, a letter or an account is a statement (holding office is no act: tests/model/engine/test_standing.py)
    ("The US president sent a letter to the Senate on Friday.", -1),
    ("The Chinese premier gave a speech to business leaders.", -1),
    ("Finland will give Tanzania a grant of 580 million shillings.", 1),
    # a fine is a sanction, a crime an assault
    ("A Turkish court gave the editor a fine of 1,000 lira.", -1),
    ("Saudi agents committed the murder inside the consulate.", -1),
    # fighting a disease or a fire is aid, expanding an operation an escalation
    ("Germany announced new funding to fight the Ebola epidemic in West Africa.", 1),
    ("The US later expanded the operation in Syria.", -1),
])
def test_news_usage_of_a_cue(engine: Engine, text: str, sign: int) -> None:
    assert all(p * sign > 0 for p in polarities(engine, text))


@pytest.mark.parametrize(("text", "sign"), [
    ("The French officers said they would appeal.", -1),
    ("The Indian government appealed the ruling to the Supreme Court.", -1),
    ("Iraq appealed to the United Nations for food aid.", 1),
])
def test_an_appeal_against_a_ruling_rejects_it(engine: Engine, text: str, sign: int) -> None:
    assert polarities(engine, text)[0] * sign > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("The US has been encouraging allies such as Germany to restrict the airline's flights.", -1),
    ("Iran wants foreign forces to leave the region.", -1),
    ("Iran wants to join the talks in Vienna.", 1),
    ("Japan urged Russia to return to the negotiating table.", 1),
    ("Hong Kong student groups had given the government until Thursday to withdraw the bill.", -1),
    ("The Taiwanese parliament voted to legalize same-sex marriage.", 1),
    ("The bill was co-sponsored by US Senator Marco Rubio.", 1),
])
def test_the_content_of_an_appeal_wish_or_vote(engine: Engine, text: str, sign: int) -> None:
    assert polarities(engine, text)[0] * sign > 0


@pytest.mark.parametrize("text", [
    "The US president signed the bill into law on Friday.",
    "The report was released by the US Navy on Monday.",
    "The Turkish government released a summary of the call.",
    "The US National Weather Service issued a flash flood warning for the region.",
    "The US governor declared a state of emergency ahead of the hurricane.",
])
def test_acts_of_office_and_notices_are_neutral(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


@pytest.mark.parametrize(("text", "sign"), [
    ("Egypt released the journalist after four years in prison.", 1),       # a person released: a concession
    ("Russia issued an ultimatum to Ukraine.", -1),                          # no hazard: a threat
])
def test_releases_and_ultimatums_keep_their_sign(engine: Engine, text: str, sign: int) -> None:
    assert polarities(engine, text)[0] * sign > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("The German chancellor said the late president was an icon of liberation.", 1),
    ('The Namibian president said, "He leaves behind a rich legacy of service."', 1),
    ('The American judge said, "This is not an inspiring plea for leniency."', -1),
    ('British MP Philip Hammond said, "It would be a constitutional outrage."', -1),
])
def test_a_saying_of_praise_or_blame(engine: Engine, text: str, sign: int) -> None:
    assert all(p * sign > 0 for p in polarities(engine, text))


@pytest.mark.parametrize("text", [
    'British MP Philip Hammond said, "It would be a constitutional outrage."',
    "The US secretary of state said the ongoing repression of the Cuban people must end.",
])
def test_blame_weighs_more_than_a_plain_saying(engine: Engine, text: str) -> None:
    assert polarities(engine, text)[0] < -0.3


def test_a_plea_in_court_is_no_appeal(engine: Engine) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, "The British defendant pleaded guilty on Monday."))


def test_per_request_is_a_noun(engine: Engine) -> None:
    rows = _rows(engine, "Per request of the British prime minister, the Queen suspended parliament.")
    assert rows and all(r["cue"] != "request" for r in rows)


@pytest.mark.parametrize("text", [
    "Spanish firefighters put out the fire on Monday.",
    "Indonesian rescuers searched for survivors in the rubble.",
    "NASA paused its broadcast to mourn the cosmonaut.",
    "German Chancellor Angela Merkel seconded the proposal.",
    "The US president awarded him the Presidential Medal of Freedom.",
    "The US president spoke on the phone with the Turkish president.",
])
def test_relief_condolence_and_honours_are_cooperative(engine: Engine, text: str) -> None:
    assert all(p > 0 for p in polarities(engine, text))
