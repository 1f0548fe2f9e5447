"""Loading files and folders into a :class:`LoadReport`.

Plain text and collections are read in this process; PDFs always, and other
heavy formats (HTML, DOCX, XLSX) when there are several, are read by a pool
of worker processes with a time limit per file — so both cores work and one
hostile file cannot hang or crash the load.  Identical texts are kept once,
with every source recorded.  Progress is reported per file and a cancel is
honoured between files; what was read until then is kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from model.documents import Document, LoadError, LoadIssue, LoadReport
from model.progress import NullProgress, Progress
from model.readers.dispatch import (
    HEAVY_SUFFIXES,
    ISOLATED_SUFFIXES,
    FileRead,
    ReadOptions,
    read_file,
    reader_modules,
    supported_suffixes,
)
from model.readers.pool import Outcome, WorkerPool
from model.readers.safety import MAX_BYTES

POOL_MIN_FILES = 4   # below this many heavy files (and no PDF), a pool costs more than it saves
DEFAULT_TIMEOUT = 60.0

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


def iter_files(paths: Iterable[str | os.PathLike[str]], report: LoadReport) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted); each once.

    Hidden files and folders inside a folder are listed in ``report`` as skipped.
    """
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            real = os.path.realpath(p)
            for rel in _walk(p, report):
                if _first_time(os.path.join(real, rel), seen):
                    yield p / rel
        elif p.is_file():
            if _first_time(os.path.realpath(p), seen):
                yield p
        else:
            report.issues.append(LoadIssue(str(raw), "no such file or folder"))


def _walk(root: Path, report: LoadReport) -> Iterator[str]:
    """Relative paths of the files under ``root``, sorted, hidden ones reported and left out."""
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
            if e.name.startswith("."):
                _report_hidden(root, rel, e, report)
            elif e.is_dir(follow_symlinks=False):  # a linked folder could loop
                subdirs.append(rel)
            elif e.is_file():
                files.append(rel)
        yield from files  # a folder's own files first, then its sub-folders in name order
        stack.extend(reversed(subdirs))


def _report_hidden(root: Path, rel: str, entry: os.DirEntry[str], report: LoadReport) -> None:
    if entry.is_file():
        report.issues.append(LoadIssue(str(root / rel), "hidden file", "skipped"))
    elif entry.is_dir():
        report.issues.append(LoadIssue(str(root / rel), "hidden folder", "skipped"))


def _first_time(key: str, seen: set[str]) -> bool:
    if key in seen:
        return False
    seen.add(key)
    return True


def read_path(path: str, options: ReadOptions) -> FileRead:
    """Read one file (top-level so worker processes can run it)."""
    try:
        return read_file(Path(path), options)
    except OSError as exc:
        raise LoadError(f"cannot be read: {exc.strerror or exc}") from None


def _read_here(path: Path, options: ReadOptions) -> Result:
    try:
        return read_file(path, options)
    except LoadError as exc:
        return LoadIssue(str(path), str(exc))
    except OSError as exc:
        return LoadIssue(str(path), f"cannot be read: {exc.strerror or exc}")


def _plan(files: list[Path], results: dict[int, Result]) -> tuple[list[int], list[int]]:
    """Indices of files to read here and in worker processes; unsupported ones go to ``results``."""
    supported = supported_suffixes()
    here: list[int] = []
    heavy: list[int] = []
    for i, f in enumerate(files):
        suffix = f.suffix.lower()
        if suffix not in supported:
            results[i] = LoadIssue(str(f), f"not a supported document type ({suffix or 'no suffix'})", "skipped")
        elif suffix in HEAVY_SUFFIXES:
            heavy.append(i)
        else:
            here.append(i)
    isolated = [i for i in heavy if files[i].suffix.lower() in ISOLATED_SUFFIXES]
    others = [i for i in heavy if files[i].suffix.lower() not in ISOLATED_SUFFIXES]
    if len(others) >= POOL_MIN_FILES:
        return here, heavy
    return here + others, isolated


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    *,
    text_field: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int | None = None,
) -> LoadReport:
    """Load every document under ``paths``.

    ``text_field`` names the text column of collections (default: the first of
    text/body/content/article); ``max_bytes`` caps each file; ``timeout`` caps
    the seconds a worker process may spend on one file; ``workers`` is the
    pool size (default: the number of cores).  Cancelling
    (``progress.cancelled()``) stops between files and keeps what was read;
    ``report.cancelled`` is then True.
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
        tracker.report(len(results))
    pool = None
    try:
        if pooled:
            size = min(workers or os.cpu_count() or 1, len(pooled))
            pool = WorkerPool(size, timeout, preload=reader_modules({files[i].suffix.lower() for i in pooled}))
            for i in pooled:
                pool.submit(i, read_path, str(files[i]), options)
        for i in here:
            if progress.cancelled():
                report.cancelled = True
                break
            tracker.report(len(results), files[i].name)
            results[i] = _read_here(files[i], options)
            if pool is not None:
                _take(pool.poll(0), files, results, tracker)
        while pool is not None and pool.pending and not report.cancelled:
            if progress.cancelled():
                report.cancelled = True
                break
            _take(pool.poll(0.2), files, results, tracker)
    finally:
        if pool is not None:
            pool.close()
    if not report.cancelled:
        tracker.finish()
    _assemble(report, results)
    return report


def _take(outcomes: list[Outcome], files: list[Path], results: dict[int, Result], tracker: _Tracker) -> None:
    for key, ok, value in outcomes:
        i = key if isinstance(key, int) else int(str(key))
        if ok and isinstance(value, FileRead):
            results[i] = value
        else:
            results[i] = LoadIssue(str(files[i]), str(value))
        tracker.report(len(results), files[i].name)


def _assemble(report: LoadReport, results: dict[int, Result]) -> None:
    """Documents and issues in file order; identical texts kept once."""
    by_hash: dict[str, int] = {}
    ids: set[str] = set()
    for i in sorted(results):
        r = results[i]
        if isinstance(r, LoadIssue):
            report.issues.append(r)
            continue
        report.issues.extend(r.issues)
        for doc in r.documents:
            _add_unique(report, by_hash, ids, doc)


def _add_unique(report: LoadReport, by_hash: dict[str, int], ids: set[str], doc: Document) -> None:
    """Keep one copy of identical texts, recording where the others came from."""
    seen = by_hash.get(doc.hash)
    if seen is not None:
        report.documents[seen] = report.documents[seen].merged_with(doc)
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
