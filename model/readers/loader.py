"""Loading files and folders into a :class:`LoadReport`.

Plain text and collections are read in this process, on a helper thread so that a
cancel never waits for a reader that does not return; PDF, HTML, Word and Excel
files — whatever their number — are read by a pool of worker processes with a
time and memory limit per file, so one hostile file cannot hang, crash or exhaust
the load.  Any failure costs only its file (an internal error is logged, see
:mod:`model.errorlog`).  Folders are walked without following linked folders,
links leading out of the folder, named pipes, sockets or devices: each is listed
as skipped with the reason.  Identical texts are kept once, with every source
recorded.  Progress is reported per file and a cancel is honoured between files;
what was read until then is kept.
"""

from __future__ import annotations

import errno
import os
import queue
import stat
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from model.documents import Document, LoadError, LoadIssue, LoadReport
from model.errorlog import INTERNAL_ERROR, log_exception
from model.progress import NullProgress, Progress
from model.readers.dispatch import (
    HEAVY_SUFFIXES,
    FileRead,
    ReaderRef,
    ReadOptions,
    read_file,
    reader_for,
    reader_modules,
)
from model.readers.pool import MEMORY_LIMIT, Outcome, WorkerPool
from model.readers.safety import MAX_BYTES, special_kind, too_large

DEFAULT_TIMEOUT = 60.0
#: the file that marks a folder as a statements dataset (``extract --engine dask``; see model.cluster.dataset)
DATASET_MARKER = "stance-atlas-dataset.json"
DATASET_SKIPPED = ("a Stance Atlas statements dataset (extracted statements, not documents): open it with "
                   "File › Open statements dataset…, or `main.py export` it")
_WAIT = 0.2  # seconds between looks at the cancel flag while waiting

Result = FileRead | LoadIssue


class _Tracker:
    """Reports files done / total and the current file; the last report is total/total."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def report(self, done: int, name: str = "") -> None:
        self.done = done
        self.progress.report(done, self.total, name)

    def finish(self) -> None:
        if self.done < self.total or not self.total:
            self.progress.report(self.total, self.total, "")


def _why_not_readable(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself), not followed"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (what it points to does not exist)"
    return f"cannot be read: {exc.strerror or exc}"


def iter_files(paths: Iterable[str | os.PathLike[str]], report: LoadReport) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted); each once.

    Hidden files and folders, linked folders, links out of the folder, links that loop or
    lead nowhere, and anything that is not a regular file are listed in ``report``."""
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        try:
            mode = os.stat(p).st_mode
        except FileNotFoundError:
            report.issues.append(LoadIssue(str(raw), "no such file or folder"))
            continue
        except OSError as exc:
            report.issues.append(LoadIssue(str(raw), _why_not_readable(exc)))
            continue
        if stat.S_ISDIR(mode):
            if is_dataset_folder(p):
                report.issues.append(LoadIssue(str(raw), DATASET_SKIPPED, "skipped"))
                continue
            real = os.path.realpath(p)
            for rel in _walk(p, real, report):
                if _first_time(os.path.realpath(os.path.join(real, rel)), seen):
                    yield p / rel
        elif stat.S_ISREG(mode):
            if _first_time(os.path.realpath(p), seen):
                yield p
        else:
            report.issues.append(LoadIssue(str(raw), f"not a document file: this is {special_kind(mode)}", "skipped"))


def _walk(root: Path, real_root: str, report: LoadReport) -> Iterator[str]:
    """Relative paths of the files under ``root``, sorted; what is left out is reported."""
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            with os.scandir(root / rel_dir) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            report.issues.append(LoadIssue(str(root / rel_dir), f"folder cannot be read: {exc.strerror or exc}"))
            continue
        subdirs: list[str] = []
        files: list[str] = []
        for e in entries:
            rel = os.path.join(rel_dir, e.name) if rel_dir else e.name
            try:
                kind = _entry_kind(e, real_root)
            except OSError as exc:
                report.issues.append(LoadIssue(str(root / rel), _why_not_readable(exc), "skipped"))
                continue
            if kind == "dir" and is_dataset_folder(root / rel):
                report.issues.append(LoadIssue(str(root / rel), DATASET_SKIPPED, "skipped"))
            elif kind == "dir":
                subdirs.append(rel)
            elif kind == "file":
                files.append(rel)
            else:
                report.issues.append(LoadIssue(str(root / rel), kind, "skipped"))
        yield from files  # a folder's own files first, then its sub-folders in name order
        stack.extend(reversed(subdirs))


def is_dataset_folder(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a folder holding a statements dataset (its marker file)."""
    return os.path.isfile(os.path.join(path, DATASET_MARKER))


def _entry_kind(e: os.DirEntry[str], real_root: str) -> str:
    """"file", "dir", or the reason the entry is left out; OSError when it cannot be looked at."""
    hidden = e.name.startswith(".")
    if e.is_symlink():
        mode = os.stat(e.path).st_mode  # ELOOP for a loop, ENOENT when broken
        if stat.S_ISDIR(mode):
            return "linked folder, not followed"
        target = os.path.realpath(e.path)
        if os.path.commonpath([real_root, target]) != real_root:
            return "symbolic link to a file outside the folder, not followed"
    else:
        mode = e.stat(follow_symlinks=False).st_mode
    if stat.S_ISDIR(mode):
        return "hidden folder" if hidden else "dir"
    if not stat.S_ISREG(mode):
        return f"not a document file: this is {special_kind(mode)}"
    return "hidden file" if hidden else "file"


def _first_time(key: str, seen: set[str]) -> bool:
    if key in seen:
        return False
    seen.add(key)
    return True


def read_path(path: str, options: ReadOptions, reader: ReaderRef | None = None) -> Result:
    """Read one file, whatever happens: its documents, or the issue that costs this file only.

    Top-level so worker processes can run it; ``reader`` is the reader chosen by the loader."""
    try:
        return read_file(Path(path), options, reader=reader)
    except LoadError as exc:
        return LoadIssue(path, str(exc), exc.kind)
    except OSError as exc:
        return LoadIssue(path, _why_not_readable(exc))
    except MemoryError:
        return LoadIssue(path, too_large())
    except Exception as exc:  # noqa: BLE001 - a bug met on one file costs that file only
        log_exception(f"reading {path}", exc)
        return LoadIssue(path, f"could not be read: {INTERNAL_ERROR}")


class _LocalReads:
    """Reads files in this process on a daemon thread, one result at a time.

    The thread reads ahead; the caller takes results in order and checks its cancel flag
    between them, so a reader that never returns blocks only this thread, never the load."""

    def __init__(self, jobs: list[tuple[int, str, ReaderRef | None]], options: ReadOptions) -> None:
        self.pending = len(jobs)
        self._results: queue.SimpleQueue[tuple[int, Result]] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(jobs, options), daemon=True, name="stance-atlas-reader",
        )
        if jobs:
            self._thread.start()

    def _run(self, jobs: list[tuple[int, str, ReaderRef | None]], options: ReadOptions) -> None:
        for i, path, reader in jobs:
            if self._stop.is_set():
                return
            self._results.put((i, read_path(path, options, reader)))

    def take(self, wait: float) -> tuple[int, Result] | None:
        """The next result, waiting up to ``wait`` seconds for it."""
        if not self.pending:
            return None
        try:
            got = self._results.get(timeout=wait) if wait > 0 else self._results.get_nowait()
        except queue.Empty:
            return None
        self.pending -= 1
        return got

    def stop(self) -> None:
        self._stop.set()


def _plan(files: list[Path], results: dict[int, Result]) -> tuple[list[int], list[int]]:
    """Indices of files to read here and in worker processes; unsupported ones go to ``results``."""
    here: list[int] = []
    heavy: list[int] = []
    for i, f in enumerate(files):
        suffix = f.suffix.lower()
        if reader_for(suffix) is None:
            results[i] = LoadIssue(str(f), f"not a supported document type ({suffix or 'no suffix'})", "skipped")
        elif suffix in HEAVY_SUFFIXES:
            heavy.append(i)
        else:
            here.append(i)
    return here, heavy


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    *,
    text_field: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int | None = None,
    memory_limit: int | None = MEMORY_LIMIT,
) -> LoadReport:
    """Load every document under ``paths``.

    ``text_field`` names the text column of collections (default: the first of
    text/body/content/article); ``max_bytes`` caps each file; ``timeout`` caps
    the seconds and ``memory_limit`` the bytes a worker process may spend on one
    file; ``workers`` is the pool size (default: the number of cores).
    Cancelling (``progress.cancelled()``) stops between files and keeps what was
    read; ``report.cancelled`` is then True.
    """
    progress = progress or NullProgress()
    options = ReadOptions(text_field=text_field, max_bytes=max_bytes, timeout=timeout)
    report = LoadReport()
    files = list(iter_files(paths, report))
    report.files_seen = total = len(files)
    results: dict[int, Result] = {}
    here, pooled = _plan(files, results)
    tracker = _Tracker(progress, total)
    if total:
        tracker.report(len(results), files[here[0]].name if here else "")
    local = _LocalReads([(i, str(files[i]), reader_for(files[i].suffix)) for i in here], options)
    pool = None
    try:
        if pooled:
            size = min(workers or os.cpu_count() or 1, len(pooled))
            pool = WorkerPool(
                size, timeout, preload=reader_modules({files[i].suffix.lower() for i in pooled}),
                memory_limit=memory_limit,
            )
            for i in pooled:
                pool.submit(i, read_path, str(files[i]), options, reader_for(files[i].suffix))
        next_here = 1
        while local.pending or (pool is not None and pool.pending):
            if progress.cancelled():
                report.cancelled = True
                break
            got = local.take(0 if pool is not None and pool.pending else _WAIT)
            if got is not None:
                results[got[0]] = got[1]
                name = files[here[next_here]].name if next_here < len(here) else ""
                next_here += 1
                tracker.report(len(results), name)
            if pool is not None and pool.pending:
                _take(pool.poll(0 if local.pending else _WAIT), files, results, tracker)
    finally:
        local.stop()
        if pool is not None:
            pool.close()
    if not report.cancelled:
        tracker.finish()
    _assemble(report, results)
    return report


def _take(outcomes: list[Outcome], files: list[Path], results: dict[int, Result], tracker: _Tracker) -> None:
    for key, ok, value in outcomes:
        i = key if isinstance(key, int) else int(str(key))
        if ok and isinstance(value, FileRead | LoadIssue):
            results[i] = value
        else:
            results[i] = LoadIssue(str(files[i]), str(value))
        tracker.report(len(results), files[i].name)


def _assemble(report: LoadReport, results: dict[int, Result]) -> None:
    """Documents and issues in file order; identical texts kept once.

    Copies are gathered per kept document and merged into it once at the end, so a file of
    many identical records costs linear time."""
    by_hash: dict[str, int] = {}
    ids: set[str] = set()
    copies: dict[int, list[Document]] = {}
    for i in sorted(results):
        r = results[i]
        if isinstance(r, LoadIssue):
            report.issues.append(r)
            continue
        report.issues.extend(r.issues)
        for doc in r.documents:
            add_unique(report, by_hash, ids, copies, doc)
    for kept, dups in copies.items():
        report.documents[kept] = report.documents[kept].merged_with_all(dups)


def add_unique(
    report: LoadReport, by_hash: dict[str, int], ids: set[str], copies: dict[int, list[Document]], doc: Document,
) -> None:
    """Keep one copy of identical texts; the others are noted in ``copies`` for a merge at the end."""
    seen = by_hash.get(doc.hash)
    if seen is not None:
        copies.setdefault(seen, []).append(doc)
        report.duplicates += 1
        return
    if doc.id in ids:  # e.g. two collections that both number their records 1, 2, 3
        base = f"{doc.id}@{Path(doc.path).name}" if doc.path else doc.id
        new_id, k = base, 2
        while new_id in ids:
            new_id, k = f"{base}#{k}", k + 1
        doc = replace(doc, id=new_id)
    ids.add(doc.id)
    by_hash[doc.hash] = len(report.documents)
    report.documents.append(doc)
