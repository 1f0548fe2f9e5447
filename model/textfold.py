"""Length-preserving text folding for whole-word dictionary matching.

``fold`` lower-cases text and turns punctuation and spacing into plain
spaces without changing its length, so an offset in the folded text is the
same offset in the original.  Dictionary keys are folded the same way and
padded with one space each side; searching ``" " + fold(text) + " "`` then
finds whole words only ("us" is not found inside "focus") and treats
"Pakistan's", "Pakistan’s", "U.S.-led" and "KABUL," alike.
"""

from __future__ import annotations

import bisect
import string
from typing import TypeVar

T = TypeVar("T")

_PUNCT = (
    string.punctuation
    + string.whitespace
    + "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033"  # curly quotes, primes
    + "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens and dashes
    + "\u00a0\u2002\u2003\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\ufeff"  # spaces
    + "\u00ab\u00bb\u2039\u203a\u2026\u2022\u00b7\u00a7\u00b6\u00b0\u2020\u2021\u00bf\u00a1"
)
_TABLE = {ord(ch): " " for ch in _PUNCT}


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters ("İ") lower-case to two code points: keep those as they are
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold(text: str) -> str:
    """Lower-case, punctuation → space; ``len(fold(t)) == len(t)``."""
    return _lower_same_length(text).translate(_TABLE)


def key(name: str) -> str:
    """The padded automaton key for a dictionary name: ``" côte d ivoire "``."""
    return " " + " ".join(fold(name).split()) + " "


def padded(text: str) -> str:
    return " " + fold(text) + " "


def words(text: str) -> list[str]:
    return fold(text).split()


def plural(name: str) -> str | None:
    """Regular English plural of a name's last word, or None when it has none."""
    low = name.lower()
    if low.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return None
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return name[:-1] + "ies"
    if low.endswith(("woman", "sman", "chman", "shman", "ceman", "chairman")):
        return name[:-3] + "men"
    return name + "s"


def longest_first(cands: list[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Non-overlapping spans, longer ones first ("Gulf of Mexico" beats "the Gulf"), in text order."""
    if len(cands) < 2:
        return cands
    taken: list[tuple[int, int, T]] = []
    starts: list[int] = []
    for cand in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        i = bisect.bisect_left(starts, cand[0])
        if (i < len(taken) and taken[i][0] < cand[1]) or (i > 0 and taken[i - 1][1] > cand[0]):
            continue
        taken.insert(i, cand)
        starts.insert(i, cand[0])
    return taken
