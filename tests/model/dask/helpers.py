"""A document set for the Dask tests, and a worker plugin that kills its worker once."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from distributed.diagnostics.plugin import WorkerPlugin

from model.analysis.filters import StatementFilter
from model.cluster.lean import BUDGET_ENV
from model.loading import Loaded, load_dataset
from model.statements import COLUMNS

SENTENCES = [
    "Russia said on Monday it would not take part in the inauguration ceremony in Kabul.",
    "Pakistan hosted a meeting of regional intelligence chiefs, the foreign ministry said.",
    "China and Iran agreed to expand trade ties, officials said.",
    "The United States imposed sanctions on Iran over its nuclear programme.",
    "India condemned the attack and demanded that Pakistan act against the militants.",
    "France pledged humanitarian aid to Afghanistan, the minister said.",
    "Germany rejected the proposal for a virtual meeting on migration.",
    "Turkey threatened to close its border with Syria, Reuters reported.",
    "We will not accept sanctions against our people, and we call for talks.",
]


def article(i: int) -> str:
    picked = [SENTENCES[(i * 3 + k) % len(SENTENCES)] for k in range(3 + i % 4)]
    return f"Report number {i}.\n\n" + " ".join(picked)


#: a speech: its "we" sentences are first-person statements of the speaker's country, once the
#: document has one (record 5 borrows it from a later copy of its text)
SPEECH = ("Mr. President,\n\nWe will not accept sanctions against our people, and we call for talks. "
          "We support the sovereignty of every nation. We condemn terrorism in all its forms.")


def record_text(i: int) -> str:
    return SPEECH if i == 5 else article(i)


def make_corpus(root: Path, records: int = 60) -> Path:
    """A folder: a big JSON-lines collection (with blank and broken lines, a copy of another
    record's text, records without id), a small CSV, two text files (one a copy of a record)."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    lines = []
    for i in range(records):
        rec: dict[str, object] = {"text": record_text(i)}
        if i % 5:
            rec["id"] = f"rec-{i}"
        if i == 7:
            rec["speaker_country"] = "FRA"
        lines.append(json.dumps(rec))
        if i % 11 == 3:
            lines.append("")  # a blank line
        if i % 17 == 5:
            lines.append("{not json")  # a broken line
    lines.append(json.dumps({"id": "copy-of-2", "text": article(2)}))  # same text as rec-2: kept once
    # a copy of record 5 that names the speaker rec-9 lacks: the kept record 5 borrows it before extraction
    lines.append(json.dumps({"id": "copy-of-5", "text": record_text(5), "speaker_country": "IRN"}))
    (docs / "a_big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (docs / "b_small.csv").write_text("id,text\nc1,\"" + article(100) + "\"\nc2,\"" + article(101) + "\"\n",
                                      encoding="utf-8")
    (docs / "c_note.txt").write_text(article(200), encoding="utf-8")
    (docs / "d_copy.txt").write_text(article(7), encoding="utf-8")  # copy of record 7 (which has a speaker)
    (docs / "e_empty.txt").write_text("", encoding="utf-8")
    return docs


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Statements in a comparable form: every column as text, sorted by document and offsets."""
    out = frame[COLUMNS].astype(object).where(frame[COLUMNS].notna(), None).astype(str)
    keys = ["document", "start", "end", "actor", "cue_start", "actor_start"]
    out["start"] = frame["start"].astype(int)
    out["end"] = frame["end"].astype(int)
    out["cue_start"] = frame["cue_start"].astype(int)
    out["actor_start"] = frame["actor_start"].astype(int)
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


class KillOnce(WorkerPlugin):
    """A worker plugin: the worker that starts the task named by ``pattern`` kills its own process,
    the first time only (``marker`` records that it happened)."""

    name = "stance-kill-once"

    def __init__(self, marker: str, pattern: str) -> None:
        self.marker = marker
        self.pattern = pattern

    def transition(self, key: object, start: str, finish: str, **kwargs: object) -> None:
        if finish != "executing" or not re.search(self.pattern, str(key)):
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, str(key).encode())
        os.close(fd)
        os._exit(1)


SEEDS = Path(__file__).resolve().parents[3] / "seeds"
NO_FILTER = StatementFilter()


def open_set(folder: Path, monkeypatch: pytest.MonkeyPatch, budget_mb: str, flt: StatementFilter = NO_FILTER,
             by: str = "topic", compare: tuple[str, ...] = ()) -> Loaded:
    """Open the dataset at ``folder`` as the window does, with the memory budget ``budget_mb`` (0: lean)."""
    monkeypatch.setenv(BUDGET_ENV, budget_mb)
    return load_dataset(str(folder), flt, by, compare=compare)
