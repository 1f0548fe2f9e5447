"""A speaker's appeal or pledge with no event verb: "We must act now", "we need to learn to listen", "We will
increase our support …" — in a speech, the first person and a modal of obligation are a call to act (CAMEO
appeal), the first person and "will" a pledge (intent), whatever the verb after them (issue 15: plain
first-person positions gave nothing)."""

from __future__ import annotations

from typing import Final

from model.engine.clauses import words_before
from model.engine.discourse import Holder
from model.engine.lexicon import Category, CueDef, Hit
from model.engine.spans import Sentence

#: words that make the first person's clause a condition, question or description, not an appeal or pledge
#: ("The question is whether we will have …", "if we must", "when we will meet")
_SUBORDINATE: Final = frozenset("whether if unless when how what where why until once before after as because "
                                "since which who whom".split())
#: pronouns of a subject other than the speaker, unless a copula follows ("it is essential to")
_THIRD_PERSON: Final = frozenset({"pron1", "pronN"})
_THIRD_PERSON_WORDS: Final = frozenset({"it", "he", "she", "they"})
_COPULA: Final = frozenset({"is", "was", "are", "were", "would", "s"})
#: the first person of an appeal to all ("Let us work together"; not "Let me turn to …", which orders the speech)
_LET_US: Final = frozenset({"let us", "let's", "let’s"})
#: verbs of "Let us …" that lead the audience through the speech ("Let us look at Pakistan", "Let us turn to …")
_ORDERING: Final = frozenset({"look", "turn", "see", "begin", "start", "move", "consider", "imagine", "say", "take"})
#: words of a pledge after the first person ("we will", "I shall")
_PLEDGE: Final = frozenset({"will", "shall"})
#: words that may stand between the subject and the modal ("we all must", "we therefore need to")
_BETWEEN: Final = frozenset("all also both collectively therefore together now still simply indeed really truly "
                            "urgently clearly surely so thus".split())


def first_person_appeal(sent: Sentence, a: int, b: int, categories: dict[str, Category]) -> tuple[Hit, Holder] | None:
    """The modal of "we must …" (an appeal) or the "will" of "we will …" (a pledge) in ``a:b`` as the cue (its
    sign the category's in ``categories``), and the speaker as its holder; None when the sentence is not a
    speech's or has no first person directly before such a word."""
    speaker = sent.speaker_country
    if not speaker:
        return None
    text = sent.text
    modals = sent.of("modal")
    for holder, end in _speaker_subjects(sent, a, b, speaker):
        if holder.text.lower() in _LET_US:  # "Let us build a better world": an appeal, whatever the verb
            verb_end = _verb_end(text, end, b)
            verb = text[end:verb_end].split()[-1].lower() if verb_end > end else ""
            if verb and verb not in _ORDERING:
                return Hit(verb_end - len(verb), verb_end, "cue", _cue_def(verb, "APPEAL", categories)), holder
        for m in modals:
            if m.start >= end and m.start < b and _adverbs_only(text[end:m.start]):
                verb_end = _verb_end(text, m.end, b)
                return Hit(m.start, verb_end, "cue", _cue_def(str(m.value), "APPEAL", categories)), holder
        # (not "I will": "I will start with …", "I will now turn to …" order the speech)
        pledge = _pledge_after(text, end, b, categories) if holder.text.lower() != "i" else None
        if pledge is not None:
            return pledge, holder
    return None


def _speaker_subjects(sent: Sentence, a: int, b: int, speaker: str) -> list[tuple[Holder, int]]:
    """The speaker as a subject in ``a:b``, with where its words end: the first person ("we", "my government"), and
    the speaker's country named at the clause's start or after an introductory phrase ("Cuba will continue to …",
    "As the chair of the group, Grenada will …"), not after a subordinating word."""
    text = sent.text
    out: list[tuple[Holder, int]] = []
    for fp in sent.of("fp"):
        before = words_before(text, fp.start, 1)
        if a <= fp.start < b and not (before and before[0] in _SUBORDINATE):
            out.append((Holder(speaker, text[fp.start:fp.end], fp.start, "first-person"), fp.end))
    if not sent.of("modal") and not _has_pledge_word(sent, a, b):
        return out  # (a named speaker appeals or pledges only with a modal or "will")
    for m in sent.mentions:
        if m.code != speaker or m.kind != "country" or not a <= m.start < b or text[m.end:m.end + 1] in ("'", "’"):
            continue
        lead = text[a:m.start].strip(" “\"")
        if len(lead.split()) <= 2 and not (lead and lead.split()[-1].lower() in _SUBORDINATE) or lead.endswith(","):
            out.append((Holder(speaker, m.text, m.start, m.kind), m.end))
    out.sort(key=lambda x: x[1])
    return out


def _has_pledge_word(sent: Sentence, a: int, b: int) -> bool:
    fold = sent.fold
    return not fold or fold.find("will ", a, b) >= 0 or fold.find("shall ", a, b) >= 0


def _cue_def(word: str, category: str, categories: dict[str, Category]) -> CueDef:
    cat = categories.get(category)
    return CueDef(word, category, cat.polarity if cat is not None else 0.0, "", "modal")


def _pledge_after(text: str, at: int, b: int, categories: dict[str, Category]) -> Hit | None:
    """The "will"/"shall" after the first person at ``at`` (adverbs between allowed), as an intent cue."""
    words = text[at:min(b, at + 40)].split()[:3]
    for i, w in enumerate(words):
        word = w.lower()
        if word in _PLEDGE:
            if not _adverbs_only(" ".join(words[:i])):
                return None
            start = text.find(w, at)
            return Hit(start, start + len(w), "cue", _cue_def(word, "INTENT", categories))
    return None


def _verb_end(text: str, at: int, b: int) -> int:
    """The end of the verb after a modal at ``at`` (adverbs between: "must all do", "should collectively work"),
    so that the appeal reads as that verb and its object; ``at`` itself before a negation or nothing."""
    i = at
    while True:
        j = i
        while j < b and text[j] == " ":
            j += 1
        k = j
        while k < b and (text[k].isalpha() or text[k] == "-"):
            k += 1
        word = text[j:k].lower()
        if not word or word in ("not", "never"):
            return at
        if word in _BETWEEN or (word.endswith("ly") and len(word) > 4):
            i = k
            continue
        return k


def _adverbs_only(gap: str) -> bool:
    words = gap.split()
    return len(words) <= 2 and all(w.lower() in _BETWEEN or w.lower().endswith("ly") for w in words)


#: what may stand between a first-person subject and its verb ("we have also welcomed", "we continue to stand
#: with", "my government will keep supporting"): at most this many words, none opening a clause
_SUBJECT_GAP: Final = 4


def first_person_subject(sent: Sentence, a: int, cue: Hit, holders: list[Holder], govs: dict[int, str],
                         preps: frozenset[str]) -> Holder | None:
    """The speaker, when a first-person subject governs ``cue`` in the clause starting at ``a`` and the names the
    rules took as the subject are not it: they stand in a phrase before it ("With regard to Yemen, we reiterate
    our support", "As a friend of Cuba, we call for …") or after a preposition inside its predicate ("we
    established two field hospitals in Chad to provide …").  A name right before the cue with no preposition keeps
    its place ("We know Russia attacked …": Russia's act)."""
    text = sent.text
    fps = [h for h in sent.of("fp") if a <= h.start < cue.start]
    if not fps or not holders:
        return None
    fp = fps[-1]
    before = words_before(text, fp.start, 1, a)
    if before and before[0] in _SUBORDINATE:
        return None
    if all(h.start >= 0 and h.start < fp.start for h in holders):
        gap = text[fp.end:cue.start]
        if "," in gap or ";" in gap or len(gap.split()) > _SUBJECT_GAP or any(
                fp.end <= h.start < cue.start for h in sent.of("opener")):
            return None
    elif not all(h.start > fp.end and govs.get(h.start, "") in preps for h in holders):
        return None
    return Holder(str(sent.speaker_country), text[fp.start:fp.end], fp.start, "first-person")


def other_subject(sent: Sentence, a: int, b: int) -> bool:
    """A third-person pronoun between ``a`` and ``b`` is the subject of what follows, not the speaker ("I will not
    tell the Assembly how many persons it killed"; not the "it" of "it is essential to")."""
    text = sent.text
    for h in sent.hits:
        if a <= h.start < b and h.kind in _THIRD_PERSON and str(h.value) in _THIRD_PERSON_WORDS:
            after = text[h.end:h.end + 10].split()
            if not after or after[0].lower().strip("’'") not in _COPULA:
                return True
    return False


def leads_the_audience(sent: Sentence, fp: Hit) -> bool:
    """The first person ``fp`` is "Let us/me" before a verb that leads the audience through the speech ("Let us say
    …", "Let us look at …", "Let me turn to …"): no position of the speaker's."""
    text = sent.text
    if not text[fp.start:fp.end].lower().startswith("let"):
        return False
    after = text[fp.end:fp.end + 30].split()
    return bool(after) and after[0].lower().strip(",.") in _ORDERING


def speaker_after_igo(sent: Sentence, a: int, cue: Hit) -> bool:
    """In a speech, a first-person subject stands between the organisations named in the clause from ``a`` and
    ``cue`` ("As a member of the Group of Seven Plus, we will work together …"): the speaker acts, not them."""
    if not sent.speaker_country:
        return False
    last = max((m.end for m in sent.mentions if a <= m.start < cue.start and m.kind == "igo"), default=-1)
    return any(last <= h.start < cue.start for h in sent.of("fp"))
