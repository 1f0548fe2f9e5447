"""Editable resources: topics, stance cues, the actor gazetteer.

Loaded once into a :class:`Resources` object and passed around; there is no
global state.  Files live in ``resources/``; a user folder with files of the
same names extends or overrides them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from model.engine.gazetteer import RESOURCES, Gazetteer


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
    successors: dict[str, str] = field(default_factory=dict)   # historic code → ISO3
    folder: Path = RESOURCES   # where the engine's word lists (stance cues, categories …) are read

    @property
    def topic_keys(self) -> list[str]:
        return [t.key for t in self.topics]


def load_topics(path: Path) -> tuple[Topic, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Topic(t["key"], t.get("name", t["key"]), t.get("description", ""), tuple(c.lower() for c in t.get("cues", [])))
        for t in data["topics"]
    )


def load_cues(path: Path, categories_path: Path | None = None) -> tuple[Cue, ...]:
    """Stance cues as listed (``stance_cues.tsv``); an empty polarity takes its category's."""
    defaults: dict[str, float] = {}
    cat_path = categories_path or path.with_name("stance_categories.tsv")
    with open(cat_path, encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        defaults = {r["category"]: float(r["polarity"]) for r in csv.DictReader(lines, delimiter="\t")}
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        return tuple(
            Cue(r["cue"].strip().lower(),
                float(r["polarity"]) if (r.get("polarity") or "").strip() else defaults.get(r.get("category", ""), 0.0),
                (r.get("kind") or "verb").strip())
            for r in csv.DictReader(lines, delimiter="\t")
            if (r.get("cue") or "").strip()
        )


def load_successors(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        return {r["code"].strip(): r["iso3"].strip() for r in csv.DictReader(lines, delimiter="\t") if r.get("code")}


def load_resources(folder: Path | None = None) -> Resources:
    folder = folder or RESOURCES
    return Resources(
        gazetteer=Gazetteer.from_folder(folder / "actors"),
        topics=load_topics(folder / "topics.json"),
        cues=load_cues(folder / "stance_cues.tsv"),
        successors=load_successors(folder / "code_successors.tsv"),
        folder=folder,
    )
