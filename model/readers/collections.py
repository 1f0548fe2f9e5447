"""Collection files: one document per record (.jsonl, .json, .csv, .tsv; .xlsx in
:mod:`model.readers.xlsx`).

The text is the first non-empty column among ``text``, ``body``, ``content``,
``article`` (or the column the user names); ``id``, ``title``, ``date``,
``source``, ``url`` and ``speaker_country`` are used when present, other
columns ignored.  A record without text, a JSON line that does not parse, a
record over the size cap for one record, or a record the app fails on becomes an
issue naming its line; the other records still load.  JSON lines are split on
``\n`` only (U+2028 or U+0085 inside a string is text, not a line break), and
read as a stream.  The app's own exports (statement rows, matrix cells) are
recognised and skipped: they are not document sets.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from model.documents import Document, LoadError, LoadIssue, SkipFile
from model.errorlog import INTERNAL_ERROR, log_exception
from model.readers.meta import clean, iso3_country, iso_date
from model.readers.safety import MAX_BYTES, MB, check_text_size, mb, open_regular, read_capped, sniff_binary
from model.readers.text import Decoded, decode_text, normalise_newlines, utf16_without_bom

TEXT_FIELDS = ("text", "body", "content", "article")
#: alternative column names for the metadata fields
META_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "document_id", "uid"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate"),
    "source": ("source", "outlet", "publisher", "source_name"),
    "url": ("url", "link"),
    "speaker_country": ("speaker_country", "country"),
}
_CSV_DELIMITERS = ",;\t|"
#: one record (a JSON line, a CSV field) may not be larger than this, whatever the file cap:
#: a single huge record would exhaust memory in parsing and analysis
MAX_RECORD_BYTES = 50 * MB
#: the columns of the matrix as ``export … -o OUT.csv`` writes it (model.export.tables.matrix_long)
MATRIX_CELL_COLUMNS = frozenset({"actor", "column", "count", "net", "label", "contradiction", "by"})
APP_EXPORT = "Stance Atlas export, not a document set"
_HEAD = 4096

#: a record, where it is in the file (for messages), or a problem found there
Record = tuple[str, Mapping[str, Any]]
Collection = tuple[list[Document], list[LoadIssue]]


class RecordProblem(Exception):
    """One record of a collection cannot be read; the rest can."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where = where


#: what a record source yields: a record, a record that cannot be read, or a warning on the file
Item = Record | RecordProblem | LoadIssue


def is_app_export(columns: Iterable[object]) -> bool:
    """True when ``columns`` are those of the app's own output (every statement-contract field,
    or the matrix cells) and none is a text column: a file to skip, not a document set."""
    cols = {str(c).strip().lower() for c in columns if c is not None}
    if cols & set(TEXT_FIELDS) or "actor" not in cols:
        return False
    if MATRIX_CELL_COLUMNS <= cols:
        return True
    from model.statements import STATEMENT_FIELDS  # noqa: PLC0415 - pandas only for a likely export

    return set(STATEMENT_FIELDS) <= cols


def record_too_big(where: str, size: int) -> RecordProblem:
    return RecordProblem(where, f"one record of {mb(size)}, over the {mb(MAX_RECORD_BYTES)} limit for a single record")


def parse_json_line(line: str, where: str) -> Record | RecordProblem:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordProblem(where, f"not valid JSON ({exc.msg})")
    except RecursionError:
        return RecordProblem(where, "not valid JSON (nested too deeply)")
    except ValueError as exc:  # e.g. an integer over Python's digit limit
        return RecordProblem(where, f"not valid JSON ({str(exc)[:120]})")
    if not isinstance(rec, dict):
        return RecordProblem(where, "not a JSON object")
    return where, rec


class LineDecoder:
    """Bytes of one JSON line to text: UTF-8; a line that is not is decoded as UTF-8 with the
    bad bytes replaced when it is mostly UTF-8, else with the encoding detected for it (kept
    for the following bad lines).  Counts the lines that needed either, for one warning."""

    def __init__(self) -> None:
        self.fallback: str | None = None
        self.odd_lines: list[int] = []
        self.replaced = 0

    def decode(self, raw: bytes, n: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        self.odd_lines.append(n)
        if self.fallback is not None:
            try:
                return raw.decode(self.fallback)
            except (UnicodeDecodeError, LookupError):
                pass
        try:
            decoded = decode_text(raw, collection=True)
        except LoadError:
            decoded = Decoded(raw.decode("utf-8", "replace"), "utf-8", 1)
        if decoded.encoding != "utf-8":
            self.fallback = decoded.encoding
        self.replaced += decoded.replaced
        return decoded.text

    def warning(self, path: Path) -> LoadIssue | None:
        if not self.odd_lines:
            return None
        first = ", ".join(str(n) for n in self.odd_lines[:5]) + (" …" if len(self.odd_lines) > 5 else "")
        how = f"decoded as {self.fallback}" if self.fallback else ""
        if self.replaced:
            how += ("; " if how else "") + f"{self.replaced} undecodable byte sequence(s) replaced by \ufffd"
        return LoadIssue(str(path), f"{len(self.odd_lines)} line(s) are not UTF-8 (line {first}): {how}", "warning")


def read_line(fh: IO[bytes], cap: int) -> tuple[bytes | None, int] | None:
    """The next line of ``fh`` (split on b"\\n" only) and its size in bytes; bytes None for a
    line over ``cap``, which is skipped without being held in memory.  None at the end."""
    line = fh.readline(cap + 1)
    if not line:
        return None
    if len(line) <= cap or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while chunk := fh.readline(MB):
        size += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return None, size


def _byte_lines(fh: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, size) of each line (:func:`read_line`)."""
    n = 0
    while (got := read_line(fh, cap)) is not None:
        n += 1
        yield n, got[0], got[1]


def _records_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """Records of a JSON-lines file, read line by line from the file."""
    with open_regular(path) as fh:
        head = fh.read(_HEAD)
        kind = sniff_binary(head)
        if kind not in (None, "binary"):
            raise LoadError(f"this is a {kind} file, not JSON lines")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):  # not UTF-8: decode it whole
            decoded = decode_text(read_capped(path, max_bytes), collection=True)
            for n, line in enumerate(decoded.text.split("\n"), 1):
                if line.strip():
                    yield parse_json_line(line, f"line {n}")
            return
        fh.seek(0)
        decoder = LineDecoder()
        for n, raw, size in _byte_lines(fh, MAX_RECORD_BYTES):
            where = f"line {n}"
            if raw is None:
                yield record_too_big(where, size)
                continue
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            yield parse_json_line(decoder.decode(raw, n), where)
        warning = decoder.warning(path)
        if warning is not None:
            yield warning


def _records_json(text: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise LoadError("not readable JSON (nested too deeply)") from None
    except ValueError as exc:
        raise LoadError(f"not valid JSON ({str(exc)[:120]})") from None
    if isinstance(data, dict):
        if str(data.get("app", "")).startswith("Stance Atlas") and "cells" in data:
            raise SkipFile(APP_EXPORT)
        for key in ("documents", "records", "articles", "items", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise LoadError("JSON must be a list of objects, or an object with a 'documents' list")
    for n, rec in enumerate(data, 1):
        if isinstance(rec, dict):
            yield f"record {n}", rec
        else:
            yield RecordProblem(f"record {n}", "not a JSON object")


def csv_delimiter(text: str, suffix: str) -> str:
    """The delimiter of a CSV ``text``, sniffed on its first 8192 characters (a tab for .tsv)."""
    if suffix == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _records_csv(text: str, suffix: str) -> Iterator[Item]:
    """Records under the first non-empty row; a row the csv module refuses is reported by the
    line it starts on and reading goes on with the next line."""
    csv.field_size_limit(MAX_RECORD_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text, suffix))
    names: list[str] | None = None
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RecordProblem(f"line {start}", f"not valid CSV ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if names is None:
            names = [cell.strip() for cell in row]
            continue
        yield f"line {start}", {k: v for k, v in zip(names, row, strict=False) if k}


def _pick(low: Mapping[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        value = low.get(name)
        if value is not None and str(value).strip():
            return value
    return None


def record_to_document(
    rec: Mapping[str, Any], where: str, n: int, path: Path, fmt: str, text_fields: tuple[str, ...],
    encoding: str | None = "utf-8",
) -> Document:
    """A document from one record; RecordProblem when the record has no text."""
    low = {str(k).strip().lower(): v for k, v in rec.items() if k is not None}
    text = _pick(low, text_fields)
    if not isinstance(text, str):
        if text is None:
            raise RecordProblem(where, f"no text (looked in {', '.join(text_fields)})")
        text = str(text)
    if len(text) > MAX_RECORD_BYTES:
        raise record_too_big(where, len(text))
    meta = {key: _pick(low, names) for key, names in META_ALIASES.items()}
    country = clean(meta["speaker_country"], 100)
    return Document(
        id=clean(meta["id"], 500) or f"{path.name}#{n}",
        text=normalise_newlines(text).strip(),
        title=clean(meta["title"], 500),
        date=iso_date(meta["date"]),
        source=clean(meta["source"], 200),
        url=clean(meta["url"], 2000),
        speaker_country=(iso3_country(country) or country) if country else None,
        path=str(path),
        format=fmt,
        encoding=encoding,
    )


def text_fields_for(columns: Iterable[str], text_field: str | None) -> tuple[str, ...]:
    """The text column(s) to read; LoadError when a named column is missing."""
    if not text_field:
        return TEXT_FIELDS
    want = text_field.strip().lower()
    cols = [str(c).strip().lower() for c in columns if c is not None]
    if cols and want not in cols:
        raise LoadError(f"there is no column '{text_field}' (columns: {', '.join(cols[:20])})")
    return (want,)


def record_document(
    rec: Mapping[str, Any], where: str, n: int, path: Path, fmt: str, fields: tuple[str, ...], encoding: str | None,
) -> Document | LoadIssue:
    """The document of one record, or the issue that costs this record only."""
    try:
        return record_to_document(rec, where, n, path, fmt, fields, encoding)
    except RecordProblem as p:
        return LoadIssue(f"{path} ({p.where})", str(p), "skipped")
    except MemoryError:
        return LoadIssue(f"{path} ({where})", "too large to read: the record needs more memory than a reader may use")
    except Exception as exc:  # noqa: BLE001 - a bug met on one record costs that record only
        log_exception(f"reading {path} ({where})", exc)
        return LoadIssue(f"{path} ({where})", f"could not be read: {INTERNAL_ERROR}")


def collect(
    records: Iterable[Item], path: Path, fmt: str, text_field: str | None, max_bytes: int,
    encoding: str | None = "utf-8",
) -> Collection:
    """Documents of a collection's records, and the records that could not be read.

    SkipFile when the first record is a row of the app's own output."""
    docs: list[Document] = []
    issues: list[LoadIssue] = []
    warnings: list[LoadIssue] = []
    fields: tuple[str, ...] | None = None
    total = 0
    for n, item in enumerate(records, 1):
        if isinstance(item, LoadIssue):
            warnings.append(item)
            continue
        if isinstance(item, RecordProblem):
            issues.append(LoadIssue(f"{path} ({item.where})", str(item)))
            continue
        where, rec = item
        if fields is None:
            if is_app_export(rec.keys()):
                raise SkipFile(APP_EXPORT)
            fields = text_fields_for(rec.keys(), text_field)
        doc = record_document(rec, where, n, path, fmt, fields, encoding)
        if isinstance(doc, LoadIssue):
            issues.append(doc)
            continue
        total += len(doc.text)
        check_text_size(total, max_bytes)
        docs.append(doc)
    if not docs:
        if not issues:
            raise LoadError("the collection holds no records")
        first = issues[0]
        raise LoadError(f"no record could be read ({len(issues)} problems; first: {first.path}: {first.reason})")
    return docs, issues + warnings


def read_collection(path: Path, text_field: str | None = None, max_bytes: int = MAX_BYTES) -> Collection:
    """Documents of a .jsonl/.json/.csv/.tsv file, and the records that failed."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with open_regular(path) as fh:
            size = fh.seek(0, io.SEEK_END)
        if size == 0:
            raise LoadError("the file is empty")
        if size > max_bytes:
            raise LoadError(f"the file is {mb(size)}, over the {mb(max_bytes)} limit for this type")
        return collect(_records_jsonl(path, max_bytes), path, "jsonl", text_field, max_bytes, "utf-8")
    decoded = decode_text(read_capped(path, max_bytes), collection=True)
    records = _records_json(decoded.text) if suffix == ".json" else _records_csv(decoded.text, suffix)
    docs, issues = collect(records, path, suffix.lstrip("."), text_field, max_bytes, decoded.encoding)
    warning = decoded.warning(str(path))
    return docs, issues + ([warning] if warning else [])
