"""Sentence splitting with character offsets.

Rule-based and fast: a boundary is sentence-final punctuation (optionally
followed by closing quotes or brackets), then white space, then something that
can open a sentence.  Abbreviations ("Lt Gen.", "U.S.", "Sept.", "Mr.") and
initials do not end sentences; a quote that closes mid-sentence ("…," the
source said) does not either.  Line breaks between paragraphs always do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep pres
    st jr sr mt ft no nos vol pp fig art sec dept univ assn bros inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu thur fri sat sun
    vs v al approx est ave blvd rd hon rev messrs mme mlle gens lieut brig
    u.s u.k u.n e.u u.s.a e.g i.e a.m p.m d.c n.y l.a""".split()
)

#: ``[.!?…]+[closing]*(?=\s)|\n\s*\n|\n``, written to start with one character class so
#: that the regex engine can skip to candidates quickly (3× faster; same matches, see the tests)
_BOUNDARY: Final = re.compile(r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?=\s)|(?<=\n)\s*\n|(?<=\n))")
_OPENER: Final = re.compile(r"\s+[\"'“‘«(\[]*[A-Z0-9\u00C0-\u024F\u0400-\u04FF\u0600-\u06FF]")
_INITIALS: Final = re.compile(r"(?:[a-z]\.)+[a-z]")
_SENTENCE_OPENER: Final = re.compile(r"(?:The|It|He|She|They|We|In|On|But|However|This|A)\b")


_ABBREV_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def word_before_period(text: str, end: int) -> str:
    r"""The word ``[A-Za-z][A-Za-z.]*`` closed by the period at ``text[end-1]``, within 12 characters, or "".

    What ``re.search(r"([A-Za-z][A-Za-z.]*)\.$", text[end-12:end])`` finds, read backwards
    ("" when ``text[end-1]`` is not a period).
    """
    lo = max(0, end - 12)
    if end - 1 < lo or text[end - 1] != ".":
        return ""
    chars = _ABBREV_CHARS
    i = end - 1
    while i > lo and text[i - 1] in chars:
        i -= 1
    while i < end - 1 and text[i] == ".":
        i += 1  # the word starts with a letter
    return text[i:end - 1]


def lower_word_before_period(text: str, end: int, fold: str = "") -> str:
    """``word_before_period(text, end).lower()``.

    ``fold`` (``textfold.fold`` of the text, without the Kelvin sign), when given, serves the usual case
    in a few calls: a run of ASCII letters there, after a character that is neither a letter nor a period.
    """
    if fold and end >= 2 and text[end - 1] == ".":
        lo = end - 12 if end > 12 else 0
        s = fold.rfind(" ", lo, end - 1) + 1
        if s > lo and text[s - 1] != ".":
            word = fold[s:end - 1]  # lower case already
            if word.isalpha():  # (ASCII letters only: the fold holds no others)
                return word
    return word_before_period(text, end).lower()


def _is_abbreviation(text: str, end: int, fold: str = "") -> bool:
    """Does the period ending at text[end-1] close an abbreviation or initial?"""
    word = lower_word_before_period(text, end, fold)
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # single-letter initial ("J. Smith") or dotted acronym ("U.S.")
    return len(word) == 1 or ("." in word and bool(_INITIALS.fullmatch(word)))


_BOUNDARY_CHARS: Final = ".!?…\n"


def _boundaries(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text)``, trying the regex only where a boundary character stands.

    Every match starts with one of ``_BOUNDARY_CHARS``; ``str.find`` skips to those far faster
    than the regex engine's own scan.
    """
    nxt = [text.find(c) for c in _BOUNDARY_CHARS]
    pos = 0
    while True:
        at = -1
        for p in nxt:
            if p >= 0 and (at < 0 or p < at):
                at = p
        if at < 0:
            return
        end = _boundary_end(text, at)
        if end >= 0:
            pos = end
            yield at, pos
        else:
            pos = at + 1
        for k, c in enumerate(_BOUNDARY_CHARS):
            if 0 <= nxt[k] < pos:
                nxt[k] = text.find(c, pos)


_TERMINATORS: Final = frozenset(".!?…")
_CLOSERS: Final = frozenset("\"'”’»)]")
_OPEN_QUOTES: Final = frozenset("\"'“‘«([")


def _boundary_end(text: str, at: int) -> int:
    """``_BOUNDARY.match(text, at).end()``, or -1 for no match (``text[at]`` is one of ``_BOUNDARY_CHARS``).

    Read character by character: the match is short, and a regex call costs more than reading it.
    """
    n = len(text)
    j = at + 1
    if text[at] == "\n":
        while j < n and text[j].isspace():
            j += 1
        last = text.rfind("\n", at + 1, j)  # "\n  \n": the blank line's last line break
        return last + 1 if last >= 0 else at + 1
    while j < n and text[j] in _TERMINATORS:
        j += 1
    while j < n and text[j] in _CLOSERS:
        j += 1
    return j if j < n and text[j].isspace() else -1


def opens_sentence(text: str, pos: int) -> bool:
    """``_OPENER.match(text, pos)``: white space, opening quotes or brackets, then a capital or digit."""
    n = len(text)
    j = pos
    while j < n and text[j].isspace():
        j += 1
    if j == pos:
        return False
    while j < n and text[j] in _OPEN_QUOTES:
        j += 1
    if j >= n:
        return False
    c = ord(text[j])
    return 65 <= c <= 90 or 48 <= c <= 57 or 0xC0 <= c <= 0x24F or 0x400 <= c <= 0x4FF or 0x600 <= c <= 0x6FF


def split_spans(text: str, fold: str = "") -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; text[start:end] has no outer white space.

    ``fold``: ``textfold.fold(text)`` if at hand and the text holds no Kelvin sign (it reads periods faster).
    """
    start = 0
    n = len(text)
    for b_start, b_end in _boundaries(text):
        end = b_end
        if text[b_start] != "\n":  # (a match holds a line break only when it starts with one)
            if not opens_sentence(text, end):
                continue
            if text[b_start] == "." and _is_abbreviation(text, b_start + 1, fold):
                # "U.S. officials" continues; "the U.S. The next…" is ambiguous:
                # keep together unless the next word is a common sentence opener.
                nxt = text[end:end + 12].lstrip()
                if not _SENTENCE_OPENER.match(nxt):
                    continue
        else:
            end = b_start
        # _trimmed, with its usual case (a sentence of ordinary length) done here, not in a nested generator
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s > MAX_SENTENCE:
            yield from _trimmed(text, s, e)
        elif e > s:
            yield s, e
        start = b_end
    if start < n:
        yield from _trimmed(text, start, n)


#: a "sentence" longer than this (a table, a list, text without punctuation) is cut
#: at the last clause mark or space before the limit, so work per sentence stays bounded
MAX_SENTENCE = 1200


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind("; ", start, limit), text.rfind(", ", start, limit))
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
        cut = cut + 1 if cut > start else limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
