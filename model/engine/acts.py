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
#: how far (characters) after a negation a tribute word is negated ("not an inspiring", "never a hero")
_NEGATED_SPAN: Final = 16
#: an act at least this conflictual, asked for, makes the appeal a demand
_HOSTILE: Final = -0.4
#: how far after a light verb its object's act may start, and after a pattern's object ("a law that bans")
_OBJECT_SPAN: Final = 40
_RIGHT_AFTER: Final = 12
#: how far after a warning its hazard may be named ("… for the state on Thursday, with Tropical Storm Barry")
_HAZARD_SPAN: Final = 80
#: the sign of a saying, and how many words around a publishing verb may name the paper it publishes
_SAYING_SIGN: Final = -0.05
_PAPER_WORDS: Final = 4
#: the sign of an appeal read as a demand
_DEMAND_SIGN: Final = -0.5
#: the sign of an appeal against a ruling (a rejection of it)
_LEGAL_APPEAL_SIGN: Final = -0.4
#: nothing more in the clause: its end or a closing quote
_CLAUSE_END: Final = re.compile(r"\s*(?:[.;:!?”\"]|,\s*(?:and|but|while)\b|$)")
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
        #: words of blame: what a sayer says with them is criticism (CAMEO 111: "called it a constitutional outrage")
        self.criticism = frozenset(w.get("criticism", []))
        #: an appeal that someone leave office is a demand ("asked the minister to resign")
        self.leave_office = _words(w.get("leave_office", []))
        #: … and so is an appeal to a named country that it stop doing something ("asked Israel to end its
        #: occupation", "urged Russia to withdraw"; but "urged Iran to return to the talks" is an appeal)
        self.stop_demand = _words(w.get("stop_demands", []), r"\bto ")
        self.stops = frozenset(w.get("stop_demands", []))
        #: wishes that someone else stop or leave are demands ("wants foreign forces to leave")
        self.wanting = frozenset(w.get("wanting", []))
        #: appeals with nothing after them are legal challenges ("said they would appeal")
        self.appeal_alone = frozenset(w.get("appeal_alone", []))
        #: warnings and emergencies about a natural hazard are notices, not threats ("issued a flash flood
        #: warning", "declared a state of emergency ahead of the storm")
        self.alerts = frozenset(w.get("alerts", []))
        self.hazards = frozenset(w.get("hazards", []))
        #: what kills or injures with no one's act: a hazard or an accident ("the fire, which also injured a man")
        self.no_agents = self.hazards | frozenset(w.get("accidents", []))
        #: verbs that publish what they name as their subject or object ("the report, released on Monday"; but
        #: "the prisoners were released"), and the papers they publish
        self.publishing = frozenset(w.get("publishing", []))
        self.papers = frozenset(w.get("papers", []))

    def act(self, sent: Sentence, cue: Hit, a: int, b: int) -> tuple[float, str, bool]:
        """(polarity, category, negated) of ``cue`` governing the clause [a, b) of ``sent``."""
        d: CueDef = cue.value
        negated = any((a if a > cue.start - 30 else cue.start - 30) <= h.start < cue.start for h in sent.of("neg"))
        pol = d.polarity
        category = d.category
        if d.lemma in self.light_object and (not d.objects or category == "GOVERN"):
            # (a pattern's hit already holds its object: "a decree" of "signed a decree banning …", whose act
            # follows right after it)
            inner = self._object_act(sent, cue, b, _RIGHT_AFTER if d.objects else _OBJECT_SPAN)
            if inner is not None:  # "signed a decree banning …": the act is the object's
                pol, category = inner.polarity, inner.category
        if category == "APPEAL" and self.leave_office is not None and self.leave_office.search(
                sent.text[cue.end:min(b, cue.end + 80)].lower()):
            pol, category = _DEMAND_SIGN, "DEMAND"
        elif category == "APPEAL" and self._demands_a_stop(sent, cue, b):
            pol, category = _DEMAND_SIGN, "DEMAND"
        elif category == "APPEAL" and self._asks_for_hostile_act(sent, cue, b):
            pol, category = _DEMAND_SIGN, "DEMAND"  # "encouraged its allies to restrict …", "urged them to condemn"
        elif d.lemma in self.wanting and self._wants_a_stop(sent, cue, b):
            pol, category = _DEMAND_SIGN, "DEMAND"
        elif d.lemma in self.appeal_alone and not d.objects and _CLAUSE_END.match(sent.text, cue.end):
            pol, category = _LEGAL_APPEAL_SIGN, "REJECT"  # "will appeal." contests a ruling (CAMEO 12)
        if pol < 0 and self._warns_of_a_hazard(sent, cue, b):
            pol, category = _SAYING_SIGN, "GOVERN"
        if d.lemma in self.publishing and not d.objects and self._publishes_a_paper(sent, cue):
            pol, category = _SAYING_SIGN, "SAY"
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

    def _asks_for_hostile_act(self, sent: Sentence, cue: Hit, b: int) -> bool:
        """The appeal's infinitive is itself a conflictual act ("urged Germany to restrict the airline's flights")."""
        end = min(b, cue.end + 80)
        to = sent.text.find(" to ", cue.end, end)
        if to < 0 or _OBJECT_END.search(sent.text, cue.end, to) is not None:
            return False
        at = to + 4
        for h in sent.of("cue"):
            if h.start == at:
                d: CueDef = h.value
                return d.category != "SAY" and d.polarity <= _HOSTILE and d.lemma not in self.stops
        return False

    def _warns_of_a_hazard(self, sent: Sentence, cue: Hit, b: int) -> bool:
        """The cue is a warning or an emergency ("warned", "issued a flood warning", "declared a state of
        emergency") and names a natural hazard right after its verb."""
        alert = cue.value.lemma in self.alerts or any(
            w in self.alerts for w in _TOKENS.findall(sent.text[cue.start:cue.end].lower()))
        return alert and any(w in self.hazards for w in _TOKENS.findall(sent.text[cue.start:min(b, cue.end + _HAZARD_SPAN)].lower()))

    def _publishes_a_paper(self, sent: Sentence, cue: Hit) -> bool:
        """A paper is what the cue publishes: its object ("released a new report") or, passive, its subject ("the
        report, released on Monday", "the rules were released")."""
        lo = max(sent.start, cue.start - 40)
        before = _TOKENS.findall(sent.text[lo:cue.start].lower())[-_PAPER_WORDS:]
        after = _TOKENS.findall(sent.text[cue.end:min(sent.end, cue.end + 40)].lower())[:_PAPER_WORDS]
        return any(w in self.papers for w in before + after)

    def _wants_a_stop(self, sent: Sentence, cue: Hit, b: int) -> bool:
        """The wish is that someone else stop or leave ("wants foreign forces to leave", not "wants to leave")."""
        if self.stop_demand is None:
            return False
        after = sent.text[cue.end:min(b, cue.end + 60)].lower()
        m = self.stop_demand.search(after)
        if m is None:
            return False
        between = after[:m.start()].strip()
        return bool(between) and not between.startswith("to ") and _OBJECT_END.search(after, 0, m.start()) is None

    def pays_tribute(self, sent: Sentence) -> bool:
        """The sentence pays tribute or offers sympathy, and names nothing hostile ("It is sad that … attacked"):
        what a sayer says in it is cooperative ("said he was an iconic leader", "expressed his sadness")."""
        low = sent.text[sent.start:sent.end].lower()
        sentiment_of = self.sentiment
        if any(sentiment_of.get(w, 0.0) < 0 for w in _TOKENS.findall(low)):
            return False
        return self._says(sent, low, self.tribute)

    def criticises(self, sent: Sentence) -> bool:
        """The sentence blames ("it would be a constitutional outrage", "his irresponsible decision"): what a sayer
        says in it is criticism."""
        return self._says(sent, sent.text[sent.start:sent.end].lower(), self.criticism)

    @staticmethod
    def _says(sent: Sentence, low: str, words: frozenset[str]) -> bool:
        """One of ``words`` stands in the sentence ``low`` (lower case), not right after a negation ("is not an
        inspiring plea", "was not unlawful")."""
        negations = [h.start - sent.start for h in sent.of("neg")]
        return any(m.group(0) in words and not any(0 <= m.start() - n <= _NEGATED_SPAN for n in negations)
                   for m in _TOKENS.finditer(low))

    def _object_act(self, sent: Sentence, cue: Hit, b: int, span: int) -> CueDef | None:
        """The cue inside the object of a light verb ("a decree banning", "a pullback"), if any, starting within
        ``span`` characters of the verb (or of its pattern's object)."""
        limit = min(b, cue.end + span)
        for h in sent.of("cue"):
            if cue.end <= h.start < limit:
                d: CueDef = h.value
                if d.category != "SAY" and d.lemma not in self.light_object and _OBJECT_END.search(
                        sent.text, cue.end, h.start) is None and not _modifier(sent.text, cue.end, h):
                    return d
        return None


def _modifier(text: str, verb_end: int, h: Hit) -> bool:
    """The cue word right after the verb qualifies the noun after it ("ordered fire safety checks", "approved
    aid packages"): the object's head is that noun, not an act (but "ordered a pullback of troops")."""
    lemma = h.value.lemma
    if text[verb_end:h.start].strip() or " " in lemma or text[h.start:h.start + len(lemma)].lower() != lemma:
        return False
    m = _NEXT_WORD.match(text, h.start + len(lemma))  # (a pattern's hit, "fire ~ on", ends at its object)
    return m is not None and m.group(1) not in _FUNCTION_WORDS


_NEXT_WORD: Final = re.compile(r" ([a-z]+)\b")
#: words after a cue that leave it the head of the object ("ordered a pullback of troops", "ordered strikes on")
_FUNCTION_WORDS: Final = frozenset("""of on in at to for from by with against into over and or but the a an its his
    her their our this that these those is are was were has have had will would as after before""".split())
