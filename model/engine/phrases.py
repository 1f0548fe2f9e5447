"""Where the names of a subject or an agent begin and end: the subject noun phrase, a sentence's
introductory phrase ("Contrary to the actions of Armenia, Azerbaijan …"), the list of agents after a
passive's "by"."""

from __future__ import annotations

import re
from typing import Final

from model.engine.discourse import Holder
from model.engine.gazetteer import Mention
from model.engine.spans import Sentence, list_gap, merge_compounds
from model.engine.wording import affixed, sponsored

_JOINED: Final = re.compile(r"\b(?:and|with|along with|together with)\b")
_OF: Final = re.compile(r"\b(?:of|in|for)\b")
#: a possessor's group whose members are listed ("Chile's neighbours, including Peru and Bolivia", "Tunisia's
#: neighbouring Muslim-majority countries including Algeria"): the members act, not the possessor
_MEMBERS: Final = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,4}[\w-]+s,?\s+(?:including|such as|like|notably|among them)\s+"
                             r"(?:the\s+)?")

#: words that open a sentence's introductory phrase ("Contrary to the actions of Armenia, Azerbaijan …", "Speaking on
#: state television in Yemen, a Houthi spokesman said …")
_INTRO: Final = re.compile(r"\s*(?:Contrary to|Unlike|Despite|In spite of|Following|After|Before|Regarding|Concerning|"
                           r"As for|Amid|During|Since|Thanks to|Due to|Because of|Apart from|In response to|"
                           r"In contrast to|Compared with|Compared to|"
                           r"(?:Speaking|Talking|Writing|Appearing)\s+(?:to|on|in|at|with|from|during|after|before)|"
                           r"Addressing|In an interview with)\b")


def after_intro_phrase(text: str, a: int, b: int, inside: list[Mention]) -> list[Mention]:
    """The names after an introductory phrase ("Contrary to the reckless actions of Armenia, Azerbaijan
    demonstrated good faith": Azerbaijan; "Regarding Trump's phone call, a former prosecutor said": none)."""
    intro = _INTRO.match(text, a) if inside[0].start - a <= 200 else None
    if intro is None:
        return inside
    comma = text.find(",", intro.end(), b)
    if comma < 0:
        return inside
    return [m for m in inside if m.start > comma]


def through_list(text: str, mentions: list[Mention], start: int, end: int) -> int:
    """``end``, or further when the names before it go on as a list ("by Australia, Bahrain and the UK")."""
    last = -1
    for m in mentions:
        if m.start < start:
            continue
        if m.start < end:
            last = m.end
        elif last >= 0 and list_gap(text, last, m.start):
            last = m.end
        else:
            break
    return last if last > end else end


def subject_mentions(text: str, mentions: list[Mention], a: int, b: int) -> list[Mention]:
    """Country mentions of the subject noun phrase in [a, b).

    The first run of listed names is the subject ("The chiefs of China, Iran
    and Pakistan"); a later name joins only through "and"/"with" ("X's
    minister and his Russian counterpart"); names inside a comma-delimited
    apposition after the subject ("Pakistan, a key U.S. ally, …") do not.
    """
    inside = [m for m in mentions if a <= m.start and m.end <= b and m.is_country
              and not affixed(text, m.start)
              and not sponsored(text, m.end)]
    inside = merge_compounds(text, inside)
    if not inside:
        return []
    inside = after_intro_phrase(text, a, b, inside)
    if not inside:
        return []
    keep = [inside[0]]
    for i in range(1, len(inside)):  # (indexes, not zip: compiled, the pairs stay typed)
        prev = inside[i - 1]
        m = inside[i]
        if list_gap(text, prev.end, m.start) or m.code == keep[0].code:
            keep.append(m)
            continue
        gap = text[prev.end:m.start]
        if len(keep) == 1 and _MEMBERS.fullmatch(gap):
            keep = [m]  # (the possessor is dropped by the standing rules too: ``Standing._related``)
            continue
        low = gap.lower()
        if "," in gap and low.strip().startswith(","):
            break  # apposition or a new phrase
        if _JOINED.search(low) and len(gap.split()) <= 5:
            keep.append(m)
            continue
        if len(gap.split()) <= 4 and _OF.search(low) and "," not in gap and ";" not in gap:
            keep.append(m)
            continue
        break
    return keep


def igo_subject(sent: Sentence, a: int, b: int, holders: list[Holder]) -> bool:
    """The subject is an international organisation (or its official): no country holds."""
    igo = [m for m in sent.mentions if a <= m.start < b and m.kind == "igo"]
    if not igo:
        return False
    if not holders:
        return True
    # "Kenzo Oshima, the UN relief coordinator," and "UN envoy Kenzo Oshima": a person acting for the
    # organisation (but not "Erdoğan cited Article 5 of the NATO treaty": no apposition, only named)
    if not all(h.kind == "person" for h in holders):
        return False
    first, person = igo[0], holders[0]
    if person.start < first.start:
        return first.start - person.start < 60 and "," in sent.text[person.start:first.start]
    return True  # the organisation named first: its official is the subject ("NATO chief Stoltenberg")
