"""An introductory phrase naming an outlet or a place does not make the sentence's sayer a reporter or a place
(issue 15, phrases._INTRO and attribution._frame_roles): in "Speaking on al-Masirah TV in Yemen, a Houthi military
spokesman said it had carried out the attack", the Houthis say it, and "it" is not the country named before."""

from __future__ import annotations

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


def _sentences(engine: Engine, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in engine.document(Document(id="d", text=text)):
        out.setdefault(str(r["sentence"]), set()).add(str(r["actor"]))
    return out


def test_the_sayer_after_an_introductory_phrase_holds() -> None:
    engine = Engine(load_resources())
    said = "Speaking on al-Masirah TV in Yemen, a Houthi military spokesman said it had carried out the attack with ten drones."
    found = _sentences(engine, "Saudi officials said half of the kingdom's oil production had been disrupted. " + said)
    assert found.get(said) == {"YEM"}
    text = ("Speaking to Russian state television, Turkish Foreign Minister Mevlut Cavusoglu said Ankara would buy more "
            "missiles.")
    assert _sentences(engine, text).get(text) == {"TUR"}
