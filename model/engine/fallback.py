"""Attribution when no known cue governs: the subject's country, its verb, and colouring words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from model.engine.discourse import Holder
from model.engine.gazetteer import Mention
from model.engine.lexicon import CueDef, Hit, Lexicon
from model.engine.phrases import subject_mentions
from model.engine.spans import Found, Sentence, governors, round3

if TYPE_CHECKING:
    from model.engine.attribution import Attributor

#: a verb group ("has repeatedly denied", "began", "is seeking"); ``{ing}`` is what may stand before a participle
_FINITE_TEMPLATE: Final = (
    r"\b(?:(?:has|have|had|will|would|is|are|was|were|did|does|do|can|could|may|might|shall|should|must)\s+"
    r"(?:(?:not|also|already|now|just|been|be|further|again|repeatedly|formally|officially|strongly|very|generously|reportedly)\s+)*)?"
    r"(?P<v>{ing}[a-z]+ed|(?<=\s){ing}[a-z]{3,}ing(?=\s)|began|begun|set|held|sent|took|made|gave|left|went|came|brought|found|told|met|put|cut|fought|won|lost|"
    r"struck|threw|drove|rose|fell|led|paid|sold|built|spent|hit|saw|sought|chose|became|remains|remained|keeps|kept|"
    r"wants|plans|seeks|says|calls|urges|holds|sends|gives|offers|backs|opposes|rejects|supports|accuses|threatens|"
    r"warns|demands|refuses|agrees|continues|signs|meets|visits|hosts|helps|provides|uses|used)\b")
#: in news, a word in -ing or -ed after an article or a possessive is an adjective or a noun, not the verb ("is a
#: leading candidate", "a founding member", "an estimated two million"); in a speech the speaker holds the clause
#: whatever its verb, and the looser reading keeps "will continue to increase its funding"
_FINITE: Final = re.compile(_FINITE_TEMPLATE.replace(
    "{ing}", r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)"))
_FINITE_SPEECH: Final = re.compile(_FINITE_TEMPLATE.replace("{ing}[a-z]+ed", "[a-z]+ed").replace("{ing}", r"(?<!\bthe\s)"))
_TOKENS: Final = re.compile(r"[a-z]+")
#: participles whose passive tells that the subject was made ("was founded", "were formed")
_MADE: Final = frozenset({"founded", "established", "formed", "created", "incorporated"})
_BE_FORMS: Final = frozenset({"is", "are", "was", "were"})
_CLAUSE_PUNCT: Final = re.compile(r"[;:]")
#: the verb right after a speech's first person in the present ("We value …", "we stand firmly for …", "we can
#: build …", "we are proud of …"): auxiliaries and adverbs between, and not a word that cannot be a verb
_PRESENT: Final = re.compile(
    r"\s+(?:(?:also|all|both|still|now|therefore|together|indeed|truly|deeply|firmly|fully|further|again|can|cannot|"
    r"could|do|does|did|not|are|am|have|remain|continue\s+to|will\s+continue\s+to)\s+)*"
    r"(?!(?:the|a|an|to|of|in|on|at|by|for|from|with|and|or|but|that|this|these|those|who|which|as|if|so|no|not|"
    r"very|more|most|here|there|able|all|can|have|has|am|is|are|will|shall|would|should|must|may|might|could|"
    r"address|see|witness|live|know|hear|was|were|be|been|being|rank|ranks|encompass|encompasses|comprise|comprises|"
    r"consist|consists|include|includes|contain|contains|lie|lies|belong|belongs|neither|nor|only|just|one|among)\b)"
    r"(?P<v>[a-z]{3,})\b")
#: the auxiliaries _PRESENT reads before a verb (a named subject's verb without one ends in -s: "Peru assures")
_AUXILIARY: Final = re.compile(r"\s+(?:can|cannot|could|do|does|did|will|shall|would|should|must|may|might)\b")
_WORD: Final = re.compile(r"[A-Za-z-]+")
#: what may stand right before a speech's first person as the subject ("And we …", "Today we …", "that we …"); any
#: other lower-case word makes it the subject of a relative clause ("the choices we make")
_BEFORE_SUBJECT: Final = frozenset("and but so yet then now today here also indeed therefore thus together finally "
                                   "currently still again too that where".split())
#: words that make the first person's clause a condition or a reason ("if we act now", "because we can't …")
_SUBORDINATE: Final = frozenset("whether if unless when how what why until once before after as because since "
                                "which who whom while".split())
#: what opens a noun phrase that a relative clause without "that" may follow ("the choices we make")
_DETERMINERS: Final = frozenset("the these those all many every any each some which whatever".split())
#: prepositions of a phrase of time or place before the first person ("During the past year we …")
_PHRASE_PREPOSITIONS: Final = frozenset("in during over for at since after throughout within across under on by "
                                        "from of".split())
_MODAL_VERB: Final = re.compile(r"\b(?:must|should|has to|have to|needs to|need to)\s+(?:not\s+)?(?P<v>[a-z]+)\b")


def fallback(attr: Attributor, sent: Sentence, s: int, e: int, hedged: bool, reporter: str | None, before: int) -> list[Found]:
    """No known cue: the subject's country, the first finite verb after it, and
    a polarity from the sentence's colouring words (low confidence)."""
    cands = [m for m in sent.mentions if m.is_country and s <= m.start < e]
    if cands and sent.speaker_country and any(s <= h.start < cands[0].start for h in sent.of("fp")):
        # "We stand firmly for Ukraine's victory because when Ukraine wins …": the first person is the subject
        found = _speaker_fallback(attr, sent, s, e, hedged, reporter)
        if found:
            return found
    found = _named_fallback(attr, sent, cands, s, e, hedged, reporter, before) if cands else []
    if not found and sent.speaker_country:
        # "In Togo, we are working towards …": a name that is not the subject leaves the speaker's "we"
        return _speaker_fallback(attr, sent, s, e, hedged, reporter) or _our_position(attr, sent, s, e, hedged, reporter)
    return found


def _named_present(text: str, subject: Mention, at: int, e: int) -> re.Match[str] | None:
    """The present-tense verb of a speech's named subject: after an auxiliary ("Grenada can also speak to …"), or in
    the third person ("Equatorial Guinea assures him …"); not a noun the name qualifies ("Palestinian population")."""
    if subject.kind not in ("country", "capital", "person"):
        return None
    verb = _PRESENT.match(text, at, min(e, at + 60))
    if verb is None or verb.group("v").endswith("s") or _AUXILIARY.match(text, at):
        return verb
    return None


def _our_position(attr: Attributor, sent: Sentence, s: int, e: int, hedged: bool, reporter: str | None) -> list[Found]:
    """A speech's "our …" naming a position, with no first-person verb ("deserves our full support", "must be our
    priority", "It affirms our strong belief in …"): the speaker's (low confidence)."""
    text = sent.text
    for h in sent.of("fpposs"):
        if not s <= h.start < e:
            continue
        noun = next((w for w in _WORD.finditer(text, h.end, min(e, h.end + 40)) if w.group().lower() in
                     attr.position_nouns), None)  # (the first three words: "our strong and unwavering belief")
        if noun is None or len(text[h.end:noun.start()].split()) > 3:
            continue
        d = CueDef(noun.group().lower(), "OTHER", sentiment(attr.lex, text[h.start:e].lower()), "", "noun")
        cue = Hit(h.start, noun.end(), "cue", d)
        f = attr.make(sent, Holder(str(sent.speaker_country), text[h.start:h.end], h.start, "first-person"), cue, s, e,
                      hedged, reporter, None)
        f.confidence = round3(f.confidence * 0.6)
        return [f]
    return []


def _named_fallback(attr: Attributor, sent: Sentence, cands: list[Mention], s: int, e: int, hedged: bool,
                    reporter: str | None, before: int) -> list[Found]:
    """The subject's country among the names ``cands``, through the first finite verb after it."""
    text = sent.text
    govs = governors(text, cands, s, sent.alpha)
    first = next((m for m in cands if govs.get(m.start, "") not in attr.target_preps
                  and not (govs.get(m.start, "") in attr.location_preps and not attr.actor_placed(text, s, m.start))),
                 None)
    if first is None or first.start - s > 90 or first.start > before:
        return []
    subject = subject_mentions(text, cands, first.start, e)
    if not subject:  # the first name is not a subject ("the anti-Israel movement")
        return []
    tail_start = subject[-1].end
    speech = bool(sent.speaker_country)
    finite = _FINITE_SPEECH if speech else _FINITE
    verb = finite.search(text, tail_start, min(e, tail_start + 70)) or (
        _MODAL_VERB.search(text, tail_start, min(e, tail_start + 40)) if speech else None) or (
        # a speech's named subject in the present ("Grenada assures him of …", "Kenya can also speak to …")
        _named_present(text, subject[-1], tail_start, e) if speech else None)
    if verb is None or _CLAUSE_PUNCT.search(text, tail_start, verb.start()) or _no_act(attr, verb):
        return []  # (no verb, or one of what befalls the subject: "died", "was hospitalised")
    cue = _verb_cue(attr.lex, text, verb, e)
    if sent.speaker_country and subject[0].code != sent.speaker_country and any(
        tail_start <= h.start < cue.start for h in sent.of("modal")
    ):
        f = attr.make(sent, Holder(sent.speaker_country, "(speaker)", -1, "first-person"), cue, s, e, hedged, reporter, None)
        f.polarity, f.category, f.target = -0.5, "DEMAND", subject[0].code
        return [f]
    out = []
    seen: set[str] = set()
    for m in subject:
        if m.code in seen:
            continue
        seen.add(m.code)
        f = attr.make(sent, Holder(m.code, m.text, m.start, m.kind), cue, s, e, hedged, reporter, None)
        f.confidence = round3(f.confidence * 0.6)
        out.append(f)
    return out


def _speaker_fallback(attr: Attributor, sent: Sentence, s: int, e: int, hedged: bool,
                      reporter: str | None) -> list[Found]:
    """A speech's first-person clause with no known cue ("We are actively pursuing new ventures in …",
    "We will continue striving …"): the speaker's, through its first finite verb (low confidence)."""
    text = sent.text
    fp = next((h for h in sent.of("fp") if s <= h.start < e), None)
    # the first person opens the clause, or follows an introductory phrase ("As a member of the Council, we …")
    if fp is None or (_words(text, s, fp.start) > 8 and text[s:fp.start].rstrip()[-1:] != ","):
        return []
    if not _subject_place(text, s, fp.start) or text[fp.start:fp.end].lower().startswith("let"):
        return []  # ("Let me turn to …", "Let us look at …" lead through the speech; other "Let us" are appeals)
    verb = _FINITE_SPEECH.search(text, fp.end, min(e, fp.end + 50)) or _PRESENT.match(text, fp.end, min(e, fp.end + 60))
    if verb is None or _CLAUSE_PUNCT.search(text, fp.end, verb.start()) or _no_act(attr, verb):
        return []
    gap = text[fp.end:verb.start()]
    if "," in gap:
        return []  # the first person is no subject of that verb ("to cut my country into pieces, which started")
    speaker = str(sent.speaker_country)
    f = attr.make(sent, Holder(speaker, text[fp.start:fp.end], fp.start, "first-person"),
                  _verb_cue(attr.lex, text, verb, e), s, e, hedged, reporter, None)
    f.confidence = round3(f.confidence * 0.6)
    return [f]


def _verb_cue(lex: Lexicon, text: str, verb: re.Match[str], e: int) -> Hit:
    """The finite verb a fallback found, as a cue of no category, coloured by the words from it to ``e``."""
    d = CueDef(verb.group("v").lower(), "OTHER", sentiment(lex, text[verb.start():e].lower()), "", "verb")
    return Hit(verb.start("v"), verb.end("v"), "cue", d)


def first_verb(attr: Attributor, sent: Sentence) -> Hit | None:
    """A sentence without a known cue: its first finite verb as a cue of no category ("Officials cleared the
    area", "Firefighters put the fire out"), for the scorer to weigh who did it; None without one or when it
    is what befalls the subject ("died")."""
    text, s, e = sent.text, sent.start, sent.end
    verb = _FINITE.search(text, s, e)
    if verb is None or _no_act(attr, verb):
        return None
    return _verb_cue(attr.lex, text, verb, e)


def _no_act(attr: Attributor, verb: re.Match[str]) -> bool:
    """The verb tells what befalls the subject ("died", "was hospitalised"), or that the subject was made ("The
    party was founded by …", "The government was established in 2003": its history, no act of its own)."""
    v = verb.group("v")
    if v in attr.no_act:
        return True
    if v not in _MADE:
        return False
    aux = verb.group(0).lower().split()[:-1]  # (a passive: "was founded", "has been formed"; not "have created")
    return bool(aux) and (aux[0] in _BE_FORMS or "been" in aux)


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def sentiment(lex: Lexicon, low: str) -> float:
    score = sum(lex.sentiment.get(w, 0.0) for w in _TOKENS.findall(low))
    if score == 0:
        return -0.05
    return max(-0.8, min(0.8, score / 2))


def _subject_place(text: str, s: int, at: int) -> bool:
    """The first person at ``at`` stands where a main clause's subject does: at the sentence's start, after
    punctuation or a capitalised word, or after a conjunction or adverb — not after a subordinating word ("if we
    act") nor after a noun it qualifies ("the choices we make")."""
    j = at
    while j > s and text[j - 1] == " ":
        j -= 1
    i = j
    while i > s and (text[i - 1].isalpha() or text[i - 1] in "’'"):
        i -= 1
    word = text[i:j]
    if not word or word[0].isupper():
        return word.lower() not in _SUBORDINATE
    if word in _BEFORE_SUBJECT or (word.endswith("ly") and len(word) > 4):
        return True
    if word in _SUBORDINATE:
        return False
    # a noun before the first person heads a relative clause when a determiner opens it ("the choices we make",
    # "all the things we do"), unless a preposition puts it in a phrase of time or place ("During the past year we
    # …", "at times we …")
    words = text[max(s, i - 40):i].lower().split()[-3:]
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _DETERMINERS:
            return k > 0 and words[k - 1] in _PHRASE_PREPOSITIONS
    return True
