"""The engine never fails on odd text, and its offsets always point into the document."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.documents import Document
from model.extract import Engine
from model.resources import load_resources

WORDS = ["Russia", "said", "“", "”", '"', ",", ".", "according to", "the", "Kremlin", "we", "it", "they",
         "will not", "attend", "was", "chaired by", "Pakistan's", "must", "TASS", "reported", "that", ";",
         "Afghan", "Taliban", "ethnic", "Albanians", "in", "Serbia", "-", "anti-", "U.S.", "\n", "could", "face"]


@pytest.fixture(scope="module")
def engine():
    return Engine(load_resources())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from([None, "PAK"]))
def test_random_word_salad(engine, words, speaker):
    text = " ".join(words)
    rows = engine.document(Document(id="x", text=text or " ", speaker_country=speaker))
    for r in rows:
        assert text[r["start"]:r["end"]] == r["sentence"]
        assert -1 <= r["polarity"] <= 1 and 0 <= r["confidence"] <= 1
        assert len(r["actor"]) == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_unicode(engine, text):
    engine.document(Document(id="x", text=text or " "))
