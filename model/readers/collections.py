"""Collection files: one document per record (.jsonl, .json, .csv, .tsv)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from model.documents import Document, LoadError
from model.readers.text import decode_bytes

TEXT_FIELDS = ("text", "body", "content", "article")
META_FIELDS = ("title", "date", "source", "url", "speaker_country")


def _records_jsonl(text: str) -> Iterable[Mapping[str, Any]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LoadError(f"line {n} is not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise LoadError(f"line {n} is not a JSON object")
        yield rec


def _records_json(text: str) -> Iterable[Mapping[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, dict):
        data = data.get("documents", data.get("records", [data]))
    if not isinstance(data, list):
        raise LoadError("JSON must be a list of objects or an object with 'documents'")
    return [r for r in data if isinstance(r, dict)]


def _records_csv(text: str, delimiter: str) -> Iterable[Mapping[str, Any]]:
    csv.field_size_limit(50 * 1024 * 1024)
    try:
        return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise LoadError(f"not valid CSV ({exc})") from None


def records_to_documents(
    records: Iterable[Mapping[str, Any]], path: Path, fmt: str, text_field: str | None = None
) -> list[Document]:
    docs: list[Document] = []
    fields = (text_field,) if text_field else TEXT_FIELDS
    for n, rec in enumerate(records, 1):
        low = {str(k).strip().lower(): v for k, v in rec.items() if k is not None}
        text = next((low[f] for f in fields if isinstance(low.get(f), str) and low[f].strip()), None)
        if text is None:
            continue
        meta = {k: (str(low[k]).strip() or None) if low.get(k) not in (None, "") else None for k in META_FIELDS}
        sc = meta["speaker_country"]
        docs.append(
            Document(
                id=str(low.get("id") or f"{path.name}#{n}"),
                text=text,
                path=str(path),
                format=fmt,
                encoding="utf-8",
                title=meta["title"],
                date=meta["date"],
                source=meta["source"],
                url=meta["url"],
                speaker_country=sc.upper() if sc else None,
            )
        )
    if not docs:
        raise LoadError(f"no record has a text field (looked for {', '.join(fields)})")
    return docs


def read_collection(path: Path, text_field: str | None = None) -> list[Document]:
    text, _ = decode_bytes(path.read_bytes(), path.name)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        records = _records_jsonl(text)
    elif suffix == ".json":
        records = _records_json(text)
    else:
        records = _records_csv(text, "\t" if suffix == ".tsv" else ",")
    return records_to_documents(records, path, suffix.lstrip("."), text_field)
