"""The tasks of ``extract --engine dask`` (:mod:`model.cluster.extract`), run on the workers.

Each task reads or writes only its own numbered file, so a task that Dask runs again (its worker died)
gives the same file again:

- :func:`count_task`: the lines and records of one byte range of a JSON-lines collection;
- :func:`extract_task` (the map): read a part's documents, extract them with the worker thread's engine
  (:func:`worker_engine`, built once and kept) and stage the rows in ``_stage/part-N.parquet``;
- :func:`reextract_task`: extract again the documents a later copy gave a ``speaker_country``
  (``_stage/again/part-N.parquet``);
- :func:`write_task`: write a part whose rows the reduction changed (copies dropped, ids renamed, issues folded).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import model.engine.batch as batch
from model.cluster import dataset
from model.cluster.plan import FileOut, Job, Part, PartOut, PartRows, RangePart
from model.documents import Document, LoadError, LoadIssue
from model.engine.batch import ANALYSIS_FAILED
from model.engine.extract import Engine
from model.engine.textfold import paused_gc
from model.errorlog import log_exception
from model.readers.csv_ranges import read_csv_range
from model.readers.dispatch import HEAVY_SUFFIXES, FileRead, ReadOptions, reader_for, reader_modules
from model.readers.loader import read_path
from model.readers.pool import MEMORY_LIMIT, WorkerPool
from model.readers.ranges import RangeCount, count_range, read_range
from model.resources import load_resources
from model.statements import Row

AGAIN = "again"  # the stage folder of the parts extracted again

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
             ) -> tuple[pa.Table, npt.NDArray[np.int64], list[tuple[int, str]]]:
    """Rows of ``docs`` as the dataset stores them, each row's document position, and the documents
    the engine failed on.  ``only``: extract just these positions, with this ``speaker_country``."""
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
                got = batch.analyse_document(engine, doc)
            except Exception as exc:  # noqa: BLE001 (an engine bug costs this document only)
                log_exception(f"analysing document {doc.id!r} ({doc.path})", exc)
                failed.append((pos, ANALYSIS_FAILED))
                continue
            rows.extend(got)
            where.extend([pos] * len(got))
    table = dataset.rows_table(rows)
    at = table.schema.get_field_index("issue")  # as the dataset stores it: never null
    table = table.set_column(at, table.schema.field(at), pc.fill_null(table.column(at), ""))
    return table, np.array(where, dtype=np.int64), failed


def stage_path(job: Job, index: int, again: bool = False) -> str:
    return os.path.join(job.stage, AGAIN, dataset.part_name(index)) if again else os.path.join(
        job.stage, dataset.part_name(index))


def _stage(table: pa.Table, where: npt.NDArray[np.int64], documents: int, path: str) -> PartRows:
    """Write the rows (in document order) as a dataset part, and what the client needs of them."""
    tmp = f"{path}.{os.getpid()}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    found: dict[tuple[str, str], int] = {}
    codes = [found.setdefault((str(t), i), len(found))
             for t, i in zip(table.column("topic").to_pylist(), table.column("issue").to_pylist(), strict=True)]
    return PartRows(np.bincount(where, minlength=documents).astype(np.int64), list(found),
                    np.array(codes, dtype=np.int32))


def extract_task(job: Job, index: int, part: Part) -> PartOut:
    """Map: read the part, extract its documents, stage the rows (already as a part of the dataset:
    unless the reduction changes them, the file is moved into place); the summary for the reduction."""
    engine = worker_engine(job.resources)
    files = _read_part(part, job)
    docs = [d for _, ds in files for d in ds]
    table, where, failed = _extract(engine, docs)
    rows = _stage(table, where, len(docs), stage_path(job, index))
    outs = []
    for out, ds in files:
        out.documents = [replace(d, text="") for d in ds]
        out.words = [len(d.text.split()) for d in ds]
        outs.append(out)
    return PartOut(index, outs, failed, rows)


def reextract_task(job: Job, index: int, part: Part, speakers: dict[int, str | None], rows: PartRows
                   ) -> tuple[list[tuple[int, str]], PartRows]:
    """Extract again the documents whose ``speaker_country`` a later copy of the same text supplied
    (the single-process load merges copies before extracting).  Their new rows replace the staged
    ones in a second stage file (the first is only read: a task run again gives the same file)."""
    docs = [d for _, ds in _read_part(part, job) for d in ds]
    table, where, failed = _extract(worker_engine(job.resources), docs, only=speakers)
    staged = pq.read_table(stage_path(job, index))
    at = rows.positions()
    keep = ~np.isin(at, list(speakers))
    merged = pa.concat_tables([staged.filter(pa.array(keep)), table])
    positions = np.concatenate([at[keep], where])
    order = np.argsort(positions, kind="stable")
    return failed, _stage(merged.take(pa.array(order)), positions[order], len(docs),
                          stage_path(job, index, again=True))


def write_task(job: Job, index: int, rows: PartRows, ids: list[str | None] | None, issues: list[str] | None,
               out: str, again: bool) -> int:
    """Write a part whose rows change: only the rows of documents kept, under their final ids
    (``ids`` by position, None for a copy dropped; None: the ids stay), with the issues folded
    across the set (``issues``: the folded phrase of each of ``rows.pairs``; None: they stay)."""
    table = pq.read_table(stage_path(job, index, again))
    schema = dataset.STATEMENT_SCHEMA
    codes = rows.codes
    if ids is not None:
        at = rows.positions()
        keep = np.array([i is not None for i in ids], dtype=bool)[at]
        table = table.filter(pa.array(keep))
        codes = codes[keep]
        column = schema.get_field_index("document")
        table = table.set_column(column, schema.field(column), pa.array([ids[p] for p in at[keep]], type=pa.string()))
    if issues is not None:
        column = schema.get_field_index("issue")
        table = table.set_column(column, schema.field(column), pa.array([issues[c] for c in codes], type=pa.string()))
    # the folder is made before the round: a task still running after a cancel cannot make it again
    dataset.write_part(table, out, dataset.STATEMENTS, index, make_folder=False)
    return int(table.num_rows)
