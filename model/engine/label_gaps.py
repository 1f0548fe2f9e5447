"""What the punctuation between two words does to a stance label (:mod:`model.engine.label_parts`): a gap
that keeps one word ("U.S", "5:00", "US$400"), one that passes (an opening quotation mark, an abbreviation's
full stop, "#US"), a list's or a date's comma, or a stop."""

from __future__ import annotations

from typing import Final

from model.engine.label_words import (
    ABBREVIATIONS,
    ADVERBS,
    COORD,
    FINITE,
    NOT_LISTED,
    OPENERS,
    PREPOSITIONS,
    SIGNS,
    STOPS,
)
from model.engine.textfold import next_run


def has_space(gap: str) -> bool:
    for ch in gap:
        if ch.isspace():
            return True
    return False


def joins(gap: str) -> bool:
    """A gap without white space that keeps one word ("U.S", "5.7", "5:00", "A/75/982", "1,000", "US$400")."""
    for ch in gap:
        if ch not in ".:/,&[]$€£":
            return False
    return True


def gap_kind(text: str, fold: str, gap: str, prev: str, s: int, e: int, hi: int, year_comma: bool,
              in_list: bool) -> str:
    """What the punctuation between two words does to a label: "stop", "pass" (an opening quotation mark, an
    abbreviation's full stop), "list" (a comma in "a cooperative, inclusive and consultative approach") or
    "date" (the comma of "June 23, 2016")."""
    p = gap.strip()
    q = p.rstrip("[")  # (an opening mark before an editor's bracket: "“[are] eager")
    if (q and all(ch in OPENERS for ch in q)) or (q == '"' and gap.rstrip("[").endswith('"') and gap[0].isspace()):
        return "pass"
    if (p in _CLOSERS and gap[-1].isspace() and text[s].islower() and fold[s:e] not in COORD
            and _opened_before(text, p, s - len(gap))):
        # a word in quotation marks inside the phrase: "had been an “iconic” | leader of the party" (not "“we
        # never learn” | and that …": the quotation was what is said)
        return "pass"
    if p in SIGNS and gap[-1] == p:
        return "pass"  # "#US airlines", "@user", "$400"
    if (p == "." and (prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()))) or all(ch in "[].…" for ch in p) and p != ".":
        return "pass"  # "Sen. Smith", "the will of the people [...] and", "defend [their] right"
    if p == ",":
        w = fold[s:e]
        if prev.isdigit() and len(prev) <= 2 and w.isdigit() and len(w) == 4:
            return "date"
        if year_comma:
            return "pass"
        if (w in COORD and in_list) or (w not in NOT_LISTED and w not in COORD and w not in ADVERBS
                                               and _list_follows(text, fold, e, hi)):
            return "list"  # "X, Y and Z", "X, Y, and Z" (but "X, and a third …" opens a clause)
    return "stop"


#: closing quotation marks, and the opening mark each closes
_CLOSERS: Final = {"”": "“", '"': ' "'}


def _opened_before(text: str, close: str, pos: int) -> bool:
    """Was the quotation that ``close`` closes at ``pos`` opened at most five words before it (a scare quote)?"""
    lo = pos - 60 if pos > 60 else 0
    at = text.rfind(_CLOSERS[close], lo, pos)
    return at >= 0 and len(text[at:pos].split()) <= 5 and close not in text[at + len(_CLOSERS[close]):pos]


def _list_follows(text: str, fold: str, pos: int, hi: int) -> bool:
    """Does "and"/"or" follow within three words, with no punctuation between ("X, Y and Z")?"""
    p = pos
    for _ in range(3):
        s, e = next_run(fold, p, hi)
        if s >= hi:
            return False
        w = fold[s:e]
        if p > pos and text[p:s].strip() and not (text[p:s].strip() == "," and w in COORD):
            return False  # (a comma may stand before the "and": "X, Y, and Z")
        if w in COORD:
            return True
        if w in STOPS or w in PREPOSITIONS:
            return False
        p = e
    return False


def relative_aside_end(text: str, fold: str, pos: int, hi: int) -> int:
    """Where a relative clause between commas that opens at ``pos`` ends, when the clause it interrupts goes on
    with an auxiliary after it ("they believe gas|, which leaks often in Russia, |was the trigger"); -1 if not."""
    close = text.find(",", pos, hi if hi < pos + 150 else pos + 150)
    if close < 0:
        return -1
    inside = text[pos:close]
    for ch in inside:
        if ch in ".;:?!“”\"()—":
            return -1
    if len(inside.split()) > 15:
        return -1
    s, e = next_run(fold, close + 1, hi)
    return close + 1 if s < hi and fold[s:e] in FINITE and not text[close + 1:s].strip() else -1
