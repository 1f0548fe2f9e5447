"""What a document has said so far: antecedents for pronouns and group nouns.

Only short, reliable chains: "it/he/she/they" take the holders of the last
sentence that had any; a definite group noun ("the intelligence chiefs",
"the heads of the agencies", "the meeting") takes the countries last named
with that noun; first person ("we", "my delegation") is the document's
speaker country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

#: group nouns that refer to the same set of participants
GROUP_SYNONYMS: Final[dict[str, str]] = {
    "chiefs": "chiefs", "heads": "chiefs", "leaders": "chiefs",
    "ministers": "ministers", "counterparts": "ministers",
    "officials": "officials", "representatives": "officials", "envoys": "officials", "delegations": "officials",
    "participants": "meeting", "meeting": "meeting", "summit": "meeting", "talks": "meeting",
    "sides": "sides", "parties": "sides", "countries": "sides", "states": "sides", "nations": "sides",
    "allies": "sides", "partners": "sides", "members": "sides", "governments": "sides",
}

#: words that make a group noun definite ("the ministers", "both leaders", "all three nations", "their
#: counterparts"); "African leaders", "54 nations", "Seven member states" name others than those named before
_DEFINITE: Final = frozenset("the these those both all their its our each".split())


def definite(text: str, start: int, floor: int) -> bool:
    """The group noun at ``start`` is definite: one of ``_DEFINITE`` among the three words before it (after
    ``floor``, the clause's start)."""
    lo = start - 30 if start - 30 > floor else floor
    return any(w.lower().strip("“\"(") in _DEFINITE for w in text[lo:start].split()[-3:])


@dataclass
class Holder:
    code: str
    text: str
    start: int   # document offset of the words that named it (-1: resolved from context)
    kind: str

    # written out: a dataclass-generated __init__ stays interpreted Python when the module is compiled
    def __init__(self, code: str, text: str, start: int, kind: str) -> None:
        self.code = code
        self.text = text
        self.start = start
        self.kind = kind


@dataclass
class Discourse:
    speaker_country: str | None = None
    last: list[Holder] = field(default_factory=list)
    groups: dict[str, list[Holder]] = field(default_factory=dict)
    age: int = 0   # sentences since ``last`` was set

    def remember(self, holders: list[Holder], group_words: list[str], consult: bool) -> None:
        if holders and all(h.kind == "first-person" for h in holders):
            # the speaker's own sentence: a later "it", "they" or "the authorities" is not the speaker
            self.last = []
            return
        if not holders:
            self.age += 1
            return
        holders = [h for h in holders if h.kind != "first-person"]
        self.last = holders
        self.age = 0
        if len(holders) >= 2:
            for w in group_words:
                self.groups[GROUP_SYNONYMS.get(w, w)] = holders
            if consult:
                self.groups["meeting"] = holders

    def forget(self, starts: set[int]) -> None:
        """The names at ``starts`` stand for no actor ("Jane Roe of Ruritanian University said …"): a later "he"
        or "they" does not stand for their country."""
        if starts and any(h.start in starts for h in self.last):
            self.last = [h for h in self.last if h.start not in starts]

    def someone_else(self) -> None:
        """The sentence's subject is a person the gazetteer does not know ("Khan was convicted …"): a later
        "he" or "she" stands for that person, not for the holders before."""
        self.last = []

    def resolve_pronoun(self, plural: bool) -> list[Holder]:
        if self.age > 2 or not self.last:
            return []
        if plural:
            return self.last if len(self.last) >= 2 else []
        return self.last[:1] if len(self.last) == 1 else []

    def resolve_group(self, words: list[str]) -> list[Holder]:
        for w in words:
            found = self.groups.get(GROUP_SYNONYMS.get(w, w))
            if found:
                return found
        return []
