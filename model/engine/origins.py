"""Countries a clause names through a preposition that mostly marks a target, but here marks who acts.

"Officials from Italy and Chile joined the inquiry", "Law enforcement agencies from Germany, South Korea and
the United Kingdom were part of the task force": "from" after a state's role word says whom those agents
act for, so the countries are the subject's, not the act's target ("aid from Japan", "Students from Chile"
are not: no state role stands before "from").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from model.engine.clauses import Frame, is_passive, words_before
from model.engine.context import STATE_ROLES
from model.engine.discourse import Discourse, Holder
from model.engine.gazetteer import Mention
from model.engine.lexicon import CueDef, Hit
from model.engine.spans import Found, Sentence

if TYPE_CHECKING:
    from model.engine.attribution import Attributor

#: head words of the names of bodies ("the National Institute of Health", "the Centers for Disease Control")
_BODY_HEADS: Final = frozenset("""institute institutes center centers centre centres agency agencies service survey
    council ministry department office bureau commission authority administration board""".split())
#: a capitalised name (with "of", "for", "and" inside) that ends right before the place's preposition
_NAME_BEFORE: Final = re.compile(r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w-]*(?:\s+(?:of|for|and|on|[A-Z][\w-]*))*)\s+\w+\s+(?:the\s+)?$")

#: role words whose bearers act for the state they come from (a party's members do not)
_ACTING_ROLES: Final = STATE_ROLES - {"PTY"}


def body_placed(text: str, a: int, start: int) -> bool:
    """A named body stands before the place name at ``start`` ("the Centers for Disease Control and Prevention in
    the United States", "the National Institute of Health in Italy"): the place is the body's country. Its name's
    capitalised words must include a body's head word (not "Hurricane Dorian in the Bahamas")."""
    m = _NAME_BEFORE.search(text, a if a > start - 120 else start - 120, start)
    return m is not None and any(w.lower() in _BODY_HEADS for w in m.group("name").split() if w[:1].isupper())


def agents_from(text: str, a: int, start: int, find_agents: Callable[[str], Sequence[object]] | None) -> bool:
    """The name at ``start`` (governed by "from", in the subject that begins at ``a``) follows a state's
    role word: "officials from Italy", "troops from Chile and Peru"."""
    if find_agents is None:
        return False
    i = text.rfind(" from ", a, start)
    if i < 0:
        return False
    head = text[a:i]
    agents = find_agents(head)
    if not agents:
        return False
    last = agents[-1]
    # (the role word may qualify the noun that ends the phrase: "police agencies", "army units")
    rest = head[getattr(last, "end", len(head)):].split()
    return len(rest) <= 1 and all(w.islower() for w in rest) and getattr(last, "role", "") in _ACTING_ROLES


def later_clauses(attr: Attributor, sent: Sentence, disc: Discourse, cuts: list[int], cues: list[Hit],
                  how: tuple[bool, str | None], held: list[Found]) -> list[Found]:
    """Holders of clauses the sentence's first holders (or its sayer's frame) kept from being read: the agents
    of a passive relative clause ("France announced a mission which was joined by Italy, Greece and Spain";
    "the territory, which was occupied by Israel") and the named subject of a clause after a semicolon, "where"
    or "but" ("Chile condemned the strike; Peru welcomed it", "a summit where the presidents of Bolivia and
    Chile signed the deal", "The attack was claimed by X, but Chile blamed Y"). Only names inside the clause count (a relative clause's
    subject is the noun it qualifies, and a pronoun there stands for the holders already found)."""
    out: list[Found] = []
    text = sent.text
    codes = {f.holder.code for f in held}
    for j in range(1, len(cuts) - 1):
        a, b = cuts[j], cuts[j + 1]
        before = text[max(0, a - 6):a]
        word = before.split()[-1:]
        relative = word in (["which"], ["who"])
        if not relative and not before.endswith(";") and word not in (["where"], ["but"]):
            continue
        cue = attr.govern(text, cues, a, b)
        if cue is None or (relative and not is_passive(text, cue, a, sent.alpha)):
            continue
        first = cue.end if relative else a
        held_here = [f for f in attr.clause(sent, disc, a, b, cue, how[0], how[1]) or [] if f.holder.start >= first]
        if relative and held_here and min(f.holder.start for f in held_here) - cue.end > 40:
            continue  # the agent of a later participle ("which was brokered … within the initiative announced by X")
        for f in held_here:
            if f.holder.code not in codes:
                codes.add(f.holder.code)
                out.append(f)
    return out


def saying_verb(sent: Sentence, frames: Sequence[Frame]) -> Hit | None:
    """The verb through which a frame's sayer says the sentence when its content has no act of its own: the
    frame's saying verb, else the words "according to" as a plain saying ("According to Chile's health
    ministry, the outbreak is over")."""
    for fr in frames:
        if fr.verb is not None:
            return fr.verb
    for fr in frames:
        if fr.kind == "according":
            i = sent.fold.rfind("according to", sent.start, fr.sayer_start + 1)
            if i >= 0:
                return Hit(i, i + 12, "cue", CueDef("according to", "SAY", 0.0, "", "verb"))
    return None


def ethnic_to_place(text: str, holders: list[Holder], mentions: Sequence[Mention], govs: dict[int, str],
                    location_preps: frozenset[str]) -> list[Holder]:
    """"ethnic Albanians demonstrated in Serbia": a group is coded by where it acts (moved here from
    ``Attributor`` to keep attribution.py under 400 lines)."""
    out: list[Holder] = []
    for h in holders:
        if h.kind == "demonym" and words_before(text, h.start, 1)[-1:] == ["ethnic"]:
            place = next((m for m in mentions if m.start > h.start and m.is_country and m.code != h.code
                          and govs.get(m.start, "") in location_preps), None)
            if place is not None:
                out.append(Holder(place.code, place.text, place.start, place.kind))
            continue
        out.append(h)
    return out
