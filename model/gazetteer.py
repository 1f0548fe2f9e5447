"""Actor gazetteer: names, demonyms, seats of power, bodies and people → codes.

The lists live in ``resources/actors/*.tsv`` (columns ``name code kind note``)
so analysts can edit them.  Matching uses an Aho-Corasick automaton over the
lower-cased text with whole-word checks; the longest match wins, so "New
Mexico" (listed as ``kind=other``) hides "Mexico" and "South Sudan" hides
"Sudan".  Case rules keep "turkey" the bird and "china" the porcelain out.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

#: kinds that stand for a country's state or people
COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "body", "person", "nonstate"})
#: kinds matched but never a country stance holder
OTHER_KINDS = frozenset({"igo", "reporter", "group", "other", "region"})


@dataclass(frozen=True)
class Entry:
    name: str
    code: str      # ISO3, IGO code, or "" for "other"
    kind: str
    note: str = ""

    @property
    def is_country(self) -> bool:
        return self.kind in COUNTRY_KINDS and len(self.code) == 3 and self.code.isupper()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entry: Entry

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def kind(self) -> str:
        return self.entry.kind


def read_tsv(path: Path) -> list[Entry]:
    out: list[Entry] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = (row.get("name") or "").strip()
            if not name or name.startswith("#"):
                continue
            out.append(Entry(name, (row.get("code") or "").strip(), (row.get("kind") or "other").strip(), (row.get("note") or "").strip()))
    return out


def _needs_capital(name: str) -> bool:
    """Names that are common words in lower case only count when capitalised."""
    return any(ch.isupper() for ch in name)


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789àáâãäåçèéêëìíîïñòóôõöùúûüýÿ-")


class Gazetteer:
    """Finds actor mentions in text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self._auto = ahocorasick.Automaton()
        for e in entries:
            key = e.name.lower()
            prev = self.entries.get(key)
            # a later file overrides an earlier one (user edits over defaults)
            self.entries[key] = e if prev is None or e.kind != "other" or prev.kind == "other" else prev
        for key, e in self.entries.items():
            self._auto.add_word(key, (len(key), e))
        if self.entries:
            self._auto.make_automaton()

    @classmethod
    def from_folder(cls, folder: Path | None = None, extra: Iterable[Path] = ()) -> Gazetteer:
        folder = folder or RESOURCES / "actors"
        entries: list[Entry] = []
        for path in [*sorted(folder.glob("*.tsv")), *extra]:
            entries.extend(read_tsv(path))
        return cls(entries)

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, longest first, in text order."""
        if not self.entries:
            return []
        low = text.lower()
        n = len(low)
        cands: list[tuple[int, int, Entry]] = []
        for end_idx, (length, entry) in self._auto.iter(low):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and low[start - 1] in _WORD_CHARS and low[start - 1] != "-":
                continue
            if end < n and low[end] in _WORD_CHARS:
                # allow possessive "Pakistan's" and plural demonyms "Afghans"
                if not (low[end] == "s" and entry.kind == "demonym" and (end + 1 == n or low[end + 1] not in _WORD_CHARS)):
                    continue
                end += 1
            surface = text[start:end]
            if _needs_capital(entry.name) and not surface[:1].isupper() and not surface[:1].isdigit():
                continue
            if entry.name.isupper() and len(entry.name) <= 4 and surface[: len(entry.name)] != entry.name:
                continue  # "US" must not match "us", "UN" not "un"
            cands.append((start, end, entry))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[Mention] = []
        last_end = -1
        for start, end, entry in cands:
            if start < last_end:
                continue
            out.append(Mention(start, end, text[start:end], entry))
            last_end = end
        return out
