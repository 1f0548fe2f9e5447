"""A statement's sign from what its act says or asks for, read after the holder scorer.

The cue gives the act its category; what the act asks for, vows or says can make it the other way round:

- an appeal or pledge whose content is punitive or defiant is a demand or a threat, not cooperation ("we call
  for sanctions on the regime", "we will not let the aggressor prevail");
- asking a court to intervene or block something is a legal challenge (CAMEO 12: reject);
- a saying that refuses ("will not approve a budget without …"), sets a condition on aid ("was contingent on
  …") or contradicts another's account is conflictual;
- "asks why …" naming a grievance is a protest, and so is saying a loss comes "because of" another country's hostile deeds;
- ordering flags lowered to half staff or a minute of silence is mourning (tribute), not a demand;
- suspending or dissolving parliament "on the advice of" a government is a formal act of office;
- a court's finding that a matter is "not justiciable" is a ruling, no support for either side.

Applied to the statement's sign only (``extract.Engine._polarity``), so holders and their scorer are unchanged.
"""

from __future__ import annotations

import re
from typing import Final

from model.engine.spans import Found, Sentence
from model.engine.textfold import holds_any

#: the sign of an appeal read as a demand (as ``acts._DEMAND_SIGN``), of a conflictual saying, of a protest,
#: of a tribute (as ``extract._TRIBUTE``) and of a saying or formal act
_DEMAND: Final = -0.5
_CONFLICT_SAYING: Final = -0.4
_TRIBUTE: Final = 0.4
_NEUTRAL: Final = -0.05
#: acts whose content may be hostile: appeals, pledges, intentions (positive by the cue table)
_ASKING: Final = frozenset({"APPEAL", "INTENT", "PLEDGE", "PROMISE"})
#: acts of harm: never mourning
_HARM: Final = frozenset({"ASSAULT", "FIGHT"})
#: what a sayer says: a saying, or a sentence without a known act
_SAYING: Final = frozenset({"SAY", "OTHER"})
#: punitive content asked for or vowed: sanctions or restrictions imposed on someone ("apply personal restrictions
#: against them", "called for sanctions against", "restore all sanctions on"; not "lift the embargo on")
_PUNITIVE: Final = re.compile(r"\b(?:impose|imposing|apply|applying|adopt|adopting|introduce|tighten|tightening|renew|"
                              r"restore|reimpose|extend|for)\s+(?:[\w-]+\s+){0,5}?(?:sanctions|restrictions|embargo|"
                              r"punitive\s+measures)\s+(?:against|on)\b")
#: words in or before punitive content that make the appeal one against it ("the lifting of unilateral sanctions")
_AGAINST_PUNITIVE: Final = re.compile(r"\b(?:lift(?:s|ing|ed)?|end(?:s|ed|ing)?|remov(?:e|es|ed|al|ing)|"
                                      r"eas(?:e|es|ed|ing)|loosen(?:s|ed|ing)?|unilateral|illegal|unjust|coercive|no|"
                                      r"not|without|oppose|opposes|opposed|unfair)\b")
#: how far before the punitive content those words may stand
_AGAINST_SPAN: Final = 30
#: defiance: "will not let the aggressor prevail", "shall never allow them to win"
_DEFIANCE: Final = re.compile(r"\b(?:not|never)\s+(?:let|allow|permit)\b[^.;]{0,60}?\b(?:prevail|win|succeed|"
                              r"dictate|intimidate|defeat|break)\b")
#: vowing to take back one's own land: "return our flag to all our territory", "retake our occupied land" (a vow:
#: the base form; "the liberated district" reports)
_RETAKING: Final = re.compile(r"\b(?:(?:retake|reclaim|liberate|de-occupy)\s+(?:all\s+(?:of\s+)?)?(?:our|the|its)\s+"
                              r"(?:[\w-]+\s+)?(?:territor|land|occupied|region|cit|village)|retake\s+control|"
                              r"return\b[^.;]{0,40}\bto\s+(?:all\s+|the\s+whole\s+(?:of\s+)?)?our\s+(?:entire\s+|whole\s+)?"
                              r"(?:territor|land))")
#: a court asked to act against something: a legal challenge
_COURT: Final = re.compile(r"\b(?:courts?|judges?|tribunal)\b")
_COURT_ACT: Final = re.compile(r"\b(?:intervene|block|halt|stop|overturn|quash|strike\s+down|throw\s+out|dismiss|"
                               r"annul|invalidate|suspend|bar|enjoin)\b")
#: sayings that refuse ("he will not approve a budget …"), make aid depend on something, or contradict or deny
_REFUSAL: Final = re.compile(r"\b(?:he|she|they|we|i|it)\s+(?:(?:will|would|could|shall|does|do|did)\s+not|won't|"
                             r"wouldn't|doesn't|don't|didn't|never)\s+(?:approve|accept|sign|allow|agree\s+to|tolerate|"
                             r"recognise|recognize|back\s+down|give\s+in)\b")
_CONDITION: Final = re.compile(r"\b(?:aid|assistance|funding|funds|money|loans?|payments?|help|release|approval|deal)\s+"
                               r"(?:[\w-]+\s+){0,2}?(?:was|is|were|are|would\s+be|will\s+be|be)\s+"
                               r"(?:contingent|conditional|conditioned)\s+(?:on|upon)\b")
_DISPUTE: Final = re.compile(r"\b(?:(?:a\s+)?different\s+(?:account|version)|(?<!that\s)(?<!which\s)(?<!policies\s)"
                             r"contradict(?:s|ed|ing)?|disputed|"
                             r"(?<!being\s)(?<!been\s)(?<!are\s)(?<!were\s)(?<!was\s)(?<!is\s)(?<!be\s)denied|denies)\b")
#: blame laid on a country: "… is deteriorating because of Israel's occupation policies"
_CAUSE: Final = re.compile(r"\b(?:because\s+of|due\s+to|caused\s+by|as\s+a\s+result\s+of)\s+(?:the\s+)?")
_HOSTILE_DEED: Final = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:occupation|aggression|blockade|invasion|war|attacks?|"
                                  r"sanctions|interference|intransigence|policies|actions)\b")
#: a question that protests: "we ask why double standards are imposed on us"
_ASKING_WORDS: Final = ("ask", "wonder", "question")
_ASK_WHY: Final = re.compile(r"\s+(?:ourselves\s+|themselves\s+)?(?:why|how\s+come)\b")
_GRIEVANCE: Final = re.compile(r"\b(?:imposed|double\s+standards?|unfair(?:ly)?|unjust(?:ly)?|denied|ignored|"
                               r"punished|discriminat\w*|occupation|blockade)\b")
#: acts of mourning: ordering flags to half staff, a minute of silence, national mourning
_MOURNING: Final = re.compile(r"\bhalf[-\s](?:staff|mast)\b|\b(?:minute|moment)\s+of\s+silence\b|"
                              r"\b(?:days?\s+of\s+(?:national\s+)?mourning|national\s+mourning)\b")
#: parliament suspended, prorogued or dissolved on a government's advice: a formal act of office
_OFFICE_ACT: Final = re.compile(r"\b(?:suspend|prorogu|dissolv)\w*\s+(?:the\s+)?(?:parliament|legislature|"
                                r"national\s+assembly)\b[^.;]{0,40}\b(?:on\s+the\s+advice|at\s+the\s+(?:behest|"
                                r"request|advice)|on\s+the\s+recommendation)\s+of\b")
#: a word each of them needs (a cheap test before the expressions)
_MOURNING_WORDS: Final = ("half", "silence", "mourning")
#: … and of a refusal, aid made contingent, a dispute or blame (_REFUSAL, _CONDITION, _DISPUTE, _CAUSE)
_SAYING_WORDS: Final = ("not", "n't", "never", "contingent", "conditi", "different", "contradict", "disputed", "denie",
                        "because", "due", "caused", "result")
#: a court's finding that a matter is not for it to decide
_NOT_FOR_COURTS: Final = re.compile(r"\bnot\s+(?:justiciable|a\s+matter\s+for\s+the\s+courts?)\b|"
                                    r"\b(?:no|lacked|lacks)\s+jurisdiction\b")


def content_sign(sent: Sentence, f: Found, pol: float) -> float:
    """The sign of ``f`` once what its act says or asks for is read (``pol``: the sign so far)."""
    text = sent.text
    cue = f.cue
    after_holder = max(sent.start, f.holder.start + len(f.holder.text))  # (start -1: resolved from context)
    at = cue.end if cue is not None else after_holder
    act = text[cue.start if cue is not None else at:sent.end].lower().split(";", 1)[0]  # the act and what follows
    rest = act[at - (cue.start if cue is not None else at):]
    if legal_challenge(sent, f):
        return _CONFLICT_SAYING
    if _for_courts(sent) and _COURT.search(text[sent.start:at].lower()) and _NOT_FOR_COURTS.search(
            text[sent.start:sent.end].lower()):
        return _NEUTRAL
    if f.category == "CONCEDE" and pol > 0 and _RETAKING.search(act):
        return _DEMAND  # "return our flag to all our territory" takes land back, concedes nothing
    if f.category in _ASKING and pol > 0:
        if _hostile_ask(act):
            return _DEMAND
        asks = cue is not None and text[cue.start:cue.end].lower().startswith(_ASKING_WORDS)
        return _ask_why(rest) if asks and _ASK_WHY.match(rest) else pol
    if pol <= 0 and f.category not in _HARM and holds_any(sent.fold, _MOURNING_WORDS, sent.start, sent.end) and _MOURNING.search(rest):
        return _TRIBUTE
    if pol < -0.1 and _OFFICE_ACT.search(act):
        return _NEUTRAL
    if f.category in _SAYING and -0.1 <= pol <= 0 and holds_any(sent.fold, _SAYING_WORDS, sent.start, sent.end) and (
            _REFUSAL.search(rest) or _CONDITION.search(rest) or _DISPUTE.search(text[after_holder:sent.end].lower())
            or _blames_a_country(sent, at, f.holder.code)):
        return _CONFLICT_SAYING
    return pol


def _for_courts(sent: Sentence) -> bool:
    """A cheap test before the expressions: the sentence's fold holds a word of a court's finding that a matter is
    not its own (with no fold at hand, the expressions decide)."""
    fold, s, e = sent.fold, sent.start, sent.end
    return not fold or fold.find("justiciable", s, e) >= 0 or fold.find("jurisdiction", s, e) >= 0 or (
        fold.find("matter", s, e) >= 0 and fold.find("court", s, e) >= 0)


def legal_challenge(sent: Sentence, f: Found) -> bool:
    """An appeal to a court that it intervene or block ("asked the district court to block the subpoena")."""
    if f.category != "APPEAL" or f.cue is None:
        return False
    rest = sent.text[f.cue.end:min(sent.end, f.cue.end + 160)].lower()
    court = _COURT.search(rest)
    return court is not None and court.start() < 80 and _COURT_ACT.search(rest, court.end()) is not None


def _blames_a_country(sent: Sentence, at: int, own: str) -> bool:
    """After ``at``, something is said to happen because of another country's hostile deeds."""
    text = sent.text
    for m in sent.mentions:
        if m.start >= at and m.is_country and m.entry.code != own:
            cause = _CAUSE.search(text, max(at, m.start - 30), m.start)
            if cause is not None and cause.end() == m.start and _HOSTILE_DEED.match(text, m.end) is not None:
                return True
    return False


def _hostile_ask(rest: str) -> bool:
    """The appeal or pledge asks for or vows something punitive, defiant, or taking one's land back."""
    if _DEFIANCE.search(rest) or _RETAKING.search(rest):
        return True
    return any(_AGAINST_PUNITIVE.search(rest, max(0, m.start() - _AGAINST_SPAN), m.end()) is None
               for m in _PUNITIVE.finditer(rest))


def _ask_why(rest: str) -> float:
    """ "asks why …": a protest when it names a grievance, else a question (a saying)."""
    return _CONFLICT_SAYING if _GRIEVANCE.search(rest) else _NEUTRAL
