"""Reading documents from files and folders.

``load_paths`` walks files and folders, dispatches each file to the reader for
its suffix, de-duplicates identical texts, and returns a :class:`LoadReport`.
A broken file becomes a :class:`LoadIssue`; it never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from model.documents import Document, LoadError, LoadIssue, LoadReport
from model.progress import NullProgress, Progress
from model.readers.collections import read_collection
from model.readers.text import read_text

TEXT_SUFFIXES = {".txt", ".md", ".text"}
COLLECTION_SUFFIXES = {".jsonl", ".csv", ".tsv", ".json"}


def supported_suffixes() -> set[str]:
    return TEXT_SUFFIXES | COLLECTION_SUFFIXES


def iter_files(paths: Iterable[str | os.PathLike[str]], report: LoadReport) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                rel = sub.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    if sub.is_file():
                        report.issues.append(LoadIssue(str(sub), "hidden file", "skipped"))
                    continue
                if sub.is_file():
                    yield sub
        elif p.is_file():
            yield p
        else:
            report.issues.append(LoadIssue(str(raw), "no such file or folder"))


def read_file(path: Path, given: str | None = None) -> list[Document]:
    """Documents in one file; raises LoadError with a plain reason."""
    suffix = path.suffix.lower()
    name = given if given is not None else str(path)
    if suffix in TEXT_SUFFIXES:
        return [read_text(path, doc_id=name)]
    if suffix in COLLECTION_SUFFIXES:
        return read_collection(path)
    raise LoadError(f"unsupported file type '{suffix or path.name}'")


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
) -> LoadReport:
    """Load every document under ``paths``.

    Cancelling (``progress.cancelled()``) stops between files and keeps what
    was read; ``report.cancelled`` is then True.
    """
    progress = progress or NullProgress()
    report = LoadReport()
    files = list(iter_files(paths, report))
    report.files_seen = len(files)
    by_hash: dict[str, int] = {}
    for i, path in enumerate(files):
        if progress.cancelled():
            report.cancelled = True
            break
        progress.report(i, len(files), path.name)
        if path.suffix.lower() not in supported_suffixes():
            report.issues.append(LoadIssue(str(path), f"not a supported document type ({path.suffix or 'no suffix'})", "skipped"))
            continue
        try:
            docs = read_file(path)
        except LoadError as exc:
            report.issues.append(LoadIssue(str(path), str(exc)))
            continue
        except OSError as exc:
            report.issues.append(LoadIssue(str(path), f"cannot be read: {exc.strerror or exc}"))
            continue
        for doc in docs:
            _add_unique(report, by_hash, doc)
    else:
        progress.report(len(files), len(files), "")
    return report


def _add_unique(report: LoadReport, by_hash: dict[str, int], doc: Document) -> None:
    """Keep one copy of identical texts, recording where the others came from."""
    seen = by_hash.get(doc.hash)
    if seen is None:
        by_hash[doc.hash] = len(report.documents)
        report.documents.append(doc)
        return
    kept = report.documents[seen]
    report.documents[seen] = kept.with_also(doc.source or doc.path or doc.id)
