"""The command line's contract: exit statuses, options, and the checks made before anything is read (no Qt).

A usage error (:class:`UsageError`, exit status 2) is found here, before any input is read or any
output written: a bad option or ``--max-mb``, an OUT suffix the command cannot write, an OUT that is
one of the inputs (or, with ``--engine dask``, overlaps them).
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Sequence

from model.cli_text import shown
from model.documents import LoadReport
from model.project.store import SUFFIX as PROJECT_SUFFIX
from model.readers.loader import is_dataset_folder, iter_files

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


class UsageError(Exception):
    """A bad command line: its message goes to stderr, the exit status is ``EXIT_USAGE``; nothing is written."""


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


# ---- the checks before anything is read ----------------------------------------

def validated(command: str, argv: Sequence[str]) -> argparse.Namespace:
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
