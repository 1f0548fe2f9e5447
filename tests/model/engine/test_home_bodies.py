"""The bare name of a body many countries have is the article's home country's (issue 15, context.home_bodies):
"the House of Representatives" in Australian or Philippine news is their house, not the US one the gazetteer
knows; an article that names the US house in full keeps the US reading."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors


@pytest.mark.parametrize(("lead", "home"), [
    ("The Australian government introduced the climate bill in Canberra on Monday, and Australian Prime Minister "
     "Anthony Albanese defended it. ", "AUS"),
    ("The Philippine government proposed the tax reform in Manila, and Philippine senators criticised it. ", "PHL"),
])
def test_a_bare_house_is_the_home_countrys(engine: Engine, lead: str, home: str) -> None:
    house = "The House of Representatives passed the bill on Thursday."
    assert sentence_actors(engine, lead + house).get(house) == {home}


def test_a_house_named_with_its_country_keeps_it(engine: Engine) -> None:
    text = ("Iran rejected the new sanctions, Iranian officials said in Tehran. The United States House of "
            "Representatives passed the sanctions bill on Tuesday. The House of Representatives also voted to extend "
            "them.")
    assert sentence_actors(engine, text).get("The House of Representatives also voted to extend them.") == {"USA"}
