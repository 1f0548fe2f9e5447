"""What a stance label reaches for beyond its verb group and object (issue 15): the subject of a passive
act that is not its holder ("the new rules were released"), the holder's own predicate when the act is a
relative clause about something else ("We believe we should …, Libya, which has been destroyed by …"), the
clause after an introductory phrase ("said: From now on, | we will …"), an aside between dashes and a
determiner or pronoun "that" (read by :mod:`model.engine.label_parts`)."""

from __future__ import annotations

from typing import Final

from model.engine.label_ends import last_word
from model.engine.label_words import (
    ADVERBS,
    AUX,
    BE,
    COORD,
    FINITE,
    NEG,
    PREPOSITIONS,
    PRONOUNS,
    SIGNS,
    STOPS,
    SUBORDINATORS,
    THAT_AFTER,
)
from model.engine.textfold import next_run

#: words that open a passive's subject, read backwards from its verb group ("the crash | was investigated")
_DETERMINERS: Final = frozenset("""the a an this that these those its their his her our my your some no all both
    many several most each every""".split())
#: numbers that open a passive's subject as a determiner does
_NUMBERS: Final = frozenset("""two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
    thousands dozen dozens millions""".split())
#: a passive's subject of one word ("it had been hijacked")
_SUBJECT_WORDS: Final = frozenset("it this".split())
#: how a participle ends ("released", "written", "shown", "done", "built", "kept", "sent", "held", "made", "caught")
PARTICIPLE_ENDS: Final = ("ed", "en", "wn", "ne", "lt", "pt", "nt", "ld", "de", "ht", "ut", "it", "ot")
#: relative pronouns that open a clause about the word before their comma (", which has been destroyed")
_RELATIVES: Final = (" which ", " who ", " whose ", " where ")
#: first words of an introductory phrase that ends at a comma ("From now on,", "more than ever,", "Today,")
_INTRO: Final = PREPOSITIONS | ADVERBS | frozenset("more as now today here there yet later earlier".split())


def dash_aside_end(text: str, dash: str, pos: int, hi: int) -> int:
    """Where an aside opened by ``dash`` before ``pos`` ends (after its closing dash: "ask — or when we ask —
    for …", "said — as reported by the daily — “…"): at most twelve words on, no sentence or clause punctuation
    inside; -1 if it does not close."""
    close = text.find(dash, pos, hi if hi < pos + 120 else pos + 120)
    if close < 0:
        return -1
    inside = text[pos:close]
    for ch in inside:
        if ch in ".;:?!“”\"":
            return -1
    return close + len(dash) if len(inside.split()) <= 12 else -1


def determiner_that(text: str, fold: str, pos: int, hi: int) -> bool:
    """"that" as a determiner ("overcome that great challenge"): one or two words after it, then punctuation,
    a preposition, a clause opener or the end, and no auxiliary or determiner among them; or a pronoun
    ("about that.")."""
    p = pos
    for _ in range(3):
        s, e = next_run(fold, p, hi)
        gap = text[p:s].strip()
        if s >= hi or (gap and gap not in SIGNS and (p > pos or gap[0] in ",.;:?!)")):
            return True  # (a pronoun "that" ends its clause: "do more about that.")
        w = fold[s:e]
        if p > pos and (w in PREPOSITIONS or w in COORD or w in STOPS):
            return True  # ("follow that principle | when …")
        if w in AUX or w in NEG or w in THAT_AFTER or w in ("the", "a", "an", "we", "they", "it", "he", "she", "i"):
            return False
        p = e
    return False


def passive_subject(text: str, fold: str, start: int, cue_start: int, cue_end: int, floor: int,
                    holder_at: int) -> int:
    """Where the subject of a passive act begins, when it is a noun phrase of at most four words opened by a
    determiner ("the new rules | were released", "the statement | signed by …", "it | had been hijacked") and
    not the holder's mention (at ``holder_at``); ``start`` (the verb group's start) otherwise."""
    if not fold.endswith(PARTICIPLE_ENDS, cue_start, cue_end):
        return start
    if start == cue_start:  # a participle after its noun takes its agent: "the statement signed by the leaders"
        after = cue_end
        while after < len(fold) and fold[after] == " ":
            after += 1
        if not fold.startswith("by ", after):
            return start
    elif not any(w in BE for w in fold[start:cue_start].split()):
        return start
    at = start
    for n in range(4):
        s, e = last_word(fold, floor, at)
        if e <= s or text[e:at].strip():
            return start  # punctuation or the sentence's start: the subject is elsewhere
        w = fold[s:e]
        number = w in _NUMBERS or w.isdigit()  # ("twenty people | have been confirmed killed", "35 | were rescued")
        if (w in _DETERMINERS and (w != "that" or text[s] == "T")) or (n == 0 and w in _SUBJECT_WORDS) or number:
            # ("That statement was written"; a lower-case "that" opens a clause: "said that people were killed")
            while number and s > floor + 1 and text[s - 1] in ",." and text[s - 2].isdigit():
                s = last_word(fold, floor, s - 1)[0]  # ("1,000 | were injured")
            b, c = last_word(fold, floor, s)
            joined = c > b and not text[c:s].strip()
            if joined and fold[b:c] == "of":
                return start  # (the subject's head stands before: "the will of | the people is respected")
            if number and joined:
                if fold[b:c] in PREPOSITIONS or (n and fold[b:c] in COORD):
                    return start  # ("officials from | 38 countries were arrested", "the chief and | two others")
                if (fold[b:c] in _DETERMINERS and fold[b:c] != "that") or fold[b:c].isdigit():
                    s = b  # ("the | two bell towers", "10 | 000")
            return start if s <= holder_at < start else s
        if w in PRONOUNS or w in AUX or w in NEG or w in PREPOSITIONS or w in COORD or w in STOPS or w in SUBORDINATORS:
            return start
        at = s
    return start


def holder_predicate(text: str, fold: str, holder_at: int, holder_end: int, cue_start: int) -> int:
    """Where the holder's own predicate starts when the act is a relative clause about something else named
    after it ("We | believe we should …, restoring statehood in Libya, which has been destroyed by …"): the
    relative pronoun follows a comma, no comma stands between it and the cue, and words stand between the
    holder and that comma (the holder is not what the clause is about); -1 otherwise."""
    if holder_at < 0 or holder_end >= cue_start or text[holder_end:holder_end + 1] != " ":
        return -1
    if text.find(", wh", holder_end, cue_start) < 0:
        return -1  # (no relative clause after a comma: most acts)
    rel = -1
    for r in _RELATIVES:
        k = fold.rfind(r, holder_end, cue_start)
        if k > rel:
            rel = k
    if rel < 0 or text[rel - 1:rel] != "," or text.find(",", rel + 2, cue_start) >= 0:
        return -1
    if len(text[holder_end:rel - 1].split()) < 2:
        return -1  # "Kenya, which supports …": the clause is about the holder
    s, e = next_run(fold, holder_end, cue_start)
    w = fold[s:e]
    if s != holder_end + 1 or not text[s].islower() or w in PREPOSITIONS or w in STOPS or w in SUBORDINATORS:
        return -1
    return s


def past_intro(text: str, fold: str, a: int, end: int, gap: str, hi: int) -> int:
    """Where a clause goes on after an introductory phrase that stopped its words at a comma ("From now on, |
    we will …", "that more than ever, | the world needs …"); -1 if the words in ``[a, end)`` are no such
    phrase (at most four, opened by a preposition or adverb, none of them an auxiliary)."""
    if gap != ",":
        return -1
    words = fold[a:end].split()
    if not 1 <= len(words) <= 4 or words[0] not in _INTRO:
        return -1
    for w in words:
        if w in FINITE or w in PRONOUNS:
            return -1
    comma = text.find(",", end, hi)
    if comma < 0:
        return -1
    s, _ = next_run(fold, comma + 1, hi)
    return s if s < hi and not text[comma + 1:s].strip() else -1


#: the subject of a relative clause without its pronoun ("the challenges | we face")
_RELATIVE_SUBJECTS: Final = frozenset("we i they you".split())
#: a speaker's country as such a subject ("the greatest threat | my country faces")
_SUBJECT_NOUNS: Final = frozenset("country nation people government region continent".split())
#: words before such a subject that are no noun ("as we face", "today we face")
_NOT_NOUNS: Final = frozenset("""as so then today now here there together what which who that this these those
    all both if when while because""".split())


def relative_head(text: str, fold: str, start: int, floor: int) -> int:
    """Where the noun phrase begins that a relative clause without its pronoun is about, when the act (at
    ``start``, with no object) has a pronoun subject right after a noun: "the global challenges | we face",
    "the future | we all want"; ``start`` otherwise.  At most four words, opened by a determiner or ended
    by punctuation or a preposition."""
    s, e = last_word(fold, floor, start)
    if e > s and fold[s:e] in ("all", "both") and not text[e:start].strip():
        start_subject = s
        s, e = last_word(fold, floor, s)
    else:
        start_subject = start
    if e <= s or text[e:start_subject].strip():
        return start
    if fold[s:e] in _SUBJECT_NOUNS:  # "the greatest threat | my country faces"
        s, e = last_word(fold, floor, s)
        if e <= s or fold[s:e] not in ("my", "our"):
            return start
    elif fold[s:e] not in _RELATIVE_SUBJECTS:
        return start
    at = s
    for n in range(4):
        s, e = last_word(fold, floor, at)
        if e <= s or text[e:at].strip():
            return at if n else start
        w = fold[s:e]
        if n == 0 and (w in _NOT_NOUNS or w in ADVERBS or w in THAT_AFTER or w.endswith(("ly", "ed")) or s == floor
                       or not _is_word(w)):
            return start  # (the word before the pronoun is no noun: "officers indicated | they would appeal")
        if w in _DETERMINERS:
            return s
        if w in PREPOSITIONS or w in COORD or w in AUX or w in NEG or w in STOPS or w in SUBORDINATORS or w in PRONOUNS:
            return at if n else start
        at = s
    return at


def _is_word(w: str) -> bool:
    for ch in w:
        if not (ch.isalpha() or ch in "-’'\x01"):
            return False
    return True


#: how an adjective ends ("independent", "transparent", "prosperous", "democratic", "freer")
_ADJECTIVE_ENDS: Final = ("ive", "al", "ent", "ant", "ous", "ful", "ic", "able", "ible", "ary", "ory", "er", "ish",
                          "less")
#: determiners an adjective series follows ("an independent, transparent mission")
_SERIES_AFTER: Final = frozenset("a an the our their its his her my your".split())
#: words that add a degree to an adjective of a series ("a freer, more prosperous … world")
_DEGREE: Final = frozenset("more most less".split())


def adjective_series_end(text: str, fold: str, before: str, first: str, pos: int, hi: int) -> int:
    """Where the noun begins after a series of adjectives that opens with ``first`` after the determiner
    ``before`` and goes on at the comma after ``pos`` ("an independent|, transparent | UNESCO mission", "a
    freer|, more prosperous, fair and democratic | world"); -1 if the words are no such series (its items are
    single lower-case words, the first after the comma an adjective by its ending)."""
    if before not in _SERIES_AFTER or not first.endswith(_ADJECTIVE_ENDS):
        return -1
    p = pos
    items = 0
    for _ in range(8):
        s, e = next_run(fold, p, hi)
        if s >= hi:
            return -1
        gap = text[p:s].strip()
        w = fold[s:e]
        if not gap and w not in COORD:  # the noun after the series
            ok = items and text[s].isalpha() and w not in PREPOSITIONS and w not in STOPS and w not in AUX
            return s if ok else -1
        if gap not in ("", ","):
            return -1
        if w in COORD:  # (", and", " and ")
            s, e = next_run(fold, e, hi)
            if s >= hi or text[s - 1] != " ":
                return -1
            w = fold[s:e]
        if w in _DEGREE:
            s, e = next_run(fold, e, hi)
            if s >= hi:
                return -1
            w = fold[s:e]
        elif items == 0 and not w.endswith(_ADJECTIVE_ENDS):
            return -1
        if not text[s].islower() or w in _DETERMINERS or w in PREPOSITIONS or w in AUX or w in PRONOUNS:
            return -1
        items += 1
        p = e
    return -1


def finite_ahead(text: str, fold: str, pos: int, hi: int) -> int:
    """Where the auxiliary of a clause whose subject the budget cut stands, at most fourteen words after ``pos``
    with no punctuation or clause opener between ("the orders placed to equip the police | are"); a conjunction
    joins the subject's nouns ("our trust in peace based on justice and law | is"), unless a pronoun opens
    another clause after it ("and we are"); -1 if none."""
    p = pos
    prev = ""
    for _ in range(14):
        s, e = next_run(fold, p, hi)
        if s >= hi or text[p:s].strip():
            return -1
        w = fold[s:e]
        if w in FINITE:
            return s if prev not in COORD and not joined_plural(fold, pos, s) else -1
        if w in STOPS or w in SUBORDINATORS or w == "that" or (prev in COORD and w in PRONOUNS):
            return -1
        p = e
        prev = w
    return -1


def joined_plural(fold: str, a: int, verb: int) -> bool:
    """Is the verb at ``verb`` plural after an "and" / "or" in ``[a, verb)``: the conjunction joins the subject
    itself ("the power of integration and regional cooperation | are"), whose tail a label cannot leave out?"""
    return fold.startswith(_PLURAL, verb) and (fold.find(" and ", a, verb) >= 0 or fold.find(" or ", a, verb) >= 0)


_PLURAL: Final = ("are ", "were ", "have ")


def noun_will(text: str, fold: str, pos: int, hi: int) -> bool:
    """Is the "will" ending at ``pos`` a noun: a preposition, punctuation or the end after it ("the political
    will | to act", "the will | of the people")?"""
    s, e = next_run(fold, pos, hi)
    return s >= hi or bool(text[pos:s].strip()) or fold[s:e] in PREPOSITIONS


def to_ahead(text: str, fold: str, pos: int, hi: int) -> int:
    """Where the "to" of what an appeal asks stands, at most twelve words after ``pos`` with no punctuation,
    auxiliary or clause opener between ("call on all countries of the world | to show unity"); -1 if none."""
    p = pos
    prev = ""
    for _ in range(12):
        s, e = next_run(fold, p, hi)
        if s >= hi or text[p:s].strip():
            return -1
        w = fold[s:e]
        if w == "to":
            return s if prev != "order" and infinitive_to(text, fold, e, hi) else -1
        if w in FINITE or w in STOPS or w in SUBORDINATORS or w == "that":
            return -1
        p, prev = e, w
    return -1


def infinitive_to(text: str, fold: str, pos: int, hi: int) -> bool:
    """Does the "to" ending at ``pos`` take a verb (a lower-case word, no determiner, pronoun or number: "to
    show unity", not "to the situation", "to my country")?"""
    s, e = next_run(fold, pos, hi)
    if s >= hi or text[pos:s].strip() or not text[s].islower():
        return False
    w = fold[s:e]
    return not (w in _DETERMINERS or w in PRONOUNS or w in _NOT_VERBS)


#: words after "to" that open no verb phrase
_NOT_VERBS: Final = frozenset("any me him them us whom which what".split())


#: adverbial phrases a label leaves out ("will not take part in any way in the ceremony"), by first word
ASIDES: Final[dict[str, list[list[str]]]] = {
    "in": [["any", "way"], ["any", "form"], ["any", "case"], ["person"], ["turn"], ["principle"], ["particular"]],
    "at": [["all"]], "once": [["again"]], "for": [["now"]], "so": [["far"]], "by": [["any", "means"]],
    "of": [["course"]],
}


def aside_end(fold: str, w: str, e: int, hi: int) -> int:
    """The end of an adverbial phrase that starts with the word ``w`` ending at ``e``; -1 if none."""
    s, p = next_run(fold, e, hi)
    if s >= hi or fold[e:s].strip():
        return -1
    second = fold[s:p]
    for rest in ASIDES.get(w, []):
        if rest[0] != second:
            continue
        q = p
        for word in rest[1:]:
            s, q2 = next_run(fold, q, hi)
            if s >= hi or fold[s:q2] != word or fold[q:s].strip():
                break
            q = q2
        else:
            if rest[-1] == "all" and _noun_follows(fold, q, hi):
                return -1  # ("at all times", "at all levels": the words name a time, not an aside)
            return q
    return -1


def _noun_follows(fold: str, pos: int, hi: int) -> bool:
    """Does a word that is no preposition, conjunction or clause opener follow ``pos`` after a space?"""
    s, e = next_run(fold, pos, hi)
    w = fold[s:e]
    return s < hi and fold[pos:s] == " " and not (w in PREPOSITIONS or w in COORD or w in STOPS)
