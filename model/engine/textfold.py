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
import codecs
import gc
from typing import Final

_UNICODE_PUNCT: Final = (
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033"  # curly quotes, primes
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens and dashes
    "\u00a0\u2002\u2003\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\ufeff\u2028\u2029\u0085"  # spaces
    "\u00ab\u00bb\u2039\u203a\u2026\u2022\u00b7\u00a7\u00b6\u00b0\u2020\u2021\u00bf\u00a1"
)
_SPACE_OUT: Final = frozenset(_UNICODE_PUNCT)
#: ASCII punctuation and white space → space; letters, digits and the stand-in byte 0x01 stay
_TABLE: Final = bytes(
    [b if (chr(b).isalnum() or b == 1) and b < 128 else 32 for b in range(256)]
)


def _fold_error(exc: UnicodeError) -> tuple[str, int]:
    """Each non-ASCII character becomes one byte: a space for punctuation, 0x01 for a letter."""
    assert isinstance(exc, UnicodeEncodeError)
    run = exc.object[exc.start: exc.end]
    return "".join(" " if ch in _SPACE_OUT or not ch.isalnum() else "\x01" for ch in run), exc.end


codecs.register_error("stance_atlas_fold", _fold_error)


#: the lexicon's fold keeps apostrophes, hyphens and underscores inside words ("oath-taking", "won't")
_WORD_TABLE: Final = bytes(
    [b if ((chr(b).isalnum() or b in (1, 0x27, 0x2D, 0x5F)) and b < 128) else 32 for b in range(256)]
)
_APOSTROPHES: Final = frozenset("\u2019")
#: (0x01, a letter outside ASCII, stays: "Erdoğan" is one word, not "erdo" and "an")
_ALPHA_TABLE: Final = bytes([b if (0x61 <= b <= 0x7A or b in (0x01, 0x27, 0x2D)) else 32 for b in range(256)])


def _word_fold_error(exc: UnicodeError) -> tuple[str, int]:
    """Like ``_fold_error``, but the typographic apostrophe stays an apostrophe."""
    assert isinstance(exc, UnicodeEncodeError)
    run = exc.object[exc.start: exc.end]
    return "".join("'" if ch in _APOSTROPHES else " " if ch in _SPACE_OUT or not ch.isalnum() else "\x01"
                   for ch in run), exc.end


codecs.register_error("stance_atlas_word_fold", _word_fold_error)


def word_fold(low: str) -> str:
    """Lower-case text as whole-word lexicon matching sees it; ``len(word_fold(t)) == len(t)``.

    Letters, digits, ``'``, ``’`` (as ``'``), ``-`` and ``_`` stay; everything else becomes a space.
    Expects lower-cased text (the engine scans ``text.lower()``).
    """
    return low.encode("ascii", "stance_atlas_word_fold").translate(_WORD_TABLE).decode("ascii")


def alpha_fold(word_folded: str, text: str) -> str:
    """``word_fold`` output with only letters (ASCII lower case, or ``\x01`` for any other letter),
    apostrophes and hyphens left, all else spaces: the characters of the engine's backward word reading
    (``clauses.words_before``), same length.

    "" (read the text itself) when ``text`` holds the Kelvin sign, the one character outside those
    that lower-cases into them.
    """
    if "\u212a" in text:
        return ""
    return word_folded.encode("ascii").translate(_ALPHA_TABLE).decode("ascii")


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping its offsets: a character that lower-cases to two ("İ") stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters ("İ") lower-case to two code points: keep those as they are
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold(text: str, low: str | None = None) -> str:
    """Lower-case ASCII with punctuation as spaces and other letters as ``\\x01``; ``len(fold(t)) == len(t)``.

    Letters outside ASCII all fold to the same stand-in, so "Türkiye" and "Tärkiye" share a key: the
    price of a byte-level fold that runs at hundreds of MB/s.
    """
    if low is None or len(low) != len(text):
        low = lower_same_length(text)
    raw = low.encode("ascii", "stance_atlas_fold")
    return raw.translate(_TABLE).decode("ascii")


def folds(low: str) -> tuple[str, str]:
    """``(fold(low), word_fold(low))`` from one encoding of the lower-cased text (the two folds differ only
    in apostrophes, hyphens and underscores, which the word fold keeps)."""
    raw = low.encode("ascii", "stance_atlas_word_fold")
    return raw.translate(_TABLE).decode("ascii"), raw.translate(_WORD_TABLE).decode("ascii")


#: the two fold tables with ASCII capitals lower-cased on the way, for folding a text that is not lower-cased
_TABLE_UPPER: Final = bytes([_TABLE[ord(chr(b).lower())] if b < 128 else _TABLE[b] for b in range(256)])
_WORD_TABLE_UPPER: Final = bytes([_WORD_TABLE[ord(chr(b).lower())] if b < 128 else _WORD_TABLE[b] for b in range(256)])


def text_folds(text: str) -> tuple[str, str]:
    """``folds(lower_same_length(text))`` without lower-casing the text first.

    Every character outside ASCII folds as its lower case does (a letter stays a letter, punctuation
    punctuation: ``tests/model/test_textfold.py`` checks each code point); ASCII capitals are lower-cased
    by the byte tables.  The one exception, the Kelvin sign (lower case: ASCII "k"), takes the long way.
    """
    if "\u212a" in text:
        return folds(lower_same_length(text))
    raw = text.encode("ascii", "stance_atlas_word_fold")
    return raw.translate(_TABLE_UPPER).decode("ascii"), raw.translate(_WORD_TABLE_UPPER).decode("ascii")


def next_run(folded: str, pos: int, hi: int) -> tuple[int, int]:
    """The next word of a fold, as ``(start, end)``: the first run of non-spaces in ``folded[pos:hi]``, cut at
    ``hi``; ``(hi, hi)`` when there is none.  (Compiled, the pair is returned unboxed.)"""
    while pos < hi and folded[pos] == " ":
        pos += 1
    if pos >= hi:
        return hi, hi
    end = folded.find(" ", pos, hi)
    return pos, (end if end >= 0 else hi)


def holds_any(fold: str, words: tuple[str, ...], a: int, b: int) -> bool:
    """One of ``words`` stands in ``fold[a:b]``: the cheap test before an expression that needs one of them
    (True when the fold is not at hand: then the expression decides)."""
    if not fold:
        return True
    for w in words:
        if fold.find(w, a, b) >= 0:
            return True
    return False


def is_word_char(ch: str) -> bool:
    """A regex word character (``\\w`` of a ``str`` pattern): what decides where ``\\b`` stands."""
    return ch.isalnum() or ch == "_"


def key(name: str) -> str:
    """The padded automaton key for a dictionary name: ``" côte d ivoire "``."""
    return " " + " ".join(fold(name).split()) + " "


def padded(text: str, low: str | None = None) -> str:
    """``" " + fold(text) + " "``; ``low`` is ``text.lower()`` when the caller has it already."""
    return " " + fold(text, low) + " "


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


class Span:
    """A candidate span ``[start, end)`` and what it stands for (a class: compiled, it moves without boxing)."""

    def __init__(self, start: int, end: int, item: object, text: str = "") -> None:
        self.start = start
        self.end = end
        self.item = item
        self.text = text  # the span's text, when the finder has sliced it already


def longest_first(cands: list[Span]) -> list[Span]:
    """Non-overlapping spans, longer ones first ("Gulf of Mexico" beats "the Gulf"), in text order."""
    _sort_by_start(cands)
    out: list[Span] = []
    i = 0
    n = len(cands)
    while i < n:
        # a cluster: the spans overlapping what the cluster covers so far
        j = i + 1
        cluster_end = cands[i].end
        while j < n and cands[j].start < cluster_end:
            if cands[j].end > cluster_end:
                cluster_end = cands[j].end
            j += 1
        if j == i + 1:
            out.append(cands[i])
        else:
            out.extend(_resolve(cands[i:j]))
        i = j
    return out


def _sort_by_start(cands: list[Span]) -> None:
    """Sort spans by start, longest first for one start (stable): ``sort(key=lambda c: (c.start, -c.end))``.

    An automaton gives them by end, which is that order except where names overlap, and then only a
    few places off: an insertion sort moves those and builds no key per span.
    """
    for i in range(1, len(cands)):
        cur = cands[i]
        s = cur.start
        e = cur.end
        j = i - 1
        while j >= 0 and (cands[j].start > s or (cands[j].start == s and cands[j].end < e)):
            cands[j + 1] = cands[j]
            j -= 1
        cands[j + 1] = cur


def _resolve(cluster: list[Span]) -> list[Span]:
    """The longest spans of an overlapping cluster (the earlier of two as long), in text order."""
    if len(cluster) == 2:
        a = cluster[0]
        b = cluster[1]
        la = a.end - a.start
        lb = b.end - b.start
        return [b] if lb > la or (lb == la and b.start < a.start) else [a]
    taken: list[Span] = []
    starts: list[int] = []
    for cand in sorted(cluster, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_left(starts, cand.start)
        if (i < len(taken) and taken[i].start < cand.end) or (i > 0 and taken[i - 1].end > cand.start):
            continue
        taken.insert(i, cand)
        starts.insert(i, cand.start)
    return taken


class paused_gc:  # noqa: N801 (used like a function: ``with paused_gc(): …``)
    """Hold the cyclic garbage collector while building many small result tuples.

    With tens of thousands of entries loaded, each full collection walks them
    all; pausing it for one call makes ``find`` about a quarter faster.  (A class,
    not a ``contextlib`` generator: compiled, entering it costs a hundredth as much,
    which counts on short documents.)
    """

    def __init__(self) -> None:
        self.enabled = False

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            gc.enable()
