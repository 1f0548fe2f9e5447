"""One JSON-lines collection read in byte ranges, so that a huge file is never loaded whole.

A range ``[start, stop)`` holds the lines that *start* in it: a reader seeks to ``start``,
skips the rest of a line begun before it, and reads lines until one starts at ``stop`` or
later.  Consecutive ranges therefore hold every line exactly once, whatever the boundaries.

Record numbers (the ``name#n`` id of a record without an id) and line numbers (in messages)
are those of the whole file: :func:`count_range` counts each range's lines first, and
:func:`read_range` is given the counts of the ranges before it.  The records are read as
:func:`model.readers.collections.read_collection` reads them (the same documents, ids and
per-record problems); the cap that applies is one per record (``max_record_bytes``), not
one per file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from model.documents import Document, LoadError, LoadIssue
from model.readers.collections import (
    APP_EXPORT,
    MAX_RECORD_BYTES,
    LineDecoder,
    RecordProblem,
    is_app_export,
    parse_json_line,
    read_line,
    record_document,
    record_too_big,
    text_fields_for,
)
from model.readers.safety import MB, open_regular, sniff_binary
from model.readers.text import utf16_without_bom

_HEAD = 4096
#: how far :func:`head_check` looks for the first record (bytes)
HEAD_LIMIT = 8 * MB


@dataclass(frozen=True)
class RangeCount:
    """Lines starting in a range, and those of them that are records (not blank)."""

    lines: int
    items: int


def splittable(path: Path) -> bool:
    """True when ``path`` is a UTF-8 JSON-lines file that can be read range by range (a UTF-16
    or binary file is read whole, as the single-process reader does)."""
    with open_regular(path) as fh:
        head = fh.read(_HEAD)
    if not head:
        return False
    if sniff_binary(head) not in (None, "binary"):
        return False
    return not (head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head))


def head_check(path: Path, text_field: str | None) -> tuple[str, ...]:
    """The text fields to read, judged on the file's first record as the whole-file reader does.

    Raises SkipFile for the app's own export and LoadError when a named text column is missing.
    Looks at most ``HEAD_LIMIT`` bytes for a record that parses."""
    with open_regular(path) as fh:
        seen = 0
        for _, raw, size in lines_in(fh, 0, None, MAX_RECORD_BYTES):
            seen += size
            if raw is not None and raw.strip():
                got = parse_json_line(raw.decode("utf-8", "replace").lstrip("\ufeff"), "")
                if not isinstance(got, RecordProblem):
                    if is_app_export(got[1].keys()):
                        from model.documents import SkipFile  # noqa: PLC0415

                        raise SkipFile(APP_EXPORT)
                    return text_fields_for(got[1].keys(), text_field)
            if seen > HEAD_LIMIT:
                break
    return text_fields_for([], text_field)


def _skip_line(fh: IO[bytes]) -> None:
    while chunk := fh.readline(MB):
        if chunk.endswith(b"\n"):
            return


def lines_in(fh: IO[bytes], start: int, stop: int | None, cap: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(offset, bytes, size) of each line starting in ``[start, stop)``; bytes None for a line over ``cap``."""
    if start > 0:
        fh.seek(start - 1)
        if fh.read(1) != b"\n":
            _skip_line(fh)  # that line began in the range before
    pos = fh.tell()
    while stop is None or pos < stop:
        got = read_line(fh, cap)
        if got is None:
            return
        yield pos, got[0], got[1]
        pos += got[1]


def _blank(raw: bytes | None, offset: int) -> bool:
    if raw is None:
        return False
    if offset == 0 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return not raw.strip()


def count_range(path: str, start: int, stop: int, cap: int = MAX_RECORD_BYTES) -> RangeCount:
    """How many lines, and how many records (non-blank lines), start in ``[start, stop)``."""
    lines = items = 0
    with open_regular(Path(path)) as fh:
        for offset, raw, _ in lines_in(fh, start, stop, cap):
            lines += 1
            if not _blank(raw, offset):
                items += 1
    return RangeCount(lines, items)


@dataclass
class RangeRead:
    """The documents of one range, and its records that could not be read."""

    documents: list[Document]
    issues: list[LoadIssue]
    warning: LoadIssue | None = None


def read_range(
    path: str, start: int, stop: int, before: RangeCount, fields: tuple[str, ...],
    cap: int = MAX_RECORD_BYTES,
) -> RangeRead:
    """Records of the lines starting in ``[start, stop)``; ``before`` counts the lines and records
    of the file before ``start`` (so ids and line numbers are the whole file's)."""
    p = Path(path)
    docs: list[Document] = []
    issues: list[LoadIssue] = []
    decoder = LineDecoder()
    line_no, item_no = before.lines, before.items
    try:
        fh = open_regular(p)
    except OSError as exc:
        raise LoadError(f"cannot be read: {exc.strerror or exc}") from None
    with fh:
        for offset, raw, size in lines_in(fh, start, stop, cap):
            line_no += 1
            if _blank(raw, offset):
                continue
            item_no += 1
            where = f"line {line_no}"
            if raw is None:
                issues.append(LoadIssue(f"{p} ({where})", str(record_too_big(where, size))))
                continue
            if offset == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            got = parse_json_line(decoder.decode(raw, line_no), where)
            if isinstance(got, RecordProblem):
                issues.append(LoadIssue(f"{p} ({got.where})", str(got)))
                continue
            doc = record_document(got[1], where, item_no, p, "jsonl", fields, "utf-8")
            if isinstance(doc, LoadIssue):
                issues.append(doc)
            else:
                docs.append(doc)
    return RangeRead(docs, issues, decoder.warning(p))


def byte_ranges(size: int, part_bytes: int) -> list[tuple[int, int]]:
    """``[0, size)`` cut into ranges of ``part_bytes`` (the last may be shorter)."""
    step = max(1, part_bytes)
    return [(a, min(size, a + step)) for a in range(0, size, step)] or [(0, 0)]

