"""An introductory phrase naming an outlet or a place does not make the sentence's sayer a reporter or a place
(issue 15, phrases._INTRO and attribution._frame_roles): in "Speaking on al-Masirah TV in Yemen, a Houthi military
spokesman said it had carried out the attack", the Houthis say it, and "it" is not the country named before."""

from __future__ import annotations

from model.engine.extract import Engine
from model.resources import load_resources
from tests.model.engine.helpers import sentence_actors


def test_the_sayer_after_an_introductory_phrase_holds() -> None:
    engine = Engine(load_resources())
    said = "Speaking on al-Masirah TV in Yemen, a Houthi military spokesman said it had carried out the attack with ten drones."
    found = sentence_actors(engine, "Saudi officials said half of the kingdom's oil production had been disrupted. " + said)
    assert found.get(said) == {"YEM"}
    text = ("Speaking to Russian state television, Turkish Foreign Minister Mevlut Cavusoglu said Ankara would buy more "
            "missiles.")
    assert sentence_actors(engine, text).get(text) == {"TUR"}
