"""The Excel workbook: Matrix, Net stance, Counts, Statements, Documents, Comparison, About.

openpyxl (write-only mode) writes every sheet; the data rows of the large
Statements sheets are then streamed in by :mod:`model.export.fastrows`.
Everything is written to temporary files beside the target and moved into
place only when complete (:func:`model.export.atomic.atomic_write`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook

from model.documents import Document, LoadIssue, LoadReport
from model.export.atomic import atomic_write
from model.export.cells import header, quote_style_id, set_widths, table_ref
from model.export.fastrows import RowWriter, splice_rows
from model.export.layout import (
    STATEMENTS_SHEET,
    WIDTHS,
    SheetSpan,
    first_rows,
    split_rows,
    statement_table,
    strongest_evidence,
)
from model.export.safety import MAX_SHEET_ROWS
from model.export.sheets_grid import write_comparison_sheet, write_matrix_sheet, write_number_grid
from model.export.sheets_info import about_rows, statement_counts, write_about_sheet, write_documents_sheet
from model.matrix import Matrix
from model.resources import Topic

NET_FORMAT = "+0.00;-0.00;0.00"


def _documents_and_issues(
    documents: LoadReport | Iterable[Document] | None, issues: Iterable[LoadIssue]
) -> tuple[list[Document], list[LoadIssue]]:
    if isinstance(documents, LoadReport):
        return list(documents.documents), [*documents.issues, *issues]
    return list(documents or ()), list(issues)


def _continuation_notices(spans: Sequence[SheetSpan], max_rows: int) -> list[str]:
    if len(spans) < 2:
        return []
    names = ", ".join(s.name for s in spans[1:])
    return [
        f"{spans[-1].stop} statements exceed the {max_rows - 1:,} rows a sheet holds: "
        f"Statements continued on sheet(s) {names}"
    ]


def write_workbook(
    path: str | os.PathLike[str],
    matrix: Matrix,
    statements: pd.DataFrame,
    context: Mapping[str, Any] | None = None,
    *,
    documents: LoadReport | Iterable[Document] | None = None,
    issues: Iterable[LoadIssue] = (),
    filters: Mapping[str, Any] | None = None,
    comparison: pd.DataFrame | None = None,
    topics: Sequence[Topic] = (),
    max_rows: int = MAX_SHEET_ROWS,
) -> list[str]:
    """Write the workbook to ``path``; return notices for the user (e.g. continued sheets).

    ``documents`` (or a :class:`LoadReport`) and ``issues`` fill the Documents
    sheet; ``filters`` (the active GUI filters) and ``topics`` are described in
    About; ``comparison`` (see :func:`model.export.comparison.comparison_frame`)
    adds the Comparison sheet.  ``max_rows`` is the rows a sheet may hold.
    """
    docs, problems = _documents_and_issues(documents, issues)
    table = statement_table(statements, matrix.by, docs)
    before = ["Matrix", "Net stance", "Counts"] + (["Comparison"] if comparison is not None else [])
    spans = split_rows(len(table), before, max_rows)
    sheets = before + [s.name for s in spans] + ["Documents", "About"]
    notices = _continuation_notices(spans, max_rows)

    wb = Workbook(write_only=True)
    write_matrix_sheet(wb.create_sheet("Matrix"), matrix, first_rows(table, matrix.by, spans),
                       strongest_evidence(table, matrix.by))
    write_number_grid(wb.create_sheet("Net stance"), matrix, matrix.net, NET_FORMAT)
    write_number_grid(wb.create_sheet("Counts"), matrix, matrix.counts, "0")
    if comparison is not None:
        write_comparison_sheet(wb.create_sheet("Comparison"), comparison)
    columns = list(table.columns)
    quote_style = 0
    for span in spans:
        ws = wb.create_sheet(span.name)
        set_widths(ws, [WIDTHS.get(c, 10) for c in columns])
        ws.freeze_panes = "C2"
        ws.append(header(ws, columns))
        ws.auto_filter.ref = table_ref(len(columns), span.stop - span.start)
        quote_style = quote_style_id(ws)
    write_documents_sheet(wb.create_sheet("Documents"), docs, problems, statement_counts(table))
    write_about_sheet(wb.create_sheet("About"), about_rows(context or {}, filters, sheets, notices, matrix.by), topics)

    writer = RowWriter(len(columns), quote_style)

    def rows_of(span: SheetSpan) -> Iterable[bytes]:
        return writer.chunks(table.iloc[span.start:span.stop])

    with atomic_write(path) as tmp:
        stage = _stage_file(tmp)
        try:
            wb.save(stage)
            splice_rows(stage, tmp, {s.name: functools.partial(rows_of, s) for s in spans})
        finally:
            with contextlib.suppress(OSError):
                stage.unlink()
    return notices


def _stage_file(beside: Path) -> Path:
    """A temporary file in the same folder for openpyxl's part of the workbook."""
    fd, name = tempfile.mkstemp(prefix=beside.name, suffix=".stage", dir=beside.parent)
    os.close(fd)
    return Path(name)


__all__ = ["STATEMENTS_SHEET", "write_workbook"]
