"""The pieces of a stance label (issue 15: a phrase an analyst reads as an act, "will not take part in the
inauguration ceremony"): the verb group before the cue ("have been unable to", "would like to"), the
object or content after it, stopped at a clause break, and what a saying verb says when it stands after
the quotation ("“…,” said the sheriff") or after the clause it reports ("…, scientists report").

Words are read from ``fold`` (``word_fold`` of the lower-cased text: runs of non-spaces at the text's
offsets); the text between two words (its "gap") is read for punctuation.
"""

from __future__ import annotations

from typing import Final

from model.engine.label_words import (
    ABBREVIATIONS,
    ADVERBS,
    AUX,
    BE,
    BOUNDARIES,
    CATENATIVE,
    COORD,
    CUT_DANGLING,
    DANGLING,
    FINITE,
    ING_CATENATIVE,
    LY_NOUNS,
    NEG,
    NOT_LISTED,
    OPEN_DANGLING,
    OPENERS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTES,
    STOPS,
    SUBORDINATORS,
    THAT_AFTER,
)
from model.engine.textfold import next_run


def words_in(label: str) -> int:
    """Words of a label as a reader counts them (runs between white space)."""
    return len(label.split())


def group_start(text: str, fold: str, pos: int, floor: int, is_ing: bool) -> int:
    """Start of the verb group ending at ``pos`` (the cue's start): auxiliaries, negations, adverbs inside the
    group, and a verb that takes the cue ("will not", "have been confirmed", "have been unable to", "prefer not
    to", "keep" before "fighting"); ``pos`` when there is none.  Never before ``floor``, never over
    punctuation, at most six words.  A "to" comes in only with the verb that takes it; an adverb or "being"
    does not open the group ("also urged" → "urged", "Being committed" → "committed")."""
    start = at = pos
    need_verb = False  # a "to" was read: the word before it must take it
    for _ in range(6):
        s, e = last_word(fold, floor, at)
        if e <= s or text[e:at].strip():
            break
        w = fold[s:e]
        if need_verb:
            if w in NEG:
                at = s  # "prefer not to discuss"
                continue
            if w not in CATENATIVE:
                break
            need_verb = False
        elif w == "to":
            need_verb = True
            at = s
            continue
        elif not (w in AUX or w in NEG or w.endswith("n't") or w.endswith("n’t") or _is_adverb(text, w, s)
                  or (is_ing and start == pos and w in ING_CATENATIVE)
                  or (w.endswith("ed") and _be_before(text, fold, floor, s))):
            break
        at = start = s
    while start < pos:  # the group opens with its auxiliary, negation or verb
        e = fold.find(" ", start, pos)
        w = fold[start:e]
        if not (w == "being" or (w not in NEG and _is_adverb(text, w, start))) or e < 0:
            break
        start = _skip(fold, e, pos)
    return start


def _be_before(text: str, fold: str, floor: int, pos: int) -> bool:
    """Is the word before ``pos`` a form of "be" ("been confirmed killed")?"""
    s, e = last_word(fold, floor, pos)
    return e > s and fold[s:e] in BE and not text[e:pos].strip()


def _is_adverb(text: str, w: str, s: int) -> bool:
    return w in ADVERBS or (len(w) > 4 and w.endswith("ly") and w not in LY_NOUNS and not text[s].isupper())


def last_word(fold: str, lo: int, hi: int) -> tuple[int, int]:
    """The last word of ``fold[lo:hi]`` (read backwards); ``(hi, hi)`` when there is none."""
    j = hi
    while j > lo and fold[j - 1] == " ":
        j -= 1
    if j <= lo:
        return hi, hi
    s = fold.rfind(" ", lo, j) + 1
    return (s if s > lo else lo), j


class Scan:
    """Where a cue's object (or a saying's content) ends: ``end``, the words taken, ``gap``, the punctuation
    that stopped it ("" when a word or the end stopped it), and ``holes``, the spans a label leaves out ("take
    part [in any way] in the ceremony")."""

    def __init__(self, end: int, words: int, gap: str, holes: list[tuple[int, int]]) -> None:
        self.end = end
        self.words = words
        self.gap = gap
        self.holes = holes


#: adverbial phrases a label leaves out ("will not take part in any way in the ceremony"), by first word
_ASIDES: Final[dict[str, list[list[str]]]] = {
    "in": [["any", "way"], ["any", "form"], ["any", "case"], ["person"], ["turn"], ["principle"], ["particular"]],
    "at": [["all"]], "once": [["again"]], "for": [["now"]], "so": [["far"]], "by": [["any", "means"]],
    "of": [["course"]],
}


def _aside_end(fold: str, w: str, e: int, hi: int) -> int:
    """The end of an adverbial phrase that starts with the word ``w`` ending at ``e``; -1 if none."""
    s, p = next_run(fold, e, hi)
    if s >= hi or fold[e:s].strip():
        return -1
    second = fold[s:p]
    for rest in _ASIDES.get(w, []):
        if rest[0] != second:
            continue
        q = p
        for word in rest[1:]:
            s, q2 = next_run(fold, q, hi)
            if s >= hi or fold[s:q2] != word or fold[q:s].strip():
                break
            q = q2
        else:
            return q
    return -1


def without(text: str, a: int, b: int, holes: list[tuple[int, int]]) -> str:
    """``text[a:b]`` less the ``holes`` inside it."""
    if not holes:
        return text[a:b]
    out = []
    for s, e in holes:
        if a <= s and e <= b:
            out.append(text[a:s])
            a = e
    out.append(text[a:b])
    return " ".join(out)


def scan(text: str, fold: str, pos: int, hi: int, budget: int, clauses: bool) -> Scan:
    """Read the words after ``pos`` up to ``hi`` while they belong to the phrase: at most ``budget`` words,
    stopping at a clause break (punctuation, a relative or adverbial clause, another clause's auxiliary unless
    ``clauses``: a saying's content may hold one).  A phrase cut by the budget goes back to its last
    preposition, conjunction or list comma, and dangling words are dropped ("of the", "and")."""
    end = pos
    words = 0
    p = pos
    boundary = -1    # the end before the last preposition / conjunction / list comma
    boundary_words = 0
    boundary_word = ""
    coord = -1       # the end before the last "and" / "or"
    coord_words = 0
    prev = prev2 = ""
    sub = False      # inside a clause the phrase opened ("that …", "if …")
    sub_at = pos - 1
    year_comma = False
    stopped = ""
    cut = False
    ended = False    # the phrase reached the end of its clause or sentence
    list_at = -1     # the end before a list's first comma, until its "and" / "or"
    list_words = 0
    holes: list[tuple[int, int]] = []
    while True:
        s, e = next_run(fold, p, hi)
        if s >= hi:
            ended = True
            break
        gap = text[p:s]
        if gap != " ":  # (the usual gap: nothing to read)
            if words and gap and not _has_space(gap) and _joins(gap):
                end = p = e  # "U.S", "5.7", "5:00"
                continue
            if gap.strip():
                kind = _gap_kind(text, fold, gap, prev, s, e, hi, year_comma, list_at > pos)
                if kind == "stop":
                    stopped = gap.strip()
                    ended = stopped[0] in ".?!" or stopped[-1] in ".?!"
                    break
                year_comma = kind == "date"
                if kind == "list" and words:
                    boundary, boundary_words, boundary_word = end, words, ","
                    if list_at < 0:
                        list_at, list_words = end, words
        w = fold[s:e]
        special = w in _SPECIAL
        if special:  # (most words are none of these: read once)
            if w in _ASIDES:
                skip = _aside_end(fold, w, e, hi)
                if skip > 0:
                    holes.append((end, skip))
                    p = skip
                    continue
            if w in STOPS and not (words == 0 and text[s].isupper()):  # (a quotation may open "After elections")
                break
            if w == "according" and fold.startswith("to", _skip(fold, e, hi)):
                break
            if w == "as" and fold.startswith("part of", _skip(fold, e, hi)):
                break
            if w == "that":
                if not (words == 0 or prev in THAT_AFTER or prev2 == "to" or (prev == "that" and sub)
                        or _determiner_that(text, fold, e, hi)):  # ("to ensure that …": after a verb)
                    break
                sub, sub_at = True, end
            elif w in SUBORDINATORS:
                sub, sub_at = True, end
            if words == 0 and w in BE and not clauses:
                break  # "the challenges we are facing | are becoming": the cue's object stood before it
            if w in FINITE and words and prev != "to" and prev not in COORD and prev not in FINITE:
                # another clause's verb: "funds | and Syria is", "the challenges we are facing | are becoming"
                if coord > sub_at and words - coord_words <= 3:
                    end, words = coord, coord_words
                    break
                if not (sub or clauses):
                    if prev in PRONOUNS:
                        end = last_word(fold, pos, end)[0]  # "the best information | we can"
                        words -= 1
                    break
        if words >= budget:
            cut = True
            if list_at > pos:  # a list the budget cuts goes back to its first comma ("security, economic | and")
                end, words = list_at, list_words
                break
            # back to the last boundary, unless the phrase ends at one anyway, or ends with the auxiliary of a
            # "that" clause whose subject is whole ("that the rule of law | is")
            if (not (w in BOUNDARIES or w in STOPS) and boundary > pos and boundary_words >= 2
                    and (prev not in FINITE or boundary_word in SUBORDINATORS)):
                end, words = boundary, boundary_words
            break
        if special and words and w in BOUNDARIES and not (w == "to" and prev == "order"):
            boundary, boundary_words, boundary_word = end, words, w
            if w in COORD:
                coord, coord_words = end, words
                if list_at > pos:  # the list's last item: cut before it, the list goes back to its first comma
                    boundary, boundary_words = list_at, list_words
                list_at = -1
        words += 1
        end = p = e
        prev2, prev = prev, w
    end = trim(fold, pos, end, cut, not ended)  # ("they think they are." ends there; "human rights are, …" not)
    return Scan(end, words, stopped, [h for h in holes if h[1] <= end] if holes else holes)


#: every word ``scan`` reads for more than its place in the phrase
_SPECIAL: Final = (frozenset(_ASIDES) | STOPS | SUBORDINATORS | BE | FINITE | BOUNDARIES
                   | frozenset(["according", "as", "that"]))


def trim(fold: str, lo: int, end: int, cut: bool = False, open_end: bool = False) -> int:
    """``end`` moved back over dangling words ("of the", "and"; "that" too when the budget ``cut`` the phrase, and
    "had been" when the phrase was cut or stopped before its clause's end, ``open_end``); ``lo`` if none is left."""
    while True:
        s, e = last_word(fold, lo, end)
        if e <= s:
            return lo
        w = fold[s:e]
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


def _skip(fold: str, pos: int, hi: int) -> int:
    while pos < hi and fold[pos] == " ":
        pos += 1
    return pos


def _has_space(gap: str) -> bool:
    for ch in gap:
        if ch.isspace():
            return True
    return False


def _joins(gap: str) -> bool:
    """A gap without white space that keeps one word ("U.S", "5.7", "5:00", "A/75/982", "1,000")."""
    for ch in gap:
        if ch not in ".:/,&[]":
            return False
    return True


def _gap_kind(text: str, fold: str, gap: str, prev: str, s: int, e: int, hi: int, year_comma: bool,
              in_list: bool) -> str:
    """What the punctuation between two words does to a label: "stop", "pass" (an opening quotation mark, an
    abbreviation's full stop), "list" (a comma in "a cooperative, inclusive and consultative approach") or
    "date" (the comma of "June 23, 2016")."""
    p = gap.strip()
    if all(ch in OPENERS for ch in p) or (p == '"' and gap.endswith('"') and gap[0].isspace()):
        return "pass"
    if (p == "." and (prev in ABBREVIATIONS or len(prev) == 1)) or all(ch in "[].…" for ch in p) and p != ".":
        return "pass"  # "Sen. Smith", "the will of the people [...] and", "defend [their] right"
    if p == ",":
        w = fold[s:e]
        if prev.isdigit() and len(prev) <= 2 and w.isdigit() and len(w) == 4:
            return "date"
        if year_comma:
            return "pass"
        if (w in COORD and in_list) or (w not in NOT_LISTED and w not in COORD and _list_follows(text, fold, e, hi)):
            return "list"  # "X, Y and Z", "X, Y, and Z" (but "X, and a third …" opens a clause)
    return "stop"


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


def _determiner_that(text: str, fold: str, pos: int, hi: int) -> bool:
    """"that" as a determiner ("overcome that great challenge"): one or two words after it, then punctuation,
    a preposition or the end, and no auxiliary or determiner among them."""
    p = pos
    for _ in range(3):
        s, e = next_run(fold, p, hi)
        if s >= hi:
            return p > pos
        if p > pos and text[p:s].strip():
            return True
        w = fold[s:e]
        if p > pos and (w in PREPOSITIONS or w in COORD):
            return True
        if w in AUX or w in NEG or w in THAT_AFTER or w in ("the", "a", "an", "we", "they", "it", "he", "she", "i"):
            return False
        p = e
    return False


def quote_free(s: str) -> str:
    """``s`` without quotation marks (a label quotes nothing: "called the move a smash and grab")."""
    for q in QUOTES:
        if q in s:
            s = s.replace(q, "")
    return s
