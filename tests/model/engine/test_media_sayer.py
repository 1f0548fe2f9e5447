"""A news outlet that only reports holds nothing (issue 15, home.media_sayer): neither the article's home country
nor the country word in the outlet's name ("State media reported …", "Mexican daily newspaper El Diario revealed …")
is a holder when the outlet is the sayer; a state actor in what it reports, and a sayer named after an outlet
elsewhere in the sentence, keep theirs."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors


@pytest.mark.parametrize(("lead", "report"), [
    ("Iranian officials opened an inquiry into the crash of the cargo plane near Tehran. ",
     "State media reported the flight recorder was recovered."),
    ("", "Mexican daily newspaper El Diario revealed a deal on Monday whereby a private company would buy the port."),
    ("", "Argentine broadcaster Canal Norte reported on Monday that the strike had ended."),
])
def test_an_outlet_that_reports_holds_nothing(engine: Engine, lead: str, report: str) -> None:
    assert report not in sentence_actors(engine, lead + report)


@pytest.mark.parametrize(("text", "holder"), [
    ("State media reported the Kenyan government had approved the plan.", "KEN"),   # what it reports
    ("In an interview with the daily Kurier the Austrian chancellor said the border would stay open.", "AUT"),
    ("Police press officer Anna Nowak stated the Polish police believe the suspect to be 25.", "POL"),
    ("The National Transportation Safety Committee of Indonesia on Monday announced the recorder was found.", "IDN"),
])
def test_a_sayer_beside_an_outlet_keeps_its_holder(engine: Engine, text: str, holder: str) -> None:
    assert holder in sentence_actors(engine, text).get(text, set())
