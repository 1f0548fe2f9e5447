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

This module runs a command (:func:`run`: reading, extracting, ``extract --engine dask``);
the options, exit statuses and usage checks are in :mod:`model.cli_args`, the
``export`` outputs in :mod:`model.cli_export`, the escaping of stderr and the
encoding of outputs in :mod:`model.cli_text`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from model.cli_args import (
    CANCELLED,
    EXIT_CANCELLED,
    EXIT_NOT_WRITTEN,
    EXIT_NOTHING_READ,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    UsageError,
    validated,
)
from model.cli_export import export_dataset, export_project, write_export
from model.cli_text import ShownProgress, encodable, report_issues, shown
from model.engine.batch import extract_statements
from model.export import ExportError, write_statements
from model.progress import Progress, StageProgress, StderrProgress
from model.project.store import SUFFIX as PROJECT_SUFFIX
from model.readers import load_paths
from model.readers.loader import is_dataset_folder
from model.resources import load_resources

__all__ = ["CANCELLED", "EXIT_CANCELLED", "EXIT_NOT_WRITTEN", "EXIT_NOTHING_READ", "EXIT_OK", "EXIT_SOME_FAILED",
           "EXIT_USAGE", "run", "shown"]


def _run_dask(args: argparse.Namespace, err: TextIO) -> int:
    """``extract --engine dask``: the Parquet dataset at OUT (imports Dask only here)."""
    from model.cluster.extract import DistributedRunner, local_client, run_extract  # noqa: PLC0415

    progress = None if args.quiet else ShownProgress(StageProgress(err))
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
    report_issues(result.report, err)
    if not result.documents:
        err.write(f"error: no document could be read from {' '.join(shown(p) for p in args.paths)} "
                  f"(the dataset at {shown(args.output)} lists the failures)\n")
        return EXIT_NOTHING_READ
    if not args.quiet:
        err.write(f"{result.documents} documents, {result.statements} statements → {shown(args.output)}\n")
    return EXIT_SOME_FAILED if result.report.errors else EXIT_OK


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
        args = validated(command, argv)
    except UsageError as exc:
        err.write(f"{shown(exc)}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    out = args.output
    if getattr(args, "engine", "default") == "dask":
        return _run_dask(args, err)
    if command == "export" and len(args.paths) == 1 and is_dataset_folder(args.paths[0]):
        return export_dataset(args, err)
    if command == "export" and len(args.paths) == 1 and args.paths[0].endswith(PROJECT_SUFFIX):
        return export_project(args, err)

    def progress(label: str) -> Progress | None:
        return None if args.quiet else ShownProgress(StderrProgress(label, err))

    report = load_paths(
        args.paths, progress=progress("reading"), text_field=args.text_field, max_bytes=int(args.max_mb * 1024 * 1024)
    )
    if not report.documents:
        report_issues(report, err)
        err.write(f"error: no document could be read from {' '.join(shown(p) for p in args.paths)}; "
                  f"nothing written{' (the existing ' + shown(out) + ' is unchanged)' if os.path.exists(out) else ''}\n")
        return EXIT_NOTHING_READ
    resources = load_resources()
    statements = encodable(extract_statements(report.documents, resources, progress=progress("extracting"),
                                              failures=report.issues))
    report_issues(report, err)
    if command == "extract":
        try:
            write_statements(statements, out, safe_csv=args.safe_csv)   # raw data by default: sentence == text[start:end]
        except ExportError as exc:
            err.write(f"error: {shown(exc)}\n")
            return EXIT_NOT_WRITTEN
    elif not write_export(args, statements, report, resources.topics, " ".join(args.paths), err):
        return EXIT_NOT_WRITTEN
    if not args.quiet:
        err.write(f"{len(report.documents)} documents, {len(statements)} statements → {shown(out)}\n")
    return EXIT_SOME_FAILED if report.errors else EXIT_OK
