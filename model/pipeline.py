"""One engine for all faces: paths → documents → statements.

The GUI worker and the CLI both call :func:`analyse`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from model.documents import Document, LoadIssue, LoadReport
from model.engine.batch import extract_statements
from model.progress import NullProgress, Progress, SubProgress
from model.readers import load_paths
from model.resources import Resources, load_resources
from model.texts import StatementTexts


@dataclass(frozen=True)
class Analysis:
    report: LoadReport
    statements: pd.DataFrame
    resources: Resources
    #: where the heavy columns of ``statements`` are read from when it holds only the light ones (a large
    #: statements dataset opened lean, see :mod:`model.texts`); None: ``statements`` holds every column
    texts: StatementTexts | None = None

    @property
    def documents(self) -> list[Document]:
        return self.report.documents


def analyse(
    paths: Iterable[str | os.PathLike[str]],
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Load every path and extract its statements (progress 0–40 % load, 40–100 % extract)."""
    progress = progress or NullProgress()
    resources = resources or load_resources()
    report = load_paths(paths, progress=SubProgress(progress, 0, 40, 100, "files"))
    statements = extract_statements(report.documents, resources, progress=SubProgress(progress, 40, 100, 100, "documents"),
                                    failures=report.issues)
    return Analysis(report, statements, resources)


def merge_documents(old: list[Document], new: list[Document]) -> tuple[list[Document], list[Document], list[LoadIssue]]:
    """Merge newly read documents into an open set.

    Returns (all documents, documents to extract, notes).  A new document with
    the id of an open one replaces it when its text changed and is skipped when
    identical; a new document whose text is already open under another id is
    kept once, with its origin added to ``also_sources``.
    """
    merged = list(old)
    pos_id = {d.id: i for i, d in enumerate(merged)}
    pos_hash = {d.hash: i for i, d in enumerate(merged)}
    fresh: dict[str, Document] = {}
    notes: list[LoadIssue] = []
    for doc in new:
        at = pos_id.get(doc.id)
        if at is not None and merged[at].hash == doc.hash:
            notes.append(LoadIssue(doc.path or doc.id, "already in the open set", "skipped"))
            continue
        if at is None and doc.hash in pos_hash:
            kept = pos_hash[doc.hash]
            merged[kept] = merged[kept].with_also(doc.source or doc.path or doc.id)
            notes.append(LoadIssue(doc.path or doc.id, f"same text as {merged[kept].id}, kept once", "skipped"))
            continue
        if at is None:
            at = len(merged)
            merged.append(doc)
            pos_id[doc.id] = at
        else:
            merged[at] = doc  # changed on disk: re-read and re-extracted
        pos_hash[doc.hash] = at
        fresh[doc.id] = doc
    return merged, list(fresh.values()), notes


def add_documents(
    analysis: Analysis,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
) -> Analysis:
    """The open ``analysis`` plus the documents under ``paths``; only new or changed documents are extracted."""
    progress = progress or NullProgress()
    loaded = load_paths(paths, progress=SubProgress(progress, 0, 40, 100, "files"))
    documents, fresh, notes = merge_documents(analysis.documents, loaded.documents)
    new_statements = extract_statements(fresh, analysis.resources, progress=SubProgress(progress, 40, 100, 100, "documents"),
                                        failures=notes)
    replaced = {d.id for d in fresh}
    old = analysis.statements[~analysis.statements["document"].isin(replaced)]
    frames = [f for f in (old, new_statements) if not f.empty]
    statements = pd.concat(frames, ignore_index=True) if frames else analysis.statements.iloc[0:0]
    report = LoadReport(
        documents=documents,
        issues=[*analysis.report.issues, *loaded.issues, *notes],
        files_seen=analysis.report.files_seen + loaded.files_seen,
        cancelled=loaded.cancelled,
    )
    return Analysis(report, statements, analysis.resources)
