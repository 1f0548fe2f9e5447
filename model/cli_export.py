"""The ``export`` command's outputs: the matrix (or .qdpx) of documents, of a statements dataset, of a project (no Qt)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from model.analysis.matrix import build_matrix, matrix_of_cells
from model.cli_args import EXIT_NOT_WRITTEN, EXIT_NOTHING_READ, EXIT_OK
from model.cli_text import encodable, shown
from model.documents import LoadReport
from model.errorlog import safe_text
from model.export import ExportError, write_matrix
from model.export.qdpx import write_qdpx
from model.project.store import ProjectError, open_project
from model.resources import Topic, load_resources
from model.review.notes import Note
from model.review.reviewed import review_workspace
from model.review.workspace import Workspace
from model.statements import empty_statements


def export_dataset(args: argparse.Namespace, err: TextIO) -> int:
    """``export DATASET/ -o OUT``: the matrix of a statements dataset.

    Whole when it fits the memory budget; else lean (:mod:`model.cluster.lean`: light columns, texts read
    for the workbook's rows only) and, for a ``.csv`` or ``.json`` matrix whose lean frame would not fit
    either, aggregated with Dask (:mod:`model.cluster.aggregate`)."""
    from model.cluster import dataset, lean  # noqa: PLC0415

    columns = None
    try:
        parts = dataset.statement_parts(args.paths[0])
        info = dataset.read_info(args.paths[0])
        documents = dataset.read_documents(args.paths[0])
        issues = dataset.read_failures(args.paths[0])
        resources = load_resources()
        columns = resources.topic_keys if args.by == "topic" else None
        notices: list[str] = []
        if lean.fits_whole(parts):
            statements = dataset.read_statements(args.paths[0])
            matrix = build_matrix(statements, by=args.by, columns=columns)
            n = len(statements)
        elif not args.output.lower().endswith(".xlsx") and not lean.fits_lean(info.statements):
            from model.cluster.aggregate import dask_cells  # noqa: PLC0415 (Dask only for a dataset this large)

            matrix = matrix_of_cells(dask_cells(parts, args.by), args.by, columns)
            statements, n = empty_statements(), info.statements
        else:
            frame = lean.lean_statements(parts)
            texts = lean.DatasetTexts(parts)
            matrix = build_matrix(frame, by=args.by, columns=columns, texts=texts)
            statements, n = lean.sheet_statements(frame, args.by, texts, notices)
    except dataset.DatasetError as exc:
        err.write(f"error: {shown(exc)}\n")
        return EXIT_NOTHING_READ
    report = LoadReport(documents=documents, issues=issues)
    context = {"inputs": safe_text(args.paths[0]), "documents": len(documents), "statements": n}
    try:
        notices += write_matrix(matrix, statements, args.output, context, documents=report, topics=resources.topics)
    except ExportError as exc:
        err.write(f"error: {shown(exc)}\n")
        return EXIT_NOT_WRITTEN
    for notice in notices:
        err.write(f"note: {shown(notice)}\n")
    if not args.quiet:
        err.write(f"{len(documents)} documents, {n} statements → {shown(args.output)}\n")
    return EXIT_OK


def write_export(args: argparse.Namespace, statements: pd.DataFrame, report: LoadReport, topics: Sequence[Topic],
                  inputs: str, err: TextIO, ws: Workspace | None = None) -> bool:
    """Write ``export``'s OUT (the matrix with its statements, or a .qdpx project); False when it failed (said on stderr).

    ``ws``: a reviewed project, whose decisions and notes go into the workbook (Decisions sheet, notes)
    and the .qdpx (notes)."""
    out = args.output
    notes: Sequence[Note] = tuple(ws.notes) if ws is not None else ()
    review: dict[str, Any] = {} if ws is None else {
        "decisions": tuple(ws.decisions), "notes": notes, "machine": ws.statements,
        "title": Path(os.fsdecode(inputs)).stem}
    try:
        if out.lower().endswith(".qdpx"):
            notices = write_qdpx(out, statements, report, topics=topics, notes=notes)
        else:
            columns = [t.key for t in topics] if args.by == "topic" else None
            matrix = build_matrix(statements, by=args.by, columns=columns)
            context = {"inputs": safe_text(inputs), "documents": len(report.documents), "statements": len(statements)}
            notices = write_matrix(matrix, statements, out, context, documents=report, topics=topics, **review)
    except ExportError as exc:
        err.write(f"error: {shown(exc)}\n")
        return False
    for notice in notices:
        err.write(f"note: {shown(notice)}\n")
    return True


def export_project(args: argparse.Namespace, err: TextIO) -> int:
    """``export PROJECT.stanceatlas -o OUT``: the project's reviewed statements (rejects left out, edits applied)."""
    path = args.paths[0]
    try:
        ws = open_project(path)
    except ProjectError as exc:
        err.write(f"error: {shown(path)}: {shown(exc)}\n")
        return EXIT_NOTHING_READ
    analysis, unmatched = review_workspace(ws, load_resources())
    for u in unmatched:
        err.write(f"note: {u.decision.kind} decision not applied: {shown(u.reason)}\n")
    statements = encodable(analysis.statements)
    if not write_export(args, statements, analysis.report, analysis.resources.topics, path, err, ws):
        return EXIT_NOT_WRITTEN
    if not args.quiet:
        err.write(f"{len(analysis.documents)} documents, {len(statements)} reviewed statements "
                  f"({len(ws.decisions)} decisions) → {shown(args.output)}\n")
    return EXIT_OK
