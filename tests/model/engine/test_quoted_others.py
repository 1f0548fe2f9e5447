"""A country named only inside the quotation of a sayer of another country is talked about, not a holder (issue 15,
home.quoting_sayers): ``Putin said: "… Zimbabwe's modern history …"``; the sayer keeps his, and so does his own
country named in his words."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


def _sentences(engine: Engine, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in engine.document(Document(id="d", text=text)):
        out.setdefault(str(r["sentence"]), set()).add(str(r["actor"]))
    return out


@pytest.mark.parametrize(("lead", "quote", "sayer", "other"), [
    ("Chile's government announced new measures against the protests. ",
     'Argentine President Alberto Fernandez said: "Chile\'s history of democracy is long and proud."', "ARG", "CHL"),
    ("Robert Mugabe died on Friday. ",
     'Vladimir Putin, president of Russia, said in a statement: "Many important dates in Zimbabwe\'s modern history '
     'are tied to the name of Robert Mugabe."', "RUS", "ZWE"),
])
def test_a_country_in_another_sayers_quotation_holds_nothing(engine: Engine, lead: str, quote: str, sayer: str,
                                                             other: str) -> None:
    held = _sentences(engine, lead + quote).get(quote, set())
    assert sayer in held
    assert other not in held


def test_the_sayers_own_country_in_his_quotation_holds(engine: Engine) -> None:
    text = 'The Kenyan president said: "Kenya will send a thousand police officers to Haiti."'
    assert _sentences(engine, text).get(text) == {"KEN"}
