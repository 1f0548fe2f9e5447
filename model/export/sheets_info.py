"""The descriptive sheets: Documents (load status) and About (provenance, filters, topics)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from model import __version__
from model.documents import Document, LoadIssue
from model.export.cells import HEADER_FONT, TITLE_FONT, WRAP, cell, header, set_widths, table_ref
from model.export.sheets_grid import LEGEND
from model.resources import Topic
from model.statements import EXTRA_FIELDS, STATEMENT_FIELDS

DOCUMENT_COLUMNS = (
    "document", "title", "date", "source", "byline", "section", "length", "url", "path", "format", "encoding", "speaker_country",
    "dateline", "words", "statements", "status", "reason", "also_sources",
)
_STATUS = {"error": "failed", "skipped": "skipped"}
SHEET_NOTES = {
    "Matrix": "countries × topics: dominant stance (count), filled by net stance; links to the statements",
    "Net stance": "the same grid as numbers: confidence-weighted mean polarity, −1 … +1",
    "Counts": "the same grid as numbers: statements per cell",
    "Statements": "one row per statement, every field, sorted by country and topic",
    "Documents": "one row per document or input, with its load status and reason",
    "Comparison": "the chosen countries' stances aligned by topic",
    "About": "this sheet",
}
EXTRA_NOTES = {
    "title": "title of the document", "date": "date of the document", "source": "outlet of the document",
    "url": "address of the document", "edited": "true when an analyst changed the statement in the app",
    "provenance": "where the statement came from (extracted, or how an analyst made or changed it)",
}


def write_documents_sheet(
    ws: WriteOnlyWorksheet,
    documents: Sequence[Document],
    issues: Sequence[LoadIssue],
    statement_counts: Mapping[str, int],
) -> None:
    """One row per loaded document and one per input that failed or was skipped."""
    set_widths(ws, [24, 40, 11, 16, 20, 20, 10, 32, 32, 8, 10, 10, 12, 8, 11, 9, 50, 30])
    ws.freeze_panes = "B2"
    ws.append(header(ws, DOCUMENT_COLUMNS))
    for d in documents:
        ws.append([cell(ws, v) for v in (
            d.id, d.title, d.date, d.source, d.byline, d.section, d.length, d.url, d.path, d.format, d.encoding, d.speaker_country,
            d.dateline, d.words, int(statement_counts.get(d.id, 0)), "loaded", "",
            "; ".join(d.also_sources) or None,
        )])
    for issue in issues:
        ws.append([cell(ws, v) for v in (
            issue.path, None, None, None, None, None, None, None, issue.path, None, None, None, None, None, 0,
            _STATUS.get(issue.kind, issue.kind), issue.reason, None,
        )])
    ws.auto_filter.ref = table_ref(len(DOCUMENT_COLUMNS), len(documents) + len(issues))


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


def write_about_sheet(
    ws: WriteOnlyWorksheet,
    rows: Sequence[tuple[str, str]],
    topics: Sequence[Topic],
) -> None:
    """Provenance and filters, the legend, the topic definitions and the field meanings."""
    set_widths(ws, [24, 28, 70, 60])
    ws.append([cell(ws, "Stance Atlas export", font=TITLE_FONT)])
    for key, value in rows:
        ws.append([cell(ws, key, font=HEADER_FONT), cell(ws, value)])
    ws.append([])
    ws.append([cell(ws, "Legend", font=TITLE_FONT)])
    for line in LEGEND:
        ws.append([None, cell(ws, line)])
    ws.append([])
    ws.append([cell(ws, "Topics", font=TITLE_FONT)])
    ws.append(header(ws, ["key", "name", "description", "cue words"]))
    for t in topics:
        ws.append([cell(ws, t.key), cell(ws, t.name), cell(ws, t.description, alignment=WRAP),
                   cell(ws, ", ".join(t.cues), alignment=WRAP)])
    ws.append([])
    ws.append([cell(ws, "Statement fields", font=TITLE_FONT)])
    for name, meaning in {**STATEMENT_FIELDS, **EXTRA_FIELDS, **EXTRA_NOTES}.items():
        ws.append([cell(ws, name), cell(ws, meaning)])


def statement_counts(table: pd.DataFrame) -> dict[str, int]:
    """Statements per document id."""
    return {str(k): int(v) for k, v in table["document"].value_counts().items()}
