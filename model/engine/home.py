"""The candidates other than the rules' holders: the article's home country as the holder of a sentence whose
actor is named only by role, and what rules it out (a role word of another country, a news outlet that only
reports; a country named only inside someone else's quotation: :mod:`model.engine.quoting`)."""

from __future__ import annotations

import re
from typing import Final

from model.engine.context import DocContext, person_subject_words
from model.engine.discourse import Holder
from model.engine.lexicon import Hit, category
from model.engine.spans import Sentence, bisect_left
from model.engine.textfold import holds_any

#: the words of a speaker's candidate that no word of the sentence names (as :mod:`model.engine.fallback` writes them)
SPEAKER_WORDS: Final = "(speaker)"
#: the nouns of a news outlet as a sayer ("State media", "the daily newspaper", "news channel"; not a state's
#: "National Crime Agency")
_OUTLET: Final = re.compile(r"\b(?:media|newspapers?|daily|tabloid|broadcaster|television|TV|radio|news (?:agency|site|"
                            r"channel|outlet|website))\b", re.IGNORECASE)
_OUTLET_WORDS: Final = ("media", "newspaper", "daily", "tabloid", "broadcaster", "television", "tv", "radio", "news")
_AUXILIARIES: Final = frozenset(("has", "have", "had", "also", "later", "earlier", "first"))
_BE_FORMS: Final = frozenset(("is", "was", "are", "were", "will", "would", "could", "can", "did", "does", "then"))
#: a capitalised word right after a name: the name goes on ("The National Transportation Safety Committee")
_NAME_GOES_ON: Final = re.compile(r" [A-Z]")
#: a capitalised word right before a role word: its title goes on ("Emergencies Minister", "Deputy Governor")
_TITLE_BEFORE: Final = re.compile(r"\b([A-Z][\w’'-]*) $")
_NOT_TITLE: Final = frozenset("The A An In On At For From To And But Or As After By With When While Its His Her Their "
                              "Our This That These Those Both All Some Many Most Several Each Every Other Few Unlike "
                              "Let's Let’s Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
                              "March April May June July August September October November December".split())
#: what may stand between two role words of one title ("Deputy Interior Minister")
_TITLE_GAP: Final = re.compile(r" (?:[A-Z][\w’'-]* )*")
#: a number opening the phrase is no title ("Sixty-six people", "Four Navy sailors")
_NUMBER: Final = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                            r"fifty|sixty|seventy|eighty|ninety|hundred|\d)", re.IGNORECASE)
#: the source of what a sentence tells, a few words before its role word ("according to a hospital spokesperson",
#: "was shot dead by police")
_SOURCE_BEFORE: Final = re.compile(r"\b(?:[Aa]ccording to|by)(?: [\w’'-]+){0,4} $")
#: a clause that opens after a comma: its role word is that clause's subject when a verb follows ("Following the
#: fire, authorities are performing checks", "In finding …, the Supreme Court also found")
_CLAUSE_OPEN: Final = re.compile(r", (?:the )?$")
#: the verb after a person's name that opens a sentence ("Gupta was taken", "Chahed signed", "Terri said")
_VERB_AFTER_NAME: Final = re.compile(r" (?:is|was|were|are|has|had|have|will|would|could|can|may|must|should|did|does|"
                                     r"also|later|then|said|says|told|wrote|[a-z]+ed)\b")
#: how far after a role word its saying verb may stand ("Minister Alexander Chupriyan told")
_SAYER_REACH: Final = 40
#: a word of a person's or a body's name ("Moganedi", "D'Souza", "Jean-Pierre"; not "Already-queued")
_NAME_WORD: Final = re.compile(r"[A-Z][\w’']*(?:-[A-Z][\w’']*)*")
#: "of" and a name after a role word ("the mayor of Yartsevo", "Minister of Foreign Affairs")
_OF_NAME: Final = re.compile(r" of (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}")


def home_holder(sent: Sentence, ctx: DocContext, cue: Hit, code: str) -> Holder:
    """``code`` (the home country, or where the story happens) as the holder of a sentence whose actor is named
    by role or name only, with the words that name that actor (:func:`home_words`)."""
    return Holder(code, home_words(sent, ctx, cue.start), -1, "home")


def home_words(sent: Sentence, ctx: DocContext, at: int) -> str:
    """The words that make the home candidate of a sentence whose cue is at ``at`` someone's act, for the analyst's
    evidence card: the role word before the cue ("Police said", "Emergencies Minister"), else the pronoun or the
    unknown person's name that is the subject ("He later returned", "Gupta was taken"), else a role word after the
    cue that is the sentence's source ("A total of 39 are confirmed dead, officials told state media", "according
    to the mayor of Yartsevo", "was shot dead by police") or the subject of a later clause ("Following the fire,
    which injured a man, authorities are performing checks"); else "" — nothing in the sentence names an actor ("These
    results can help", "no one tried to storm the base"): never the words that happen to stand before the cue."""
    text, s, e = sent.text, sent.start, sent.end
    if sent.speaker_country:  # a speech: the speaker says it ("we" when it says so, not "the Security Council")
        fp = next((h for h in sent.of("fp") if s <= h.start < at), None)
        return text[fp.start:fp.end] if fp is not None else SPEAKER_WORDS
    agents = ctx.agents
    i = bisect_left(ctx.agent_starts, s)
    if i < len(agents) and agents[i][0] < at:
        return _role_phrase(text, agents, i, s, e)[0]
    for kind in ("fp", "pron1", "pronN"):
        for h in sent.of(kind):
            if s <= h.start < at:
                return text[h.start:h.end]
    name = person_subject_words(text, s, e)
    if name and s + len(name) <= at and _VERB_AFTER_NAME.match(text, s + len(name)):
        return name  # (not "Following the fire", "Six of the murders", "Polling averages measured")
    name = _name_before(text, s, at)
    if name:
        return name
    while i < len(agents) and agents[i][0] < e:
        phrase, a0, a1, i = _role_phrase(text, agents, i, s, e)
        if _SOURCE_BEFORE.search(text, max(s, a0 - 40), a0) or _says_after(sent, a1) or (
                _CLAUSE_OPEN.search(text, max(s, a0 - 6), a0) and _VERB_AFTER_NAME.match(text, a1)):
            return phrase
        i += 1
    return ""


def _name_before(text: str, s: int, at: int) -> str:
    """The capitalised name the gazetteer does not know right before the cue at ``at``, past auxiliaries and adverbs
    ("Brudzinski also ordered", "Connie Moganedi said", "“Ford is fully cooperating"); not a name after an article
    ("the Channel presented": a thing named) nor a sentence's opening word alone ("Mandatory sentencing called")."""
    words = text[max(s, at - 80):at].split()
    while words and (words[-1] in _AUXILIARIES or words[-1] in _BE_FORMS or (
            words[-1].endswith("ly") and words[-1].isalpha() and words[-1].islower())):
        words.pop()
    run: list[str] = []
    while words and len(run) < 5:
        w = words[-1].lstrip("“\"‘'(")
        if run and w in ("of", "for") and len(words) > 1 and words[-2][:1].isupper():
            run.append(w)  # ("Center for Food Safety")
            words.pop()
            continue
        if not _NAME_WORD.fullmatch(w) or w in _NOT_TITLE:
            break
        run.append(w)
        words.pop()
    while run and run[-1] in ("of", "for"):
        run.pop()  # ("The … of Health": the name did not begin there)
    if not run or (words and words[-1] in ("the", "a", "an")):
        return ""
    return " ".join(reversed(run))


def _says_after(sent: Sentence, end: int) -> bool:
    """A saying verb follows the words ending at ``end``, with only a name or an auxiliary between ("officials told
    state media", "Minister Alexander Chupriyan said", "police have said"; not "governments make more informed
    decisions")."""
    for c in sent.of("cue"):
        if end <= c.start < end + _SAYER_REACH and category(c) == "SAY":
            return _next_to(sent.text, end, c.start)
    return False


def _role_phrase(text: str, agents: list[tuple[int, int, str]], i: int, s: int, e: int) -> tuple[str, int, int, int]:
    """The role word ``agents[i]`` with the rest of its title around it ("Deputy Interior Minister", "Emergencies
    Minister") and the place or body it is of after it ("the mayor of Yartsevo"): the phrase, where it starts and
    ends, and the index of its last role word."""
    a0, a1 = agents[i][0], agents[i][1]
    while True:
        m = _TITLE_BEFORE.search(text, max(s, a0 - 30), a0)
        if m is None or m.group(1) in _NOT_TITLE or _NUMBER.match(m.group(1)):
            break
        a0 = m.start(1)
    while i + 1 < len(agents) and agents[i + 1][0] < e and _TITLE_GAP.fullmatch(text, a1, agents[i + 1][0]):
        i += 1  # ("Deputy" … "Minister": one title)
        a1 = agents[i][1]
    m = _OF_NAME.match(text, a1, e)
    if m is not None:
        a1 = m.end()
    return text[a0:a1], a0, a1, i


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
