"""Agent (role word) lexicon: "foreign minister" GOV, "troops" MIL, "court" JUD, "newspaper" MED.

Read from ``resources/agents.tsv`` (columns ``name role note``; the roles follow
CAMEO: GOV, MIL, REB, OPP, JUD, LEG, MED, BUS, CVL, SPY, COP, ELI, …).  The
engine combines them with actors: "Pakistan's foreign minister", "Iraqi
troops", "a Swiss court", "Senior Hungarian officials".  Matching is case
blind, whole words, longest first; regular plurals are added.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, cast

from model.engine.keymatch import KeyMatcher
from model.engine.textfold import Span, key, longest_first, padded, paused_gc, plural


@dataclass(frozen=True)
class Agent:
    name: str
    role: str
    note: str = ""


class AgentMention(NamedTuple):
    """A role word found in text: ``text[start:end]`` and its lexicon row."""

    start: int
    end: int
    text: str
    agent: Agent

    @property
    def role(self) -> str:
        return self.agent.role


def read_agents(path: Path) -> list[Agent]:
    try:
        return _read_agents(path)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason})") from None


def _read_agents(path: Path) -> list[Agent]:
    out: list[Agent] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if not {"name", "role"} <= set(reader.fieldnames or ()):
            raise ValueError(f"{path}: header must have the columns name, role, note")
        for line, row in enumerate(reader, start=2):
            name = (row.get("name") or "").strip()
            role = (row.get("role") or "").strip().upper()
            if not name or name.startswith("#"):
                continue
            if not role.isalpha():
                raise ValueError(f"{path}:{line}: role {role!r} for {name!r} must be a code such as GOV or MIL")
            out.append(Agent(name.lower(), role, (row.get("note") or "").strip()))
    return out


class AgentLexicon:
    def __init__(self, agents: Iterable[Agent]) -> None:
        by_key: dict[str, Agent] = {}
        for a in agents:  # a later row overrides an earlier one
            if a.name.strip():
                by_key[key(a.name)] = a
        self.agents = {a.name: a for a in by_key.values()}
        keys = list(by_key.items())
        for a in by_key.values():
            p = plural(a.name)
            if p and key(p) not in by_key:
                keys.append((key(p), a))
        self._roles: KeyMatcher[Agent] = KeyMatcher(keys)

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> AgentLexicon:
        return cls([a for p in paths for a in read_agents(p)])

    def __len__(self) -> int:
        return len(self.agents)

    def find(self, text: str) -> list[AgentMention]:
        if not self.agents or not text:
            return []
        with paused_gc():
            return self._find(text)

    def _find(self, text: str) -> list[AgentMention]:
        roles = self._roles.values
        cands = [Span(start, end - 2, roles[i]) for i, start, end in self._roles.find(padded(text))]
        return [AgentMention(c.start, c.end, text[c.start:c.end], cast(Agent, c.item)) for c in longest_first(cands)]

    def starts_with(self, word: str) -> bool:
        """Does some role phrase begin with this word?"""
        return self._roles.starts_with(key(word))
