"""A light verb whose object carries the act takes the object's sign (issue 15: "signed a decree
banning …" is conflictual, "ordered a pullback" cooperative)."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


def _polarity(engine: Engine, text: str) -> float:
    rows = engine.document(Document(id="d", text=text))
    assert len(rows) == 1
    return float(rows[0]["polarity"])


def test_signed_decree_banning_is_conflictual(engine: Engine) -> None:
    assert _polarity(engine, "Tunisia signed a government decree banning the niqab in public offices.") < 0


def test_ordered_pullback_is_cooperative(engine: Engine) -> None:
    assert _polarity(engine, "Russia ordered a pullback of its troops from the border.") > 0


def test_signed_agreement_keeps_its_own_sign(engine: Engine) -> None:
    assert _polarity(engine, "China signed an agreement with Russia.") > 0


def test_a_second_act_is_not_the_object(engine: Engine) -> None:
    """"signed the deal and condemned …": the condemnation is its own act, not the deal's sign."""
    assert _polarity(engine, "Japan signed the deal and condemned the missile test.") > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("Thousands of Swedes joined the protest against the government.", -1),    # joins a protest: protests
    ("Prime Minister Boris Johnson joined the talks with Ireland.", 1),
    ("Kenya joined forces with its neighbours against the drought.", 1),        # an idiom, not "forces"
    ("Chad joined efforts to face the great threats of the region.", 1),
])
def test_join_takes_its_objects_act(engine: Engine, text: str, sign: int) -> None:
    assert _polarity(engine, text) * sign > 0


def test_given_a_sentence_is_conflictual(engine: Engine) -> None:
    assert _polarity(engine, "A court in Turkey gave the journalist a two-year prison sentence.") < 0


@pytest.mark.parametrize(("text", "sign"), [
    ("Pakistan's opposition urged Prime Minister Imran Khan to step down.", -1),   # a demand to leave office
    ("Students in Hong Kong asked Chief Executive Carrie Lam to resign.", -1),
    ("The opposition in Peru called for the resignation of President Vizcarra.", -1),
    ("Germany urged Iran to return to the talks.", 1),                             # other appeals cooperate
    ("Angola urged the removal of the embargo against Cuba.", 1),
])
def test_an_appeal_to_leave_office_is_a_demand(engine: Engine, text: str, sign: int) -> None:
    assert _polarity(engine, text) * sign > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("Palestine has asked Israel to end its occupation of the West Bank.", -1),     # asked to stop: a demand
    ("Azerbaijan urges Armenia to refrain from further escalating the situation.", -1),
    ("Germany urged Iran to return to the talks.", 1),                              # asked to act: an appeal
    ("Libya urges the Libyan political actors to prioritize dialogue in order to end the crisis.", 1),
])
def test_an_appeal_to_a_country_to_stop_is_a_demand(engine: Engine, text: str, sign: int) -> None:
    assert _polarity(engine, text) * sign > 0
