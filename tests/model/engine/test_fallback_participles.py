"""A word in -ing or -ed after an article or a possessive is an adjective or a noun, not the verb the fallback reads
an act from (issue 15, fallback._FINITE): "is a leading candidate", "a founding member", "is an unincorporated
territory", "a landlocked country" describe someone or something; "is seeking a third term" is still an act."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize("text", [
    "Canadian Senator Pierre Roy is a leading candidate for the party's nomination in the next election.",
    "Kenyan runner Eliud Kipchoge is a leading contender for the marathon title in Paris.",
    "Guam is currently an unincorporated territory of the United States.",
    "Aruba is an associated member of the Caribbean Community.",
    "Kosovo is a landlocked country in the Balkans.",
])
def test_a_participle_after_an_article_is_no_act(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


@pytest.mark.parametrize(("text", "holder"), [
    ("Brazilian President Lula da Silva is seeking a third term.", "BRA"),
    ("The Lebanese army has arrested an armed man near the border.", "LBN"),
])
def test_a_participle_after_an_auxiliary_is_an_act(engine: Engine, text: str, holder: str) -> None:
    assert actors_of(engine, text) == {holder}


@pytest.mark.parametrize("text", [
    "The current government of Kenya was established in 2013 after the election.",
    "The Kenyan Democratic party was founded by supporters of the former president.",
])
def test_a_subject_that_was_founded_holds_nothing(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


@pytest.mark.parametrize("text", [
    "Kenya established a commission to investigate the killings.",
    "Kenya has created a new ministry for climate change.",                             # perfect, active
])
def test_a_country_that_founds_something_holds(engine: Engine, text: str) -> None:
    assert "KEN" in actors_of(engine, text)
