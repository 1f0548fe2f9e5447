"""Actor gazetteer: names, demonyms, seats of power, bodies and people → codes.

The lists live in ``resources/actors/*.tsv`` (columns ``name code kind note``,
optional ``since until`` ISO dates and ``flags``) so analysts can edit them;
``tools/build_gazetteer.py`` compiles the defaults.  Role words ("foreign
minister", "troops", "court") live in ``resources/agents.tsv``.

Matching uses an Aho-Corasick automaton over the folded text (lower case,
punctuation as spaces, same length) with space-padded keys, so only whole
words match; the longest match wins, so "New Mexico" (``kind=other``) hides
"Mexico" and "South Sudan" hides "Sudan".  Case and context rules
(:mod:`model.engine.gazetteer_rules`) keep "turkey" the bird, "us" the pronoun,
"Michael Jordan" and Georgia the US state out.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final, cast

import pycountry

from model.agents import AgentLexicon, AgentMention
from model.engine import gazetteer_rules as rules
from model.engine.keymatch import KeyMatcher
from model.engine.textfold import Span, key, longest_first, padded, paused_gc, plural
from model.engine.titles import title_aliases

RESOURCES = Path(__file__).resolve().parents[2] / "resources"

#: kinds that stand for a country's state or people
COUNTRY_KINDS: Final = frozenset({"country", "demonym", "capital", "body", "person", "nonstate"})
#: kinds matched but never a country stance holder
OTHER_KINDS: Final = frozenset({"igo", "reporter", "group", "other", "region", "city"})
KINDS: Final = COUNTRY_KINDS | OTHER_KINDS
#: in a user file, ``kind=none`` removes a default name
REMOVE_KIND: Final = "none"
#: ISO 3166-1 alpha-3 codes, historic ones (SUN, YUG, CSK …) and Kosovo's XKX
COUNTRY_CODES: Final = frozenset(
    {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries} | {"XKX"}
)


class GazetteerError(ValueError):
    """A resource file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    name: str
    code: str      # ISO3 for country kinds, short code for IGOs ("UN", "NATO"), "" otherwise
    kind: str
    note: str = ""
    since: date | None = None   # people and offices: in office from
    until: date | None = None   # … to (None: still, or unknown)
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_country(self) -> bool:
        return self.kind in COUNTRY_KINDS and self.code in COUNTRY_CODES

    def __reduce__(self) -> tuple[type[Entry], tuple[object, ...]]:
        # explicit, so that the class pickles the same when compiled by mypyc (tools/build_native.py)
        return (Entry, (self.name, self.code, self.kind, self.note, self.since, self.until, self.flags))


@dataclass
class Mention:
    """An actor name found in text: ``text[start:end]`` and its dictionary entry."""

    start: int
    end: int
    text: str
    entry: Entry
    #: ``entry.is_country``, read once: the engine asks it of every mention many times
    is_country: bool = field(default=False, init=False, repr=False, compare=False)

    # written out: a dataclass-generated __init__ stays interpreted Python when the module is compiled
    def __init__(self, start: int, end: int, text: str, entry: Entry, is_country: bool | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.entry = entry
        self.is_country = entry.is_country if is_country is None else is_country

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def kind(self) -> str:
        return self.entry.kind


def _date(raw: str, where: str) -> date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise GazetteerError(f"{where}: bad date {raw!r} (want YYYY-MM-DD)") from None


def read_tsv(path: Path) -> list[Entry]:
    """Entries of one actor file; a row with an unknown kind or a bad date is an error."""
    out: list[Entry] = []
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            if not {"name", "kind"} <= set(reader.fieldnames or ()):
                raise GazetteerError(f"{path}: header must have the columns name, code, kind, note")
            for line, row in enumerate(reader, start=2):
                entry = _row_entry(row, f"{path}:{line}")
                if entry is not None:
                    out.append(entry)
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason})") from None
    return out


def _row_entry(row: dict[str, str | None], where: str) -> Entry | None:
    name = (row.get("name") or "").strip()
    if not name or name.startswith("#"):
        return None
    kind = (row.get("kind") or "").strip() or "other"
    if kind not in KINDS and kind != REMOVE_KIND:
        raise GazetteerError(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))}, or none)")
    flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
    return Entry(
        name, (row.get("code") or "").strip(), kind, (row.get("note") or "").strip(),
        _date(row.get("since") or "", where), _date(row.get("until") or "", where), flags,
    )


class _Name:
    """A dictionary key's payload: the name's entry, whether the name ends with a full stop, and
    ``entry.is_country`` (read once here rather than for every mention)."""

    def __init__(self, entry: Entry, dotted: bool) -> None:
        self.entry = entry
        self.is_country = entry.is_country
        self.dotted = dotted


class Gazetteer:
    """Finds actor mentions (and, with an agent lexicon, role words) in text."""

    def __init__(self, entries: Iterable[Entry], agents: AgentLexicon | None = None) -> None:
        by_key: dict[str, Entry] = {}
        for e in entries:  # a later entry overrides an earlier one (user edits over defaults)
            k = key(e.name)
            if e.kind == REMOVE_KIND:
                by_key.pop(k, None)
            elif k.strip():
                by_key[k] = e
        self._by_key = by_key
        self.entries: dict[str, Entry] = {e.name.lower(): e for e in by_key.values()}
        self.agents = agents or AgentLexicon(())
        keys: list[tuple[str, _Name]] = []
        for k, e in by_key.items():
            keys.append((k, _Name(e, e.name.endswith("."))))
            if e.kind == "demonym" and (p := plural(e.name)) and key(p) not in by_key:
                keys.append((key(p), _Name(e, False)))
        self._names: KeyMatcher[_Name] = KeyMatcher(keys)

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[list[Entry], AgentLexicon]]:
        # rebuilt from its entries in a worker process (also when compiled by mypyc)
        return (Gazetteer, (list(self._by_key.values()), self.agents))

    @classmethod
    def from_folder(
        cls, folder: Path | None = None, extra: Iterable[Path] = (), user_folder: Path | None = None
    ) -> Gazetteer:
        """Defaults from ``folder`` (``resources/actors``), then ``extra`` files, then a user's actors folder.

        Role words come from ``agents.tsv`` beside each actors folder.  Later files override earlier ones.
        """
        folder = folder or RESOURCES / "actors"
        if not folder.is_dir():
            raise GazetteerError(f"{folder}: actor folder not found")
        paths = [*sorted(folder.glob("*.tsv")), *extra]
        agent_files = [folder.parent / "agents.tsv"]
        if user_folder is not None:
            paths += sorted(user_folder.glob("*.tsv"))
            agent_files.append(user_folder.parent / "agents.tsv")
        entries = [e for p in paths for e in read_tsv(p)]
        entries += title_aliases(entries)
        agent_paths: list[Path] = []
        for p in agent_files:
            if p.exists() and all(p.resolve() != q.resolve() for q in agent_paths):
                agent_paths.append(p)
        return cls(entries, AgentLexicon.from_files(agent_paths))

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> Entry | None:
        """The entry for a name, compared as the matcher does (case, punctuation and spacing aside)."""
        return self._by_key.get(key(name))

    def find(self, text: str, low: str | None = None, folded: str = "") -> list[Mention]:
        """Non-overlapping mentions, longest first, in text order (``low``: ``text.lower()``, and
        ``folded``: ``textfold.fold(text)``, if at hand)."""
        if not self.entries or not text:
            return []
        with paused_gc():
            return self._find(text, low, folded)

    def _find(self, text: str, low: str | None, folded: str) -> list[Mention]:
        cands: list[Span] = []
        names = self._names.values
        for found in self._names.find(f" {folded} " if folded else padded(text, low)):
            name = names[found[0]]
            entry = name.entry
            start = found[1]  # the padding's leading space shifts the key's own one back onto the word
            end = found[2] - 2
            if name.dotted and text[end: end + 1] == ".":
                end += 1  # "U.S." keeps its final full stop
            surface = text[start:end]
            if (surface == entry.name or rules.case_ok(surface, entry.name, text, start, end)) and not (
                    entry.kind == "reporter" and surface.startswith("The ") and self._outlet_as_adjective(text, end)):
                cands.append(Span(start, end, name, surface))
        out: list[Mention] = []
        for c in longest_first(cands):
            named = cast(_Name, c.item)
            entry = named.entry
            if not (entry.flags and self._namesake(text, c.start, c.end, entry)):
                out.append(Mention(c.start, c.end, c.text, entry, named.is_country))
        return out

    def find_agents(self, text: str) -> list[AgentMention]:
        """Role words ("foreign minister", "troops", "court") in text order."""
        return self.agents.find(text)

    def _namesake(self, text: str, start: int, end: int, entry: Entry) -> bool:
        if "us-state" in entry.flags and rules.is_us_state(text, start, end):
            return True
        if "title-alias" in entry.flags and rules.name_goes_on(text, end):
            return True  # "President Hassan Rouhani": "Hassan" is a given name here, not Samia Suluhu Hassan
        return "personal-name" in entry.flags and rules.is_personal_name(text, start, end, self._known_word)

    def _outlet_as_adjective(self, text: str, end: int) -> bool:
        """"The Australian government", "The National security adviser": an outlet's name read as the
        adjective it is made of, because a role word follows (the shorter name inside it is the actor)."""
        if not rules.next_lower_word(text, end):
            return False
        after = text[end:end + 40]
        first = len(after) - len(after.lstrip(" "))
        return any(a.start == first for a in self.agents.find(after))

    def _known_word(self, word: str) -> bool:
        """Is ``word`` a whole dictionary name or the first word of one (actor or role)?"""
        return self._names.starts_with(key(word)) or self.agents.starts_with(word)

    def counts(self) -> dict[str, int]:
        """Number of names per kind."""
        out: dict[str, int] = {}
        for e in self.entries.values():
            out[e.kind] = out.get(e.kind, 0) + 1
        return out
