"""Stance extraction: documents → statements (one row per country stance).

Walking-skeleton version: the stance holder is a country named before the
first stance cue of a sentence; countries after it are targets.  The stance
engine issue replaces the attribution with a real one; the function's
signature and the output columns are the contract and stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from model.documents import Document
from model.progress import Cancelled, NullProgress, Progress
from model.resources import Resources, load_resources
from model.sentences import split_spans
from model.statements import statements_frame

_REPORTER = re.compile(r"\b(TASS|RIA|Reuters|AFP|AP|Pakistan Today|Xinhua|an informed source|the source)\b")


def _topic(sentence: str, res: Resources) -> str:
    low = sentence.lower()
    best, score = "diplomacy", 0
    for t in res.topics:
        s = sum(1 for c in t.cues if re.search(r"\b" + re.escape(c) + r"\b", low))
        if s > score:
            best, score = t.key, s
    return best


def _first_cue(sentence: str, res: Resources) -> tuple[int, int, float, str] | None:
    low = sentence.lower()
    best: tuple[int, int, float, str] | None = None
    for cue in res.cues:
        m = re.search(r"\b" + re.escape(cue.text) + r"\b", low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), cue.polarity, cue.text)
    return best


def _doc_statements(doc: Document, res: Resources) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for s, e in split_spans(doc.text):
        sent = doc.text[s:e]
        cue = _first_cue(sent, res)
        if cue is None:
            continue
        mentions = [m for m in res.gazetteer.find(sent) if m.entry.is_country]
        holders = [m for m in mentions if m.start < cue[0]]
        targets = [m for m in mentions if m.start >= cue[1]]
        rep = _REPORTER.search(sent)
        seen: set[str] = set()
        for m in holders:
            if m.code in seen:
                continue
            seen.add(m.code)
            rows.append({
                "document": doc.id, "sentence": sent, "start": s, "end": e,
                "actor": m.code, "actor_text": m.text, "speaker": None,
                "target": next((t.code for t in targets if t.code != m.code), None),
                "topic": _topic(sent, res), "stance": sent[cue[0]:cue[0] + 60].split(",")[0],
                "polarity": cue[2], "confidence": 0.5,
                "reporter": rep.group(0) if rep else None,
                "hedged": False, "negated": False,
                "issue": "", "actor_kind": m.kind, "cue": cue[3],
                "cue_start": s + cue[0], "actor_start": s + m.start,
            })
    return rows


def extract_statements(
    documents: Sequence[Document],
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Statements of every document, as a frame with the contract columns.

    Raises :class:`Cancelled` when ``progress.cancelled()`` turns True.
    """
    res = resources or load_resources()
    progress = progress or NullProgress()
    rows: list[dict[str, object]] = []
    total = len(documents)
    for i, doc in enumerate(documents):
        if progress.cancelled():
            raise Cancelled()
        if i % 50 == 0:
            progress.report(i, total, doc.title or doc.id)
        rows.extend(_doc_statements(doc, res))
    progress.report(total, total, "")
    return statements_frame(rows)
