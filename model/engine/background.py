"""Sentences of a person's life story: background, not a position or an act of a state.

News about a death, an election or a trial tells who the person is: "Jane Doe was born in 1950 in Lyon", "Smith
first entered politics when elected in 1998", "Doe, who served as mayor for ten years, died at home on Sunday",
"She received her law degree in 1975", "Roe is serving a three-year prison sentence"; and what befalls a person:
"Doe survived the attack", "was evacuated to a hospital", "seven people were killed in Ruritania yesterday, when a
plane crashed".  The person's country is named or is the article's, and the rules and the scorer read the
sentence's subject as an actor.  Here such a sentence gives no candidate when its main clause is the event
(:func:`LifeStory.told`): the event is not inside a relative clause or a clause of time ("an attack on the town
where he was born"), no act of a state is named before it ("Ruritania confirmed the envoy died") nor its agent after
it ("was killed by police"), no holder of an act the rules found follows it ("Three soldiers died when Ruritania
shelled the town"), and nobody is reported saying it (a saying, "according to", a quotation: then the sayer holds
the sentence).  The phrases are ``life_events`` in ``resources/engine_words.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from model.engine.lexicon import Lexicon, category
from model.engine.spans import Found, Sentence, cue_hits

#: words that open a clause the life event would be inside ("the town where he was born", "after he died")
_SUBORDINATE: Final = frozenset("who whom whose which that where when whenever after before since until because while "
                                "if unless as though although once".split())
_WORD: Final = re.compile(r"[\w’'-]+")
_QUOTES: Final = "“”\""
#: the words of a lower-case fold as the phrases' expression reads them (``\b`` … ``\b``: split at hyphens too)
_WORDS: Final = re.compile(r"[a-z0-9_]+")
#: the agent of a passive after the event
_BY: Final = re.compile(r"\s+by\b")


class LifeStory:
    """The life events of ``resources/engine_words.json`` (one per lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        phrases = [p for p in lexicon.words.get("life_events", []) if p]
        #: one expression over the phrases, whose words are plain or ``\\w+`` for any word ("received her law
        #: degree": "received \\w+ \\w+ degree" is written "received * * degree")
        body = "|".join(r"\s+".join(r"[\w-]+" if w == "*" else re.escape(w) for w in p.split()) for p in phrases)
        self.events = re.compile(r"\b(?:" + body + r")\b", re.IGNORECASE) if body else None
        #: the longest word of each phrase, one of which the sentence's lower-case fold must hold (a cheap test:
        #: "born", not "was")
        self.firsts = frozenset(max(reversed(p.lower().split()), key=len) for p in phrases)

    def told(self, sent: Sentence, found: list[Found], reported: Callable[[Sentence], bool]) -> bool:
        """The sentence's main clause tells an event of a person's life, and nobody is reported saying it
        (``reported``, asked only when an event is there)."""
        if self.events is None or sent.speaker_country:
            return False
        fold = sent.fold
        if fold and self.firsts.isdisjoint(_WORDS.findall(fold, sent.start, sent.end)):
            return False  # (no word any phrase needs)
        text = sent.text
        for m in self.events.finditer(text, sent.start, sent.end):
            if self._subordinate(text, sent.start, m.start()):
                continue  # ("…, who died in 2010, …", "the town where he was born": read the next)
            if any(text.find(q, sent.start, m.start()) >= 0 for q in _QUOTES) or _BY.match(text, m.end()):
                return False  # (a quotation; "was killed by police": the agent's act)
            return not (self._act_before(sent, m.start()) or any(
                f.holder.start >= m.end() and f.category != "OTHER" for f in found) or reported(sent))
        return False

    @staticmethod
    def _subordinate(text: str, start: int, at: int) -> bool:
        """A word that opens a clause stands between the last comma (or the sentence's start) and ``at``."""
        lo = max(text.rfind(",", start, at) + 1, start)
        return any(w.group().lower() in _SUBORDINATE for w in _WORD.finditer(text, lo, at))

    @staticmethod
    def _act_before(sent: Sentence, at: int) -> bool:
        """A cue of an act ends before ``at`` and is not set off by a comma or a title before a name ("Ruritania
        confirmed the envoy died" has one; "Doe, who served as mayor, died" and "rights advocate Jane Doe died"
        do not)."""
        text = sent.text
        for c in cue_hits(sent):
            if c.end > at or category(c) == "SAY":
                continue
            gap = text[c.end:at]
            if "," in gap:
                continue
            if all(w[:1].isupper() for w in gap.split()):
                continue  # (a title before the person's name: "advocate Jane Doe")
            return True
        return False

