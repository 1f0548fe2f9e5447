"""The descriptive sheets: Documents (load status) and About (provenance, filters, topics)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from model import __version__
from model.documents import Document, LoadIssue
from model.export.cells import (
    CENTRED_TOP,
    HEADER_FONT,
    TITLE_FONT,
    TOP,
    WRAP,
    cell,
    header,
    set_row_heights,
    set_widths,
    table_ref,
)
from model.export.sheets_grid import LEGEND
from model.resources import Topic
from model.statements import EXTRA_FIELDS, STATEMENT_FIELDS

DOCUMENT_COLUMNS = (
    "document", "title", "date", "source", "words", "statements", "status", "reason",
    "byline", "section", "length", "url", "path", "format", "encoding", "speaker_country", "dateline", "also_sources",
)
#: the Documents columns a printed page shows (the first ones)
DOCUMENT_PRINTED = 8
DOCUMENT_WIDTHS = (24, 50, 11, 16, 8, 11, 9, 50, 20, 20, 10, 32, 32, 8, 10, 10, 12, 30)
#: Documents columns whose text wraps, and those centred (counts)
DOCUMENT_WRAPPED, DOCUMENT_CENTRED = ("title", "reason"), ("words", "statements")
#: width (characters) of the About sheet's two columns
ABOUT_WIDTHS = (24, 100)
#: cue words of a topic listed in About before "… (n in all)"
ABOUT_CUES = 40
_STATUS = {"error": "failed", "skipped": "skipped"}
SHEET_NOTES = {
    "Matrix": "countries × topics: number of statements, filled by net stance, ⚠ for a contradiction; the comment "
              "holds the dominant stance, the evidence and the notes; links to the statements",
    "Net stance": "the same grid as numbers: confidence-weighted mean polarity, −1 … +1",
    "Counts": "the same grid as numbers: statements per cell",
    "Statements": "one row per statement, every field, sorted by country and topic; the analyst's notes in notes "
                  "(printed: the columns up to title)",
    "Decisions": "every review decision (accept, reject, edit, add, rename) and note, with its time, the statement, "
                 "before → after and the notes; rejected statements are listed here, not in Statements",
    "Documents": "one row per document or input, with its load status and reason",
    "Comparison": "the chosen countries' stances aligned by topic",
    "About": "this sheet",
}
POLARITY_NOTE = ("Polarity of a statement, net stance of a cell: −1 conflictual … 0 neutral … +1 cooperative; "
                 "net stance is the confidence-weighted mean polarity.")
EXTRA_NOTES = {
    "title": "title of the document", "date": "date of the document", "source": "outlet of the document",
    "url": "address of the document", "edited": "true when an analyst changed the statement in the app",
    "provenance": "where the statement came from (extracted, or how an analyst made or changed it)",
    "notes": "the analyst's notes on the statement, one line each: [time] text",
}


def write_documents_sheet(
    ws: WriteOnlyWorksheet,
    documents: Sequence[Document],
    issues: Sequence[LoadIssue],
    statement_counts: Mapping[str, int],
) -> None:
    """One row per loaded document and one per input that failed or was skipped."""
    set_widths(ws, DOCUMENT_WIDTHS)
    set_row_heights(ws, [(None, d.title) for d in documents] + [(*[None] * 7, i.reason) for i in issues],
                    DOCUMENT_WIDTHS)
    ws.freeze_panes = "B2"
    ws.append(header(ws, DOCUMENT_COLUMNS))
    for d in documents:
        ws.append([_document_cell(ws, k, v) for k, v in (
            ("document", d.id), ("title", d.title), ("date", d.date), ("source", d.source), ("words", d.words),
            ("statements", int(statement_counts.get(d.id, 0))), ("status", "loaded"), ("reason", ""),
            ("byline", d.byline), ("section", d.section), ("length", d.length), ("url", d.url), ("path", d.path),
            ("format", d.format), ("encoding", d.encoding), ("speaker_country", d.speaker_country),
            ("dateline", d.dateline), ("also_sources", "; ".join(d.also_sources) or None),
        )])
    for issue in issues:
        ws.append([_document_cell(ws, k, v) for k, v in zip(DOCUMENT_COLUMNS, (
            issue.path, None, None, None, None, 0, _STATUS.get(issue.kind, issue.kind), issue.reason,
            None, None, None, None, issue.path, None, None, None, None, None,
        ), strict=True)])
    ws.auto_filter.ref = table_ref(len(DOCUMENT_COLUMNS), len(documents) + len(issues))


def _document_cell(ws: WriteOnlyWorksheet, column: str, value: Any) -> Any:
    """A Documents cell, aligned to the top of its row (titles wrap); counts centred."""
    if column in DOCUMENT_WRAPPED:
        return cell(ws, value, alignment=WRAP)
    return cell(ws, value, alignment=CENTRED_TOP if column in DOCUMENT_CENTRED else TOP)


def documents_print_area(rows: int) -> str:
    """What a printed Documents sheet shows: the first columns (id, title, date, source, counts, status, reason)."""
    return f"A1:{get_column_letter(DOCUMENT_PRINTED)}{rows + 1}"


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def about_rows(
    context: Mapping[str, Any],
    filters: Mapping[str, Any] | None,
    sheets: Sequence[str],
    notices: Sequence[str],
    by: str,
) -> list[tuple[str, str]]:
    """Key/value rows of the About sheet (before the topics)."""
    rows = [
        ("Version", f"Stance Atlas {__version__}"),
        ("Written", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        ("Matrix columns", by),
    ]
    rows += [(str(k), _text(v)) for k, v in context.items()]
    active = {k: v for k, v in (filters or {}).items() if v not in (None, "", [], (), {})}
    if active:
        rows += [("Filter: " + str(k), _text(v)) for k, v in active.items()]
        rows.append(("Filters", "the export holds only the statements the filters above let through"))
    else:
        rows.append(("Filters", "none: every statement is included"))
    for name in sheets:
        note = next((v for k, v in SHEET_NOTES.items() if name == k or name.startswith(k + " (")), "")
        rows.append(("Sheet " + name, note))
    rows += [("Notice", n) for n in notices]
    return rows


def _cue_list(cues: Sequence[str]) -> str:
    """A topic's cue words, the first :data:`ABOUT_CUES` of them."""
    shown = ", ".join(cues[:ABOUT_CUES])
    return shown + (f" … ({len(cues)} in all)" if len(cues) > ABOUT_CUES else "")


def _about_printed(ws: WriteOnlyWorksheet, rows: Sequence[tuple[str, str]], topics: Sequence[Topic]) -> list[list[Any]]:
    """The part of About that prints: provenance and filters, the legend, the topics."""
    lines: list[list[Any]] = [[cell(ws, "Stance Atlas export", font=TITLE_FONT)]]
    lines += [_pair(ws, key, value) for key, value in rows]
    lines += [[], [cell(ws, "Legend", font=TITLE_FONT)]]
    lines += [[None, cell(ws, line, alignment=WRAP)] for line in (*LEGEND, POLARITY_NOTE)]
    lines += [[], [cell(ws, "Topics", font=TITLE_FONT)]]
    lines += [_pair(ws, t.key, f"{t.name} — {t.description}" if t.description else t.name) for t in topics]
    lines += [[], [None, cell(ws, "Below (not printed): each topic's cue words and the meaning of every column of "
                               "Statements.", alignment=WRAP)]]
    return lines


def _value(c: Any) -> Any:
    """The value of a plain value or a styled cell."""
    return getattr(c, "value", c)


def _pair(ws: WriteOnlyWorksheet | None, key: str, value: str, bold: bool = True) -> list[Any]:
    first = cell(ws, key, font=HEADER_FONT, alignment=WRAP) if bold else cell(ws, key, alignment=WRAP)
    return [first, cell(ws, value, alignment=WRAP)]


def about_printed_rows(rows: Sequence[tuple[str, str]], topics: Sequence[Topic]) -> int:
    """How many rows of About print (see :func:`write_about_sheet`)."""
    return 1 + len(rows) + 2 + len(LEGEND) + 1 + 2 + len(topics) + 2


def write_about_sheet(
    ws: WriteOnlyWorksheet,
    rows: Sequence[tuple[str, str]],
    topics: Sequence[Topic],
) -> None:
    """Provenance and filters, the legend and the topics (the printed part, :func:`about_printed_rows`
    rows), then each topic's cue words and the meaning of every Statements column (reference, below)."""
    set_widths(ws, ABOUT_WIDTHS)
    lines = _about_printed(ws, rows, topics)
    lines += [[], [cell(ws, "Topic cue words", font=TITLE_FONT)]]
    lines += [_pair(ws, t.key, _cue_list(t.cues), bold=False) for t in topics]
    lines += [[], [cell(ws, "Statement fields", font=TITLE_FONT)]]
    fields = {**STATEMENT_FIELDS, **EXTRA_FIELDS, **EXTRA_NOTES}
    lines += [_pair(ws, name, meaning, bold=False) for name, meaning in fields.items()]
    set_row_heights(ws, [[_value(c) for c in line] for line in lines], ABOUT_WIDTHS, first_row=1)
    for line in lines:
        ws.append(line)


def statement_counts(table: pd.DataFrame) -> dict[str, int]:
    """Statements per document id."""
    return {str(k): int(v) for k, v in table["document"].value_counts().items()}
