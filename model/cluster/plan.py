"""The plan of a Dask extraction: the input files cut into parts, and what each part gives back.

The parts follow the single-process load order: small files grouped into one part, a large
JSON-lines collection cut into byte ranges (:mod:`model.readers.ranges`), and so is a large CSV
collection whose records are each one line (:mod:`model.readers.csv_ranges`).  A part's task returns
a :class:`PartOut`: per file (or range), its documents without their text, and the problems met.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from model.documents import Document, LoadError, LoadIssue, LoadReport
from model.readers.csv_ranges import CSV_SUFFIXES, CsvLayout, csv_layout
from model.readers.dispatch import ReadOptions, reader_for
from model.readers.loader import iter_files
from model.readers.ranges import RangeCount, byte_ranges, head_check, splittable


@dataclass(frozen=True)
class FilesPart:
    """Whole files, each with its place in the load order."""

    files: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class RangePart:
    """Lines ``[start, stop)`` of one JSON-lines or CSV file (the ``sub``-th range of file ``order``);
    ``csv``: how to read the lines of a CSV file, whose ``before`` counts are known from the plan."""

    order: int
    path: str
    start: int
    stop: int
    sub: int
    fields: tuple[str, ...]
    before: RangeCount = RangeCount(0, 0)
    csv: CsvLayout | None = None


Part = FilesPart | RangePart


@dataclass(frozen=True)
class Job:
    """What every task needs besides its part (plain values: it travels to the workers)."""

    resources: str
    options: ReadOptions
    record_cap: int
    stage: str


@dataclass
class Plan:
    parts: list[Part]
    #: issues found while planning, by load order (walk issues first: order -1)
    issues: list[tuple[int, LoadIssue]] = field(default_factory=list)
    files_seen: int = 0


def plan_parts(paths: Sequence[str], options: ReadOptions, part_bytes: int, slots: int = 1) -> Plan:
    """The input files cut into parts of about ``part_bytes``, in the single-process load order;
    with ``slots`` tasks run at once, the last ones smaller (:func:`split_tail`)."""
    walk = LoadReport()
    files = list(iter_files(paths, walk))
    plan = Plan([], [(-1, i) for i in walk.issues], len(files))
    group: list[tuple[int, str]] = []
    size = 0

    def flush() -> None:
        nonlocal group, size
        if group:
            plan.parts.append(FilesPart(tuple(group)))
        group, size = [], 0

    for order, path in enumerate(files):
        suffix = path.suffix.lower()
        if reader_for(suffix) is None:
            plan.issues.append((order, LoadIssue(str(path), f"not a supported document type ({suffix or 'no suffix'})",
                                                 "skipped")))
            continue
        try:
            bytes_ = path.stat().st_size
            ranges = suffix == ".jsonl" and bytes_ > part_bytes and splittable(path)
            fields = head_check(path, options.text_field) if ranges else ()
            by_csv = csv_layout(path, options.text_field, part_bytes) if (
                suffix in CSV_SUFFIXES and bytes_ > part_bytes) else None
        except LoadError as exc:
            plan.issues.append((order, LoadIssue(str(path), str(exc), exc.kind)))
            continue
        except OSError as exc:
            plan.issues.append((order, LoadIssue(str(path), f"cannot be read: {exc.strerror or exc}")))
            continue
        if by_csv is not None:
            flush()
            layout, spans = by_csv
            plan.parts.extend(RangePart(order, str(path), r.start, r.stop, sub, layout.fields, r.before, layout)
                              for sub, r in enumerate(spans))
            continue
        if ranges:
            flush()
            for sub, (a, b) in enumerate(byte_ranges(bytes_, part_bytes)):
                plan.parts.append(RangePart(order, str(path), a, b, sub, fields))
            continue
        group.append((order, str(path)))
        size += bytes_
        if size >= part_bytes:
            flush()
    flush()
    plan.parts = split_tail(plan.parts, slots)
    return plan


#: a range is not cut below this size (a task's fixed cost would outweigh what it balances)
MIN_SPLIT_BYTES = 64 * 1024


def split_tail(parts: list[Part], slots: int) -> list[Part]:
    """The JSON-lines ranges among the last ``2 × slots`` parts cut in halves.

    Tasks run in plan order, ``slots`` at a time; when the work runs out, the slots that finish
    early wait for the last tasks: the smaller those are, the less they wait.  The ranges of a file
    are numbered again in order (a CSV range keeps its size: its counts come from the plan)."""
    if slots < 2:
        return parts
    cut = max(0, len(parts) - 2 * slots)
    out = parts[:cut]
    for part in parts[cut:]:
        if isinstance(part, RangePart) and part.csv is None and part.stop - part.start >= 2 * MIN_SPLIT_BYTES:
            mid = (part.start + part.stop) // 2
            out += [replace(part, stop=mid), replace(part, start=mid)]
        else:
            out.append(part)
    subs: dict[int, int] = {}
    for i, part in enumerate(out):
        if isinstance(part, RangePart):
            sub = subs.get(part.order, 0)
            subs[part.order] = sub + 1
            out[i] = replace(part, sub=sub)
    return out



@dataclass
class FileOut:
    """What one file (or one range of it) gave: documents (without their text), issues, or a failure."""

    order: int
    sub: int
    path: str
    documents: list[Document] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)
    warning: LoadIssue | None = None
    failed: LoadIssue | None = None
    ranged: bool = False


@dataclass
class PartRows:
    """What the client needs of a part's staged rows (they stay in the stage file, in document order):
    how many rows each document gave, and each row's (topic, issue) phrase, for the set-wide folding."""

    #: rows of each document, by its position in the part
    per_doc: npt.NDArray[np.int64]
    #: the part's (topic, issue) phrases, in the order they first occur
    pairs: list[tuple[str, str]]
    #: each row's phrase (an index into ``pairs``)
    codes: npt.NDArray[np.int32]

    def positions(self) -> npt.NDArray[np.int64]:
        """Each row's document position."""
        return np.repeat(np.arange(len(self.per_doc), dtype=np.int64), self.per_doc)


@dataclass
class PartOut:
    """The summary of one part that comes back to the client; the rows stay in the stage file."""

    index: int
    files: list[FileOut]
    #: (position of the document in the part, the reason it could not be analysed)
    analysis_failures: list[tuple[int, str]]
    rows: PartRows
