"""Country names that qualify a thing, not an actor (read by :mod:`model.engine.standing`).

- a country's possessive or a demonym before a noun that is neither a role word nor an act, in a sentence with no
  known act: "Iran's air fleet is ageing", "Samoan vaccination rates dropped", "The Thai monarchy was limited by
  a constitution", "French inventor … crossed the Channel": the thing (or the private person) is what the sentence
  is about, and the country does nothing in it ("Thai law forbids …", "the Hungarian bid won", "Russian troops …"
  keep it); not in a speech, where a country's possessive mostly names what it did ("Russia's unlawful act of
  aggression", "Russia's complete disregard for …");
- the place named right after a name that qualifies a place ("the Indian capital, New Delhi").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from model.agents import AgentMention
from model.engine.context import LOCAL_KINDS
from model.engine.gazetteer import Mention
from model.engine.spans import Sentence

#: the lower-case words of the noun after the name (one or two: "air fleet", "vaccination rates"), up to a word
#: that ends the noun or joins another ("and": "Russia's cruel and unprovoked war" is an act judged, kept)
_NOUN: Final = re.compile(r"(?:['’]s)?((?:\s(?!(?:and|or|but|of|to|for|on|in|with|against|is|was|are|were|has|have|had|will|"
                          r"would)\b)[a-z][\w-]*){1,2})(?!\s(?:and|or)\b)\b")
#: what stands between a place's country and its name: the place noun, a word more, a comma ("'s capital, ")
_APPOSITION: Final = re.compile(r"(?:['’]s)?\s+(\w+)(?:\s+[a-z]+)?\s*,?\s*")


def names_a_thing(text: str, m: Mention, find_agents: Callable[[str], Sequence[AgentMention]] | None,
                  act_nouns: frozenset[str]) -> bool:
    """``m`` (a country's possessive or a demonym) qualifies a noun that is neither a role word nor an act."""
    if find_agents is None or m.kind not in ("country", "demonym"):
        return False
    if m.kind == "country" and not text.startswith(("'s", "’s"), m.end):
        return False  # ("Iran has …": the country is the subject)
    noun = _NOUN.match(text, m.end)
    if noun is None:
        return False
    words = noun.group(1)
    return not find_agents(words) and not any(w in act_nouns for w in words.split())


def appositions(sent: Sentence, excluded: set[int], place_nouns: frozenset[str]) -> set[int]:
    """The place named right after an excluded name and its place noun ("the Indian capital, New Delhi",
    "the United States capital city Washington DC")."""
    out: set[int] = set()
    text = sent.text
    for i in range(1, len(sent.mentions)):
        x, m = sent.mentions[i - 1], sent.mentions[i]
        if x.start not in excluded or m.start in excluded or m.kind not in LOCAL_KINDS:
            continue  # (a country after the comma is a new subject: "… Palestinian territories, Malaysia is …")
        gap = _APPOSITION.fullmatch(text, x.end, m.start)
        if gap is not None and gap.group(1).lower() in place_nouns:
            out.add(m.start)
    return out
