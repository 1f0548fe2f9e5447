"""Officials the gazetteer does not know, introduced by their office ("Interior Minister Joachim Brudziński",
"Philippine Defense Secretary Delfin Lorenzana", "Chief Executive of Hong Kong Carrie Lam") and named by surname
after that ("Brudziński said …", "Lam also spoke on the economy").

News gives a person's office once, with the full name, and the surname alone after that.  The office makes
the person a state actor of a country: the country named right before the office ("Philippine", "United
States District Court Judge") or after "of" ("Chief Executive of Hong Kong"), else the document's home country
(a local story's "Sheriff Bill Brown"; the place of the story for police, prosecutors and judges).  The introducing sentence keeps its own reading (the office word is
already a candidate there); the later surname-only mentions become mentions of that person, with the same
rules as a known person's surname (:func:`model.engine.surnames.surname_mentions`: no clash of two countries,
no surname that goes on as another name).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final

from model.engine.context import STATE_ROLES
from model.engine.gazetteer import Entry, Mention
from model.engine.surnames import surname_mentions

#: a personal name right after an office: a given name, at most two more given names or initials, a surname
#: (capitalised words; a particle may stand before the surname: "Ursula von der Leyen")
_NAME: Final = re.compile(
    r" ((?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.)(?: (?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.)){0,2}"
    r"(?: (?:de|da|van|von|der|le|la|al|el|bin))*(?: [A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*))(?![\w'’-])"
)
#: words that open a name-like run but are not given names ("Minister The", "Judge Said")
_NOT_GIVEN: Final = frozenset("The A An This That These Those On In At By For And But Or Of To As If".split())
#: offices of where a story happens rather than of whom it is about (police, prosecutors, judges)
_LOCAL_ROLES: Final = frozenset({"COP", "JUD"})
#: an office held no more, right before the office's words ("former United States Representative")
_FORMER: Final = re.compile(r"(?:\b[Ff]ormer|\b[Ee]x-|\b[Rr]etired) ?$")
#: what may stand between a country and its office ("Philippine Defense Secretary", "Britain's Foreign Secretary")
_JOINS: Final = frozenset({" ", "'s ", "’s "})
#: office words a country may qualify across ("United States District Court Judge": two)
_QUALIFY_STEPS: Final = 3


def introduced_mentions(text: str, mentions: list[Mention], agents: list[tuple[int, int, str]],
                        home: str, place: str = "") -> list[Mention]:
    """``mentions`` with the later surname-only mentions of officials introduced by office and full name
    (``home``: the document's home country; ``place``: where its story happens, when that is another country:
    its police, prosecutors and judges are the place's)."""
    starts = [m.start for m in mentions]
    agent_starts = [a[0] for a in agents]
    people: list[Mention] = []
    for start, end, role in agents:
        if role not in STATE_ROLES:
            continue
        local = place if place and role in _LOCAL_ROLES else home
        person = _person_after(text, mentions, starts, agents, agent_starts, start, end, local)
        if person is not None:
            people.append(person)
    if not people:
        return mentions
    # the full names stand in as first mentions for the surname reader, and leave again after it
    firsts = {id(p) for p in people}
    merged = surname_mentions(text, sorted([*mentions, *people], key=lambda m: m.start))
    return [m for m in merged if id(m) not in firsts]


def _person_after(text: str, mentions: list[Mention], starts: list[int], agents: list[tuple[int, int, str]],
                  agent_starts: list[int], start: int, end: int, home: str) -> Mention | None:
    """The official named right after the office at [start, end), as a person of the office's country."""
    code, name_from, left = _country_of_office(text, mentions, starts, agents, agent_starts, start, end)
    code = code or home
    if not code or _FORMER.search(text, max(0, left - 9), left):
        return None  # a former official speaks for himself, and is mostly talked about
    hit = _NAME.match(text, name_from)
    if hit is None or hit.group(1).split(" ", 1)[0] in _NOT_GIVEN:
        return None
    a, b = hit.start(1), hit.end(1)
    i = bisect_left(starts, a)
    if (i < len(mentions) and mentions[i].start < b) or (i > 0 and mentions[i - 1].end > a):
        return None  # a name the gazetteer knows (or a country: "Minister Hong Kong")
    entry = Entry(hit.group(1), code, "person", note="introduced by office")
    if not entry.is_country:
        return None
    return Mention(a, b, hit.group(1), entry)


def _country_of_office(text: str, mentions: list[Mention], starts: list[int], agents: list[tuple[int, int, str]],
                       agent_starts: list[int], start: int, end: int) -> tuple[str, int, int]:
    """The country that qualifies an office, where the person's name may start and where the office's words
    begin: a country (or a coded
    office, "US Attorney General") over or right before the office, across other office words before it
    ("United States District Court Judge"); or "of <country>" after it."""
    i = bisect_left(starts, end)
    if i < len(mentions) and mentions[i].is_country and mentions[i].start == end + 4 and text.startswith(" of ", end):
        return mentions[i].code, mentions[i].end, start
    left = start
    for _ in range(_QUALIFY_STEPS):
        k = bisect_right(starts, left) - 1  # the last mention that starts at or before the office
        if k >= 0 and mentions[k].is_country and (
                mentions[k].end > left or text[mentions[k].end:left] in _JOINS):
            return mentions[k].code, max(end, mentions[k].end), min(left, mentions[k].start)
        p = bisect_left(agent_starts, left) - 1  # another office word right before: step over it
        if p < 0 or text[agents[p][1]:left] != " ":
            break
        left = agents[p][0]
    return "", end, left
