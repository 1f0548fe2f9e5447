"""Small hand-made statement sets for the export tests."""

from __future__ import annotations

import pandas as pd
import pytest

from model.analysis.matrix import build_matrix
from model.documents import Document, LoadIssue
from model.resources import Topic
from model.statements import statements_frame

TOPICS = ["security", "diplomacy", "economy"]


def statement(document: str, actor: str, topic: str, stance: str, polarity: float, sentence: str, **extra: object) -> dict:
    row = {
        "document": document, "sentence": sentence, "start": 0, "end": len(sentence), "actor": actor,
        "actor_text": actor, "speaker": None, "target": None, "topic": topic, "stance": stance,
        "polarity": polarity, "confidence": 0.8, "reporter": None, "hedged": False, "negated": False,
        "issue": "", "actor_kind": "country", "cue": stance, "cue_start": 0, "actor_start": 0,
    }
    row.update(extra)
    return row


def sample_rows() -> list[dict]:
    return [
        statement("d2", "RUS", "diplomacy", "skip", -0.6, "Russia skipped the ceremony.", start=40),
        statement("d1", "PAK", "security", "host", 0.7, "Pakistan hosted the intelligence chiefs.", speaker="ISI"),
        # a position for the ceasefire and one against it: a contradiction
        statement("d1", "RUS", "security", "pledged to respect the ceasefire", 0.8, "Russia pledged to respect the ceasefire.",
                  start=10, issue="ceasefire", cue="pledged"),
        statement("d2", "RUS", "security", "rejected the ceasefire terms", -0.9, "Russia rejected the ceasefire terms.",
                  confidence=0.95, issue="ceasefire terms", cue="rejected"),
        statement("d1", "CHN", "economy", "invest", 0.5, "China will invest in the corridor."),
        statement("d2", "RUS", "diplomacy", "attend", 0.3, "Russia attended talks in Doha.", start=5),
    ]


@pytest.fixture
def statements() -> pd.DataFrame:
    return statements_frame(sample_rows())


@pytest.fixture
def matrix(statements):
    return build_matrix(statements, columns=TOPICS)


@pytest.fixture
def documents() -> list[Document]:
    return [
        Document(id="d1", text="x", title="Chiefs meet in Islamabad", date="2021-09-11", source="Dawn",
                 url="https://example.org/d1", path="seeds/d1.txt"),
        Document(id="d2", text="y", title="Russia skips ceremony", date="2021-09-12", source="Tass",
                 url="https://example.org/d2", path="seeds/d2.txt"),
    ]


@pytest.fixture
def issues() -> list[LoadIssue]:
    return [LoadIssue("inputs/broken.pdf", "not a text file"), LoadIssue("inputs/pic.png", "not a document", "skipped")]


@pytest.fixture
def topics() -> list[Topic]:
    return [Topic(k, k.title(), f"All about {k}.", (k,)) for k in TOPICS]
