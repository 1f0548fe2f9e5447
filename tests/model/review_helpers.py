"""A tiny deterministic 'machine' for review tests, independent of the real engine."""

from __future__ import annotations

import pandas as pd

from model.documents import Document
from model.engine.sentences import split_spans
from model.review.decisions import UnmatchedDecision, apply_decisions
from model.review.workspace import Workspace
from model.statements import statements_frame

NAMES = (("Russia", "RUS"), ("Pakistan", "PAK"), ("China", "CHN"))
T = "2026-11-28T12:00:00"


def clock() -> str:
    return T


def machine(docs: list[Document]):
    rows = []
    for d in docs:
        for s, e in split_spans(d.text):
            sent = d.text[s:e]
            for name, code in NAMES:
                if name in sent:
                    rows.append({
                        "document": d.id, "sentence": sent, "start": s, "end": e, "actor": code, "actor_text": name,
                        "speaker": None, "target": None, "topic": "diplomacy" if "talks" in sent else "security",
                        "stance": "welcomed" if "welcomed" in sent else "condemned",
                        "polarity": 0.6 if "welcomed" in sent else -0.7, "confidence": 0.5, "reporter": None,
                        "hedged": False, "negated": False, "issue": "", "actor_kind": "country", "cue": "",
                        "cue_start": -1, "actor_start": s + sent.index(name),
                    })
    return statements_frame(rows)


DOC_A = Document("a", "Russia welcomed the talks in Islamabad. Pakistan condemned the attack on the border.\n"
                      "China welcomed the talks as well.")
DOC_B = Document("b", "Pakistan welcomed the new trade talks. The weather was mild.")


def workspace(*docs: Document) -> Workspace:
    docs = docs or (DOC_A, DOC_B)
    return Workspace(list(docs), machine(list(docs)))


def reviewed(ws: Workspace, keep_rejected: bool = False) -> pd.DataFrame:
    """The workspace's statements with every decision applied (rejected ones left out unless ``keep_rejected``)."""
    return apply_decisions(ws.statements, ws.decisions, ws.documents, keep_rejected=keep_rejected)[0]


def unmatched(ws: Workspace) -> list[UnmatchedDecision]:
    """The workspace's decisions that no longer match its statements."""
    return apply_decisions(ws.statements, ws.decisions, ws.documents)[1]


def row(ws: Workspace, actor: str, doc: str = "a", keep_rejected: bool = False):
    df = reviewed(ws, keep_rejected)
    hit = df[(df["key_actor"] == actor) & (df["document"] == doc)]
    assert len(hit) == 1, hit
    return hit.iloc[0]
