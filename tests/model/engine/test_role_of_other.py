"""A role word qualified by another country's or place's name is that country's (issue 15, home.role_of_other):
"Florida Governor …" in a story about the Bahamas, "Guam Governor …" in one about Japan, does not stand for the
story's home country; a role word alone does."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors


@pytest.mark.parametrize(("lead", "other", "home"), [
    ("Hurricane Dorian hit the Bahamas on Sunday. The Bahamian government opened shelters in Nassau. ",
     "Florida Governor Ron DeSantis declared a state of emergency in anticipation of the storm.", "BHS"),
    ("Hurricane Otis hit Mexico on Wednesday. The Mexican government sent troops to Acapulco. ",
     "Texas Governor Greg Abbott declared a state of emergency in anticipation of the storm.", "MEX"),
    ("Typhoon Hagibis hit Japan on Saturday. The Japanese government opened shelters in Tokyo. ",
     "Guam Governor Lou Leon Guerrero declared a state of emergency in anticipation of the storm.", "JPN"),
])
def test_a_role_of_another_place_is_not_the_home_country(engine: Engine, lead: str, other: str, home: str) -> None:
    assert home not in sentence_actors(engine, lead + other).get(other, set())


def test_a_role_word_alone_stands_for_the_home_country(engine: Engine) -> None:
    text = ("Hungary will buy 44 tanks from Germany, the Hungarian defence ministry said. "
            "The defence minister has called for more military spending.")
    assert "HUN" in sentence_actors(engine, text).get("The defence minister has called for more military spending.", set())
