""""According to" a country's body, with no act in what it says (issue 15, ``origins.saying_verb``): the body
says it ("According to Chile's health ministry, the outbreak is over"), as when it is the subject of "said".
Records, bulletins and gazettes only report (``wording.names_media``); a named body placed in a country is that
country's ("the National Institute of Health in Italy": ``origins.body_placed``)."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize(("text", "actor"), [
    ("According to Chile's health ministry, one in ten children develop the disease.", "CHL"),
    ("According to the Peruvian interior ministry, three people are missing.", "PER"),
])
def test_a_country_body_after_according_to_says_it(engine: Engine, text: str, actor: str) -> None:
    assert actor in actors_of(engine, text)


@pytest.mark.parametrize("text", [
    "The ferry was built in 1971 according to Chilean maritime authority records.",
    "According to the Lima Gazette, the storm was the strongest in a decade.",
])
def test_records_and_gazettes_only_report(engine: Engine, text: str) -> None:
    assert not actors_of(engine, text)


@pytest.mark.parametrize(("text", "actor"), [
    ("The National Institute of Health in Italy said the outbreak was over.", "ITA"),
    ("According to the Institute of Hydrology in Chile, the river rose by two metres.", "CHL"),
])
def test_a_named_body_placed_in_a_country_is_its(engine: Engine, text: str, actor: str) -> None:
    assert actor in actors_of(engine, text)


def test_a_named_storm_in_a_country_is_no_body(engine: Engine) -> None:
    assert "BHS" not in actors_of(engine, "Hurricane Dorian in the Bahamas killed dozens of people.")
