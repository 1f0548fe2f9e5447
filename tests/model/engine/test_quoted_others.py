"""A country named only inside the quotation of a sayer of another country is talked about, not a holder (issue 15,
quoting.quoting_sayers): ``Putin said: "… Zimbabwe's modern history …"``; the sayer keeps his, and so does his own
country named in his words."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors


@pytest.mark.parametrize(("lead", "quote", "sayer", "other"), [
    ("Chile's government announced new measures against the protests. ",
     'Argentine President Alberto Fernandez said: "Chile\'s history of democracy is long and proud."', "ARG", "CHL"),
    ("Robert Mugabe died on Friday. ",
     'Vladimir Putin, president of Russia, said in a statement: "Many important dates in Zimbabwe\'s modern history '
     'are tied to the name of Robert Mugabe."', "RUS", "ZWE"),
])
def test_a_country_in_another_sayers_quotation_holds_nothing(engine: Engine, lead: str, quote: str, sayer: str,
                                                             other: str) -> None:
    held = sentence_actors(engine, lead + quote).get(quote, set())
    assert sayer in held
    assert other not in held


def test_the_sayers_own_country_in_his_quotation_holds(engine: Engine) -> None:
    text = 'The Kenyan president said: "Kenya will send a thousand police officers to Haiti."'
    assert sentence_actors(engine, text).get(text) == {"KEN"}
