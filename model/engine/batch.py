"""Running the engine over a set: one engine per thread, worker processes for large sets, a failing
document costing only itself, progress and cancel (``extract_statements``).  The engine itself, one
document at a time, is :class:`model.engine.extract.Engine`."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from typing import Final

import pandas as pd

from model.documents import Document, LoadIssue
from model.engine.extract import Engine
from model.engine.labels import normalise_issues
from model.engine.textfold import paused_gc
from model.errorlog import INTERNAL_ERROR, log_exception
from model.progress import Cancelled, NullProgress, Progress
from model.resources import Resources, load_resources
from model.statements import Row, statements_frame

#: words per worker batch when extraction is spread over processes
BATCH_WORDS = 100_000
#: below this many words one process is faster than starting a pool of spawned
#: workers (each imports pandas and compiles the resources: a few seconds)
PARALLEL_MIN_WORDS = 800_000
#: forked workers inherit the compiled engine and start at once
PARALLEL_MIN_WORDS_FORK = 150_000


#: each thread's engine (``engine``): two extractions at once (a set opened while another still loads)
#: never share an engine's per-sentence caches
_THREAD_ENGINE = threading.local()


def engine_for(res: Resources) -> Engine:
    """This thread's engine for ``res``, built on first use and kept while the same resources are in use."""
    engine: Engine | None = getattr(_THREAD_ENGINE, "engine", None)
    if engine is None or engine.resources is not res:
        engine = Engine(res)
        _THREAD_ENGINE.engine = engine
    return engine


#: what the load report says of a document the engine failed on (the traceback is in the log)
ANALYSIS_FAILED: Final = f"could not be analysed: {INTERNAL_ERROR}"
#: … and of the documents of a worker process that stopped (killed, out of memory)
WORKER_FAILED: Final = "could not be analysed: the worker process analysing it stopped"


def _engine_rows(engine: Engine, doc: Document) -> list[Row]:
    return engine.rows(doc)


#: how one document is analysed (a variable, not a direct call: tests put a failing engine here)
analyse_document: Callable[[Engine, Document], list[Row]] = _engine_rows


def _rows_or_failure(engine: Engine, doc: Document, failures: list[LoadIssue]) -> list[Row]:
    """The document's rows; an exception costs this document only (named in ``failures``, logged)."""
    try:
        return analyse_document(engine, doc)
    except Exception as exc:  # noqa: BLE001 (any engine bug: the rest of the set must still load)
        log_exception(f"analysing document {doc.id!r} ({doc.path})", exc)
        failures.append(LoadIssue(doc.id, ANALYSIS_FAILED))
        return []


_WORKER_ENGINE: Engine | None = None


def _worker_init(resources: Resources) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = Engine(resources)


def _start_method() -> str:
    """``fork`` where it is safe — a plain process with a single thread and no Qt (the CLI,
    scripts): workers then inherit the built engine instantly.  ``spawn`` otherwise (the GUI)."""
    if ("fork" in multiprocessing.get_all_start_methods() and "PySide6" not in sys.modules
            and threading.active_count() == 1):
        return "fork"
    return "spawn"


def _worker_batch(docs: list[Document]) -> tuple[pd.DataFrame, list[LoadIssue]]:
    """One batch in a worker, and the documents it failed on; a frame travels back far faster than row dicts."""
    assert _WORKER_ENGINE is not None
    rows: list[Row] = []
    failures: list[LoadIssue] = []
    with paused_gc():
        for d in docs:
            rows.extend(_rows_or_failure(_WORKER_ENGINE, d, failures))
    return statements_frame(rows), failures


def _batches(documents: Sequence[Document]) -> list[list[Document]]:
    out: list[list[Document]] = [[]]
    words = 0
    for d in documents:
        if words >= BATCH_WORDS:
            out.append([])
            words = 0
        out[-1].append(d)
        words += len(d.text) // 6
    return out


def extract_statements(
    documents: Sequence[Document],
    resources: Resources | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    failures: list[LoadIssue] | None = None,
) -> pd.DataFrame:
    """Statements of every document, as a frame with the contract columns.

    A document the engine fails on costs that document only: it is added to ``failures``
    (when given) with a plain reason, its traceback goes to the error log, the rest is extracted.

    Large sets are spread over ``workers`` processes (default: the CPU count):
    forked from a plain single-threaded process, which shares the built engine,
    and spawned otherwise, so that calling this from a GUI thread is safe.
    Raises :class:`Cancelled` when ``progress.cancelled()`` turns True.
    """
    res = resources or load_resources()
    progress = progress or NullProgress()
    failed: list[LoadIssue] = failures if failures is not None else []
    total = len(documents)
    total_chars = sum(len(d.text) for d in documents)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    rows = _Rows()
    method = _start_method()
    min_words = PARALLEL_MIN_WORDS_FORK if method == "fork" else PARALLEL_MIN_WORDS
    if workers > 1 and total_chars > min_words * 6:
        batches = _batches(documents)
        done = 0
        ctx = multiprocessing.get_context(method)
        if method == "fork":
            global _WORKER_ENGINE
            _WORKER_ENGINE = engine_for(res)  # inherited by the forked workers
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        else:
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init, initargs=(res,))
        with pool:
            futures = [pool.submit(_worker_batch, b) for b in batches]
            for b, fut in zip(batches, futures, strict=True):
                try:
                    frame, batch_failed = _result_or_cancel(fut, futures, progress)
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 (a worker that died: its documents are named)
                    log_exception(f"analysing a batch of {len(b)} documents in a worker", exc)
                    failed.extend(LoadIssue(d.id, WORKER_FAILED) for d in b)
                else:
                    rows.add_frame(frame)
                    failed.extend(batch_failed)
                done += len(b)
                progress.report(done, total, "")
        return rows.frame()
    engine = engine_for(res)
    # (the collector is paused per document, not for the whole run: this may be a GUI worker
    # thread, and one collection over everything at the end would freeze the UI while it runs)
    with frozen_heap():
        for i, doc in enumerate(documents):
            if progress.cancelled():
                raise Cancelled()
            if i % 50 == 0:
                progress.report(i, total, doc.title or doc.id)
            rows.extend(_rows_or_failure(engine, doc, failed))
    progress.report(total, total, "")
    return rows.frame()


class frozen_heap:  # noqa: N801 (used like a function: ``with frozen_heap(): …``)
    """Keep what is alive on entry (the loaded resources, the engine: some 160,000 objects) out of
    the collector's walks until exit (``gc.freeze``); a full collection during a long run then walks
    only what the run made (70 ms → 1 ms on this machine).  Left as it is when something else has
    frozen the heap already."""

    def __init__(self) -> None:
        self.froze = False

    def __enter__(self) -> None:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            self.froze = True

    def __exit__(self, *exc: object) -> None:
        if self.froze:
            gc.unfreeze()


_Batch = tuple[pd.DataFrame, list[LoadIssue]]


def _result_or_cancel(fut: Future[_Batch], futures: list[Future[_Batch]], progress: Progress) -> _Batch:
    """Wait for one batch, checking for cancel every 0.2 s."""
    while True:
        try:
            return fut.result(timeout=0.2)
        except FuturesTimeout:
            if progress.cancelled():
                for f in futures:
                    f.cancel()
                raise Cancelled() from None


class _Rows:
    """Rows turned into frame chunks as they come, so that no single conversion
    holds the interpreter for long (the GUI stays responsive while a big set loads)."""

    CHUNK = 4000

    def __init__(self) -> None:
        self._pending: list[Row] = []
        self._chunks: list[pd.DataFrame] = []

    def extend(self, rows: list[Row]) -> None:
        self._pending.extend(rows)
        if len(self._pending) >= self.CHUNK:
            self._chunks.append(statements_frame(self._pending))
            self._pending = []

    def add_frame(self, frame: pd.DataFrame) -> None:
        self._chunks.append(frame)

    def frame(self) -> pd.DataFrame:
        """The statements frame, with issue phrases folded across the whole set."""
        if self._pending or not self._chunks:
            self._chunks.append(statements_frame(self._pending))
        df = self._chunks[0] if len(self._chunks) == 1 else pd.concat(self._chunks, ignore_index=True)
        if len(df):
            df["issue"] = normalise_issues(df["issue"].fillna("").astype(str).tolist(), df["topic"].astype(str).tolist())
        return df
