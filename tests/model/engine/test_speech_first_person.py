"""A speech's plain first-person positions are the speaker's (issue 15: held-out UN sentences of the kind
"we believe that …", "we must act now", "we will increase our support" gave nothing)."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


def _rows(engine: Engine, text: str, speaker: str | None = "KEN") -> list[dict[str, object]]:
    return engine.document(Document(id="d", text=text, speaker_country=speaker))


@pytest.mark.parametrize("text", [
    "We believe that multipolarity and reformed multilateralism cannot be kept in abeyance.",
    "We remain deeply convinced that a comprehensive peace settlement is needed.",
    "We stress that multipolarity cannot be kept in abeyance.",
    "We must act responsibly, and we must act now.",
    "Instead of rushing to judgment, we need to learn to listen.",
    "We should collectively work for an inclusive multilateral system.",
    "We will increase our profile in that regard.",
])
def test_a_first_person_position_is_the_speakers(engine: Engine, text: str) -> None:
    assert {r["actor"] for r in _rows(engine, text)} == {"KEN"}


def test_an_appeal_reads_as_cooperative_and_keeps_its_verb(engine: Engine) -> None:
    (row,) = _rows(engine, "We must act responsibly, and we must act now.")
    assert row["polarity"] > 0
    assert row["stance"] == "must act responsibly"


def test_an_appeal_reads_past_adverbs_to_its_verb(engine: Engine) -> None:
    """"We must all do our part": the label is the appeal's verb and object, not "must all"."""
    (row,) = _rows(engine, "We must all do our part to keep the planet safe.")
    assert row["stance"] == "must all do our part to keep the planet safe"


def test_the_order_of_a_speech_is_no_pledge(engine: Engine) -> None:
    """"I will start with …" announces the next part of the speech."""
    assert _rows(engine, "I will start with the situation in our region.") == []


def test_outside_a_speech_the_first_person_holds_nothing(engine: Engine) -> None:
    assert _rows(engine, "We must act now.", speaker=None) == []
