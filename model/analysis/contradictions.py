"""Contradictions: one country taking a position for an issue and a position against the same issue.

"Russia will attend the inauguration" and "Russia will not take part in the inauguration ceremony" contradict;
a cell with mixed signs ("condemned the strike", "welcomed the talks") does not, nor do "condemn the
aggression" and "support an end to the aggression" (one stance, against the aggression).  Two statements of
one (actor, column) contradict when, in two different sentences:

* each takes a *position* on its issue: its cue's category is one whose act is for its object (support, agree,
  attend, appeal, demand …) or against it (reject, disapprove, boycott …), a negated cue taking the other side
  — an act of force, a report or a concession is not a position on its object ("fight terrorism", "face a
  crisis");
* the positions are opposite;
* they are on the same *specific* issue: the issue's words, less a topic column's, the cue's and the generic ones
  (a field, a body or an office: "peace", "security council"), one's within the other's ("inauguration" / "inauguration
  ceremony"), and said in the stance itself (the cue and its object), not elsewhere in the sentence;
* neither issue nor stance names a harm (war, aggression, pandemic, sanctions …): every side is against a harm,
  and its cooperative and conflictual wordings are one stance;
* their targets, when both are named, are the same country.

The word lists and categories are data: ``resources/contradictions.json``.  The check runs on at most two
sentences of each (actor, column, issue, side, negation) (:func:`two_sentences`), so it walks thousands of
rows, not millions; only those rows' stance, cue and target are read (from the dataset for a lean frame).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from model.engine.gazetteer import RESOURCES
from model.texts import StatementTexts, with_texts

if TYPE_CHECKING:
    from model.engine.lexicon import Lexicon

#: words of an issue phrase that do not say which issue it is
_ISSUE_STOP = frozenset("""with from that this their there over into under about after before other such more most
    some will would could should have been against through which between among must based when whose toward
    towards another certain both however include including within without while where also only even very much
    many what these those being upon onto across since until still just than then them they were your ours ourselves
    themselves itself yourselves""".split())

#: the stance columns the check reads (a lean frame's from its dataset)
TEXT_COLUMNS = ("stance", "cue", "target")


def issue_words(issue: str) -> set[str]:
    """The content words of an issue phrase ("the inauguration ceremony" → {"inauguration", "ceremony"})."""
    return {w for w in issue.lower().replace("-", " ").split() if len(w) >= 4 and w not in _ISSUE_STOP}


@dataclass(frozen=True)
class Lists:
    """``resources/contradictions.json``: the categories of a position for / against, generic words, harms."""

    for_: frozenset[str]
    against: frozenset[str]
    generic: frozenset[str]
    harms: frozenset[str]


@cache
def lists() -> Lists:
    data = json.loads((RESOURCES / "contradictions.json").read_text(encoding="utf-8"))
    return Lists(*(frozenset(data[k]) for k in ("for", "against", "generic", "harms")))


@lru_cache(maxsize=65536)
def cue_category(cue: str) -> str:
    """The stance category of a statement's cue as the engine's lexicon reads it ("" for a cue it does not hold:
    a colouring word of the fallback).  The longest cue hit wins ("reiterate our firm commitment")."""
    from model.engine.lexicon import category  # noqa: PLC0415

    best, size = "", 0
    for h in _lexicon().scan(f" {cue.lower()} "):
        cat = category(h)
        if cat and h.end - h.start > size:
            best, size = cat, h.end - h.start
    return best


@cache
def _lexicon() -> Lexicon:
    from model.engine.lexicon import Lexicon  # noqa: PLC0415 - the lexicon only when a cell is mixed

    return Lexicon.load()


def position(cue: object, negated: object) -> int:
    """+1 for the statement's object, -1 against it, 0 no position (an act, a report, a colouring word)."""
    if not isinstance(cue, str) or not cue:
        return 0
    cat, ls = cue_category(cue), lists()
    side = 1 if cat in ls.for_ else -1 if cat in ls.against else 0
    return -side if negated is True or negated is np.True_ else side


def specific_words(issue: str, column: str) -> frozenset[str]:
    """The words saying which issue it is: less the column's ("security" says nothing in Security) and the
    generic ones; empty for an issue naming a harm (no position on it can contradict another)."""
    words = issue_words(issue)
    ls = lists()
    if words & ls.harms:
        return frozenset()
    return frozenset(words - issue_words(column) - ls.generic)


def on_its_issue(stance: object, words: frozenset[str]) -> bool:
    """Is the position about the issue: its words in the stance (the cue and its object), and no harm there
    ("concerned about threats to food security" is against the threats)?"""
    said = issue_words(stance) if isinstance(stance, str) else set()
    return words <= said and not said & lists().harms


def two_sentences(sub: pd.DataFrame, by: str, carry: Sequence[str] = ()) -> pd.DataFrame:
    """At most two sentences of each (actor, column, issue, side, negation): all :func:`contradicted` reads (a
    position affirmed and one denied, or two on each side), so it walks thousands of rows, not millions.
    ``carry``: further columns kept (a Dask part's row locator)."""
    keys = list(dict.fromkeys(["actor", by, "issue", "_coop", "negated"]))
    sub = sub[[*keys, "_conf", "document", "start", *carry]].drop_duplicates([*keys, "document", "start"])
    return sub.groupby(keys, sort=False, observed=True, dropna=False).head(2)


Side = dict[frozenset[str], list[tuple[tuple[str, int], str]]]  # issue words → (sentence, target) holding them


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _opposed(pro: Side, con: Side) -> bool:
    """A position for and one against one issue (one's words within the other's) in two different sentences,
    on one target (or one unnamed)."""
    for words_a, held_a in pro.items():
        for words_b, held_b in con.items():
            if not (words_a <= words_b or words_b <= words_a):
                continue
            if any(sa != sb and _compatible(ta, tb) for sa, ta in held_a for sb, tb in held_b):
                return True
    return False


def _target(value: object) -> str:
    return value if isinstance(value, str) else ""


def _sides(rows: pd.DataFrame, by: str, want: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[Side, Side]]:
    sides: dict[tuple[str, str], tuple[Side, Side]] = {}
    for actor, column, issue, negated, doc, start, stance, cue, target in zip(
            rows["actor"], rows[by], rows["issue"], rows["negated"], rows["document"], rows["start"], rows["stance"],
            rows["cue"], rows["target"], strict=True):
        key = (actor, column)
        if key not in want:
            continue
        side = position(cue, negated)
        # the cue is the act, not the issue ("defend" in "will defend", "sanctions" in "sanctions imposed")
        words = specific_words(str(issue), _topic(by, column)) - issue_words(str(cue))
        if not side or not words or not on_its_issue(stance, words):
            continue
        pair = sides.setdefault(key, ({}, {}))
        (pair[0] if side > 0 else pair[1]).setdefault(words, []).append(((str(doc), int(start)), _target(target)))
    return sides


def _topic(by: str, column: object) -> str:
    """The column whose words say nothing of the issue: a topic's ("security" in Security), none in an issue column."""
    return "" if by == "issue" else str(column)


def _specific_issues(sub: pd.DataFrame, by: str) -> np.ndarray:
    """For each row: does its issue have a specific word in its column (read once per distinct pair)?"""
    pairs = pd.MultiIndex.from_arrays([sub["issue"], sub[by]])
    distinct = pairs.unique()
    return pairs.isin(distinct[[bool(specific_words(str(i), _topic(by, c))) for i, c in distinct]])


def contradicted(df: pd.DataFrame, by: str, cells: pd.Index, texts: StatementTexts | None = None) -> list[tuple[str, str]]:
    """The (actor, column) cells among ``cells`` where one holder takes a position for an issue and one against it
    (see the module's docstring).  ``df``: :func:`model.analysis.matrix.keyed_statements` rows (or a Dask
    aggregation's :func:`two_sentences`); ``texts``: where a lean frame's stance, cue and target are read."""
    want = set(cells)
    on_issue = ((df["_coop"] | df["_conf"]) & df["issue"].notna() & (df["issue"] != "")).to_numpy()
    # only the columns walked below: a copy of every column of millions of rows doubled a lean set's peak
    walked = ["actor", by, "issue", "_coop", "_conf", "negated", "document", "start"]
    sub = df.loc[on_issue, [c for c in dict.fromkeys(walked) if c in df.columns]]
    sub = sub.assign(_at=np.flatnonzero(on_issue), **({} if "negated" in sub.columns else {"negated": False}))
    sub = sub[pd.MultiIndex.from_arrays([sub["actor"], sub[by]]).isin(cells)]
    sub = sub[_specific_issues(sub, by)]
    rows = df.iloc[two_sentences(sub, by, ["_at"])["_at"].to_numpy()]
    rows = with_texts(rows, texts, TEXT_COLUMNS)
    rows = rows.assign(**{c: None for c in TEXT_COLUMNS if c not in rows.columns},
                       **({} if "negated" in rows.columns else {"negated": False}))
    return [key for key, (pro, con) in _sides(rows, by, want).items() if _opposed(pro, con)]
