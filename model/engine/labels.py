"""Stance labels, topics and issues for found statements."""

from __future__ import annotations

from collections import Counter
from typing import Final

from model.engine.attribution import Found
from model.engine.lexicon import CueDef, Hit, by_start
from model.engine.textfold import is_word_char, next_run, word_fold

#: what a label made of a sentence's first words does not begin or end with
_LABEL_STRIP: Final = " \"“”‘’'.,;:"

#: the issue phrase does not reach over punctuation after or before its cue (white space aside)
_PUNCT_AFTER: Final = frozenset(",;:.)")
_PUNCT_BEFORE: Final = frozenset(",;:(")
#: (lists, not tuples, where compiled loops run over them: a Final tuple is rebuilt at each use)
#: what ends a stance label: one of these characters, or one of these words standing as a whole word
#: (the regex ``[,;:”"(]|\b(?:which|who|…|according to)\b``, as plain strings for ``_stop_at``)
_STOP_PUNCT: Final = [",", ";", ":", "”", "\"", "("]
_STOP_WORDS: Final = ["which", "who", "that", "after", "before", "while", "because", "although", "as part of",
               "according to"]
_STOPWORDS: Final = frozenset(
    """the a an of in on at to for with by from and or its his her their our this that these those is are was were
    be been has have had will would could should may might new some any all other also about into over as than
    recently announced developing long-term high-level last next first""".split()
)


_AUX_WORDS: Final = ("will", "would", "could", "may", "might", "must", "should", "has", "have", "had", "did", "does",
              "do", "is", "are", "was", "were")
_NEG_WORDS: Final = ["never", "not", "n't"]


_AUX_SET: Final = frozenset(_AUX_WORDS)


def _aux_at_end(s: str) -> int:
    """Start of an auxiliary that ends ``s`` and begins at a word boundary, else -1.

    An auxiliary (all letters) with a word boundary before it is the whole last word of ``s``:
    that word is read once and looked up, rather than ``s`` tested against every auxiliary.
    """
    p = len(s)
    while p > 0 and is_word_char(s[p - 1]):
        p -= 1
    return p if s[p:] in _AUX_SET else -1


def aux_neg_suffix(pre: str) -> int:
    """Length of the "will not " / "never " / "has " run that ends ``pre`` (0 if none).

    The auxiliary starts at a word boundary; the negation may end a word ("cannot", "won't"); both are
    followed by white space, which ``pre`` must end with.  (String tests: a regex anchored at the end
    is tried at every position of ``pre``, which made this a tenth of the labelling time.)
    """
    j = len(pre)
    while j > 0 and pre[j - 1].isspace():
        j -= 1
    if j == len(pre) or j == 0:
        return 0
    head = pre[:j]
    start = -1
    for w in _NEG_WORDS:
        if head.endswith(w):
            start = j - len(w)
            k = start
            while k > 0 and pre[k - 1].isspace():
                k -= 1
            if k < start:
                p = _aux_at_end(pre[:k])
                if p >= 0:
                    start = p
            break
    else:
        start = _aux_at_end(head)
    return len(pre) - start if start >= 0 else 0


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


def _stop_at(text: str, lo: int, hi: int, fold: str = "") -> int:
    """Start of the first label stop (``_STOP_PUNCT``, ``_STOP_WORDS``) in ``text[lo:hi]``, else -1.

    ``fold`` (``word_fold`` of the lower-cased text), when given, is where the stop words are looked
    for: every place the text holds one, the fold holds it too, and searching ASCII text needs no
    conversion of the word (the text is often UCS-2); each place is then checked in the text.
    """
    best = -1
    for ch in _STOP_PUNCT:
        k = text.find(ch, lo, hi)
        if k >= 0 and (best < 0 or k < best):
            best = k
    where = fold or text
    for w in _STOP_WORDS:
        k = where.find(w, lo, best if best >= 0 else hi)
        while k >= 0:
            e = k + len(w)
            if ((where is text or text.startswith(w, k))
                    and (k == 0 or not is_word_char(text[k - 1])) and (e >= hi or not is_word_char(text[e]))):
                best = k
                break
            k = where.find(w, k + 1, best if best >= 0 else hi)
    return best


def stance_label(text: str, f: Found, max_words: int = 9, fold: str = "") -> tuple[str, int]:
    """Short label from the sentence: modal/negation + cue + its object, or what a saying verb says; a
    sentence read without a cue (a quotation's later sentence) is labelled by its first words.

    ``fold``: ``word_fold(text.lower())``, which the engine has at hand (computed here otherwise).
    """
    cue = f.cue
    if cue is None:
        return opening_words(text, f.clause_start, f.clause_end, max_words)
    fold = fold or word_fold(text.lower())
    label, start, label_end = object_label(text, f, max_words, fold)
    if label_end <= cue.end:
        # "lament that more has not been done …", "said, “We are always against terror …”": the content
        at, sep = _content_start(text, cue.end)
        if at >= 0:
            content_end = _label_object_end(text, fold, at, _sentence_end(text, at), max_words)
            if content_end > at:
                return single_spaced(text[start:cue.end] + sep + text[at:content_end]), start
    return label, start


def object_label(text: str, f: Found, max_words: int = 9, fold: str = "") -> tuple[str, int, int]:
    """Modal/negation + cue + its object (up to ``max_words`` words, stopping at a clause break): the
    label, where it starts and where it ends in ``text``."""
    cue = f.cue
    if cue is None:
        return "", -1, -1
    start = cue.start
    # pull in an auxiliary / negation right before the cue ("will not take part")
    start -= aux_neg_suffix(text[max(f.clause_start, cue.start - 20):cue.start])
    end_limit = min(f.clause_end, len(text))
    fold = fold or word_fold(text.lower())
    label_end = _label_object_end(text, fold, cue.end, end_limit, max_words)
    return single_spaced(text[start:label_end]), start, label_end


def _content_start(text: str, pos: int) -> tuple[int, str]:
    """Where a saying verb's content starts after ``pos`` ("that …", ", “…", ": …") and what joins it to
    the verb in a label; (-1, "") if no content follows."""
    n = len(text)
    while pos < n and text[pos] == " ":
        pos += 1
    if text.startswith("that ", pos):
        return pos + 5, " that "
    if pos < n and text[pos] in ",:":
        pos += 1
        while pos < n and text[pos] == " ":
            pos += 1
    if pos < n and text[pos] in "“\"":
        return pos + 1, ": "
    return -1, ""


def _sentence_end(text: str, pos: int) -> int:
    """The first full stop, question or exclamation mark after ``pos`` (at most 300 characters on)."""
    hi = min(len(text), pos + 300)
    ends = [k for k in (text.find(ch, pos, hi) for ch in ".?!") if k >= 0]
    return min(ends) if ends else hi


def _label_object_end(text: str, fold: str, lo: int, hi: int, max_words: int) -> int:
    """Where a label's object ends: the end of the last of ``word_spans(fold, lo, hi, max_words)`` that
    ends before the first label stop, after dropping dangling words ("and", "of the"); ``lo`` if none.

    Read without building the spans: forward to the last word's end, then backward from the stop.
    """
    last = -1
    pos = lo
    for _ in range(max_words):
        start, pos = next_run(fold, pos, hi)
        if start >= hi:
            break
        last = pos
    if last < 0:
        return lo
    stop = _stop_at(text, lo, last, fold)
    if stop >= 0:
        last = stop
        if last > lo and fold[last - 1] != " " and last < hi and fold[last] != " ":
            # the stop falls inside a word (after an apostrophe or hyphen the fold keeps): that word goes too
            s = fold.rfind(" ", lo, last) + 1
            last = s if s > lo else lo
    while True:
        s, e = _last_word(fold, lo, last)
        if e <= s:
            return lo
        if text[s:e].lower() not in _DANGLING:
            return e
        last = s


def opening_words(text: str, s: int, e: int, max_words: int) -> tuple[str, int]:
    """The first ``max_words`` words of ``text[s:e]`` without quotation marks or the final stop ("We made
    that clear to the president"), and where they start."""
    words = text[s:e].split()[:max_words]
    label = " ".join(words).strip(_LABEL_STRIP)
    return label, (text.find(label[:1], s, e) if label else -1)


def single_spaced(s: str) -> str:
    """``" ".join(s.split())``, and ``s`` itself when that is what it would give: no white space at
    either end, none doubled, and none but plain spaces (every other white-space character is
    unprintable, so ``isprintable`` finds them in one pass)."""
    if s and s.isprintable() and "  " not in s and s[0] != " " and s[-1] != " ":
        return s
    return " ".join(s.split())


_DANGLING: Final = frozenset("and or but of the a an to in on at for with by from as than that its their his her".split())

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
        span = _last_word(fold, lo, hit.start)
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


def _last_word(fold: str, lo: int, hi: int) -> tuple[int, int]:
    """The last of ``word_spans(fold, lo, hi)``, read backwards; ``(hi, hi)`` when there is none."""
    j = hi
    while j > lo and fold[j - 1] == " ":
        j -= 1
    if j <= lo:
        return hi, hi
    s = fold.rfind(" ", lo, j) + 1
    return (s if s > lo else lo), j


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
