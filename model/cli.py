"""The headless commands ``extract`` and ``export`` (no Qt).

Exit status (the same in ``--help`` and the README):

* 0 — every input was read and the output written;
* 1 — some inputs failed: the output is written for the rest, each failure named on stderr;
* 2 — usage error (bad option, OUT suffix, ``--max-mb``, OUT is one of the inputs): nothing written;
* 3 — nothing could be read: nothing written, an existing OUT is left as it was;
* 4 — the output could not be written (full disk, read-only file …): an existing OUT is left as it was;
* 130 — cancelled (Ctrl-C): nothing written, an existing OUT is left as it was (with ``--engine dask``
  the tasks are cancelled and the unfinished dataset removed).

Progress goes to stderr, never stdout.  File names on stderr are escaped
(control characters, undecodable bytes) so that a name can never forge a line.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from model.analysis.matrix import build_matrix, matrix_of_cells
from model.documents import LoadReport
from model.engine.batch import extract_statements
from model.errorlog import safe_text
from model.export import ExportError, write_matrix, write_statements
from model.export.qdpx import write_qdpx
from model.progress import Progress, StageProgress, StderrProgress
from model.project.store import SUFFIX as PROJECT_SUFFIX
from model.project.store import ProjectError, open_project
from model.readers import load_paths
from model.readers.loader import is_dataset_folder, iter_files
from model.resources import Topic, load_resources
from model.review.notes import Note
from model.review.reviewed import review_workspace
from model.review.workspace import Workspace
from model.statements import empty_statements

STATEMENT_SUFFIXES = (".jsonl", ".csv")
MATRIX_SUFFIXES = (".xlsx", ".csv", ".json", ".qdpx")  # .qdpx: a REFI-QDA project

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING_READ = 3
EXIT_NOT_WRITTEN = 4
EXIT_CANCELLED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
CANCELLED = "cancelled: nothing written"

EXIT_HELP = """exit status:
  0  every input was read; OUT written
  1  some inputs failed (each named on stderr as "error: <path>: <reason>"); OUT written for the rest
  2  usage error (bad option or --max-mb, OUT suffix, OUT is one of the inputs); nothing written
  3  nothing could be read; nothing written, an existing OUT is left as it was
  4  OUT could not be written (full disk, read-only …); an existing OUT is left as it was
  130  cancelled (Ctrl-C); nothing written, an existing OUT is left as it was"""

SAFE_CSV_HELP = (
    "CSV only: neutralise text a spreadsheet would run as a formula (a leading = + - @ tab or CR gets a "
    "leading '). Off by default: the raw CSV keeps sentence == text[start:end], and opening it in Excel or "
    "LibreOffice can run formulas hidden in document text (=HYPERLINK(…))"
)

_SURROGATE = re.compile("[\ud800-\udfff]")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def megabytes(text: str) -> float:
    """The ``--max-mb`` value: a finite number of megabytes above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of megabytes, not {shown(text)}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes, not {shown(text)}")
    if value * 1024 * 1024 < 1:
        raise argparse.ArgumentTypeError(f"must be at least one byte, not {shown(text)} megabytes")
    return value


def build_parser(command: str) -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    if command == "extract":
        p = _Parser(prog="main.py extract", description="Write every extracted statement (.jsonl or .csv).",
                    epilog=EXIT_HELP, formatter_class=raw)
    else:
        p = _Parser(prog="main.py export", description="Write the country × topic matrix (.xlsx, .csv or .json), "
                    "or a REFI-QDA project for NVivo, MAXQDA, ATLAS.ti and QualCoder (.qdpx). PATH may be one "
                    f"project ({PROJECT_SUFFIX}): its reviewed statements are exported (rejected ones left out, "
                    "edits applied).",
                    epilog=EXIT_HELP, formatter_class=raw)
        p.add_argument("--by", choices=("topic", "issue"), default="topic", help="matrix columns (default: topic)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (recursive)")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output file; it may not be one of the inputs")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--text-field", metavar="NAME", help="collection column holding the text (default: text/body/content/article)")
    p.add_argument("--max-mb", type=megabytes, default=50.0, metavar="MB", help="skip files over this size (default: 50)")
    if command == "extract":
        p.add_argument("--safe-csv", action="store_true", help=SAFE_CSV_HELP)
        p.add_argument("--engine", choices=("default", "dask"), default="default",
                       help="dask: run on a Dask cluster and write OUT/ as a Parquet dataset (see README); "
                            "--max-mb then caps each record of a large collection, which is read in byte ranges")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="(--engine dask) a running Dask scheduler, e.g. tcp://10.0.0.5:8786; "
                            "default: a local cluster on this machine's cores")
        p.add_argument("--partition-mb", type=megabytes, default=1.0, metavar="MB",
                       help="(--engine dask) input bytes per task (default: 1)")
    return p


# ---- what goes to stderr -----------------------------------------------------

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def shown(text: object) -> str:
    """``text`` for one line of stderr: control and invisible characters backslash-escaped.

    A byte that was not valid in the file system's encoding (a lone surrogate such
    as ``\\udce9``) is shown as the byte (``\\xe9``).  The result is always
    printable and encodable, so a file name can neither break nor forge a line.
    """
    s = str(text)
    if s.isprintable() and "\\" not in s:
        return s
    return "".join(_escape(ch) for ch in s)


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable():
        return ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class _ShownProgress:
    """Progress whose file names are escaped before they reach the terminal."""

    def __init__(self, inner: Progress) -> None:
        self.inner = inner

    def report(self, done: int, total: int, message: str = "") -> None:
        self.inner.report(done, total, shown(message))

    def cancelled(self) -> bool:
        return self.inner.cancelled()


def _report_issues(report: LoadReport, err: TextIO) -> None:
    for issue in report.issues:
        word = {"skipped": "skipped", "warning": "warning"}.get(issue.kind, "error")
        err.write(f"{word}: {shown(issue.path)}: {shown(issue.reason)}\n")


# ---- never write over an input -----------------------------------------------

def output_clash(out: str, paths: Sequence[str]) -> str | None:
    """Why writing ``out`` would destroy an input (it is one, or is read from an input folder); else None."""
    try:
        target = os.stat(out)
    except OSError:
        return None  # nothing there yet: nothing to destroy
    key = (target.st_dev, target.st_ino)
    for raw in paths:
        if not os.path.isdir(raw):
            if _same(raw, key):
                return f"OUT {shown(out)} is the input {shown(raw)}"
            continue
        for path in iter_files([raw], LoadReport()):
            if _same(path, key):
                return f"OUT {shown(out)} is the input {shown(path)} (in the folder {shown(raw)})"
    return None


def _same(path: str | os.PathLike[str], key: tuple[int, int]) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == key


# ---- output -------------------------------------------------------------------

def encodable(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with lone surrogates (undecodable file-name bytes, ``\\udce9`` in JSON) made U+FFFD.

    One character becomes one character, so offsets still hold.
    """
    out = frame
    for name in frame.columns:
        col = frame[name]
        if not (col.dtype == object or pd.api.types.is_string_dtype(col)):
            continue
        if _SURROGATE.search("".join(v for v in col if isinstance(v, str))) is None:
            continue
        if out is frame:
            out = frame.copy()
        out[name] = col.map(lambda v: safe_text(v) if isinstance(v, str) else v)
    return out


def _validated(command: str, argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser(command).parse_args(list(argv))
    out = args.output
    if getattr(args, "engine", "default") == "dask":
        _validate_dask(args)
        return args
    if command == "extract" and args.scheduler:
        raise UsageError("main.py extract: --scheduler applies to --engine dask only")
    allowed = STATEMENT_SUFFIXES if command == "extract" else MATRIX_SUFFIXES
    if not out.lower().endswith(allowed):
        raise UsageError(f"main.py {command}: OUT must end with {', '.join(allowed)}")
    if getattr(args, "safe_csv", False) and not out.lower().endswith(".csv"):
        raise UsageError(f"main.py {command}: --safe-csv applies to a .csv OUT only")
    clash = output_clash(out, args.paths)
    if clash is not None:
        raise UsageError(f"main.py {command}: {clash}; writing it would destroy that input. "
                         "Choose another OUT (outside the input folders)")
    return args


def _validate_dask(args: argparse.Namespace) -> None:
    out = args.output
    if args.safe_csv:
        raise UsageError("main.py extract: --safe-csv applies to a .csv OUT, not to a --engine dask dataset")
    if out.lower().endswith(STATEMENT_SUFFIXES):
        raise UsageError(f"main.py extract: with --engine dask OUT is a folder (a Parquet dataset), not {shown(out)}")
    if os.path.exists(out) and not (os.path.isdir(out) and (is_dataset_folder(out) or not os.listdir(out))):
        raise UsageError(f"main.py extract: OUT {shown(out)} exists and is not a statements dataset or an empty "
                         "folder; choose a new folder")
    real_out = os.path.realpath(out)
    for raw in args.paths:
        real = os.path.realpath(raw)
        if os.path.commonpath([real, real_out]) in (real, real_out):
            raise UsageError(f"main.py extract: OUT {shown(out)} and the input {shown(raw)} overlap; "
                             "choose an OUT outside the input folders")


def _run_dask(args: argparse.Namespace, err: TextIO) -> int:
    """``extract --engine dask``: the Parquet dataset at OUT (imports Dask only here)."""
    from model.cluster.extract import DistributedRunner, local_client, run_extract  # noqa: PLC0415

    progress = None if args.quiet else _ShownProgress(StageProgress(err))
    client = cluster = None
    try:
        if args.scheduler:
            from distributed import Client  # noqa: PLC0415

            try:
                client = Client(args.scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                err.write(f"error: cannot reach the Dask scheduler at {shown(args.scheduler)}: {shown(exc)}\n")
                return EXIT_NOTHING_READ
        else:
            client, cluster = local_client()
        result = run_extract(args.paths, args.output, DistributedRunner(client, progress), text_field=args.text_field,
                             max_record_bytes=int(args.max_mb * 1024 * 1024), part_mb=args.partition_mb)
    except OSError as exc:
        err.write(f"error: {shown(args.output)} could not be written: {shown(exc)}\n")
        return EXIT_NOT_WRITTEN
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    _report_issues(result.report, err)
    if not result.documents:
        err.write(f"error: no document could be read from {' '.join(shown(p) for p in args.paths)} "
                  f"(the dataset at {shown(args.output)} lists the failures)\n")
        return EXIT_NOTHING_READ
    if not args.quiet:
        err.write(f"{result.documents} documents, {result.statements} statements → {shown(args.output)}\n")
    return EXIT_SOME_FAILED if result.report.errors else EXIT_OK


def _export_dataset(args: argparse.Namespace, err: TextIO) -> int:
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


def run(command: str, argv: Sequence[str], err: TextIO | None = None) -> int:
    """Run ``extract`` or ``export`` with ``argv`` (without the command word); the exit status.

    Ctrl-C (KeyboardInterrupt) stops the command with ``EXIT_CANCELLED``: every output is written
    whole or not at all, so nothing is written and an existing OUT is left as it was."""
    err = err or sys.stderr
    try:
        return _run(command, argv, err)
    except KeyboardInterrupt:
        tty = bool(getattr(err, "isatty", lambda: False)())
        err.write(f"{chr(10) if tty else ''}{CANCELLED}\n")  # a terminal may be in the middle of a progress line
        return EXIT_CANCELLED


def _run(command: str, argv: Sequence[str], err: TextIO) -> int:
    try:
        args = _validated(command, argv)
    except UsageError as exc:
        err.write(f"{shown(exc)}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    out = args.output
    if getattr(args, "engine", "default") == "dask":
        return _run_dask(args, err)
    if command == "export" and len(args.paths) == 1 and is_dataset_folder(args.paths[0]):
        return _export_dataset(args, err)
    if command == "export" and len(args.paths) == 1 and args.paths[0].endswith(PROJECT_SUFFIX):
        return _export_project(args, err)

    def progress(label: str) -> Progress | None:
        return None if args.quiet else _ShownProgress(StderrProgress(label, err))

    report = load_paths(
        args.paths, progress=progress("reading"), text_field=args.text_field, max_bytes=int(args.max_mb * 1024 * 1024)
    )
    if not report.documents:
        _report_issues(report, err)
        err.write(f"error: no document could be read from {' '.join(shown(p) for p in args.paths)}; "
                  f"nothing written{' (the existing ' + shown(out) + ' is unchanged)' if os.path.exists(out) else ''}\n")
        return EXIT_NOTHING_READ
    resources = load_resources()
    statements = encodable(extract_statements(report.documents, resources, progress=progress("extracting"),
                                              failures=report.issues))
    _report_issues(report, err)
    if command == "extract":
        try:
            write_statements(statements, out, safe_csv=args.safe_csv)   # raw data by default: sentence == text[start:end]
        except ExportError as exc:
            err.write(f"error: {shown(exc)}\n")
            return EXIT_NOT_WRITTEN
    elif not _write_export(args, statements, report, resources.topics, " ".join(args.paths), err):
        return EXIT_NOT_WRITTEN
    if not args.quiet:
        err.write(f"{len(report.documents)} documents, {len(statements)} statements → {shown(out)}\n")
    return EXIT_SOME_FAILED if report.errors else EXIT_OK


def _write_export(args: argparse.Namespace, statements: pd.DataFrame, report: LoadReport, topics: Sequence[Topic],
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


def _export_project(args: argparse.Namespace, err: TextIO) -> int:
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
    if not _write_export(args, statements, analysis.report, analysis.resources.topics, path, err, ws):
        return EXIT_NOT_WRITTEN
    if not args.quiet:
        err.write(f"{len(analysis.documents)} documents, {len(statements)} reviewed statements "
                  f"({len(ws.decisions)} decisions) → {shown(args.output)}\n")
    return EXIT_OK
