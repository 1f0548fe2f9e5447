"""Later mentions of a person by surname only ("Boris Johnson said …  Johnson added …").

News names a person in full once and by surname after that.  Within one document, a surname of a
person the gazetteer found by full name stands for that person in the rest of the text — unless two
people of different countries named so far share it ("Hunter Biden" and "Joe Biden" are one country,
"Johnson" of Britain and of the US are not), or the word goes on as another name ("Johnson Controls"), or
someone else of that surname was named in full since ("Sadiq Khan … Usman Khan … Khan was released": the
last "Khan" is Usman's, until the gazetteer's person is named in full again).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from model.engine.gazetteer import Mention
from model.engine.titles import surname

_MIN_SURNAME: Final = 3
#: surnames that are also common words or months: alone they mostly are the word ("May", "King", "Long")
_WORDS: Final = frozenset("""May June April August Long Young King Rice Green White Black Brown Little Price Hall Wood
    Best Love Rich Will Case Cook Power Mark Frank Grant Hope Lord Law Sharp Strong Moon Day Bush Gray Grey Golden
    Hunter Mills Chase Lee Park Kim Rose Bell Bond Field Hill Stone Ward West North South East Sun Song Wang Li""".split())


def _surname(name: str) -> str:
    """The surname that may stand alone for the person ("" when it would read as something else)."""
    last = surname(name)
    if len(last) < _MIN_SURNAME or not last[:1].isupper() or last.isupper() or last in _WORDS:
        return ""
    return last


def surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the later surname-only mentions of their people added, in text order."""
    people: dict[str, Mention] = {}   # surname → the first full mention naming it
    clash: set[str] = set()
    for m in mentions:
        if m.entry.kind != "person" or not m.entry.code:
            continue
        surname = _surname(m.entry.name)
        if not surname:
            continue
        first = people.setdefault(surname, m)
        if first.entry.code != m.entry.code:
            clash.add(surname)
    live = {name: m for name, m in people.items() if name not in clash}
    if not live:
        return mentions
    # one pass of one pattern over the text (a search per person was a quarter of a long speech's time)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(live, key=len, reverse=True))
                         + r")\b(?![\w'’-])")
    starts = [m.start for m in mentions]
    added: list[Mention] = []
    other_since: dict[str, int] = {}  # surname → where someone else of that name was last named in full
    for hit in pattern.finditer(text, min(m.end for m in live.values())):
        start, end = hit.start(), hit.end()
        name = hit.group(0)
        first = live[name]
        if start < first.end or _inside(mentions, starts, start, end):
            continue
        if _name_goes_on(text, start, end):
            if _given_name_before(text, start):
                other_since[name] = start  # "Usman Khan" after "Sadiq Khan": "Khan" is now Usman
            continue
        if name in other_since and not _named_again(mentions, first, other_since[name], start):
            continue
        added.append(Mention(start, end, name, first.entry, first.is_country))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


def _given_name_before(text: str, start: int) -> bool:
    """A capitalised word other than a title right before the surname at ``start``: another person's given name."""
    before = text[max(0, start - 2):start]
    if len(before) < 2 or before[1] != " " or not before[0].isalpha():
        return False
    j = start - 2
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:start - 1]
    return word[:1].isupper() and word not in _TITLE_WORDS


def _named_again(mentions: list[Mention], person: Mention, since: int, before: int) -> bool:
    """The person is named in full again between ``since`` and ``before`` (then the surname is theirs again)."""
    return any(since < m.start < before and m.entry is person.entry for m in mentions)


def _inside(mentions: list[Mention], starts: list[int], start: int, end: int) -> bool:
    """Does [start, end) overlap a mention (``starts``: theirs, in text order)?"""
    i = bisect_right(starts, start)
    if i > 0 and mentions[i - 1].end > start:
        return True
    return i < len(mentions) and mentions[i].start < end


def _name_goes_on(text: str, start: int, end: int) -> bool:
    """Another capitalised word right before or after: a different name ("Hunter Biden", "Johnson Controls")."""
    after = text[end:end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return True
    before = text[max(0, start - 2):start]
    if len(before) == 2 and before[1] == " " and before[0].isalpha():
        j = start - 2
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:start - 1]
        return word[:1].isupper() and word not in _TITLE_WORDS
    return False


#: capitalised words that may stand before a surname without making another name ("President Johnson")
_TITLE_WORDS: Final = frozenset(
    """Mr Mrs Ms Dr President Premier Minister Secretary Chancellor King Queen Prince Emir Governor Senator
    Ambassador General Judge Justice Speaker Representative Leader The But And When While After Before Meanwhile
    However Also Then Later Earlier Yesterday Today""".split())
