"""A large CSV (or TSV) collection read in byte ranges, when that is safe.

A quoted field may hold a line break, so a byte range of a CSV file could begin or end inside
a record.  :func:`csv_layout` therefore scans the whole file once, with one ``csv`` reader as
the whole-file reader (:func:`model.readers.collections.read_collection`) parses it, and gives
a layout only when every record is one line of the file: strict UTF-8 (a byte-order mark
allowed), no carriage return outside a CR LF line end, no row the ``csv`` module refuses, no
line over the record cap, and at least one record after the header.  Any other file is read
whole, in one task, as before.  The scan costs one ``csv`` parse of the file on the client (no
extraction), and holds one line at a time.

The scan also gives what each range needs to read its lines exactly as the whole-file reader
does: the delimiter (sniffed on the file's first 8192 characters), the header, the text fields
(judged on the first record) and, for each range, the lines and records of the file before it
(so ``name#n`` ids and line numbers are the whole file's).  A range holds the lines that
*start* in it (:func:`model.readers.ranges.lines_in`).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from model.documents import Document, LoadError, LoadIssue
from model.readers.collections import (
    MAX_RECORD_BYTES,
    csv_delimiter,
    is_app_export,
    read_line,
    record_document,
    record_too_big,
    text_fields_for,
)
from model.readers.ranges import RangeCount, RangeRead, byte_ranges, lines_in
from model.readers.safety import open_regular, sniff_binary
from model.readers.text import utf16_without_bom

CSV_SUFFIXES = (".csv", ".tsv")
_SNIFF_CHARS = 8192


@dataclass(frozen=True)
class CsvLayout:
    """How every range of one CSV file is read (plain values: it travels to the workers)."""

    suffix: str
    delimiter: str
    #: the line of the header row, and its column names
    header_line: int
    names: tuple[str, ...]
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CsvRange:
    start: int
    stop: int
    before: RangeCount


class _NotSplittable(Exception):
    pass


def _text_lines(path: Path, start: list[int]) -> Iterator[str]:
    """The file's lines as text (split on b"\\n"), each line's byte offset left in ``start[0]``;
    _NotSplittable for a line the byte ranges would not read as the whole-file reader does."""
    with open_regular(path) as fh:
        pos = 0
        while (got := read_line(fh, MAX_RECORD_BYTES)) is not None:
            raw, size = got
            if raw is None:
                raise _NotSplittable("a line over the record cap")
            if pos == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _NotSplittable("not UTF-8") from None
            if "\r" in text.removesuffix("\r\n"):
                raise _NotSplittable("a carriage return inside a line")
            start[0] = pos
            pos += size
            yield text


def _sniff_text(path: Path) -> str:
    """The file's first 8192 characters (as the whole-file reader sniffs the delimiter on them)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    text = ""
    with open_regular(path) as fh:
        while len(text) <= _SNIFF_CHARS:  # one more: a byte-order mark is not text
            chunk = fh.read(_SNIFF_CHARS)
            try:
                text += decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                raise _NotSplittable("not UTF-8") from None
            if not chunk:
                break
    return text.removeprefix("\ufeff")[:_SNIFF_CHARS]


def _plain_utf8(path: Path) -> bool:
    """True unless the whole-file reader would decode ``path`` other than as UTF-8 (or refuse it)."""
    with open_regular(path) as fh:
        head = fh.read(_SNIFF_CHARS)
    if head.startswith(codecs.BOM_UTF8):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return False
    return sniff_binary(head) is None


def csv_layout(path: Path, text_field: str | None, part_bytes: int) -> tuple[CsvLayout, list[CsvRange]] | None:
    """The layout of ``path`` and its byte ranges of about ``part_bytes``, or None when the file
    must be read whole (see the module's docstring)."""
    try:
        if not _plain_utf8(path):
            return None
        return _scan(path, text_field, part_bytes)
    except (_NotSplittable, csv.Error, LoadError, OSError):
        return None


def _scan(path: Path, text_field: str | None, part_bytes: int) -> tuple[CsvLayout, list[CsvRange]] | None:
    suffix = path.suffix.lower()
    delimiter = csv_delimiter(_sniff_text(path), suffix)
    size = path.stat().st_size
    step = max(1, part_bytes)
    spans = byte_ranges(size, step)
    lines = [0] * len(spans)
    items = [0] * len(spans)
    csv.field_size_limit(MAX_RECORD_BYTES)
    at = [0]
    reader = csv.reader(_text_lines(path, at), delimiter=delimiter)
    names: list[str] | None = None
    header_line = 0
    fields: tuple[str, ...] | None = None
    done = 0
    for row in reader:
        if reader.line_num != done + 1:
            return None  # this record spans lines (a quoted line break)
        done = reader.line_num
        k = min(at[0] // step, len(spans) - 1)
        lines[k] += 1
        if not any(cell.strip() for cell in row):
            continue
        if names is None:
            names, header_line = [cell.strip() for cell in row], done
            continue
        if fields is None:
            keys = [n for n, _ in zip(names, row, strict=False) if n]
            if is_app_export(keys):
                return None  # the whole-file reader skips it, with the reason
            fields = text_fields_for(keys, text_field)
        items[k] += 1
    if names is None or fields is None:
        return None
    ranges, before = [], RangeCount(0, 0)
    for (a, b), n, m in zip(spans, lines, items, strict=True):
        ranges.append(CsvRange(a, b, before))
        before = RangeCount(before.lines + n, before.items + m)
    return CsvLayout(suffix, delimiter, header_line, tuple(names), fields), ranges


def read_csv_range(path: str, start: int, stop: int, before: RangeCount, layout: CsvLayout,
                   cap: int = MAX_RECORD_BYTES) -> RangeRead:
    """Records of the lines starting in ``[start, stop)`` of a file :func:`csv_layout` accepted."""
    p = Path(path)
    fmt = layout.suffix.lstrip(".")
    docs: list[Document] = []
    issues: list[LoadIssue] = []
    line_no, item_no = before.lines, before.items
    csv.field_size_limit(MAX_RECORD_BYTES)
    try:
        fh = open_regular(p)
    except OSError as exc:
        raise LoadError(f"cannot be read: {exc.strerror or exc}") from None
    with fh:
        for offset, raw, size in lines_in(fh, start, stop, cap):
            line_no += 1
            if line_no <= layout.header_line:
                continue
            where = f"line {line_no}"
            if raw is None:
                item_no += 1
                issues.append(LoadIssue(f"{p} ({where})", str(record_too_big(where, size))))
                continue
            if offset == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            row = next(csv.reader([raw.decode("utf-8")], delimiter=layout.delimiter), [])
            if not any(cell.strip() for cell in row):
                continue
            item_no += 1
            rec = {k: v for k, v in zip(layout.names, row, strict=False) if k}
            doc = record_document(rec, where, item_no, p, fmt, layout.fields, "utf-8")
            if isinstance(doc, LoadIssue):
                issues.append(doc)
            else:
                docs.append(doc)
    return RangeRead(docs, issues)
