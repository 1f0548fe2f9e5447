"""Acts a statement's holder reports rather than does: harm that befell others, acts done by someone who is no
country's actor.

"Police said 12 civilians were wounded" reports harm (an agentless passive of an attack: it befell them); "the
temple has been recognised by UNESCO", "the accused go free if forgiven by the victim's family" report what an
organisation or private people did.  The holder stays (the rules and the scorer chose it); its statement is a
saying (``extract.Engine._polarity``, after the scorer).  The agent of a passive is read here for the rules too
(``AGENT_END``, ``BY``, ``IN_ATTACK``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from model.engine.clauses import first_word, is_participle, is_passive, words_before
from model.engine.lexicon import Hit, category
from model.engine.spans import Sentence
from model.engine.standing import STATIVE

#: where a passive's agent ends
AGENT_END: Final = re.compile(r"[,;]|\s(?:for|in|against|during|over|after|on|at|to|with|because)\s", re.IGNORECASE)
#: the attacker of "in the Saudi-led strikes"
IN_ATTACK: Final = re.compile(r"\b(?:in|during)\b(?=\s+(?:an?\s+|the\s+)?[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[a-z-]+)?\s+"
                              r"(?:air\s?strikes?|strikes?|shelling|attacks?|raids?|bombing|bombardment|fire|offensive|"
                              r"assault))")
#: what names a passive's agents
BY: Final = re.compile(r"\b(?:by|between|among)\b", re.IGNORECASE)
#: acts of harm: in an agentless passive they befell someone ("said three soldiers were killed")
_HARM: Final = frozenset({"ASSAULT", "FIGHT"})
#: "by" right after a passive's verb (one word between at most: "recognized officially by")
_BY_AGENT: Final = re.compile(r"\s+(?:[a-z]+\s+)?by\s+")
#: what "by" introduces when it names no agent: a means ("by shouting"), a measure ("by one hour", "by 5%") or a
#: way of deciding that is the holder's own ("adopted by consensus", "endorsed by a plebiscite")
_BY_MEANS: Final = re.compile(r"[a-z]+ing\b|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a third|a quarter|"
                              r"about|around|nearly|almost|more than|less than|up to|at least|consensus|acclamation|"
                              r"unanimity|(?:an? |the )?(?:vote|majority|referendum|plebiscite))\b", re.IGNORECASE)
#: words after which a participle and "by" make a passive without its auxiliary ("if forgiven by the family")
_SUBORDINATORS: Final = frozenset({"if", "unless", "when", "once", "though", "although", "until"})
#: participles of a feeling: "we are encouraged by the talks" is the holder's own stance, not another's act
_FEELINGS: Final = frozenset("""encouraged heartened pleased delighted inspired impressed moved touched reassured
    concerned alarmed disturbed troubled worried dismayed appalled shocked outraged saddened disappointed
    frustrated angered offended""".split())
#: words between a subject and its verb ("the fire, which also seriously injured", "the storm that has killed")
_BETWEEN_SUBJECT_AND_VERB: Final = frozenset("which that also has had have reportedly later then and".split())
#: roles of a state's own actors: an agent of these acts for its country (the rules make it the holder)
_STATE_ROLES: Final = frozenset({"GOV", "MIL", "JUD", "COP", "LEG", "SPY", "PTY"})


def reported(sent: Sentence, cue: Hit | None, a: int, b: int, find_agents: Callable[[str], Sequence[object]] | None,
             no_agents: frozenset[str]) -> bool:
    """The holder of ``cue`` (governing the clause [a, b)) only reports it: harm that befell others, harm by a
    hazard, an act done by no country's actor.  Its statement is then a saying (the scorer weighed it as its act)."""
    if cue is None:
        return False
    text = sent.text
    return (befalls(text, cue, a, b, sent.alpha) or done_by_another(sent, cue, a, b, find_agents)
            or by_a_hazard(text, cue, sent.start, sent.alpha, no_agents))


def befalls(text: str, cue: Hit, a: int, b: int, alpha: str = "") -> bool:
    """``cue`` is harm in an agentless passive ("… were killed", "have been injured in the blast"; not "were
    killed by rebel shelling", "… in Israeli air strikes"): whoever holds it reports it, the harm is not its act."""
    if category(cue) not in _HARM or not is_passive(text, cue, a, alpha):
        return False
    return BY.search(text, cue.end, b) is None and IN_ATTACK.search(text, cue.end, b) is None


def by_a_hazard(text: str, cue: Hit, floor: int, alpha: str, hazards: frozenset[str]) -> bool:
    """``cue`` is harm whose subject is a hazard or an accident ("the storm killed 12", "the fire, which also
    seriously injured a man"): no one's act, whoever holds the statement."""
    if category(cue) not in _HARM:
        return False
    for w in reversed(words_before(text, cue.start, 5, floor, alpha)):
        if w in hazards:
            return True
        if w not in _BETWEEN_SUBJECT_AND_VERB and not w.endswith("ly"):
            return False
    return False


def done_by_another(sent: Sentence, cue: Hit, a: int, b: int,
                    find_agents: Callable[[str], Sequence[object]] | None) -> bool:
    """``cue`` is a passive whose agent after "by" is no country's actor: an organisation ("recognised by
    UNESCO") or people who act for no state ("if forgiven by the victim's family", "attacked by gunmen").
    Whoever holds the statement reports the act; it is not theirs.  ``find_agents``: the gazetteer's role words."""
    text = sent.text
    form = first_word(text, cue)
    if category(cue) == "SAY" or form in STATIVE or form in _FEELINGS:
        return False
    by = _BY_AGENT.match(text, cue.end, b)
    if by is None or _BY_MEANS.match(text, by.end()) is not None or not (is_passive(text, cue, a, sent.alpha) or (
            is_participle(form) and by.end() - cue.end == 4
            and "".join(words_before(text, cue.start, 1, a, sent.alpha)) in _SUBORDINATORS)):
        return False  # (a participle after "if" and before "by" is a passive without its auxiliary: "if forgiven
        # by"; "by shouting", "by one hour" name a means or a measure, not an agent)
    stop = AGENT_END.search(text, by.end(), b)
    end = stop.start() if stop else b
    named = [m for m in sent.mentions if by.end() <= m.start < end]
    if named:
        return named[0].kind == "igo"
    return find_agents is not None and not any(
        getattr(ag, "role", "") in _STATE_ROLES for ag in find_agents(text[by.end():end]))
