"""``extract --engine dask``: the same extraction on a Dask cluster, written as a Parquet dataset.

The work is a map and a reduction, both on Dask:

1. **Plan** (:mod:`model.cluster.plan`): the input files in the order the single-process load reads
   them, cut into parts of about ``part_bytes``: small files grouped, a large JSON-lines
   collection cut into byte ranges (:mod:`model.readers.ranges`; the lines of each range are
   counted by a first round of tasks, so record ids and line numbers are the whole file's), and
   so is a large CSV whose records are each one line (:mod:`model.readers.csv_ranges`: a scan of
   the file at planning checks that, and counts the lines).
2. **Map** (one task per part): read the part's documents, extract each (the engine is built once
   per worker process and kept), and stage the rows in ``_stage/part-N.parquet``.  A document the
   engine fails on is named with the reason, as ``extract_statements`` names it.
3. **Reduce** (:mod:`model.cluster.reduce`, on the client, from the parts' small summaries): the
   set-wide steps of the single-process load — identical texts kept once, colliding ids renamed
   (``model.readers.loader``) — then, over the kept rows, the issue phrases folded across the set
   (``model.engine.labels.normalise_issues``, fed with each phrase's count over the whole set).
4. **Write** (one task per part): the kept rows, renamed and with the folded issues, as
   ``statements/part-N.parquet``; documents and failures are written here.

Each step is a round of tasks run by a :class:`~model.cluster.runners.Runner` (Dask's synchronous
scheduler, or a ``distributed`` client), which reports its progress under the round's name.
Every task writes only its own numbered file, so a task that Dask runs again (its worker died)
writes the same file again: no document is lost or doubled.  The result equals the
single-process ``extract`` row for row.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

import model.engine.extract as extract_module
from model.cluster import dataset
from model.cluster.plan import FileOut, Job, Part, PartOut, Plan, RangePart, plan_parts
from model.cluster.reduce import analysis_failures, issue_folding, reduce_parts
from model.cluster.runners import DistributedRunner, Runner, SynchronousRunner, local_client
from model.documents import Document, LoadError, LoadIssue, LoadReport
from model.engine.extract import ANALYSIS_FAILED, Engine
from model.engine.textfold import paused_gc
from model.errorlog import log_exception
from model.readers.collections import MAX_RECORD_BYTES
from model.readers.csv_ranges import read_csv_range
from model.readers.dispatch import HEAVY_SUFFIXES, FileRead, ReadOptions, reader_for, reader_modules
from model.readers.loader import read_path
from model.readers.pool import MEMORY_LIMIT, WorkerPool
from model.readers.ranges import RangeCount, count_range, read_range
from model.readers.safety import MB
from model.resources import RESOURCES, load_resources
from model.statements import Row, statements_frame

__all__ = ["DaskResult", "DistributedRunner", "Runner", "SynchronousRunner", "local_client", "plan_parts",
           "run_extract"]

#: default part size: about 170,000 words of plain text per task (a second or two of work)
PART_MB = 1.0
STAGE = "_stage"
_DOC = "_doc"  # staged rows: the document's position in its part


# ---- the tasks (run on the workers) -------------------------------------------------------

#: ``engines``: the engines of one worker thread by resources folder (a worker may run several
#: tasks at once, in threads; an engine's per-sentence caches serve one thread)
_THREAD_ENGINES = threading.local()


def worker_engine(resources: str) -> Engine:
    """The engine of this worker thread, built once per resources folder and kept."""
    engines: dict[str, Engine] | None = getattr(_THREAD_ENGINES, "engines", None)
    if engines is None:
        engines = {}
        _THREAD_ENGINES.engines = engines
    engine = engines.get(resources)
    if engine is None:
        engine = Engine(load_resources(Path(resources)))
        engines[resources] = engine
    return engine


def count_task(part: RangePart) -> RangeCount:
    return count_range(part.path, part.start, part.stop)


def _read_whole(files: Sequence[tuple[int, str]], options: ReadOptions) -> list[FileRead | LoadIssue]:
    """Each file read as the single-process loader reads it: heavy formats in a reader process
    with a time and memory limit, when this process may start one."""
    results: dict[int, FileRead | LoadIssue] = {}
    heavy = [i for i, (_, p) in enumerate(files) if Path(p).suffix.lower() in HEAVY_SUFFIXES]
    may_fork = not multiprocessing.current_process().daemon
    for i, (_, p) in enumerate(files):
        if i not in heavy or not may_fork:
            results[i] = read_path(p, options, reader_for(Path(p).suffix))
    if heavy and may_fork:
        pool = WorkerPool(1, options.timeout, preload=reader_modules({Path(files[i][1]).suffix.lower() for i in heavy}),
                          memory_limit=MEMORY_LIMIT)
        try:
            for i in heavy:
                pool.submit(i, read_path, files[i][1], options, reader_for(Path(files[i][1]).suffix))
            while pool.pending:
                for key, ok, value in pool.poll(1.0):
                    k = int(str(key))
                    ok_value = ok and isinstance(value, FileRead | LoadIssue)
                    results[k] = value if ok_value else LoadIssue(files[k][1], str(value))
        finally:
            pool.close()
    return [results[i] for i in range(len(files))]


def _read_part(part: Part, job: Job) -> list[tuple[FileOut, list[Document]]]:
    """The part's files, each with its documents (with their text)."""
    if isinstance(part, RangePart):
        out = FileOut(part.order, part.sub, part.path, ranged=True)
        try:
            if part.csv is not None:
                got = read_csv_range(part.path, part.start, part.stop, part.before, part.csv, job.record_cap)
            else:
                got = read_range(part.path, part.start, part.stop, part.before, part.fields, job.record_cap)
        except LoadError as exc:
            out.failed = LoadIssue(part.path, str(exc), exc.kind)
            return [(out, [])]
        out.issues, out.warning = got.issues, got.warning
        return [(out, got.documents)]
    read: list[tuple[FileOut, list[Document]]] = []
    for (order, path), result in zip(part.files, _read_whole(part.files, job.options), strict=True):
        out = FileOut(order, 0, path)
        if isinstance(result, LoadIssue):
            out.failed = result
            read.append((out, []))
        else:
            out.issues = list(result.issues)
            read.append((out, list(result.documents)))
    return read


def _extract(engine: Engine, docs: Sequence[Document], only: dict[int, str | None] | None = None
             ) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Rows of ``docs`` (column ``_doc``: the document's position), and the documents the engine
    failed on.  ``only``: extract just these positions, with this ``speaker_country``."""
    rows: list[Row] = []
    where: list[int] = []
    failed: list[tuple[int, str]] = []
    with paused_gc():
        for pos, doc in enumerate(docs):
            if only is not None:
                if pos not in only:
                    continue
                doc = replace(doc, speaker_country=only[pos])
            try:
                got = extract_module.analyse_document(engine, doc)
            except Exception as exc:  # noqa: BLE001 (an engine bug costs this document only)
                log_exception(f"analysing document {doc.id!r} ({doc.path})", exc)
                failed.append((pos, ANALYSIS_FAILED))
                continue
            rows.extend(got)
            where.extend([pos] * len(got))
    frame = statements_frame(rows)
    frame[_DOC] = pd.Series(where, dtype="int64")
    return frame, failed


def _stage_path(job: Job, index: int) -> str:
    return os.path.join(job.stage, dataset.part_name(index))


def extract_task(job: Job, index: int, part: Part) -> PartOut:
    """Map: read the part, extract its documents, stage the rows; the summary for the reduction."""
    engine = worker_engine(job.resources)
    files = _read_part(part, job)
    docs = [d for _, ds in files for d in ds]
    frame, failed = _extract(engine, docs)
    _write_stage(frame, job, index)
    outs = []
    for out, ds in files:
        out.documents = [replace(d, text="") for d in ds]
        out.words = [len(d.text.split()) for d in ds]
        outs.append(out)
    return PartOut(index, outs, failed, len(frame))


def _write_stage(frame: pd.DataFrame, job: Job, index: int) -> None:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = dataset.statements_table(frame).append_column(_DOC, pa.array(frame[_DOC].to_numpy(), type=pa.int64()))
    path = _stage_path(job, index)
    tmp = f"{path}.{os.getpid()}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def _read_stage(job: Job, index: int) -> pd.DataFrame:
    import pyarrow.parquet as pq  # noqa: PLC0415

    frame = pq.read_table(_stage_path(job, index)).to_pandas()
    for col, dtype in {"start": "int64", "end": "int64", "cue_start": "int64", "actor_start": "int64",
                       "hedged": "bool", "negated": "bool", _DOC: "int64"}.items():
        frame[col] = frame[col].astype(dtype)
    return frame


def reextract_task(job: Job, index: int, part: Part, speakers: dict[int, str | None]) -> list[tuple[int, str]]:
    """Extract again the documents whose ``speaker_country`` a later copy of the same text supplied
    (the single-process load merges copies before extracting); their staged rows are replaced."""
    docs = [d for _, ds in _read_part(part, job) for d in ds]
    frame, failed = _extract(worker_engine(job.resources), docs, only=speakers)
    staged = _read_stage(job, index)
    kept = staged[~staged[_DOC].isin(list(speakers))]
    merged = pd.concat([kept, frame], ignore_index=True) if len(frame) else kept
    merged = merged.sort_values(_DOC, kind="stable").reset_index(drop=True)
    _write_stage(merged, job, index)
    return failed


def issue_counts_task(job: Job, index: int, keep: list[int]) -> Counter[tuple[str, str]]:
    """(topic, issue) counts of the kept rows, in the order they first occur."""
    frame = _read_stage(job, index)
    frame = frame[frame[_DOC].isin(keep)]
    return Counter(zip(frame["topic"].astype(str).tolist(), frame["issue"].fillna("").astype(str).tolist(),
                       strict=True))


def write_task(job: Job, index: int, ids: dict[int, str], issues: dict[tuple[str, str], str], out: str) -> int:
    """Write: the part's kept rows, under their final ids, with the issues folded across the set."""
    frame = _read_stage(job, index)
    frame = frame[frame[_DOC].isin(list(ids))].reset_index(drop=True)
    frame["document"] = frame[_DOC].map(ids)
    if issues and len(frame):
        pairs = zip(frame["topic"].astype(str).tolist(), frame["issue"].fillna("").astype(str).tolist(), strict=True)
        frame["issue"] = [issues.get(p, p[1]) for p in pairs]
    elif len(frame):
        frame["issue"] = frame["issue"].fillna("").astype(str)
    frame = frame.drop(columns=[_DOC])
    # the folder is made before the round: a task still running after a cancel cannot make it again
    dataset.write_part(dataset.statements_table(frame), out, dataset.STATEMENTS, index, make_folder=False)
    return len(frame)


# ---- running tasks ---------------------------------------------------------------------------
# ---- the run ------------------------------------------------------------------------------

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
        plan = plan_parts(paths, job.options, max(1, int(part_mb * MB)))
        _count_lines(plan, runner)
        outs = _run_round(runner, "extract", extract_task, [(job, i, part) for i, part in enumerate(plan.parts)])
        reduced = reduce_parts(plan, outs)
        redo = [(job, i, plan.parts[i], r) for i, r in enumerate(reduced.refill) if r]
        again = dict(zip([c[1] for c in redo], _run_round(runner, "reextract", reextract_task, redo), strict=True))
        failures = analysis_failures(outs, reduced, again)
        live = [i for i, o in enumerate(outs) if isinstance(o, PartOut) and reduced.ids[i]]
        counts = _run_round(runner, "issues", issue_counts_task, [(job, i, sorted(reduced.ids[i])) for i in live])
        folding = issue_folding([c for c in counts if isinstance(c, Counter)])
        if live:
            (work / dataset.STATEMENTS).mkdir()
        written = _run_round(runner, "write", write_task, [(job, i, reduced.ids[i], folding, str(work)) for i in live])
        for i, w in zip(live, written, strict=True):
            if isinstance(w, BaseException):
                raise RuntimeError(f"writing part {i} of the dataset failed: {w}") from w
        report = reduced.report
        report.issues.extend(failures)
        _write_tables(work, report, reduced.words)
        n = sum(int(w) for w in written)
        dataset.write_marker(work, {"statements": n, "documents": len(report.documents),
                                    "failures": len(report.issues), "inputs": [str(p) for p in paths]})
        shutil.rmtree(stage, ignore_errors=True)
        _replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return DaskResult(report, n, len(report.documents), report.issues)


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
