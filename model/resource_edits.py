"""The analyst's own resource edits, kept apart from the shipped defaults.

User aliases (a new minister's name → country) and topic cue phrases are
stored in the project; :func:`merge_resources` returns the shipped
:class:`Resources` with them laid on top, without touching ``resources/``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from model.engine.gazetteer import COUNTRY_KINDS, OTHER_KINDS, Entry, Gazetteer
from model.resources import Resources, Topic


class ResourceEditError(ValueError):
    """A resource edit is not valid; the message says why."""


@dataclass(frozen=True)
class Alias:
    """A name that stands for a code (``kind`` as in resources/actors/*.tsv)."""

    name: str
    code: str
    kind: str = "person"
    note: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ResourceEditError("an alias needs a name")
        if self.kind not in COUNTRY_KINDS | OTHER_KINDS:
            raise ResourceEditError(f"unknown alias kind '{self.kind}'")
        if self.kind in COUNTRY_KINDS and not (len(self.code) == 3 and self.code.isalpha() and self.code.isupper()):
            raise ResourceEditError(f"'{self.name}' must map to an ISO3 code like RUS, not '{self.code}'")

    def entry(self) -> Entry:
        return Entry(self.name.strip(), self.code, self.kind, self.note or "user alias")


@dataclass(frozen=True)
class TopicCue:
    """A cue phrase for a topic (a new topic key makes a new topic)."""

    topic: str
    cue: str

    def __post_init__(self) -> None:
        if not self.topic.strip() or not self.cue.strip():
            raise ResourceEditError("a topic cue needs a topic and a phrase")


@dataclass(frozen=True)
class ResourceEdits:
    aliases: tuple[Alias, ...] = ()
    topic_cues: tuple[TopicCue, ...] = ()

    def with_alias(self, alias: Alias) -> ResourceEdits:
        kept = tuple(a for a in self.aliases if a.name.lower() != alias.name.lower())
        return replace(self, aliases=(*kept, alias))

    def without_alias(self, name: str) -> ResourceEdits:
        return replace(self, aliases=tuple(a for a in self.aliases if a.name.lower() != name.lower()))

    def with_cue(self, cue: TopicCue) -> ResourceEdits:
        if cue in self.topic_cues:
            return self
        return replace(self, topic_cues=(*self.topic_cues, cue))

    def without_cue(self, cue: TopicCue) -> ResourceEdits:
        return replace(self, topic_cues=tuple(c for c in self.topic_cues if c != cue))

    def __bool__(self) -> bool:
        return bool(self.aliases or self.topic_cues)


def merge_resources(base: Resources, edits: ResourceEdits) -> Resources:
    """``base`` with the user's aliases and topic cues added; ``base`` is unchanged."""
    if not edits:
        return base
    gazetteer = base.gazetteer
    if edits.aliases:
        # a user alias overrides a shipped entry of the same name
        entries = [e for k, e in base.gazetteer.entries.items() if k not in {a.name.strip().lower() for a in edits.aliases}]
        gazetteer = Gazetteer([*entries, *(a.entry() for a in edits.aliases)])
    topics = list(base.topics)
    for tc in edits.topic_cues:
        key, cue = tc.topic.strip(), tc.cue.strip().lower()
        at = next((n for n, t in enumerate(topics) if t.key == key), None)
        if at is None:
            topics.append(Topic(key, key, "added by the analyst", (cue,)))
        elif cue not in topics[at].cues:
            topics[at] = replace(topics[at], cues=(*topics[at].cues, cue))
    return replace(base, gazetteer=gazetteer, topics=tuple(topics))
