"""Collection files: one document per record (.jsonl, .json, .csv, .tsv; .xlsx in
:mod:`model.readers.xlsx`).

The text is the first non-empty column among ``text``, ``body``, ``content``,
``article`` (or the column the user names); ``id``, ``title``, ``date``,
``source``, ``url`` and ``speaker_country`` are used when present, other
columns ignored.  A record without text, or a JSON line that does not parse,
becomes an issue naming its line; the other records still load.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from model.documents import Document, LoadError, LoadIssue
from model.readers.meta import clean, iso3_country, iso_date
from model.readers.safety import MAX_BYTES, check_text_size, read_capped
from model.readers.text import decode_bytes, normalise_newlines

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

#: a record, where it is in the file (for messages), or a problem found there
Record = tuple[str, Mapping[str, Any]]
Collection = tuple[list[Document], list[LoadIssue]]


class RecordProblem(Exception):
    """One record of a collection cannot be read; the rest can."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where = where


def _records_jsonl(text: str) -> Iterator[Record | RecordProblem]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield RecordProblem(f"line {n}", f"not valid JSON ({msg})")
            continue
        if not isinstance(rec, dict):
            yield RecordProblem(f"line {n}", "not a JSON object")
            continue
        yield f"line {n}", rec


def _records_json(text: str) -> Iterator[Record | RecordProblem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise LoadError("not readable JSON (nested too deeply)") from None
    if isinstance(data, dict):
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


def _delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _records_csv(text: str, suffix: str) -> Iterator[Record | RecordProblem]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text, suffix))
    try:
        for rec in reader:
            yield f"line {reader.line_num}", rec
    except csv.Error as exc:
        yield RecordProblem(f"line {reader.line_num}", f"not valid CSV ({exc}); the rest of the file was not read")


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


def collect(
    records: Iterable[Record | RecordProblem], path: Path, fmt: str, text_field: str | None, max_bytes: int,
    encoding: str | None = "utf-8",
) -> Collection:
    """Documents of a collection's records, and the records that could not be read."""
    docs: list[Document] = []
    issues: list[LoadIssue] = []
    fields: tuple[str, ...] | None = None
    total = 0
    for n, item in enumerate(records, 1):
        if isinstance(item, RecordProblem):
            issues.append(LoadIssue(f"{path} ({item.where})", str(item)))
            continue
        where, rec = item
        if fields is None:
            fields = text_fields_for(rec.keys(), text_field)
        try:
            doc = record_to_document(rec, where, n, path, fmt, fields, encoding)
        except RecordProblem as p:
            issues.append(LoadIssue(f"{path} ({p.where})", str(p), "skipped"))
            continue
        total += len(doc.text)
        check_text_size(total, max_bytes)
        docs.append(doc)
    if not docs:
        if not issues:
            raise LoadError("the collection holds no records")
        first = issues[0]
        raise LoadError(f"no record could be read ({len(issues)} problems; first: {first.path}: {first.reason})")
    return docs, issues


def read_collection(path: Path, text_field: str | None = None, max_bytes: int = MAX_BYTES) -> Collection:
    """Documents of a .jsonl/.json/.csv/.tsv file, and the records that failed."""
    text, encoding = decode_bytes(read_capped(path, max_bytes), path.name)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        records: Iterable[Record | RecordProblem] = _records_jsonl(text)
    elif suffix == ".json":
        records = _records_json(text)
    else:
        records = _records_csv(text, suffix)
    return collect(records, path, suffix.lstrip("."), text_field, max_bytes, encoding)
