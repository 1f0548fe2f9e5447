"""Where a stance label ends (:mod:`model.engine.label_parts`): dangling words trimmed, a compound preposition a
cut phrase would end on ("in the midst | of"), and a time adjunct after a saying verb that a cut content can do
without ("said [on Friday] the United States is …")."""

from __future__ import annotations

from typing import Final

from model.engine.label_words import CUT_DANGLING, DANGLING, OPEN_DANGLING, PREPOSITIONS
from model.engine.textfold import next_run


def last_word(fold: str, lo: int, hi: int) -> tuple[int, int]:
    """The last word of ``fold[lo:hi]`` (read backwards); ``(hi, hi)`` when there is none."""
    j = hi
    while j > lo and fold[j - 1] == " ":
        j -= 1
    if j <= lo:
        return hi, hi
    s = fold.rfind(" ", lo, j) + 1
    return (s if s > lo else lo), j


def trim(fold: str, lo: int, end: int, cut: bool = False, open_end: bool = False) -> int:
    """``end`` moved back over dangling words ("of the", "and"; "that" too when the budget ``cut`` the phrase, and
    "had been" when the phrase was cut or stopped before its clause's end, ``open_end``); ``lo`` if none is left."""
    while True:
        s, e = last_word(fold, lo, end)
        if e <= s:
            return lo
        w = fold[s:e].strip("’'")  # (a quotation's closing mark is no part of the word: "agree to’")
        if (w not in DANGLING and not (cut and w in CUT_DANGLING) and not ((cut or open_end) and w in OPEN_DANGLING)
                and _has_alnum(w)):
            return e
        end = s


def _has_alnum(w: str) -> bool:
    """A word of the fold with a letter or digit (not a lone apostrophe or hyphen; 0x01 stands for a letter)."""
    for ch in w:
        if ch.isalnum() or ch == "\x01":
            return True
    return False


#: nouns that end a compound preposition's head after "in", "on", "by", "as" or "with" ("in the midst | of",
#: "in keeping | with", "on behalf | of"): a phrase cut before the preposition loses the head too
_STUB_NOUNS: Final = frozenset("""midst favor favour keeping line front terms spite behalf means accordance conjunction
    response addition view wake search relation regard respect support part light charge""".split())
_STUB_HEADS: Final = frozenset("in on by as with".split())
#: words that only stand before their preposition ("instead | of", "due | to"; not "out": "carried out | by")
_STUB_WORDS: Final = frozenset("instead because due prior according thanks".split())


def stub_end(fold: str, lo: int, end: int, hi: int) -> int:
    """``end`` moved back before a compound preposition's head when the phrase was cut before its preposition
    ("drop out [in favor] | of a run", "[instead] | of"); ``end`` itself otherwise."""
    s, e = next_run(fold, end, hi)
    if s >= hi or fold[end:s].strip() or fold[s:e] not in PREPOSITIONS:
        return end
    s, e = last_word(fold, lo, end)
    w = fold[s:e]
    if w in _STUB_WORDS:
        p = s
    elif w in _STUB_NOUNS:
        p, q = last_word(fold, lo, s)
        if fold[p:q] == "the":
            p, q = last_word(fold, lo, p)
        if fold[p:q] not in _STUB_HEADS or p >= s:
            return end
    else:
        return end
    s, e = last_word(fold, lo, p)
    # (not when a verb would be left dangling: "the United States is | in the midst" stays)
    return end if e <= s or fold[s:e] in OPEN_DANGLING else trim(fold, lo, p, True, True)


#: time adjuncts a saying verb may have before what it says ("said [on Friday] …", "told [yesterday] …")
_DAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ALONE: Final = frozenset("today yesterday tonight earlier".split())
_AFTER_LAST: Final = frozenset("night week weekend month year".split())


def adjunct_end(fold: str, pos: int, hi: int) -> tuple[int, int]:
    """The end of a time adjunct right after ``pos`` ("on Friday", "today", "last week") and its words;
    ``(-1, 0)`` if none."""
    s, e = next_run(fold, pos, hi)
    if s >= hi or fold[pos:s].strip():
        return -1, 0
    w = fold[s:e]
    if w in _ALONE:
        return e, 1
    if w not in ("on", "last"):
        return -1, 0
    s2, e2 = next_run(fold, e, hi)
    if s2 >= hi or fold[e:s2].strip():
        return -1, 0
    second = fold[s2:e2]
    return (e2, 2) if second in (_DAYS if w == "on" else _AFTER_LAST) else (-1, 0)
