"""The engine never fails on odd text, and its offsets always point into the document."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources

WORDS = ["Russia", "said", "“", "”", '"', ",", ".", "according to", "the", "Kremlin", "we", "it", "they",
         "will not", "attend", "was", "chaired by", "Pakistan's", "must", "TASS", "reported", "that", ";",
         "Afghan", "Taliban", "ethnic", "Albanians", "in", "Serbia", "-", "anti-", "U.S.", "\n", "could", "face"]


@pytest.fixture(scope="module")
def engine():
    return Engine(load_resources())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from([None, "PAK"]))
def test_random_word_salad(engine, words, speaker):
    text = " ".join(words)
    rows = engine.document(Document(id="x", text=text or " ", speaker_country=speaker))
    for r in rows:
        assert text[r["start"]:r["end"]] == r["sentence"]
        assert -1 <= r["polarity"] <= 1 and 0 <= r["confidence"] <= 1
        assert len(r["actor"]) == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode(engine, text):
    engine.document(Document(id="x", text=text or " "))


def _column(path: Path, col: int) -> list[str]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "name\t", "cue\t"))]
    return sorted({r[col] for r in rows if len(r) > col and r[col]})


_RES = Path(__file__).resolve().parents[3] / "resources"
NAMES = _column(_RES / "actors" / "countries.tsv", 0)[::7] + _column(_RES / "actors" / "demonyms.tsv", 0)[::7] \
    + _column(_RES / "actors" / "people.tsv", 0)[::25] + _column(_RES / "actors" / "igos.tsv", 0)[::5] \
    + _column(_RES / "actors" / "capitals.tsv", 0)[::9]
CUES = _column(_RES / "stance_cues.tsv", 0)[::3]
GLUE = ["the", "of", "and", ",", ".", ";", ":", "(", ")", "[", "]", "“", "”", '"', "'s", "’s", "said", "says",
        "that", "we", "our", "my government", "it", "they", "according to", "not", "may", "May 4", "March 1,",
        "on 3 May 2019", "2019", "-", "—", "anti-", "pro-", "non-", "ex-", "…", "\n", "\n\n", "Mr.", "U.S.",
        "was", "by", "in", "to", "will", "has", "with", "who", "which", "after", "if", "as", "1.", "•", "?", "!"]


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(GLUE)), max_size=80),
       st.sampled_from([None, "PAK", "ISR"]), st.sampled_from(["", "-", "-based "]), st.integers(0, 400))
def test_sentences_built_from_names_cues_and_punctuation(engine, words, speaker, joiner, cut):
    """Names, cue words, hyphenated prefixes, dates, quotes, brackets, lists; sometimes cut off mid-word."""
    text = " ".join(words)
    if joiner and len(words) > 2:  # "anti-Israel", "Beijing-based"
        text = text.replace(" ", joiner, 1)
    text = text[:cut] if cut and cut < len(text) else text
    rows = engine.document(Document(id="x", text=text or " ", speaker_country=speaker))
    for r in rows:
        assert text[r["start"]:r["end"]] == r["sentence"]
        assert -1 <= r["polarity"] <= 1 and 0 <= r["confidence"] <= 1


_SHARED = Path(__file__).resolve().parents[4] / "shared"
_REAL_SETS = sorted([*(_SHARED / "corpora").glob("*.jsonl"), *(_SHARED / "eval").glob("*.docs.jsonl")]) \
    if _SHARED.is_dir() else []


@pytest.mark.skipif(not _REAL_SETS, reason="the shared corpora are not beside this checkout")
@pytest.mark.parametrize("path", _REAL_SETS, ids=lambda p: p.name)
def test_every_real_document_is_analysed(engine, path):
    """Every document of the real sets (UN speeches, Wikinews, the CAMEO suites) goes through the engine."""
    records = [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]
    assert records
    for r in records:
        engine.rows(Document(id=r["id"], text=r["text"], speaker_country=r.get("speaker_country")))
