"""The Excel workbook: Matrix, Net stance, Counts, Comparison, Statements, Decisions, Documents, About.

openpyxl (write-only mode) writes every sheet; the data rows of the large
Statements sheets are then streamed in by :mod:`model.export.fastrows`.
Every sheet prints legibly (:mod:`model.export.printing`).
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

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from model.analysis.matrix import Matrix
from model.documents import Document, LoadIssue, LoadReport
from model.export.atomic import atomic_write
from model.export.cells import (
    CENTRED_TOP,
    TOP,
    WRAP,
    aligned_style_ids,
    header,
    quote_style_id,
    row_height,
    set_widths,
    table_ref,
    wrapped_lines,
)
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
from model.export.printing import PrintLayout, pages_across, set_print
from model.export.review_log import cell_notes, notes_column, notes_text, review_log
from model.export.safety import MAX_SHEET_ROWS
from model.export.sheets_grid import (
    comparison_widths,
    grid_widths,
    write_comparison_sheet,
    write_matrix_sheet,
    write_number_grid,
)
from model.export.sheets_info import (
    about_printed_rows,
    about_rows,
    documents_print_area,
    statement_counts,
    write_about_sheet,
    write_documents_sheet,
)
from model.export.sheets_review import DECISION_WIDTHS, DECISIONS_SHEET, write_decisions_sheet
from model.resources import Topic
from model.review.decisions import Decision
from model.review.notes import Note

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


#: Statements columns a printed page shows, in this order, before every other column
PRINTED = ("stance", "polarity", "sentence", "notes", "speaker", "title")
#: Statements columns whose text wraps
WRAPPED = ("stance", "sentence", "notes", "speaker", "title")
#: widths of the Statements columns that differ from :data:`model.export.layout.WIDTHS`
SHEET_WIDTHS = {"actor": 8, "polarity": 9, "sentence": 84, "stance": 26, "speaker": 14, "title": 32}
#: width of the notes column when there are notes, and when there are none
NOTES_WIDTH, NO_NOTES_WIDTH = 32, 8


def workbook_columns(columns: Sequence[str], by: str) -> list[str]:
    """The Statements sheet's column order: actor and matrix column(s), the printed columns, the rest."""
    lead = [c for c in ("actor", by, "topic") if c in columns]
    lead = list(dict.fromkeys(lead))
    printed = [c for c in PRINTED if c in columns and c not in lead]
    return lead + printed + [c for c in columns if c not in lead and c not in printed]


def set_name(context: Mapping[str, Any], path: Path) -> str:
    """The name of the exported set for page headers: the inputs' names, else the file's."""
    inputs = context.get("inputs")
    if isinstance(inputs, str) and inputs.strip():
        return ", ".join(Path(p).name or p for p in inputs.split())
    return path.stem


def _cell_notes(table: pd.DataFrame, notes: Sequence[Note], by: str) -> dict[tuple[str, str], str]:
    """(actor, column) → the notes on that matrix cell and on its statements, as text."""
    out = {key: notes_text(found) for key, found in cell_notes(notes, by).items()}
    noted = table[table["notes"] != ""]
    for actor, column, sentence, text in zip(noted["actor"], noted[by], noted["sentence"], noted["notes"], strict=True):
        quote = str(sentence) if len(str(sentence)) <= 80 else str(sentence)[:79] + "…"
        key = (str(actor), str(column))
        out[key] = (out[key] + "\n" if key in out else "") + f"On “{quote}”: {text}"
    return out


def _statements_sheet(ws: WriteOnlyWorksheet, columns: Sequence[str], rows: int, widths: Sequence[float],
                      name: str) -> int:
    """Header, widths, filter and print setup of one Statements sheet; the quote-prefix style id."""
    last = max(i for i, c in enumerate(columns, 1) if c in ("actor", *PRINTED))
    set_print(ws, name, PrintLayout(title_cols="A:A", area=f"A1:{get_column_letter(last)}{rows + 1}",
                                    pages_wide=pages_across(widths[:last])))
    set_widths(ws, widths)
    ws.freeze_panes = "C2"
    ws.append(header(ws, columns))
    ws.auto_filter.ref = table_ref(len(columns), rows)
    return quote_style_id(ws)


def _column_styles(ws: WriteOnlyWorksheet, columns: Sequence[str]) -> dict[int, tuple[int, int]]:
    """Style ids of the printed Statements columns: wrapped text, the others aligned to the top with it."""
    wrap, top = aligned_style_ids(ws, WRAP), aligned_style_ids(ws, TOP)
    number = aligned_style_ids(ws, CENTRED_TOP, NET_FORMAT)
    last = max(i for i, c in enumerate(columns) if c in ("actor", *PRINTED))
    return {i: wrap if c in WRAPPED else number if c == "polarity" else top for i, c in enumerate(columns[: last + 1])}


def _sheet(wb: Workbook, title: str, set_title: str, layout: PrintLayout) -> WriteOnlyWorksheet:
    """A new sheet with its print setup (before any row)."""
    ws = wb.create_sheet(title)
    set_print(ws, set_title, layout)
    return ws


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
    decisions: Sequence[Decision] = (),
    notes: Sequence[Note] = (),
    machine: pd.DataFrame | None = None,
    title: str | None = None,
) -> list[str]:
    """Write the workbook to ``path``; return notices for the user (e.g. continued sheets).

    ``documents`` (or a :class:`LoadReport`) and ``issues`` fill the Documents
    sheet; ``filters`` (the active GUI filters) and ``topics`` are described in
    About; ``comparison`` (see :func:`model.export.comparison.comparison_frame`)
    adds the Comparison sheet.  ``max_rows`` is the rows a sheet may hold.
    ``decisions`` and ``notes`` (a workspace's review) fill the Decisions sheet,
    the Notes column of Statements and the Matrix comments; ``machine`` (the
    workspace's machine statements) gives the "before" of each edit.
    ``title`` names the set in every page header (default: the inputs' names).
    """
    path = Path(path)
    context = context or {}
    docs, problems = _documents_and_issues(documents, issues)
    table = statement_table(statements.assign(notes=notes_column(statements, notes, docs)), matrix.by, docs)
    table = table[workbook_columns(list(table.columns), matrix.by)]
    before = ["Matrix", "Net stance", "Counts"] + (["Comparison"] if comparison is not None else [])
    spans = split_rows(len(table), [*before, DECISIONS_SHEET], max_rows)
    sheets = before + [s.name for s in spans] + [DECISIONS_SHEET, "Documents", "About"]
    notices = _continuation_notices(spans, max_rows)
    name = title if title is not None else set_name(context, path)
    grid_layout = PrintLayout(title_cols="A:B", pages_wide=pages_across(grid_widths(matrix)))

    # print setup first: a write-only sheet writes its properties (fit to page) with its first row
    wb = Workbook(write_only=True)
    ws = _sheet(wb, "Matrix", name, grid_layout)
    write_matrix_sheet(ws, matrix, first_rows(table, matrix.by, spans), strongest_evidence(table, matrix.by),
                       _cell_notes(table, notes, matrix.by))
    for sheet, grid, number_format in (("Net stance", matrix.net, NET_FORMAT), ("Counts", matrix.counts, "0")):
        write_number_grid(_sheet(wb, sheet, name, grid_layout), matrix, grid, number_format)
    if comparison is not None:
        widths = comparison_widths(comparison)
        write_comparison_sheet(_sheet(wb, "Comparison", name, PrintLayout(title_cols="A:A", pages_wide=pages_across(widths))),
                               comparison, widths)
    columns = list(table.columns)
    widths = [SHEET_WIDTHS.get(c, WIDTHS.get(c, 10)) for c in columns]
    widths[columns.index("notes")] = NOTES_WIDTH if notes else NO_NOTES_WIDTH
    quote_style, styles = 0, {}
    for span in spans:
        ws = wb.create_sheet(span.name)
        quote_style = _statements_sheet(ws, columns, span.stop - span.start, widths, name)
        styles = _column_styles(ws, columns)
    ws = _sheet(wb, DECISIONS_SHEET, name, PrintLayout(pages_wide=pages_across(DECISION_WIDTHS)))
    write_decisions_sheet(ws, review_log(decisions, notes, docs, machine))
    ws = _sheet(wb, "Documents", name, PrintLayout(title_cols="A:A", area=documents_print_area(len(docs) + len(problems))))
    write_documents_sheet(ws, docs, problems, statement_counts(table))
    about = about_rows(context, filters, sheets, notices, matrix.by)
    ws = _sheet(wb, "About", name, PrintLayout(title_rows=None, area=f"A1:B{about_printed_rows(about, topics)}",
                                                one_page=True))
    write_about_sheet(ws, about, topics)

    writer = RowWriter(len(columns), quote_style, styles)

    lines = np.ones(len(table), dtype=int)
    for c in WRAPPED:
        if c in columns:
            lines = np.maximum(lines, wrapped_lines(table[c], widths[columns.index(c)]))
    heights = np.asarray(row_height(lines)).tolist()

    def rows_of(span: SheetSpan) -> Iterable[bytes]:
        return writer.chunks(table.iloc[span.start:span.stop], heights=heights[span.start:span.stop])

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
