"""Candidates for sentences with no known cue (news only): an official, a state body or a state's role word acts
by a verb no cue table lists ("Officials cleared the area", "Firefighters put the fire out", "According to police,
…").  The sentence's first verb stands for the act, and the countries it names and the home country become
candidates that the holder scorer weighs by features of their own (``bare…`` in :mod:`model.engine.holders`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.engine.context import STATE_ROLES, DocContext
from model.engine.fallback import first_verb
from model.engine.lexicon import Hit
from model.engine.spans import Sentence, bisect_left

if TYPE_CHECKING:
    from model.engine.attribution import Attributor


def bare_verb(attr: Attributor, sent: Sentence, ctx: DocContext) -> Hit | None:
    """The verb a cue-less sentence's candidates are read through, when an actor does it; else None."""
    verb = first_verb(attr, sent)
    return verb if verb is not None and _actor_acts(sent, ctx, verb.start) else None


def _actor_acts(sent: Sentence, ctx: DocContext, verb: int) -> bool:
    """An official, a state body or a state's role word just before the verb ("Officials cleared …", "The
    sheriff's office arranged …"), or the sentence is according to one ("According to police, …")."""
    near = max(sent.start, verb - 40)
    if _state_role(sent, ctx, near, verb) or any(near <= m.end <= verb and m.kind in ("person", "body")
                                                   for m in sent.mentions):
        return True
    return "according to" in sent.fold[sent.start:sent.end] and _state_role(sent, ctx, sent.start, sent.end)


def other_country_acts(sent: Sentence, verb: int) -> bool:
    """A country's name just before the verb: its officials act ("U.S. officials identified …", "US Secretary of
    State Mike Pompeo posted …"), not the home country's."""
    near = max(sent.start, verb - 40)
    return any(near <= m.start < verb and m.is_country and m.kind not in ("city", "region") for m in sent.mentions)


def _state_role(sent: Sentence, ctx: DocContext, a: int, b: int) -> bool:
    """A state's role word between ``a`` and ``b`` that is not a surname: inside a sentence, a capitalised role word
    is a title only before a name ("Mayor Bill de Blasio"; "Queloz and Mayor won" names a person)."""
    text = sent.text
    agents = ctx.agents
    for i in range(bisect_left(ctx.agent_starts, a), len(agents)):
        a0, a1, role = agents[i]
        if a0 >= b:
            break
        if role not in STATE_ROLES or role == "PTY":  # (a party's results are not acts: "the party gained seats")
            continue
        if a0 > sent.start and text[a0].isupper() and not text[a1 + 1:a1 + 2].isupper() and \
                not text[a0 - 4:a0].lower().endswith(("the ", "’s ", "'s ")):
            continue
        return True
    return False
