"""Editable resources: topics, stance cues, the actor gazetteer.

Loaded once into a :class:`Resources` object and passed around; there is no
global state.  Files live in ``resources/``; a user folder with files of the
same names extends or overrides them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from model.gazetteer import RESOURCES, Gazetteer


@dataclass(frozen=True)
class Topic:
    key: str
    name: str
    description: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Cue:
    text: str
    polarity: float
    kind: str


@dataclass(frozen=True)
class Resources:
    gazetteer: Gazetteer
    topics: tuple[Topic, ...]
    cues: tuple[Cue, ...]

    @property
    def topic_keys(self) -> list[str]:
        return [t.key for t in self.topics]


def load_topics(path: Path) -> tuple[Topic, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Topic(t["key"], t.get("name", t["key"]), t.get("description", ""), tuple(c.lower() for c in t.get("cues", [])))
        for t in data["topics"]
    )


def load_cues(path: Path) -> tuple[Cue, ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(
            Cue(r["cue"].strip().lower(), float(r["polarity"]), r.get("kind", "verb").strip())
            for r in csv.DictReader(fh, delimiter="\t")
            if r.get("cue", "").strip()
        )


def load_resources(folder: Path | None = None) -> Resources:
    folder = folder or RESOURCES
    return Resources(
        gazetteer=Gazetteer.from_folder(folder / "actors"),
        topics=load_topics(folder / "topics.json"),
        cues=load_cues(folder / "cues.tsv"),
    )
