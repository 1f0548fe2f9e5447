"""A person's life story is background, not a stance (issue 15, model/engine/background.py): "was born in 1950",
"died at home", "first elected in 1997", "received her law degree", "is serving a prison sentence", and harm
suffered ("survived the attack", "was evacuated", "were killed in …") give no holder when they are the sentence's
main clause; an act named with them, a passive's agent, a saying and a relative clause keep theirs."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors

_LEAD = "The Kenyan parliament on Tuesday voted to impeach the deputy president. "


@pytest.mark.parametrize("text", [
    "Former Kenyan vice-president Daniel Mwangi, who served as finance minister for eight years, died at his home in "
    "Nairobi on Sunday, surrounded by his family.",
    "Pedro Alvarez was born in 1948 in Valparaiso, Chile, when the country was ruled by a conservative government.",
    "Former Brazilian senator Lucas Pereira is serving a five-year prison sentence.",
])
def test_a_life_event_has_no_holder(engine: Engine, text: str) -> None:
    assert sentence_actors(engine, text) == {}


@pytest.mark.parametrize("life", [
    "Odhiambo, first elected to parliament in 1997, was born in Kisumu in 1962.",
    "She received her law degree in 1985 from the University of Nairobi.",
])
def test_a_life_event_gives_no_home_country(engine: Engine, life: str) -> None:
    found = sentence_actors(engine, _LEAD + life)
    assert life not in found
    assert found  # (the act before it keeps its holder)


@pytest.mark.parametrize(("lead", "harm"), [
    ("Tongan officials announced the closure of the port. ",
     "Sione, who had been Tonga's finance minister since 2016, was evacuated on Monday from Tonga's capital to a "
     "hospital in Sydney."),
    ("The Federal Aviation Administration opened an investigation on Thursday. ",
     "At least seven people were killed in the United States yesterday, when a vintage bomber crashed at an airport "
     "in Ohio."),
])
def test_harm_suffered_has_no_holder(engine: Engine, lead: str, harm: str) -> None:
    assert harm not in sentence_actors(engine, lead + harm)


@pytest.mark.parametrize(("text", "holder"), [
    ("Kenyan police fired tear gas at protesters in Nairobi on Monday. One protester was killed by police near the "
     "parliament.", "KEN"),                                                          # the agent's act

    ("Three Syrian soldiers died when Israeli jets struck the base.", "ISR"),           # an act after it
    ("The Kenyan foreign ministry confirmed two Kenyan nationals died in the fire.", "KEN"),  # an act before it
    ("Mexican President Andres Lopez said the former minister died on Monday.", "MEX"),  # a saying
    ("The Turkish army shelled the village where the rebel leader was born.", "TUR"),   # inside a relative clause
])
def test_an_act_around_a_life_event_keeps_its_holder(engine: Engine, text: str, holder: str) -> None:
    last = text.split(". ")[-1]
    assert holder in sentence_actors(engine, text).get(last, set())
