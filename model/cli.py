"""The headless commands ``extract`` and ``export`` (no Qt).

Exit status: 0 when every input was read, 1 when some failed (output is still
written for the rest and each failure is named on stderr), 2 for a usage
error.  Progress goes to stderr, never stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from model.documents import LoadReport
from model.export import ExportError, write_matrix, write_statements
from model.extract import extract_statements
from model.matrix import build_matrix
from model.progress import StderrProgress
from model.readers import load_paths
from model.resources import load_resources

STATEMENT_SUFFIXES = (".jsonl", ".csv")
MATRIX_SUFFIXES = (".xlsx", ".csv", ".json")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser(command: str) -> argparse.ArgumentParser:
    if command == "extract":
        p = _Parser(prog="main.py extract", description="Write every extracted statement (.jsonl or .csv).")
    else:
        p = _Parser(prog="main.py export", description="Write the country × topic matrix (.xlsx, .csv or .json).")
        p.add_argument("--by", choices=("topic", "issue"), default="topic", help="matrix columns (default: topic)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (recursive)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--text-field", metavar="NAME", help="collection column holding the text (default: text/body/content/article)")
    p.add_argument("--max-mb", type=float, default=50.0, metavar="MB", help="skip files over this size (default: 50)")
    return p


def _report_issues(report: LoadReport, err: TextIO) -> None:
    for issue in report.issues:
        word = "skipped" if issue.kind == "skipped" else "error"
        err.write(f"{word}: {issue.path}: {issue.reason}\n")


def run(command: str, argv: Sequence[str], err: TextIO | None = None) -> int:
    """Run ``extract`` or ``export`` with ``argv`` (without the command word)."""
    err = err or sys.stderr
    try:
        args = build_parser(command).parse_args(list(argv))
        out = args.output
        allowed = STATEMENT_SUFFIXES if command == "extract" else MATRIX_SUFFIXES
        if args.max_mb <= 0:
            raise UsageError(f"main.py {command}: --max-mb must be positive")
        if not out.lower().endswith(allowed):
            raise UsageError(f"main.py {command}: OUT must end with {', '.join(allowed)}")
    except UsageError as exc:
        err.write(f"{exc}\n")
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)

    def progress(label: str) -> StderrProgress | None:
        return None if args.quiet else StderrProgress(label, err)

    report = load_paths(
        args.paths, progress=progress("reading"), text_field=args.text_field, max_bytes=int(args.max_mb * 1024 * 1024)
    )
    resources = load_resources()
    statements = extract_statements(report.documents, resources, progress=progress("extracting"),
                                    failures=report.issues)
    _report_issues(report, err)
    try:
        if command == "extract":
            write_statements(statements, out, safe_csv=False)  # raw data: sentence == text[start:end]
        else:
            matrix = build_matrix(statements, by=args.by, columns=resources.topic_keys if args.by == "topic" else None)
            context = {"inputs": " ".join(args.paths), "documents": len(report.documents), "statements": len(statements)}
            notices = write_matrix(matrix, statements, out, context, documents=report, topics=resources.topics)
            for notice in notices:
                err.write(f"note: {notice}\n")
    except ExportError as exc:
        err.write(f"error: {exc}\n")
        return 1
    if not args.quiet:
        err.write(f"{len(report.documents)} documents, {len(statements)} statements → {out}\n")
    return 1 if report.errors else 0
