"""Shallow clause structure of one sentence, from character spans.

No parser: a sentence is cut at clause openers ("that", "after", "which",
";" …) into clauses; in each clause the governing cue is the first event cue
once light verbs ("decided to", "announced to") hand over to the verb they
introduce.  Frames that only report ("…, the source said", "according to X",
"X said that …") are found here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from model.engine.lexicon import Hit, category
from model.engine.textfold import is_word_char

#: punctuation that opens a clause; the opener words ("that", "after", "which" …) are lexicon hits
#: (a list: compiled, a Final tuple would be rebuilt at each use)
_PUNCT_OPENERS: Final = [";", ":", " – ", " — ", " - "]
BE_FORMS: Final = frozenset("is are was were be been being am 's".split())
#: verbs that keep a state as "be" does: their participle is a passive ("Parts of Moldova remain occupied")
_STATE_VERBS: Final = frozenset("remain remains remained".split())
_WORD_RE: Final = re.compile(r"(?:[A-Za-z’'-]|[^\W\d_\x00-\x7f])+")
_QUOTE_CLOSE: Final = "”\"’'"
#: the endings (all two letters) and irregular forms that ``is_passive`` reads as a past participle
_PARTICIPLE_ENDINGS: Final = frozenset({"ed", "en", "ld", "ht", "wn", "ne"})
_IRREGULAR_PARTICIPLES: Final = frozenset({"met", "held", "told", "sent", "cut", "shot"})



@dataclass
class Frame:
    """A reporting frame: the sayer's span and where the reported content lies."""

    sayer_start: int
    sayer_end: int
    content_start: int
    content_end: int
    kind: str  # "trailing", "leading", "according"
    verb: Hit | None

    # written out: a dataclass-generated __init__ stays interpreted Python when the module is compiled
    def __init__(self, sayer_start: int, sayer_end: int, content_start: int, content_end: int, kind: str,
                 verb: Hit | None) -> None:
        self.sayer_start = sayer_start
        self.sayer_end = sayer_end
        self.content_start = content_start
        self.content_end = content_end
        self.kind = kind
        self.verb = verb


_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ’'-")


def _word_start_before(text: str, end: int, lo: int) -> int:
    """Where the word ending at ``end`` starts (not before ``lo``); ``end`` itself if none ends there."""
    chars = _WORD_CHARS  # a local: compiled code would look a module global up at each character
    i = end
    while i > lo and (text[i - 1] in chars or _other_letter(text[i - 1])):
        i -= 1
    return i


def _other_letter(ch: str) -> bool:
    """A letter outside ASCII ("ğ" of "Erdoğan"): part of a word as much as an ASCII letter."""
    return ch > "\x7f" and ch.isalpha()


def _word_end_before(text: str, pos: int, lo: int) -> int:
    """End of the nearest word before ``pos`` (``lo`` when there is none after ``lo``)."""
    chars = _WORD_CHARS
    i = pos
    while i > lo and text[i - 1] not in chars and not _other_letter(text[i - 1]):
        i -= 1
    return i


def alpha_word_before(text: str, alpha: str, pos: int, lo: int) -> tuple[int, str]:
    """The nearest word ending at or before ``pos`` (not before ``lo``) as ``(start, word)``; ``(-1, "")`` if none.

    Reads ``alpha`` (``textfold.alpha_fold``: the word characters as lower-case ASCII, all else spaces)
    with ``str.rfind`` instead of testing the text character by character.
    """
    j = pos
    while j > lo and alpha[j - 1] == " ":
        j -= 1
    if j <= lo:
        return -1, ""
    s = alpha.rfind(" ", lo, j) + 1
    if s == 0:
        s = lo
    w = alpha[s:j]
    if "'" in w or "\x01" in w:  # the fold made "’" an apostrophe, "ğ" 0x01: the word keeps the text's own
        w = text[s:j].lower()
    return s, w


def words_before(text: str, pos: int, n: int, floor: int = 0, alpha: str = "") -> list[str]:
    """The ``n`` words before ``pos`` (lower case), nearest last.

    Words are runs of ``_WORD_RE`` characters inside the ``12 * n`` characters before
    ``pos`` (not before ``floor``), read backwards — what ``_WORD_RE.findall`` on that
    window would give, without scanning all of it.  ``alpha``, the document's
    ``textfold.alpha_fold`` if at hand, makes the reading cheaper.
    """
    lo = floor if floor > pos - 12 * n else pos - 12 * n
    out: list[str] = []
    if alpha:
        i = pos
        while len(out) < n:
            i, w = alpha_word_before(text, alpha, i, lo)
            if i < 0:
                break
            out.append(w)
        out.reverse()
        return out
    i = pos
    while len(out) < n:
        j = _word_end_before(text, i, lo)
        if j <= lo:
            break
        i = _word_start_before(text, j, lo)
        out.append(text[i:j].lower())
    out.reverse()
    return out


def nearest_word_except(text: str, pos: int, n: int, floor: int, skip: frozenset[str], alpha: str = "") -> str:
    """The nearest of the ``n`` words before ``pos`` that is not in ``skip``, else "".

    ``[w for w in words_before(text, pos, n, floor) if w not in skip][-1:]``, read backwards and
    stopping at the first such word.
    """
    lo = floor if floor > pos - 12 * n else pos - 12 * n
    i = pos
    if alpha:
        for _ in range(n):
            i, w = alpha_word_before(text, alpha, i, lo)
            if i < 0:
                break
            if w not in skip:
                return w
        return ""
    for _ in range(n):
        j = _word_end_before(text, i, lo)
        if j <= lo:
            break
        i = _word_start_before(text, j, lo)
        w = text[i:j].lower()
        if w not in skip:
            return w
    return ""


def first_word(text: str, hit: Hit) -> str:
    """The hit's first word ("take" of "take part"), lower case; read once per hit."""
    if not hit.first:
        space = text.find(" ", hit.start, hit.end)
        hit.first = text[hit.start:space if space >= 0 else hit.end].lower()
    return hit.first


def is_participle(form: str) -> bool:
    """``form`` (lower case) reads as a past participle ("recognized", "forgiven", "held")."""
    return form[-2:] in _PARTICIPLE_ENDINGS or form in _IRREGULAR_PARTICIPLES


def is_passive(text: str, cue: Hit, floor: int, alpha: str = "") -> bool:
    form = first_word(text, cue)
    if form[-2:] not in _PARTICIPLE_ENDINGS and form not in _IRREGULAR_PARTICIPLES:
        return False
    before = words_before(text, cue.start, 3, floor, alpha)
    return any(w in BE_FORMS or w in _STATE_VERBS for w in before[-2:]) or (len(before) >= 1 and before[-1] == "been")


def clause_bounds(text: str, start: int, end: int, openers: list[Hit]) -> list[int]:
    """Offsets where a new clause starts inside [start, end).

    ``openers`` are the sentence's clause-opener hits (``engine_words.json``:
    ``clause_openers``); semicolons, colons and spaced dashes open clauses too.
    """
    marks: list[tuple[int, int]] = [(h.start, h.end) for h in openers if start <= h.start and h.end <= end]
    for p in _PUNCT_OPENERS:
        if len(p) > 1 and text.find(p[1], start, end) == -1:
            continue  # (a one-character search first: the text is often UCS-2, the opener ASCII)
        i = text.find(p, start, end)
        while i != -1:
            marks.append((i, i + len(p)))
            i = text.find(p, i + len(p), end)
    marks.sort()
    cuts = [start]
    for a, b in marks:
        if a > cuts[-1]:
            cuts.append(b)
    return cuts


def _separator_before(text: str, pos: int, floor: int) -> int:
    """Offset just after the last comma / closing quote before ``pos`` (within 110 characters, not
    before ``floor`` ≥ 0), or -1.  A comma between digits ("800,000") does not count."""
    lo = floor if floor > pos - 110 else pos - 110
    q = text.rfind("”", lo, pos)
    q2 = text.rfind('"', lo, pos)
    if q2 > q:
        q = q2
    hi = pos
    while True:
        c = text.rfind(",", lo, hi)
        if c <= q:
            break
        if 0 < c < len(text) - 1 and text[c - 1].isdigit() and text[c + 1].isdigit():
            hi = c
            continue
        return c + 1
    return q + 1 if q >= 0 else -1


_ACCORDING: Final = re.compile(r"\baccording to\b", re.IGNORECASE)
_LEAD: Final = re.compile(r"\s*[“\"]?(?:[\w’'-]+\s+){0,3}[\w’'-]+,")
_MEDIAL: Final = re.compile(r"[^,.;]{0,40},")
_TRAILING_CATS: Final = frozenset({"SAY", "DISAPPROVE", "PROTEST", "THREATEN", "DEMAND", "APPEAL"})


_TAIL_ADJUNCT: Final = re.compile(
    r"^(?:\s+(?:on|in|at|late|early|earlier|last|this|here|today|yesterday|tonight|overnight|by|via|after|during|"
    r"from|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^,;]*)?\s*[.”\"'’]*\s*$",
    re.IGNORECASE,
)


def _is_trailing(text: str, cue: Hit, s: int, e: int, cues: list[Hit]) -> bool:
    """"…, a human rights group protested here Wednesday.": a communication verb closing the sentence."""
    tail = text[cue.end:e]
    sep = _separator_before(text, cue.start, s)
    return (sep != -1 and len(tail.strip(" .”\"")) <= 45 and bool(_TAIL_ADJUNCT.match(tail))
            and not any(c.start >= cue.end for c in cues if c is not cue))


_CONTENT_STOPS: Final = [".", ";"]


def that_end(after: str) -> int:
    r"""``re.match(r"[^.;]{0,80}?\b(that|:)\s*", after).end()``, or -1 where it does not match: the first
    "that" at the start of a word, or ":" right after a word character, within the first 80 characters and
    before any "." or ";", with the white space after it.  (Searched for: the lazy regex tried every position
    and backtracked.)"""
    bound = 81
    for ch in _CONTENT_STOPS:
        k = after.find(ch, 0, bound)
        if k >= 0:
            bound = k
    best = -1
    size = 0
    k = after.find("that", 0, bound + 3)
    while k >= 0:
        if k == 0 or not is_word_char(after[k - 1]):
            best, size = k, 4
            break
        k = after.find("that", k + 1, bound + 3)
    limit = best if best >= 0 else bound
    c = after.find(":", 0, limit)
    while c >= 0:
        if c > 0 and is_word_char(after[c - 1]):
            best, size = c, 1
            break
        c = after.find(":", c + 1, limit)
    if best < 0:
        return -1
    end = best + size
    n = len(after)
    while end < n and after[end].isspace():
        end += 1
    return end


def find_frames(text: str, s: int, e: int, says: list[Hit], cues: list[Hit], fold: str = "") -> list[Frame]:
    """Reporting frames of the sentence text[s:e]; ``says`` are SAY cue hits; ``fold``: ``word_fold`` of the
    lower-cased text, if at hand (one search there instead of two in the text)."""
    frames: list[Frame] = []
    if fold:
        maybe = fold.find("according to", s, e) != -1  # (every case of it: "According To" too)
    else:
        maybe = text.find("ccording to", s, e) != -1 or text.find("CCORDING TO", s, e) != -1
    m = _ACCORDING.search(text, s, e) if maybe else None
    if m:
        a_start = m.start()
        stop = text.find(",", a_start, e)
        if a_start - s < 4:  # "According to X, content"
            stop = stop if stop != -1 else e
            frames.append(Frame(m.end(), stop, stop + 1, e, "according", None))
            return frames
        frames.append(Frame(m.end(), stop if stop != -1 else e, s, a_start, "according", None))
        e = a_start
    finals = [c for c in cues if category(c) in _TRAILING_CATS]
    last = finals[-1] if finals else None
    if last is not None and last is not (says[-1] if says else None) and not _is_trailing(text, last, s, e, cues):
        last = None
    if last is None:
        if not says:
            return frames
        last = says[-1]
    tail = text[last.end:e]
    sep = _separator_before(text, last.start, s)
    if sep != -1 and len(tail.strip(" .”\"")) <= 45 and not any(c.start >= last.end for c in cues if c is not last):
        between = text[sep:last.start]
        if between.strip():  # "…, the source said on Friday."
            frames.append(Frame(sep, last.start, s, sep - 1, "trailing", last))
        else:  # "…, said the spokesman."
            frames.append(Frame(last.end, e, s, sep - 1, "trailing", last))
        e = sep - 1
        says = [h for h in says if h.end <= e]
        cues = [c for c in cues if c.end <= e]
        if not says:
            return frames
    first = says[0]
    earlier = [c for c in cues if c.start < first.start]
    sayer = text[s:first.start]
    lead = _LEAD.match(sayer) if "," in sayer else None  # "Interestingly," / "On Monday," (ends with a comma)
    core = sayer[lead.end():] if lead else sayer
    after_verb = text[first.end:e]
    if "," in core.strip(" ,“\"") and _MEDIAL.match(after_verb):
        # "…, the U.S. Central Command said on Monday, expanding …": a medial frame
        sep = _separator_before(text, first.start, s)
        if sep != -1 and text[sep:first.start].strip():
            frames.append(Frame(sep, first.start, s, sep - 1, "trailing", first))
        return frames
    if not earlier and first.start - s < 160:
        after = text[first.end:e]
        that = that_end(after)
        if that < 0 and after.startswith(" by ") and is_passive(text, first, s):
            return frames  # "The attack was claimed by the Houthi movement, but …": the agent says it, no frame
        content_start = first.end + (that if that >= 0 else 0)
        if that >= 0 or any(c.start > first.end for c in cues):
            frames.append(Frame(s, first.start, content_start, e, "leading", first))
    return frames
