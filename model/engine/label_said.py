"""What a saying verb says, for its stance label (:mod:`model.engine.labels`): the quoted content after it
(", “…", ": …", past an aside between dashes), the quotation before it ("“…,” said the sheriff"), what follows
a short object's comma ("told CNN, neighbours …") or an aside ("recall that, last December, the Council …"),
the clause before its subject ("…, scientists report"), past an introductory phrase ("From now on, | we …")."""

from __future__ import annotations

from typing import Final

from model.engine.label_parts import AUX, Scan, scan, without
from model.engine.label_reach import dash_aside_end, past_intro
from model.engine.label_words import PREPOSITIONS, SAYING
from model.engine.textfold import next_run


def content_after(text: str, fold: str, at: int, hi: int, budget: int) -> tuple[int, Scan]:
    """What is said from ``at`` on, past an introductory phrase that ends at a comma ("From now on, | we will
    no longer say …"), and where it starts."""
    content = scan(text, fold, at, hi, budget, True)
    go = past_intro(text, fold, at, content.end, content.gap, hi)
    if go >= 0:
        rest = scan(text, fold, go, hi, budget, True)
        if rest.end > go:
            return go, rest
    return at, content


def said_around(text: str, fold: str, obj: Scan, cue_end: int, hi: int, lo: int, cue_start: int,
                 budget: int) -> tuple[str, bool] | None:
    """What a saying verb without content after it says: after the comma that ends a short object ("told CNN,
    neighbours … attempted"; the object is kept: True), after "that" past an adjunct the budget cut ("said in a
    filing to the Securities and Exchange Commission that …": False), or the clause before its subject ("…,
    scientists report", "These orcas, she suggested, hunt sharks": False)."""
    if obj.gap.rstrip(OPEN_MARKS + " ") == "," and 0 < obj.words <= 3:  # (", “" too: "said via Twitter, “…")
        at = skip_space(text, text.find(",", obj.end, hi) + 1, hi)
        while at < hi and text[at] in OPEN_MARKS:
            at += 1
        s, e = next_run(fold, at, hi)
        w = fold[s:e]
        if s < hi and w not in _NOT_CONTENT and not w.endswith("ing") and not _attribution(fold, s, hi):
            # the medium is left out when words are short ("said via Twitter, “…” → "said: …"); a person told is kept
            medium = fold[skip_space(fold, cue_end, hi):].split(" ", 1)[0] in PREPOSITIONS
            at, content = content_after(text, fold, at, hi, budget + (obj.words if medium else 0))
            if content.end > at:
                return without(text, at, content.end, content.holes), not medium
    if obj.words and fold[skip_space(fold, cue_end, hi):].split(" ", 1)[0] not in _ADJUNCTS:
        return None
    at = content_start(text, obj.end, hi) if obj.words else -1
    if at < 0 and obj.words:
        that = skip_space(fold, obj.end, hi)
        at = skip_space(fold, that + 4, hi) if fold.startswith("that ", that) else -1
        if at < 0 and not obj.gap:  # "said in a filing to the Securities | and Exchange Commission that …"
            at = _that_ahead(text, fold, obj.end, hi)
            if at >= 0:  # (the adjunct the budget cut is left out)
                at, content = content_after(text, fold, at, hi, budget + obj.words)
                return (without(text, at, content.end, content.holes), False) if content.end > at else None
    if at >= 0:  # "said in a statement: “…”", "said on Monday that …"
        at, content = content_after(text, fold, at, hi, budget)
        return (without(text, at, content.end, content.holes), True) if content.end > at else None
    comma = text.rfind(",", lo, cue_start)
    # (the sayer stands between the comma and the verb: "…, scientists report"; not "Putin, president of Russia,
    # said", whose comma closes an apposition)
    if comma <= lo or not 1 <= len(text[comma + 1:cue_start].split()) <= 4:
        return None
    at = skip_space(text, lo, comma)
    while at < comma and text[at] in OPEN_MARKS:
        at += 1
    before = len(text[at:comma].split())
    if not obj.words and obj.gap == "," and before <= 6:  # "These orcas, she suggested, | hunt sharks"
        content = scan(text, fold, at, comma, budget, True)
        go = skip_space(text, text.find(",", cue_end, hi) + 1, hi)
        rest = scan(text, fold, go, hi, budget - content.words, True)
        if content.end > at and rest.end > go:
            return (without(text, at, content.end, content.holes) + " "
                    + without(text, go, rest.end, rest.holes)), False
    if before < 4:
        return None  # (nor "And yet, the Holy See believes …": the words before the comma are no clause)
    content = scan(text, fold, at, comma, budget + obj.words, True)
    return (without(text, at, content.end, content.holes), False) if content.end > at else None


#: words that open no content after a saying verb's comma ("told CNN, which …", "said, adding …", "told them, on
#: behalf of …")
_NOT_CONTENT: Final = frozenset("which who whom whose where when while and but or as according".split()) | PREPOSITIONS
#: words that open an adjunct, not an object, after a saying verb ("…, officials said on Monday")
_ADJUNCTS: Final = frozenset("on in at during after before late early earlier later yesterday today tonight this last "
                             "monday tuesday wednesday thursday friday saturday sunday".split())
OPEN_MARKS: Final = "“\"‘'"
_CLOSE_MARKS: Final = "”\""
_NOT_SUBJECT: Final = frozenset(",;:()[]“”\"‘")


def after_aside(text: str, fold: str, obj: Scan, cue_end: int, hi: int) -> int:
    """Where a clause goes on after an aside between commas that follows "that", the cue itself or a short
    object ("recall that, last December, | the Council …", "orders, without her permission, | that …", "tell
    the Assembly today, on behalf of my people, | that …"); -1 if none."""
    if obj.gap != ",":
        return -1
    after_that = obj.end - cue_end >= 4 and fold.startswith("that", obj.end - 4) and fold[obj.end - 5] == " "
    if not (after_that or obj.words <= 3):
        return -1
    comma = text.find(",", obj.end, hi)
    close = text.find(",", comma + 1, hi if hi < comma + 120 else comma + 120)
    if comma < 0 or close < 0:
        return -1
    aside = text[comma + 1:close]
    for ch in aside:
        if ch in _NOT_SUBJECT:
            return -1
    said = aside.split()
    if len(said) > 10 or any(w in AUX for w in said):
        return -1  # a clause, not an aside ("reinforce that, the architecture needs to be reformed, …")
    at = skip_space(text, close + 1, hi)
    if not after_that and at < hi and text[at] in OPEN_MARKS:
        at += 1  # ("decided, according to the summary, “that …")
    return at if after_that or fold.startswith("that ", at) else -1


def _that_ahead(text: str, fold: str, pos: int, hi: int) -> int:
    """Where the clause after a "that" at most eight words after ``pos`` starts, with no punctuation between;
    -1 if none."""
    p = pos
    for _ in range(8):
        s, e = next_run(fold, p, hi)
        if s >= hi or text[p:s].strip():
            return -1
        if fold[s:e] == "that":
            n, _ = next_run(fold, e, hi)
            return n if n < hi and not text[e:n].strip() else -1
        p = e
    return -1


def _attribution(fold: str, pos: int, hi: int) -> bool:
    """Do the words at ``pos`` attribute the sentence to someone ("…, officials told state media"): a saying
    verb among the first three?"""
    p = pos
    for _ in range(3):
        s, e = next_run(fold, p, hi)
        if s >= hi:
            return False
        if fold[s:e] in SAYING:
            return True
        p = e
    return False


def skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] == " ":
        pos += 1
    return pos


def quotation_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The quotation a saying verb follows ("“This is the worst case,” said …", "“…,” the sheriff said"):
    its words' span, when it closes with a comma or stop inside the marks (or a comma after them) at most twelve
    words before the cue."""
    q = -1
    for mark in _CLOSE_MARKS:
        k = text.rfind(mark, lo, cue_start)
        if k > q:
            q = k
    comma_after = text.startswith(",", q + 1)  # ("“… in a material way”, Pompeo told the press")
    if q <= lo or (text[q - 1] not in ",.?!" and not comma_after) or len(text[q + 1:cue_start].split()) > 12:
        return None
    for ch in text[q + 1:cue_start].lstrip(" ,"):
        if ch in _NOT_SUBJECT:
            return None  # only the sayer's name stands between the quotation and the verb
    o = -1
    for mark in "“\"":
        k = text.rfind(mark, lo, q)
        if k > o:
            o = k
    start = o + 1 if o >= lo else lo
    return start, (q if comma_after else q - 1)


def content_start(text: str, pos: int, hi: int) -> int:
    """Where a saying verb's quoted content starts right after ``pos`` (", “…", ": …", ": “…", ", ‘…", past an
    aside between dashes); -1 if none."""
    pos = skip_space(text, pos, hi)
    if pos < hi and text[pos] in "—–":  # "said — as reported by the daily — “…"
        close = dash_aside_end(text, text[pos], pos + 1, hi)
        pos = skip_space(text, close, hi) if close > 0 else pos
    colon = pos < hi and text[pos] == ":"
    mark = pos < hi and text[pos] in ",:"
    if mark:
        pos = skip_space(text, pos + 1, hi)
    if pos < hi and (text[pos] in "“\"" or (mark and text[pos] in "‘'")):  # (a single mark only after , or :)
        return pos + 1
    return pos if colon and pos < hi else -1
