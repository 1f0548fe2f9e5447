"""Statements and matrix as JSONL / CSV / JSON, and the dispatch to the workbook.

CSV follows RFC 4180 (CRLF line ends, so a field holding CR or LF is quoted)
and cells that a spreadsheet would read as formulas get a leading apostrophe
(:func:`model.export.safety.csv_safe`); JSON keeps values exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from model import __version__
from model.analysis.matrix import Matrix
from model.documents import Document, LoadIssue, LoadReport
from model.export.atomic import ExportError, atomic_write
from model.export.layout import statement_table
from model.export.safety import MAX_SHEET_ROWS, csv_safe
from model.export.xlsx import write_workbook
from model.resources import Topic
from model.review.decisions import Decision
from model.review.notes import Note
from model.statements import STATEMENT_FIELDS, contract_records


def _clean(v: Any) -> Any:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def _plain_values(column: pd.Series) -> list[Any]:
    """A column as plain Python values (int, float, str, bool), missing values as None."""
    values = column.astype(object).where(column.notna(), None).tolist()
    # typed columns come out as Python scalars already; object columns may hold numpy ones
    return [_clean(v) for v in values] if column.dtype == object else values


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell made safe to open in a spreadsheet."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(csv_safe)
    return out


def _docs(documents: LoadReport | Iterable[Document] | None) -> list[Document]:
    if isinstance(documents, LoadReport):
        return list(documents.documents)
    return list(documents or ())


def write_statements(
    statements: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    full: bool = False,
    documents: LoadReport | Iterable[Document] | None = None,
    by: str = "topic",
    safe_csv: bool = True,
) -> None:
    """``.jsonl``: one JSON object per statement; ``.csv``: one row per statement.

    ``safe_csv`` neutralises formula-like text for spreadsheets (a leading ``'``);
    the ``extract`` command turns it off so that ``sentence == text[start:end]``.

    By default only the contract fields; with ``full`` the same columns as the
    workbook's Statements sheet (document title, date, source, URL, ``edited``…).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        raise ExportError(f"statements are written as .jsonl or .csv, not '{suffix or path.name}'")
    if full:
        frame = statement_table(statements, by, _docs(documents))
    elif suffix == ".jsonl":
        frame = statements[list(STATEMENT_FIELDS)]
    else:
        frame = pd.DataFrame(contract_records(statements), columns=list(STATEMENT_FIELDS))
    with atomic_write(path) as tmp:
        if suffix == ".jsonl":
            names = [str(c) for c in frame.columns]
            columns = [_plain_values(frame[c]) for c in frame.columns]
            with open(tmp, "w", encoding="utf-8") as fh:
                for values in zip(*columns, strict=True):
                    fh.write(json.dumps(dict(zip(names, values, strict=True)), ensure_ascii=False) + "\n")
        else:
            (csv_frame(frame) if safe_csv else frame).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\r\n")


def matrix_long(matrix: Matrix) -> pd.DataFrame:
    """One row per non-empty cell: actor, column, count, net, n_coop, n_neutral, n_conf, label, contradiction, by."""
    return matrix.cells.rename(columns={matrix.by: "column"}).assign(by=matrix.by)


def matrix_payload(
    matrix: Matrix,
    context: Mapping[str, Any],
    filters: Mapping[str, Any] | None,
    topics: Sequence[Topic],
) -> dict[str, Any]:
    """The JSON form of the matrix, with the same provenance as the workbook's About sheet."""
    long = matrix_long(matrix)
    return {
        "app": f"Stance Atlas {__version__}",
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "context": {str(k): _clean(v) if not isinstance(v, list | tuple) else list(v) for k, v in context.items()},
        "filters": dict(filters or {}),
        "by": matrix.by,
        "actors": matrix.actors,
        "columns": matrix.columns,
        "topics": [{"key": t.key, "name": t.name, "description": t.description} for t in topics],
        "cells": [{k: _clean(v) for k, v in r.items()} for r in long.to_dict(orient="records")],
    }


def write_matrix(
    matrix: Matrix,
    statements: pd.DataFrame,
    path: str | os.PathLike[str],
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
    """``.xlsx`` workbook, ``.csv`` (long form, one row per cell) or ``.json``; returns notices for the user.

    ``decisions``, ``notes``, ``machine`` and ``title`` are for the workbook (see :func:`write_workbook`).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    context = context or {}
    if suffix == ".xlsx":
        return write_workbook(
            path, matrix, statements, context, documents=documents, issues=issues, filters=filters,
            comparison=comparison, topics=topics, max_rows=max_rows, decisions=decisions, notes=notes,
            machine=machine, title=title,
        )
    if suffix not in (".csv", ".json"):
        raise ExportError(f"the matrix is written as .xlsx, .csv or .json, not '{suffix or path.name}'")
    with atomic_write(path) as tmp:
        if suffix == ".csv":
            csv_frame(matrix_long(matrix)).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\r\n")
        else:
            payload = matrix_payload(matrix, context, filters, topics)
            tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return []
