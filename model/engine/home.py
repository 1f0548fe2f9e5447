"""The candidates other than the rules' holders: the article's home country as the holder of a sentence whose
actor is named only by role, and what rules it out (a role word of another country, a news outlet that only
reports; a country named only inside someone else's quotation: :mod:`model.engine.quoting`)."""

from __future__ import annotations

import re
from typing import Final

from model.engine.context import DocContext
from model.engine.discourse import Holder
from model.engine.lexicon import Hit, category
from model.engine.spans import Sentence, bisect_left
from model.engine.textfold import holds_any

#: the nouns of a news outlet as a sayer ("State media", "the daily newspaper", "news channel"; not a state's
#: "National Crime Agency")
_OUTLET: Final = re.compile(r"\b(?:media|newspapers?|daily|tabloid|broadcaster|television|TV|radio|news (?:agency|site|"
                            r"channel|outlet|website))\b", re.IGNORECASE)
_OUTLET_WORDS: Final = ("media", "newspaper", "daily", "tabloid", "broadcaster", "television", "tv", "radio", "news")
_AUXILIARIES: Final = frozenset(("has", "have", "had", "also", "later", "earlier", "first"))
#: a capitalised word right after a name: the name goes on ("The National Transportation Safety Committee")
_NAME_GOES_ON: Final = re.compile(r" [A-Z]")


def home_holder(sent: Sentence, ctx: DocContext, cue: Hit, code: str) -> Holder:
    """``code`` (the home country, or where the story happens) as the holder of a sentence whose actor is named
    by role or name only."""
    text = sent.text
    i = bisect_left(ctx.agent_starts, sent.start)
    if i < len(ctx.agents) and ctx.agents[i][0] < cue.start:
        a0, a1, _role = ctx.agents[i]
        return Holder(code, text[a0:a1], -1, "home")
    words = text[sent.start:cue.start].strip(" ,“\"").split()
    return Holder(code, " ".join(words[-4:])[:60], -1, "home")


def role_of_other(sent: Sentence, ctx: DocContext, cue: Hit, code: str) -> bool:
    """The role word the home candidate would stand for is qualified by a name of another country or of its place
    ("US President Trump has called …", "Florida Governor Ron DeSantis declared …", "Greek Foreign Minister …"
    in a story at home elsewhere): that role is the other country's."""
    i = bisect_left(ctx.agent_starts, sent.start)
    if sent.speaker_country or i >= len(ctx.agents) or ctx.agents[i][0] >= cue.start:
        return False  # (a speech: the speaker says every sentence)
    a0 = ctx.agents[i][0]
    text = sent.text
    for m in sent.mentions:
        if m.code != code and m.end <= a0 and (m.end == a0 - 1 or text.startswith(("'s ", "’s "), m.end)) and (
                m.end + 3 >= a0 and not text[m.end:a0].strip(" '’s")):
            return True
    return False


def media_sayer(sent: Sentence, cue: Hit) -> int:
    """Where the sayer's words begin when the sentence's cue is a saying whose sayer is a news outlet ("State media
    reported …", "CNN reported …", "Ruritanian daily newspaper The Herald revealed …"), else -1: media that only
    report hold nothing, and neither the country word of their name nor the article's home country is their voice."""
    if category(cue) != "SAY":
        return -1
    text = sent.text
    lo = max(text.rfind(",", sent.start, cue.start) + 1, sent.start)
    for m in sent.mentions:
        if lo <= m.start < cue.start and m.kind == "reporter" and not _NAME_GOES_ON.match(text, m.end) and (
                _next_to(text, m.end, cue.start)):
            return lo  # (not "The National Transportation Safety Committee": the outlet's name goes on)
    fold = sent.fold
    if not holds_any(fold, _OUTLET_WORDS, lo, cue.start):
        return -1
    last = -1  # (the outlet word nearest the cue)
    for outlet in _OUTLET.finditer(text, lo, cue.start):
        last = outlet.end()
    return lo if last >= 0 and _next_to(text, last, cue.start) else -1


def _next_to(text: str, end: int, at: int) -> bool:
    """Only the outlet's name and an auxiliary stand between ``end`` and the cue at ``at`` ("State media reported",
    "the newspaper Der Kurier has reported"; not "In an interview with the daily Kurier the minister said")."""
    return all(w[:1].isupper() or w in _AUXILIARIES for w in text[end:at].split())
