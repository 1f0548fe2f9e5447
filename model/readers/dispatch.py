"""Which reader reads which file, and the options every reader takes.

Readers are imported on first use, so loading plain text never pays for
importing the PDF or HTML libraries.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from model.documents import Document, LoadError, LoadIssue
from model.readers.safety import MAX_BYTES

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
COLLECTION_SUFFIXES = frozenset({".jsonl", ".csv", ".tsv", ".json"})
#: suffix -> (module, function); single-document readers take (path, doc_id, max_bytes) and
#: return a Document (or a FileRead, to add warnings); collection readers take
#: (path, text_field, max_bytes) and return (documents, issues)
_READERS: dict[str, tuple[str, str]] = {
    **{s: ("model.readers.text", "read_text_file") for s in TEXT_SUFFIXES},
    **{s: ("model.readers.factiva", "read_web_page") for s in HTML_SUFFIXES},  # Factiva downloads, else html
    ".pdf": ("model.readers.pdf", "read_pdf"),
    ".docx": ("model.readers.docx", "read_docx"),
    **{s: ("model.readers.collections", "read_collection") for s in COLLECTION_SUFFIXES},
    ".xlsx": ("model.readers.xlsx", "read_xlsx"),
    ".rtf": ("model.readers.rtf", "read_rtf"),
    ".xml": ("model.readers.factiva", "read_factiva_xml"),  # Factiva downloads only
}
COLLECTIONS = COLLECTION_SUFFIXES | {".xlsx"}
#: formats whose parsers are slow, memory-hungry or have had hangs: always read in a worker
#: process with a time and memory limit, whatever their number
HEAVY_SUFFIXES = frozenset({".pdf", ".docx", ".xlsx", ".rtf", ".xml"} | HTML_SUFFIXES)
#: formats whose text may be a news-database export of many articles (LexisNexis, Nexis Uni, Factiva):
#: the text a reader gives is split into articles by ``model.readers.exports``
SPLIT_SUFFIXES = frozenset(TEXT_SUFFIXES | {".docx", ".rtf"})

#: which reader reads a file: (module, function name); resolved where the load is planned and
#: passed to the worker process that runs it
ReaderRef = tuple[str, str]


def supported_suffixes() -> set[str]:
    return set(_READERS)


def reader_modules(suffixes: set[str]) -> list[str]:
    return sorted({_READERS[s][0] for s in suffixes if s in _READERS})


def reader_for(suffix: str) -> ReaderRef | None:
    return _READERS.get(suffix.lower())


@dataclass(frozen=True)
class ReadOptions:
    """Options of a load; passed to worker processes, so plain values only."""

    text_field: str | None = None   # collection column holding the text
    max_bytes: int = MAX_BYTES      # size cap per file (containers: see safety.CONTAINER_FACTOR)
    timeout: float = 60.0           # seconds a worker may spend on one file


@dataclass
class FileRead:
    """What one file gave: its documents, and records in it that failed."""

    documents: list[Document] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)


def read_file(
    path: Path, options: ReadOptions | None = None, given: str | None = None, reader: ReaderRef | None = None,
) -> FileRead:
    """Documents in one file; raises LoadError with a plain reason.

    ``reader`` is the (module, function) to use, when the caller has already chosen it."""
    options = options or ReadOptions()
    suffix = path.suffix.lower()
    ref = reader or _READERS.get(suffix)
    if ref is None:
        raise LoadError(f"unsupported file type '{suffix or path.name}'")
    module, name = ref
    try:
        func = getattr(importlib.import_module(module), name)
    except ImportError as exc:
        raise LoadError(f"the reader for {suffix} files is not installed ({exc.name or exc}); run `make setup`") from None
    if suffix in COLLECTIONS:
        docs, issues = func(path, options.text_field, options.max_bytes)
        return FileRead(docs, issues)
    result = func(path, given if given is not None else str(path), options.max_bytes)
    read = result if isinstance(result, FileRead) else FileRead([result])
    if suffix in SPLIT_SUFFIXES:
        from model.readers.exports import split_read  # imports this module

        read = split_read(read, path)
    return read
