"""What attribution works on: a sentence with its mentions and hits, and what it finds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from model.engine.clauses import nearest_word_except
from model.engine.discourse import Holder
from model.engine.gazetteer import Mention
from model.engine.lexicon import Hit, by_start, category
from model.engine.senses import is_nominal

_ARTICLES: Final = frozenset({"the", "a", "an"})
LIST_GAP: Final = re.compile(r"\s*(?:,|and|or|&|as well as|, and|, or)?\s*(?:the\s+)?$", re.IGNORECASE)
#: the commonest list gaps, known to match LIST_GAP
_COMMON_LIST_GAPS: Final = frozenset({", ", " and ", ",", " ", " or ", ", and ", ", or ", " and the ", ", the ", " & "})
#: the first character a list gap can show after its spaces (LIST_GAP's alternatives and "the")
_LIST_GAP_FIRST: Final = frozenset(",&aAoOtT")
_ROUNDED: Final[dict[float, float]] = {}
#: what ``Sentence.of`` gives for a kind without hits (one list for all: never modified)
_NO_HITS: Final[list[Hit]] = []


def bisect_left(a: list[int], x: int) -> int:
    """``bisect.bisect_left(a, x)``, step for step (the same index for any list, sorted or not),
    compiled: on a list of ints it runs in a tenth of the time of a call into the C function."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def round3(x: float) -> float:
    """``round(x, 3)``, remembered: CPython rounds a float to decimals through its string conversion
    (about 3,000 instructions), and confidences and polarities take few distinct values."""
    if x == 0 or x != x:
        return round(x, 3)  # keeps the sign of -0.0 (equal to 0.0 as a key) and never stores NaN
    r = _ROUNDED.get(x)
    if r is None:
        if len(_ROUNDED) >= 4096:
            _ROUNDED.clear()
        r = _ROUNDED[x] = round(x, 3)
    return r


def list_gap(text: str, a: int, b: int) -> bool:
    """``LIST_GAP.fullmatch(text[a:b])`` ("Russia, China and the US"), without the slice: most gaps
    are rejected by their first character after the spaces."""
    if a >= b:
        return True  # the empty gap (an empty slice when they overlap)
    if b - a <= 9 and text[a:b] in _COMMON_LIST_GAPS:
        return True
    i = a
    while i < b and text[i].isspace():
        i += 1
    if i == b:
        return True
    if text[i] not in _LIST_GAP_FIRST:
        return False
    # at most 11 characters that are not spaces (", and the", "as well as the"), or it cannot match
    shown = 0
    for k in range(i, b):
        if not text[k].isspace():
            shown += 1
            if shown > 11:
                return False
    return LIST_GAP.fullmatch(text, a, b) is not None


_PEOPLE_IN: Final = re.compile(r"^\s+(?:in|of|from)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|south|north|east|west|central)\s+)?$", re.IGNORECASE)


@dataclass
class Sentence:
    text: str                 # the whole document text
    start: int
    end: int
    mentions: list[Mention]   # actor mentions inside [start, end)
    hits: list[Hit]           # lexicon hits inside [start, end)
    speaker_country: str | None = None
    fold: str = field(default="", repr=False)  # word_fold of the whole lower-cased text ("" if not at hand)
    alpha: str = field(default="", repr=False)  # textfold.alpha_fold of ``fold`` ("" if not at hand)
    by_kind: dict[str, list[Hit]] = field(default_factory=dict, repr=False)
    cues: list[Hit] | None = field(default=None, repr=False)  # ``cue_hits`` of this sentence, once read

    # written out: a dataclass-generated __init__ stays interpreted Python when the module is compiled
    def __init__(self, text: str, start: int, end: int, mentions: list[Mention], hits: list[Hit],
                 speaker_country: str | None = None, fold: str = "",
                 by_kind: dict[str, list[Hit]] | None = None, alpha: str = "") -> None:
        self.text = text
        self.start = start
        self.end = end
        self.mentions = mentions
        self.hits = hits
        self.speaker_country = speaker_country
        self.fold = fold
        self.alpha = alpha
        self.by_kind = {} if by_kind is None else by_kind
        self.cues = None
        for h in hits:
            bucket = self.by_kind.get(h.kind)
            if bucket is None:
                self.by_kind[h.kind] = [h]
            else:
                bucket.append(h)

    def of(self, kind: str) -> list[Hit]:
        """The hits of one kind, in text order (do not modify: the list may be shared)."""
        return self.by_kind.get(kind) or _NO_HITS


@dataclass
class Found:
    holder: Holder
    cue: Hit | None
    category: str
    polarity: float
    negated: bool
    hedged: bool
    target: str | None
    speaker: str | None
    reporter: str | None
    confidence: float
    clause_start: int
    clause_end: int
    extra_hits: list[Hit] = field(default_factory=list)

    # written out: a dataclass-generated __init__ stays interpreted Python when the module is compiled
    def __init__(self, holder: Holder, cue: Hit | None, category: str, polarity: float, negated: bool,
                 hedged: bool, target: str | None, speaker: str | None, reporter: str | None,
                 confidence: float, clause_start: int, clause_end: int,
                 extra_hits: list[Hit] | None = None) -> None:
        self.holder = holder
        self.cue = cue
        self.category = category
        self.polarity = polarity
        self.negated = negated
        self.hedged = hedged
        self.target = target
        self.speaker = speaker
        self.reporter = reporter
        self.confidence = confidence
        self.clause_start = clause_start
        self.clause_end = clause_end
        self.extra_hits = [] if extra_hits is None else extra_hits


def governors(text: str, mentions: list[Mention], floor: int, alpha: str = "") -> dict[int, str]:
    """The word governing each mention (list members inherit the first one's)."""
    out: dict[int, str] = {}
    prev: Mention | None = None
    for m in mentions:
        if prev is not None and prev.end <= m.start and list_gap(text, prev.end, m.start):
            out[m.start] = out.get(prev.start, "")
        else:
            out[m.start] = nearest_word_except(text, m.start, 3, floor, _ARTICLES, alpha)
        prev = m
    return out


def cue_hits(sent: Sentence) -> list[Hit]:
    """Non-overlapping verbal cue hits, longest first, without nominal uses (read once per sentence;
    do not modify the list)."""
    if sent.cues is not None:
        return sent.cues
    sent.cues = _cue_hits(sent)
    return sent.cues


def _verb_end(text: str, h: Hit) -> int:
    """Where the verb of a pattern's hit ends: after as many words as its lemma has ("withdrew from" of "withdraw
    from ~ agreement")."""
    end = h.start
    for _ in range(h.value.lemma.count(" ") + 1):
        space = text.find(" ", end + 1, h.end)
        if space < 0:
            return h.end
        end = space
    return end


def _ends_in_particle(text: str, h: Hit) -> bool:
    """The pattern's object is a preposition or particle ("engage ~ with|in", "fire ~ at|on")."""
    return text[text.rfind(" ", h.start, h.end) + 1:h.end].lower() in _PARTICLES


_PARTICLES: Final = frozenset("with in on at into against for of to from by until not over about".split())


def _cue_hits(sent: Sentence) -> list[Hit]:
    cues = by_start(sent.of("cue"))
    out: list[Hit] = []
    taken_until = -1
    mentions = sent.mentions
    # "recent reports", "media reports": a noun phrase naming a source, not a verb
    unnamed = sent.of("unnamed")
    for h in cues:
        if h.start < taken_until:
            continue
        # a pattern's verb must be free of names, not its object noun ("withdrew from the Paris agreement",
        # "reiterate Bangladesh's support": a name may qualify the object; but in "engaged Filipino troops in" the
        # name is the verb's own object, before its particle, and in "end the Israeli occupation" the act named is
        # another country's)
        end = _verb_end(sent.text, h) if h.value.objects and not _ends_in_particle(sent.text, h) else h.end
        if any(m.start < h.end and h.start < m.end and (m.start < end or m.kind == "demonym") for m in mentions):
            continue
        if any(u.start < h.end and h.start < u.end for u in unnamed):
            continue
        if is_nominal(sent.text, h, sent.start, sent.alpha):
            continue
        if category(h) == "SAY" and _after_demonym(sent.text, h.start, mentions):
            continue  # "the most populous Australian state", "Zimbabwean State institutions"
        out.append(h)
        taken_until = h.end
    return out


def _after_demonym(text: str, pos: int, mentions: list[Mention]) -> bool:
    """A demonym adjective ("Australian", not "Australians") stands right before ``pos``."""
    for m in mentions:
        if m.kind == "demonym" and m.end < pos and text[m.end:pos].isspace() and not text[m.start:m.end].endswith("s"):
            return True
    return False


def merge_compounds(text: str, inside: list[Mention]) -> list[Mention]:
    """"Bosnian Serbs" → the first name; "Albanians in south Serbia" → the place."""
    out: list[Mention] = []
    skip_next = False
    for i, m in enumerate(inside):
        if skip_next:
            skip_next = False
            continue
        nxt = inside[i + 1] if i + 1 < len(inside) else None
        if nxt is not None and text[m.end:nxt.start] == " " and m.kind == "demonym" and nxt.kind == "demonym":
            out.append(m)
            skip_next = True
            continue
        if (nxt is not None and m.kind == "demonym" and m.text.endswith("s") and nxt.kind in ("country", "capital", "city")
                and _PEOPLE_IN.match(text[m.end:nxt.start])):
            out.append(nxt)
            skip_next = True
            continue
        out.append(m)
    return out
