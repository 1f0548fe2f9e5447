"""``extract --engine dask``: the same extraction on a Dask cluster, written as a Parquet dataset.

The work is a map and a reduction, both on Dask:

1. **Plan** (here): the input files in the order the single-process load reads them, cut into
   parts of about ``part_bytes``: small files grouped, a large JSON-lines collection cut into byte
   ranges (:mod:`model.readers.ranges`; the lines of each range are counted by a first round of
   tasks, so record ids and line numbers are the whole file's).
2. **Map** (one task per part): read the part's documents, extract each (the engine is built once
   per worker process and kept), and stage the rows in ``_stage/part-N.parquet``.  A document the
   engine fails on is named with the reason, as ``extract_statements`` names it.
3. **Reduce** (here, on the parts' small summaries): the set-wide steps of the single-process
   load — identical texts kept once, colliding ids renamed (``model.readers.loader``) — then,
   over the kept rows, the issue phrases folded across the set
   (``model.engine.labels.normalise_issues``, fed with each phrase's count over the whole set).
4. **Write** (one task per part): the kept rows, renamed and with the folded issues, as
   ``statements/part-N.parquet``; documents and failures are written here.

Every task writes only its own numbered file, so a task that Dask runs again (its worker died)
writes the same file again: no document is lost or doubled.  The result equals the
single-process ``extract`` row for row.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

import model.extract as extract_module
from model import dataset
from model.documents import Document, LoadError, LoadIssue, LoadReport
from model.engine.labels import normalise_issues
from model.errorlog import log_exception
from model.extract import ANALYSIS_FAILED, WORKER_FAILED, Engine
from model.progress import Cancelled, NullProgress, Progress
from model.readers.collections import MAX_RECORD_BYTES
from model.readers.dispatch import HEAVY_SUFFIXES, FileRead, ReadOptions, reader_for, reader_modules
from model.readers.loader import _add_unique, iter_files, read_path
from model.readers.pool import MEMORY_LIMIT, WorkerPool
from model.readers.ranges import RangeCount, byte_ranges, count_range, head_check, read_range, splittable
from model.readers.safety import MB
from model.resources import load_resources
from model.statements import Row, statements_frame
from model.textfold import paused_gc

#: default part size: about 170,000 words of plain text per task (a second or two of work)
PART_MB = 1.0
STAGE = "_stage"
_DOC = "_doc"  # staged rows: the document's position in its part


# ---- the plan ----------------------------------------------------------------------------

@dataclass(frozen=True)
class FilesPart:
    """Whole files, each with its place in the load order."""

    files: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class RangePart:
    """Lines ``[start, stop)`` of one JSON-lines file (the ``sub``-th range of file ``order``)."""

    order: int
    path: str
    start: int
    stop: int
    sub: int
    fields: tuple[str, ...]
    before: RangeCount = RangeCount(0, 0)


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


def plan_parts(paths: Sequence[str], options: ReadOptions, part_bytes: int) -> Plan:
    """The input files cut into parts of about ``part_bytes``, in the single-process load order."""
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
        except LoadError as exc:
            plan.issues.append((order, LoadIssue(str(path), str(exc), exc.kind)))
            continue
        except OSError as exc:
            plan.issues.append((order, LoadIssue(str(path), f"cannot be read: {exc.strerror or exc}")))
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
    return plan


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
class PartOut:
    """The summary of one part that comes back to the client; the rows stay in the stage file."""

    index: int
    files: list[FileOut]
    #: (position of the document in the part, the reason it could not be analysed)
    analysis_failures: list[tuple[int, str]]
    rows: int


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
    dataset.write_part(dataset.statements_table(frame), out, dataset.STATEMENTS, index)
    return len(frame)


# ---- running tasks ---------------------------------------------------------------------------

class Runner:
    """Runs one round of independent tasks and returns their results in order; a task that
    failed (its worker died more often than Dask allows) gives its exception as the result."""

    def run(self, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        raise NotImplementedError


class SynchronousRunner(Runner):
    """Dask's synchronous scheduler: every task in this process, one after the other."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress or NullProgress()

    def run(self, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        import dask  # noqa: PLC0415
        from dask.callbacks import Callback  # noqa: PLC0415

        total = len(calls)
        done = [0]
        progress = self.progress

        def posttask(_key: object, _result: object, _dsk: object, _state: object, _worker_id: object) -> None:
            done[0] += 1
            progress.report(done[0], total, label)

        def pretask(_key: object, _dsk: object, _state: object) -> None:
            if progress.cancelled():
                raise Cancelled()

        tasks = [dask.delayed(func, pure=False)(*c, dask_key_name=f"stance-{label}-{i:05d}")
                 for i, c in enumerate(calls)]
        with Callback(pretask=pretask, posttask=posttask):
            return list(dask.compute(*tasks, scheduler="synchronous"))


class DistributedRunner(Runner):
    """A ``distributed`` client: a LocalCluster or any running scheduler."""

    def __init__(self, client: Any, progress: Progress | None = None) -> None:
        self.client = client
        self.progress = progress or NullProgress()
        self.run_id = uuid.uuid4().hex[:8]

    def run(self, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        from distributed import as_completed  # noqa: PLC0415

        keys = [f"stance-{label}-{self.run_id}-{i:05d}" for i in range(len(calls))]
        futures = [self.client.submit(func, *c, key=k, pure=False) for c, k in zip(calls, keys, strict=True)]
        results: dict[str, Any] = {}
        try:
            for done, fut in enumerate(as_completed(futures), 1):
                if self.progress.cancelled():
                    raise Cancelled()
                try:
                    results[fut.key] = fut.result()
                except Exception as exc:  # noqa: BLE001 (a part whose workers kept dying: named, not fatal)
                    log_exception(f"dask task {fut.key}", exc)
                    results[fut.key] = exc
                self.progress.report(done, len(calls), label)
        except BaseException:
            self.client.cancel(futures)
            raise
        finally:
            for fut in futures:
                fut.release()
        return [results[k] for k in keys]


def local_client(workers: int | None = None) -> tuple[Any, Any]:
    """A LocalCluster of ``workers`` single-threaded processes (default: this machine's cores)."""
    import dask  # noqa: PLC0415
    from distributed import Client, LocalCluster  # noqa: PLC0415

    # non-daemonic workers may start the reader processes that bound a hostile PDF/HTML file
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


# ---- the reduction ------------------------------------------------------------------------

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
                _add_unique(report, by_hash, seen_ids, copies, doc)
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
        folder = str(resources or load_resources().folder)
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
        failures = _analysis_failures(outs, reduced, again)
        live = [i for i, o in enumerate(outs) if isinstance(o, PartOut) and reduced.ids[i]]
        counts = _run_round(runner, "issues", issue_counts_task, [(job, i, sorted(reduced.ids[i])) for i in live])
        folding = issue_folding([c for c in counts if isinstance(c, Counter)])
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
    """Fill in, for every range, the lines and records of its file before it."""
    ranged = [i for i, p in enumerate(plan.parts) if isinstance(p, RangePart)]
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


def _analysis_failures(outs: list[PartOut | BaseException], reduced: Reduced,
                       again: dict[int, list[tuple[int, str]]]) -> list[LoadIssue]:
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

