"""Lexical resources of the engine, compiled into one Aho-Corasick automaton.

Everything is data under ``resources/``: ``stance_cues.tsv`` (event verbs and
phrases with a category), ``stance_categories.tsv`` (category → polarity,
label, default topic), ``engine_words.json`` (negation, hedges, pronouns …)
and the topic cues of ``topics.json``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from model.engine.gazetteer import RESOURCES
from model.engine.keymatch import KeyMatcher
from model.engine.morph import noun_forms, verb_forms
from model.engine.textfold import lower_same_length, next_run, word_fold


@dataclass(frozen=True)
class Category:
    name: str
    polarity: float
    label: str
    topic: str


@dataclass(frozen=True)
class CueDef:
    lemma: str
    category: str
    polarity: float
    topic: str
    kind: str
    objects: frozenset[str] = frozenset()   # "restore ~ ties|relations": one of these within a few words


@dataclass
class Hit:
    """A lexicon match ``text[start:end]`` (a class, not a tuple: compiled by mypyc it is a plain struct)."""

    start: int
    end: int
    kind: str          # cue, topic, neg, hedge, modal, fp, pron1, pronN, defagent, group, absence, unnamed, opener
    value: Any         # CueDef for cues, topic key for topics, the phrase otherwise
    #: the first word of the hit, lower case, once ``clauses.first_word`` has read it
    first: str = field(default="", init=False, repr=False, compare=False)

    # written out: a dataclass-generated __init__ stays interpreted Python when the module is compiled
    def __init__(self, start: int, end: int, kind: str, value: Any) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.first = ""


def category(h: Hit) -> str:
    """The category of a cue hit ("" for any other hit), read natively (``h.value`` is untyped)."""
    d = h.value
    return d.category if isinstance(d, CueDef) else ""


def by_start(hits: list[Hit]) -> list[Hit]:
    """Hits by start, longest first for one start (stable): ``hits`` itself when already so (the scan gives
    them by end, which is the same order unless they overlap), else a copy put in order by an insertion
    sort (overlapping hits are only a few places off)."""
    out = hits
    for i in range(1, len(hits)):
        cur = out[i]
        j = i - 1
        if not (out[j].start > cur.start or (out[j].start == cur.start and out[j].end < cur.end)):
            continue
        if out is hits:
            out = list(hits)
        while j >= 0 and (out[j].start > cur.start or (out[j].start == cur.start and out[j].end < cur.end)):
            out[j + 1] = out[j]
            j -= 1
        out[j + 1] = cur
    return out


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
        yield from csv.DictReader(lines, delimiter="\t")


def load_categories(path: Path) -> dict[str, Category]:
    return {
        r["category"]: Category(r["category"], float(r["polarity"]), r.get("label") or r["category"].lower(), r.get("default_topic") or "")
        for r in _rows(path)
    }


def load_cues(path: Path, categories: dict[str, Category]) -> list[tuple[str, CueDef]]:
    """(surface form, definition) for every inflection of every cue."""
    out: list[tuple[str, CueDef]] = []
    for r in _rows(path):
        lemma = r["cue"].strip().lower()
        cat = r["category"].strip()
        if not lemma or cat not in categories:
            continue
        pol = float(r["polarity"]) if (r.get("polarity") or "").strip() else categories[cat].polarity
        kind = (r.get("kind") or "verb").strip()
        objects: frozenset[str] = frozenset()
        if " ~ " in lemma:
            lemma, _, obj = lemma.partition(" ~ ")
            objects = frozenset(o.strip() for o in obj.split("|") if o.strip())
        d = CueDef(lemma, cat, pol, (r.get("topic") or "").strip() or categories[cat].topic, kind, objects)
        forms = verb_forms(lemma) if kind == "verb" else noun_forms(lemma) if kind == "noun" else {lemma}
        out.extend((f, d) for f in forms)
    return out


@dataclass
class Lexicon:
    categories: dict[str, Category]
    words: dict[str, list[str]]
    _keys: KeyMatcher[_Key] = field(repr=False, default_factory=lambda: KeyMatcher(()))
    sentiment: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None, topics: Iterable[tuple[str, Iterable[str]]] = ()) -> Lexicon:
        folder = folder or RESOURCES
        cats = load_categories(folder / "stance_categories.tsv")
        words: dict[str, list[str]] = json.loads((folder / "engine_words.json").read_text(encoding="utf-8"))
        lex = cls(cats, words)
        lex.sentiment = {r["word"].strip().lower(): float(r["weight"]) for r in _rows(folder / "sentiment.tsv")}
        table: dict[str, list[tuple[str, object]]] = {}

        def add(form: str, kind: str, value: object) -> None:
            table.setdefault(word_fold(form.lower()).strip(), []).append((kind, value))

        for form, d in load_cues(folder / "stance_cues.tsv", cats):
            add(form, "cue", d)
        for key, cues in topics:
            for c in cues:
                add(c, "topic", key)
        kinds = {"negations": "neg", "hedges": "hedge", "modals_demand": "modal", "first_person": "fp",
                 "first_person_possessive": "fpposs",
                 "pronouns_singular": "pron1", "pronouns_plural": "pronN", "definite_agents": "defagent",
                 "group_heads": "group", "absence": "absence", "unnamed_sources": "unnamed",
                 "clause_openers": "opener"}
        for wkey, kind in kinds.items():
            for w in words.get(wkey, []):
                add(w, kind, w)
        lex._keys = KeyMatcher((f" {form} ", _Key(vals)) for form, vals in table.items() if form)
        return lex

    def scan(self, low: str, offset: int = 0, fold: str = "", alpha: str = "") -> list[Hit]:
        """Whole-word hits in lower-cased text (overlaps kept: callers choose); ``fold``: ``word_fold(low)``.

        With ``fold`` given, ``low`` may be the text as it is (``fold`` is then ``textfold.text_folds(text)[1]``);
        ``alpha`` is ``textfold.alpha_fold`` of it, if at hand.
        """
        out: list[Hit] = []
        # keys are padded with spaces and the text normalised the same way, so every
        # raw match is a whole-word match and no substring hit has to be filtered out
        wf = fold or word_fold(low)
        padded = f" {wf} "
        keys = self._keys.values
        for found in self._keys.find(padded):
            key = keys[found[0]]
            start = found[1] + offset  # the padding's leading space shifts the key's own one back onto the word
            end = found[2] - 2 + offset
            for i in range(len(key.kinds)):
                objects = key.objects[i]
                if objects is not None:
                    obj_end = _object_end(low, end - offset, objects, wf, key.probes[i], alpha)
                    if obj_end >= 0:
                        out.append(Hit(start, obj_end + offset, key.kinds[i], key.values[i]))
                    continue
                out.append(Hit(start, end, key.kinds[i], key.values[i]))
        return out


class _Key:
    """What one dictionary key stands for: the hits it makes (typed, so that compiled code reads it
    without unpacking tuples)."""

    def __init__(self, vals: list[tuple[str, object]]) -> None:
        self.kinds: list[str] = [k for k, _ in vals]
        self.values: list[object] = [v for _, v in vals]
        # cues with objects ("restore ~ ties") hit only when one of the objects follows
        self.objects: list[frozenset[str] | None] = [
            v.objects if k == "cue" and isinstance(v, CueDef) and v.objects else None for k, v in vals
        ]
        # the objects to look for first, in the ASCII word fold; () when one of them could read differently
        # there (not plain ASCII letters and hyphens), so that the lower-cased text is searched
        self.probes: list[tuple[str, ...]] = [
            tuple(sorted(o)) if o is not None and all(_PLAIN_OBJECT.fullmatch(w) for w in o) else ()
            for o in self.objects
        ]


_OBJ_WORD: Final = re.compile(r"[a-z’'-]+")
_PLAIN_OBJECT: Final = re.compile(r"[a-z-]+")


def _object_end_in_alpha(text: str, alpha: str, pos: int, objects: frozenset[str], max_words: int) -> int:
    """``_object_end`` for plain objects (``[a-z-]+``), reading the words in ``alpha`` (``textfold.alpha_fold``):
    its runs of letters, apostrophes and hyphens are the words ``_OBJ_WORD`` finds in the lower-cased text, and
    a word there equals a plain object exactly when it does in the text."""
    hi = pos + 60 if pos + 60 < len(alpha) else len(alpha)
    j = pos
    for _ in range(max_words):
        i, j = next_run(alpha, j, hi)
        if i >= hi:
            break
        if text.count(",", pos, i) or text.count(".", pos, i):
            break  # the object stands in the cue's clause ("caught fire yesterday morning. At …" is no "fire at")
        if alpha[i:j] in objects:
            return j
    return -1


def _object_end(text: str, pos: int, objects: frozenset[str], fold: str = "", probes: tuple[str, ...] = (),
                alpha: str = "", max_words: int = 4) -> int:
    """End offset of one of ``objects`` within ``max_words`` words after ``pos``, else -1 (``text`` lower-cased
    or not).

    ``fold`` is the text's word fold and ``probes`` the objects when they are plain ASCII words (which stand
    at the same places in both): the usual case, no object near, is then found in the ASCII fold,
    without converting each object to the width of a UCS-2 text.
    """
    probed = bool(probes and fold)
    if probed:
        for o in probes:
            if fold.find(o, pos, pos + 60) >= 0:
                break
        else:
            return -1
        if alpha:
            return _object_end_in_alpha(text, alpha, pos, objects, max_words)
    low = lower_same_length(text[pos:pos + 60])
    if not probed and not any(low.find(o) >= 0 for o in objects):
        return -1  # (the usual case, found without the regex)
    for i, m in enumerate(_OBJ_WORD.finditer(low)):
        if i >= max_words:
            break
        if low[:m.start()].count(",") or low[:m.start()].count("."):
            break
        if m.group(0) in objects:
            return pos + m.end()
    return -1
