"""Stance labels, topics and issues for found statements."""

from __future__ import annotations

from collections import Counter
from typing import Final

from model.engine.attribution import Found
from model.engine.label_head import noun_verb_start
from model.engine.label_parts import (
    group_start,
    last_word,
    quote_free,
    scan,
    without,
    words_in,
)
from model.engine.label_reach import PARTICIPLE_ENDS, holder_predicate, passive_subject, past_intro, relative_head
from model.engine.label_said import after_aside, content_after, content_start, quotation_before, said_around
from model.engine.lexicon import CueDef, Hit, by_start
from model.engine.textfold import is_word_char, next_run, word_fold

#: what a label made of a sentence's first words does not begin or end with
_LABEL_STRIP: Final = " \"“”‘’'.,;:"

#: the issue phrase does not reach over punctuation after or before its cue (white space aside)
_PUNCT_AFTER: Final = frozenset(",;:.)")
_PUNCT_BEFORE: Final = frozenset(",;:(")
_STOPWORDS: Final = frozenset(
    """the a an of in on at to for with by from and or its his her their our this that these those is are was were
    be been has have had will would could should may might new some any all other also about into over as than
    recently announced developing long-term high-level last next first""".split()
)


def word_spans(fold: str, lo: int, hi: int, limit: int = -1) -> list[tuple[int, int]]:
    """Spans of the words ``[\\w’'-]+`` in ``[lo, hi)`` (the first ``limit`` of them, if ``limit`` ≥ 0).

    ``fold`` is ``word_fold`` of the lower-cased text: words there are runs of non-spaces at the
    same offsets, so ``str.find`` finds them — what ``re.finditer(r"[\\w’'-]+", …)`` gives,
    without running a Unicode regex over the text (a U+0001 character in the text aside).
    """
    out: list[tuple[int, int]] = []
    want = limit if limit >= 0 else hi - lo
    pos = lo
    while len(out) < want:
        start, pos = next_run(fold, pos, hi)
        if start >= hi:
            break
        out.append((start, pos))
    return out


def stance_label(text: str, f: Found, max_words: int = 9, fold: str = "", lo: int = -1, hi: int = -1) -> tuple[str, int]:
    """A label an analyst reads as a phrase (at most ``max_words`` + 1 words), and where it starts: the verb
    group and cue with its object ("will not take part in the inauguration ceremony"), or what a saying verb
    says ("said: We are always against terror"); a sentence read without a cue (a quotation's later sentence)
    is labelled by its first words.  ``[lo, hi)``: the sentence (the statement's clause when not given); the
    label stays inside it.

    ``fold``: ``word_fold(text.lower())``, which the engine has at hand (computed here otherwise).
    """
    cue = f.cue
    lo = f.clause_start if lo < 0 else lo
    hi = min(f.clause_end if hi < 0 else hi, len(text))
    if cue is None:
        return opening_words(text, f.clause_start, min(f.clause_end, hi), max_words, fold)
    fold = fold or word_fold(text.lower())
    holder = f.holder
    if holder.start >= lo and text.find(", wh", holder.start, cue.start) >= 0:
        # the act is a relative clause about something else: the holder's own predicate
        pred = holder_predicate(text, fold, holder.start, holder.start + len(holder.text), cue.start)
        if pred >= 0:
            words = scan(text, fold, pred, hi, max_words + 1, True)
            if words.end > pred:
                return _phrase(without(text, pred, words.end, words.holes), ""), pred
    start, cue_end = _act(text, fold, f, lo, hi)
    if start == cue.start:  # a noun after a determiner: from the verb it is the object of ("took a parting shot")
        floor = max(lo, f.clause_start, holder.start + len(holder.text) if holder.start < cue.start else -1)
        verb = noun_verb_start(text, fold, cue.start, cue_end, floor, hi)
        if verb >= 0:
            start = group_start(text, fold, verb, floor, False)
    if fold.endswith(PARTICIPLE_ENDS, cue.start, cue_end):  # "the rules | were released"
        start = passive_subject(text, fold, start, cue.start, cue_end, lo, holder.start)
    head = text[start:cue_end]
    budget = max_words + 1 - words_in(head)
    d = cue.value
    saying = isinstance(d, CueDef) and d.category == "SAY"
    at = content_start(text, cue_end, hi)
    if at >= 0:  # "said, “We are always against terror …”"
        at, content = content_after(text, fold, at, hi, budget)
        if content.end > at:
            return _phrase(head, without(text, at, content.end, content.holes)), start
    if saying:
        quoted = quotation_before(text, lo, cue.start)
        if quoted is not None:  # "“This is the worst case,” said the sheriff"
            at, content = content_after(text, fold, quoted[0], quoted[1], budget)
            if content.end > at:
                return _phrase(head, without(text, at, content.end, content.holes)), start
    obj = scan(text, fold, cue_end, hi, budget, saying or _takes_clause(d) or fold.endswith("that", cue.start, cue_end),
               isinstance(d, CueDef) and d.category in _ASKING and not fold.endswith(" for", cue.start, cue_end))
    at = after_aside(text, fold, obj, cue_end, hi)
    if at >= 0:  # "recall that, last December, the Council had to …", "orders, without her permission, that …"
        content = scan(text, fold, at, hi, budget - obj.words, True)
        if content.end > at:
            return _phrase(without(text, start, obj.end, obj.holes) + " " + without(text, at, content.end, content.holes),
                           ""), start
    k = fold.rfind(" that ", cue_end - 1, obj.end) if obj.gap == "," else -1
    that = k + 5  # (where "that" ends)
    at = past_intro(text, fold, that + 1, obj.end, obj.gap, hi) if k >= 0 else -1
    if at >= 0:  # "have said that more than ever, | the world needs …": the introductory phrase is left out
        content = scan(text, fold, at, hi, budget - words_in(text[cue_end:that]), True)
        if content.end > at:
            return _phrase(text[start:that] + " " + without(text, at, content.end, content.holes), ""), start
    if saying:
        said = said_around(text, fold, obj, cue_end, hi, lo, cue.start, budget - obj.words)
        if said:
            return _phrase(without(text, start, obj.end, obj.holes) if said[1] else head, said[0]), start
    elif not obj.words:  # "the global challenges | we face": the act is about the noun before its subject
        start = relative_head(text, fold, start, lo)
    return _phrase(without(text, start, obj.end, obj.holes), ""), start


def _act(text: str, fold: str, f: Found, lo: int, hi: int) -> tuple[int, int]:
    """Where the act starts (its verb group: "will not", "have been unable to") and where its cue ends,
    inside ``[lo, hi)``."""
    cue = f.cue
    assert cue is not None
    cue_end = cue.end if cue.end < hi else trim_end(text, cue.start, hi)
    floor = f.clause_start if f.clause_start > lo else lo
    return group_start(text, fold, cue.start, floor, fold.endswith("ing", cue.start, cue_end)), cue_end


def trim_end(text: str, lo: int, hi: int) -> int:
    """``hi`` moved back over white space and punctuation (a cue that ran past its sentence)."""
    while hi > lo and not is_word_char(text[hi - 1]):
        hi -= 1
    return hi


def _takes_clause(d: object) -> bool:
    """Does the cue's verb take a clause of its own as object ("hope the talks will succeed")?"""
    if not isinstance(d, CueDef):
        return False
    lemma = d.lemma
    space = lemma.find(" ")
    return (lemma[:space] if space >= 0 else lemma) in _CLAUSE_VERBS


#: categories of acts that ask someone to do something ("call on all countries to show unity"; not "call for" a thing)
_ASKING: Final = frozenset(("APPEAL", "DEMAND"))

#: verbs (besides saying verbs) whose object may be a clause with its own auxiliary
_CLAUSE_VERBS: Final = frozenset("""hope warn insist agree fear believe think feel know propose demand recommend ensure
    regret lament recognize recognise expect understand trust doubt decide conclude find show demonstrate prove argue
    accept realize realise promise pledge vow""".split())


def _phrase(head: str, content: str) -> str:
    """The label: ``head`` (verb group, cue, object) and what is said, joined by a colon; no quotation marks."""
    head = single_spaced(quote_free(head)).strip(_LABEL_STRIP)
    if not content:
        return head
    return head + ": " + single_spaced(quote_free(content)).strip(_LABEL_STRIP)


def opening_words(text: str, s: int, e: int, max_words: int, fold: str = "") -> tuple[str, int]:
    """The first words of ``text[s:e]`` up to a clause break (at most ``max_words`` + 1), without quotation
    marks or dangling words ("We made that clear to the president"), and where they start."""
    fold = fold or word_fold(text.lower())
    while s < e and (text[s].isspace() or text[s] in _LABEL_STRIP):
        s += 1
    words = scan(text, fold, s, e, max_words + 1, True)
    label = _phrase(without(text, s, words.end, words.holes), "")
    return label, (s if label else -1)


def single_spaced(s: str) -> str:
    """``" ".join(s.split())``, and ``s`` itself when that is what it would give: no white space at
    either end, none doubled, and none but plain spaces (every other white-space character is
    unprintable, so ``isprintable`` finds them in one pass)."""
    if s and s.isprintable() and "  " not in s and s[0] != " " and s[-1] != " ":
        return s
    return " ".join(s.split())


_TOPIC_WEIGHT: Final = {"diplomacy": 0.6, "government": 0.6, "security": 1.0}


def choose_topic(f: Found, hits: list[Hit], subject_start: int, fallback: str) -> tuple[str, Hit | None]:
    """Topic of a statement: topic cues around its cue, then the cue's own topic."""
    score: dict[str, float] = {}
    best_hit: dict[str, Hit] = {}
    cue = f.cue
    last_end = -1
    for h in by_start([h for h in hits if h.kind == "topic"]):
        if h.start < last_end:
            continue  # "interim government" counts once, not also as "government"
        last_end = h.end
        key = str(h.value)
        if cue is not None and h.start >= cue.start and h.start < f.clause_end:
            w = 2.0
        elif h.start >= subject_start and (cue is None or h.start < cue.start):
            w = 1.3
        else:
            w = 0.75
        w *= _TOPIC_WEIGHT.get(key, 1.0)  # broad words ("talks", "troops") yield to what the sentence is about
        score[key] = score.get(key, 0.0) + w
        # the issue is named by what the stance is about (after the cue), not by who holds it
        if cue is not None and h.start < cue.end and cue.start < h.end:
            continue  # the cue word itself ("visited") names no issue
        if key not in best_hit or (w == 2.0 and best_hit[key].start < (cue.start if cue is not None else 0)):
            best_hit[key] = h
    if cue is not None:
        d: CueDef = cue.value
        if d.topic:
            score[d.topic] = score.get(d.topic, 0.0) + 1.25
    if not score:
        return fallback, None
    chosen = top_topic(score, fallback)
    return chosen, best_hit.get(chosen)


def top_topic(score: dict[str, float], fallback: str) -> str:
    """The highest-scored topic; on a tie the fallback, else the first scored (non-empty ``score``).

    ``max(score.items(), key=lambda kv: (kv[1], kv[0] == fallback))[0]`` without a tuple per topic.
    """
    chosen: str | None = None
    top = 0.0
    for k, s in score.items():
        if chosen is None or s > top or (s == top and k == fallback and chosen != fallback):
            chosen, top = k, s
    assert chosen is not None
    return chosen


def punct_after(text: str, lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` open with punctuation (white space aside)?"""
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo < hi and text[lo] in _PUNCT_AFTER


def punct_before(text: str, lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` end with punctuation (white space aside)?"""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi > lo and text[hi - 1] in _PUNCT_BEFORE


def issue_phrase(text: str, hit: Hit | None, fold: str = "") -> str:
    """The noun compound around a topic cue ("oath-taking ceremony", "radical Islamist threats").

    ``fold``: ``word_fold(text.lower())`` (computed here when not given).
    """
    if hit is None:
        return ""
    fold = fold or word_fold(text.lower())
    lo = hit.start - 40 if hit.start > 40 else 0
    hi = hit.end + 40 if hit.end + 40 < len(text) else len(text)
    words: list[str] = []
    # one word before, when it reads as a modifier ("oath-taking ceremony", not "the ceremony")
    if not punct_before(text, lo, hit.start):
        span = last_word(fold, lo, hit.start)
        if span[1] > span[0]:
            w = text[span[0]:span[1]]
            low = w.lower()
            if not (low in _STOPWORDS or low in _GENERIC or low in _PRONOUNS or w[:1].isupper()
                    or w.endswith("’s") or w.endswith("'s") or w.endswith("ly")):
                words.append(w)
    words.append(text[hit.start:hit.end])
    # up to two words after, while they read as part of the noun phrase
    if not punct_after(text, hit.end, hi):
        for a, b in word_spans(fold, hit.end, hi, 2):
            w = text[a:b]
            low = w.lower()
            if (low in _STOPWORDS or w[:1].isupper() or w.endswith("ly") or w.endswith("ing") or low in _VERBISH
                    or low in _PRONOUNS):
                break
            words.append(w)
    return " ".join(words).lower().strip(" -")


_GENERIC: Final = frozenset("""important virtual new recent immediate long-term high-level first last latest further possible
    major key so-called current future several many various lasting""".split())
_PRONOUNS: Final = frozenset("he she it they we i you his her its their our my your him them us".split())
_VERBISH: Final = frozenset("""was were is are be been has have had will would could should may might can did does do said
    says took take takes made make came come went go reached discussed agreed held""".split())


def normalise_issues(issues: list[str], topics: list[str]) -> list[str]:
    """Fold a phrase seen once into a more frequent phrase with the same head noun and topic.

    ("virtual meeting" seen once, "intelligence chiefs meeting" twice → the latter.)
    """
    count: Counter[tuple[str, str]] = Counter(zip(topics, issues, strict=True))
    by_head: dict[tuple[str, str], tuple[int, str]] = {}
    for (topic, issue), n in count.items():
        if not issue:
            continue
        key = (topic, issue.rsplit(" ", 1)[-1])
        if n > by_head.get(key, (0, ""))[0]:
            by_head[key] = (n, issue)
    out = []
    for topic, issue in zip(topics, issues, strict=True):
        if issue and count[(topic, issue)] == 1:
            n, best = by_head.get((topic, issue.rsplit(" ", 1)[-1]), (0, issue))
            out.append(best if n >= 2 else issue)
        else:
            out.append(issue)
    return out
