"""The act a cue takes in its sentence: its category and sign, from the cue and the words around it.

A cue's category gives the default ("condemned": disapproval, −0.6).  The sentence can change it: a light
verb takes its object's act ("signed a decree banning …" is conflictual, "joined the protest" too), an
appeal that someone leave office or that a named country stop is a demand ("urged the prime minister to
step down", "asked Israel to end its occupation"), absence is a rejection ("was conspicuously absent"), and
negation flips the sign ("will not take part").  What a sayer says in tribute or sympathy is cooperative
(:meth:`Acts.pays_tribute`, applied to the statement's sign after the holder scorer).  The word lists are
``resources/engine_words.json``: ``light_object``, ``leave_office``, ``stop_demands``, ``tribute``.
"""

from __future__ import annotations

import re
from typing import Final

from model.engine.lexicon import CueDef, Hit, Lexicon
from model.engine.spans import Sentence

_TOKENS: Final = re.compile(r"[a-z]+")
#: the sign of an appeal read as a demand
_DEMAND_SIGN: Final = -0.5
#: what ends a verb's object: punctuation or a coordinated second act
_OBJECT_END: Final = re.compile(r"[,;:]|\s(?:and|but|while|after|before)\s")


def _words(found: list[str], prefix: str = r"\b") -> re.Pattern[str] | None:
    return re.compile(prefix + "(?:" + "|".join(re.escape(x) for x in found) + r")\b") if found else None


class Acts:
    """The word lists of ``engine_words.json`` that decide a cue's act in its sentence (one per lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        w = lexicon.words
        self.sentiment = lexicon.sentiment
        #: verbs whose object carries the act: "signed a decree banning …", "ordered a pullback"
        self.light_object = frozenset(w.get("light_object", []))
        #: words of praise, sympathy and mourning: what a sayer says with them is cooperative (CAMEO 051, 018)
        self.tribute = frozenset(w.get("tribute", []))
        #: an appeal that someone leave office is a demand ("asked the minister to resign")
        self.leave_office = _words(w.get("leave_office", []))
        #: … and so is an appeal to a named country that it stop doing something ("asked Israel to end its
        #: occupation", "urged Russia to withdraw"; but "urged Iran to return to the talks" is an appeal)
        self.stop_demand = _words(w.get("stop_demands", []), r"\bto ")

    def act(self, sent: Sentence, cue: Hit, a: int, b: int) -> tuple[float, str, bool]:
        """(polarity, category, negated) of ``cue`` governing the clause [a, b) of ``sent``."""
        d: CueDef = cue.value
        negated = any((a if a > cue.start - 30 else cue.start - 30) <= h.start < cue.start for h in sent.of("neg"))
        pol = d.polarity
        category = d.category
        if d.lemma in self.light_object and not d.objects:
            inner = self._object_act(sent, cue, b)
            if inner is not None:  # "signed a decree banning …": the act is the object's
                pol, category = inner.polarity, inner.category
        if category == "APPEAL" and self.leave_office is not None and self.leave_office.search(
                sent.text[cue.end:min(b, cue.end + 80)].lower()):
            pol, category = _DEMAND_SIGN, "DEMAND"
        elif category == "APPEAL" and self._demands_a_stop(sent, cue, b):
            pol, category = _DEMAND_SIGN, "DEMAND"
        if any(a <= h.start < b for h in sent.of("absence")):
            pol, category, negated = -0.4, "REJECT", False
        if negated:
            pol = -0.6 * pol - 0.2 if pol > 0 else (-0.5 * pol if pol < -0.1 else pol)
        return (-1.0 if pol < -1.0 else (1.0 if pol > 1.0 else pol)), category, negated

    def _demands_a_stop(self, sent: Sentence, cue: Hit, b: int) -> bool:
        """The appeal names a country, then asks it to stop ("called on Israel to end its occupation")."""
        if self.stop_demand is None:
            return False
        end = min(b, cue.end + 80)
        named = [m for m in sent.mentions if cue.end <= m.start < end and m.is_country]
        if not named:
            return False
        after = sent.text[named[0].end:end].lower()
        to = after.find(" to ")
        # the first infinitive after the name is the one asked of it ("urges the Libyan actors to prioritize
        # dialogue in order to end …" asks for dialogue)
        return to >= 0 and self.stop_demand.match(after, to + 1) is not None

    def pays_tribute(self, sent: Sentence) -> bool:
        """The sentence pays tribute or offers sympathy, and names nothing hostile ("It is sad that … attacked"):
        what a sayer says in it is cooperative ("said he was an iconic leader", "expressed his sadness")."""
        words = _TOKENS.findall(sent.text[sent.start:sent.end].lower())
        sentiment_of = self.sentiment
        return any(w in self.tribute for w in words) and not any(sentiment_of.get(w, 0.0) < 0 for w in words)

    def _object_act(self, sent: Sentence, cue: Hit, b: int) -> CueDef | None:
        """The cue inside the object of a light verb ("a decree banning", "a pullback"), if any."""
        limit = min(b, cue.end + 40)
        for h in sent.of("cue"):
            if cue.end <= h.start < limit:
                d: CueDef = h.value
                if d.category != "SAY" and d.lemma not in self.light_object and _OBJECT_END.search(
                        sent.text, cue.end, h.start) is None:
                    return d
        return None
