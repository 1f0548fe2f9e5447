"""The reduction of a Dask extraction: the single-process load's set-wide steps over every part.

Identical texts kept once (with the metadata of their copies), colliding ids renamed
(:func:`model.readers.loader.add_unique`, as the single-process load does, in load order), and
the issue phrases folded across the set (:func:`model.engine.labels.normalise_issues`, over the
phrase counts of the kept rows, which the extract tasks return per row).  Only the parts' small
summaries come here; the rows stay on the workers' stage files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from model.cluster.plan import FileOut, Part, PartOut, PartRows, Plan, RangePart
from model.documents import Document, LoadIssue, LoadReport
from model.engine.batch import WORKER_FAILED
from model.engine.labels import normalise_issues
from model.readers.loader import add_unique


@dataclass
class Reduced:
    report: LoadReport
    words: list[int]
    #: per part: position of a kept document → its final id
    ids: list[dict[int, str]]
    #: per part: position → the speaker_country a copy supplied (those documents are extracted again)
    refill: list[dict[int, str | None]]


def _file_entries(outs: list[PartOut | BaseException], parts: list[Part]) -> list[tuple[int, FileOut]]:
    """Every file (or range) result with its part index, in load order; a part whose task failed
    names its files as failed."""
    entries: list[tuple[int, FileOut]] = []
    for index, (out, part) in enumerate(zip(outs, parts, strict=True)):
        if isinstance(out, PartOut):
            entries.extend((index, f) for f in out.files)
            continue
        if isinstance(part, RangePart):
            f = FileOut(part.order, part.sub, part.path, ranged=True)
            f.issues = [LoadIssue(f"{part.path} (bytes {part.start}–{part.stop})", WORKER_FAILED)]
            entries.append((index, f))
        else:
            entries.extend((index, FileOut(o, 0, p, failed=LoadIssue(p, WORKER_FAILED))) for o, p in part.files)
    entries.sort(key=lambda e: (e[1].order, e[1].sub))
    return entries


def _ranged_file_failure(pieces: list[FileOut]) -> LoadIssue | None:
    """What the whole-file reader says of a collection none of whose records could be read."""
    if any(p.documents for p in pieces):
        return None
    for p in pieces:
        if p.failed is not None:
            return p.failed
    issues = [i for p in pieces for i in p.issues]
    path = pieces[0].path
    if not issues:
        return LoadIssue(path, "the collection holds no records")
    first = issues[0]
    return LoadIssue(path, f"no record could be read ({len(issues)} problems; first: {first.path}: {first.reason})")


def reduce_parts(plan: Plan, outs: list[PartOut | BaseException]) -> Reduced:
    """The single-process load's set-wide steps over every part's documents, in load order."""
    report = LoadReport(files_seen=plan.files_seen)
    report.issues.extend(i for order, i in plan.issues if order < 0)
    planned = sorted(((o, i) for o, i in plan.issues if o >= 0), key=lambda e: e[0])
    entries = _file_entries(outs, plan.parts)
    by_hash: dict[str, int] = {}
    seen_ids: set[str] = set()
    copies: dict[int, list[Document]] = {}
    origin: list[tuple[int, int]] = []  # kept document → (part, position)
    words: list[int] = []
    next_pos = [0] * len(plan.parts)
    p = 0
    k = 0
    while k < len(entries):
        order = entries[k][1].order
        while p < len(planned) and planned[p][0] < order:
            report.issues.append(planned[p][1])
            p += 1
        group = [entries[k]]
        while k + 1 < len(entries) and entries[k + 1][1].order == order:
            k += 1
            group.append(entries[k])
        k += 1
        pieces = [f for _, f in group]
        failure = _ranged_file_failure(pieces) if pieces[0].ranged else pieces[0].failed
        if failure is not None:
            report.issues.append(failure)
            for index, f in group:
                next_pos[index] += len(f.documents)
            continue
        report.issues.extend(f.failed for f in pieces if f.failed is not None)  # a range that failed
        report.issues.extend(i for f in pieces for i in f.issues)
        report.issues.extend(f.warning for f in pieces if f.warning is not None)
        for index, f in group:
            for doc, w in zip(f.documents, f.words, strict=True):
                pos = next_pos[index]
                next_pos[index] += 1
                before = len(report.documents)
                add_unique(report, by_hash, seen_ids, copies, doc)
                if len(report.documents) > before:
                    origin.append((index, pos))
                    words.append(w)
    report.issues.extend(i for _, i in planned[p:])
    ids: list[dict[int, str]] = [{} for _ in plan.parts]
    refill: list[dict[int, str | None]] = [{} for _ in plan.parts]
    for kept, dups in copies.items():
        merged = report.documents[kept].merged_with_all(dups)
        if merged.speaker_country != report.documents[kept].speaker_country:
            index, pos = origin[kept]
            refill[index][pos] = merged.speaker_country
        report.documents[kept] = merged
    for doc, (index, pos) in zip(report.documents, origin, strict=True):
        ids[index][pos] = doc.id
    return Reduced(report, words, ids, refill)


def kept_counts(rows: PartRows, kept: Collection[int]) -> Counter[tuple[str, str]]:
    """(topic, issue) counts of a part's rows of the ``kept`` documents, in the order they first occur."""
    codes = rows.codes[np.isin(rows.positions(), list(kept))]
    n = np.bincount(codes, minlength=len(rows.pairs))
    _, first = np.unique(codes, return_index=True)
    return Counter({rows.pairs[c]: int(n[c]) for c in codes[np.sort(first)]})


def part_changes(rows: PartRows, original: Sequence[str], ids: dict[int, str], folding: dict[tuple[str, str], str]
                 ) -> tuple[list[str | None] | None, list[str] | None]:
    """What writing a part changes in its staged rows: the final id of each document by position
    (None for a copy dropped), or None when every document with rows keeps its id; the folded issue
    of each of ``rows.pairs``, or None when none of them is folded."""
    names = [ids.get(pos) for pos in range(len(original))]
    renamed = any(n and new != old for new, old, n in zip(names, original, rows.per_doc.tolist(), strict=True))
    issues = [folding.get(pair, pair[1]) for pair in rows.pairs]
    folded = any(new != pair[1] for new, pair in zip(issues, rows.pairs, strict=True))
    return (names if renamed else None), (issues if folded else None)


def issue_folding(counts: Sequence[Counter[tuple[str, str]]]) -> dict[tuple[str, str], str]:
    """(topic, issue) → folded issue, for the phrases ``normalise_issues`` changes over the whole set.

    ``normalise_issues`` depends on each phrase's count and on the order phrases first occur;
    the parts' counts, merged in part order, give both."""
    total: Counter[tuple[str, str]] = Counter()
    for c in counts:
        total.update(c)
    topics: list[str] = []
    issues: list[str] = []
    firsts: list[tuple[int, tuple[str, str]]] = []
    for pair, n in total.items():
        firsts.append((len(issues), pair))
        topics.extend([pair[0]] * n)
        issues.extend([pair[1]] * n)
    folded = normalise_issues(issues, topics) if issues else []
    return {pair: folded[at] for at, pair in firsts if folded[at] != pair[1]}


def analysis_failures(outs: list[PartOut | BaseException], reduced: Reduced,
                      again: dict[int, list[tuple[int, str]] | BaseException]) -> list[LoadIssue]:
    """Documents the engine failed on, under their final ids, in document order."""
    found: list[tuple[int, int, LoadIssue]] = []
    for index, out in enumerate(outs):
        if not isinstance(out, PartOut):
            continue
        redone = reduced.refill[index]
        failed = [(pos, why) for pos, why in out.analysis_failures if pos not in redone]
        redo = again.get(index, [])
        failed += redo if isinstance(redo, list) else [(pos, WORKER_FAILED) for pos in redone]
        ids = reduced.ids[index]
        found.extend((index, pos, LoadIssue(ids[pos], why)) for pos, why in failed if pos in ids)
    found.sort(key=lambda e: (e[0], e[1]))
    return [i for _, _, i in found]
