"""One engine for all faces: paths → documents → statements.

The GUI worker and the CLI both call :func:`analyse`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from model.documents import Document, LoadReport
from model.extract import extract_statements
from model.progress import NullProgress, Progress, SubProgress
from model.readers import load_paths
from model.resources import Resources, load_resources


@dataclass(frozen=True)
class Analysis:
    report: LoadReport
    statements: pd.DataFrame
    resources: Resources

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
    report = load_paths(paths, progress=SubProgress(progress, 0, 40, 100))
    statements = extract_statements(report.documents, resources, progress=SubProgress(progress, 40, 100, 100))
    return Analysis(report, statements, resources)
