"""``extract --engine dask``: the same extraction on a Dask cluster, written as a Parquet dataset.

The work is a map and a reduction, both on Dask:

1. **Plan** (:mod:`model.cluster.plan`): the input files in the order the single-process load reads
   them, cut into parts of about ``part_bytes``: small files grouped, a large JSON-lines
   collection cut into byte ranges (:mod:`model.readers.ranges`; the lines of each range are
   counted by a first round of tasks, so record ids and line numbers are the whole file's), and
   so is a large CSV whose records are each one line (:mod:`model.readers.csv_ranges`: a scan of
   the file at planning checks that, and counts the lines).
2. **Map** (one task per part, :mod:`model.cluster.tasks`): read the part's documents, extract each (the engine is built once
   per worker process and kept), and stage the rows in ``_stage/part-N.parquet``, already as a
   part of the dataset.  A document the engine fails on is named with the reason, as
   ``extract_statements`` names it.  The task returns the part's documents (without their text),
   the rows of each document and each row's (topic, issue) phrase.
3. **Reduce** (:mod:`model.cluster.reduce`, on the client, from the parts' small summaries): the
   set-wide steps of the single-process load — identical texts kept once, colliding ids renamed
   (``model.readers.loader``) — then, over the kept rows, the issue phrases folded across the set
   (``model.engine.labels.normalise_issues``, fed with each phrase's count over the whole set).
   A document that a later copy gave a ``speaker_country`` is extracted again (a round of tasks
   for the parts that hold one: ``_stage/again/part-N.parquet``).
4. **Write**: a part whose rows stay as they are (no copy dropped, no id renamed, no issue folded
   in it) is moved from the stage into ``statements/``; the others are written by a round of
   tasks; documents and failures are written by the client.

Each step is a round of tasks run by a :class:`~model.cluster.runners.Runner` (Dask's synchronous
scheduler, or a ``distributed`` client), which reports its progress under the round's name.
Every task writes only its own numbered file, so a task that Dask runs again (its worker died)
writes the same file again: no document is lost or doubled.  The result equals the
single-process ``extract`` row for row.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from model.cluster import dataset
from model.cluster.plan import Job, PartOut, PartRows, Plan, RangePart, plan_parts
from model.cluster.reduce import Reduced, analysis_failures, issue_folding, kept_counts, part_changes, reduce_parts
from model.cluster.runners import DistributedRunner, Runner, SynchronousRunner, local_client
from model.cluster.tasks import AGAIN, count_task, extract_task, reextract_task, stage_path, write_task
from model.documents import LoadIssue, LoadReport
from model.readers.collections import MAX_RECORD_BYTES
from model.readers.dispatch import ReadOptions
from model.readers.ranges import RangeCount
from model.readers.safety import MB
from model.resources import RESOURCES

__all__ = ["DaskResult", "DistributedRunner", "Runner", "SynchronousRunner", "local_client", "plan_parts",
           "run_extract"]

#: default part size: about 170,000 words of plain text per task (a second or two of work)
PART_MB = 1.0
STAGE = "_stage"


# ---- the run ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Staged:
    """A part's rows on the stage: the second stage file (``again``) once they were extracted again."""

    rows: PartRows
    again: bool = False


@dataclass
class DaskResult:
    report: LoadReport
    statements: int
    documents: int
    failures: list[LoadIssue]


def _run_round(runner: Runner, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
    return runner.run(label, func, calls) if calls else []


def run_extract(
    paths: Sequence[str],
    out: str | os.PathLike[str],
    runner: Runner,
    *,
    text_field: str | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
    part_mb: float = PART_MB,
    resources: Path | None = None,
    timeout: float = 60.0,
) -> DaskResult:
    """Extract every document under ``paths`` with ``runner`` and write the dataset at ``out``.

    ``out`` is written as a whole or not at all: the parts go to a folder beside it that
    replaces it at the end (an existing dataset at ``out`` is replaced)."""
    target = Path(out)
    work = target.with_name(f".{target.name}.partial-{uuid.uuid4().hex[:8]}")
    stage = work / STAGE
    stage.mkdir(parents=True)
    try:
        folder = str(resources or RESOURCES)  # (not load_resources(): the client builds no engine)
        cap = min(MAX_RECORD_BYTES, max_record_bytes)
        # collections cut into ranges have no file cap (a record cap applies); whole files keep it
        job = Job(folder, ReadOptions(text_field=text_field, max_bytes=max_record_bytes, timeout=timeout), cap,
                  str(stage))
        plan = plan_parts(paths, job.options, max(1, int(part_mb * MB)), runner.slots())
        _count_lines(plan, runner)
        outs = _run_round(runner, "extract", extract_task, [(job, i, part) for i, part in enumerate(plan.parts)])
        reduced = reduce_parts(plan, outs)
        rows, again = _extract_again(runner, job, plan, outs, reduced)
        failures = analysis_failures(outs, reduced, again)
        n = _write_statements(runner, job, work, outs, reduced, rows)
        report = reduced.report
        report.issues.extend(failures)
        _write_tables(work, report, reduced.words)
        dataset.write_marker(work, {"statements": n, "documents": len(report.documents),
                                    "failures": len(report.issues), "inputs": [str(p) for p in paths]})
        shutil.rmtree(stage, ignore_errors=True)
        _replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return DaskResult(report, n, len(report.documents), report.issues)


def _extract_again(runner: Runner, job: Job, plan: Plan, outs: list[Any], reduced: Reduced
                   ) -> tuple[dict[int, Staged], dict[int, Any]]:
    """The re-extraction round: each live part's staged rows (the second stage file where the
    round rewrote them), and what each re-extracted part gave (the documents failed, or the
    exception of a task that failed)."""
    rows = {i: Staged(o.rows) for i, o in enumerate(outs) if isinstance(o, PartOut)}
    redo = [(job, i, plan.parts[i], r, rows[i].rows) for i, r in enumerate(reduced.refill) if r and i in rows]
    if redo:
        Path(job.stage, AGAIN).mkdir()
    again: dict[int, Any] = {}
    for call, got in zip(redo, _run_round(runner, "reextract", reextract_task, redo), strict=True):
        index = call[1]
        if isinstance(got, BaseException):
            again[index] = got  # its documents are named as failed; the first stage file stays
        else:
            again[index], rows[index] = got[0], Staged(got[1], again=True)
    return rows, again


def _write_statements(runner: Runner, job: Job, work: Path, outs: list[Any], reduced: Reduced,
                      rows: dict[int, Staged]) -> int:
    """The statement parts at ``work``: a stage file whose rows stay as they are is moved into place,
    the others are written by a round of tasks.  The number of statements."""
    live = sorted(i for i in rows if reduced.ids[i])
    folding = issue_folding([kept_counts(rows[i].rows, reduced.ids[i]) for i in live])
    if live:
        (work / dataset.STATEMENTS).mkdir()
    calls: list[tuple[Any, ...]] = []
    total = 0
    for i in live:
        staged = rows[i]
        original = [d.id for f in outs[i].files for d in f.documents]
        ids, issues = part_changes(staged.rows, original, reduced.ids[i], folding)
        if ids is None and issues is None:
            os.replace(stage_path(job, i, staged.again), work / dataset.STATEMENTS / dataset.part_name(i))
            total += int(staged.rows.per_doc.sum())
        else:
            calls.append((job, i, staged.rows, ids, issues, str(work), staged.again))
    for call, w in zip(calls, _run_round(runner, "write", write_task, calls), strict=True):
        if isinstance(w, BaseException):
            raise RuntimeError(f"writing part {call[1]} of the dataset failed: {w}") from w
        total += int(w)
    return total


def _count_lines(plan: Plan, runner: Runner) -> None:
    """Fill in, for every JSON-lines range, the lines and records of its file before it (a CSV
    range has them from the plan)."""
    ranged = [i for i, p in enumerate(plan.parts) if isinstance(p, RangePart) and p.csv is None]
    counts = _run_round(runner, "count", count_task, [(plan.parts[i],) for i in ranged])
    before: dict[int, RangeCount] = {}
    for i, c in zip(ranged, counts, strict=True):
        part = plan.parts[i]
        assert isinstance(part, RangePart)
        if isinstance(c, BaseException):
            raise RuntimeError(f"counting the lines of {part.path} failed: {c}") from c
        b = before.get(part.order, RangeCount(0, 0))
        plan.parts[i] = replace(part, before=b)
        before[part.order] = RangeCount(b.lines + c.lines, b.items + c.items)


def _write_tables(work: Path, report: LoadReport, words: list[int]) -> None:
    chunk = 100_000
    docs = report.documents
    for n, at in enumerate(range(0, max(1, len(docs)), chunk)):
        dataset.write_part(dataset.documents_table(docs[at:at + chunk], words[at:at + chunk]), work,
                           dataset.DOCUMENTS, n)
    dataset.write_part(dataset.failures_table(report.issues), work, dataset.FAILURES, 0)


def _replace(work: Path, target: Path) -> None:
    """Put the finished dataset at ``target`` (an old dataset there is removed after)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
    os.replace(work, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
