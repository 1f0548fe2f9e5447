"""PDF files: text per page (pypdf), title and date from the document info.

pypdf has had infinite-loop and memory bugs on crafted files, so the loader
runs this reader in a worker process with a time limit (see
:mod:`model.readers.pool`); here it is a plain function.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from model.documents import Document, LoadError
from model.readers.meta import clean, iso_date
from model.readers.safety import CONTAINER_FACTOR, MAX_BYTES, check_size, check_text_size, guarded
from model.readers.text import normalise_newlines

logging.getLogger("pypdf").setLevel(logging.ERROR)

PAGE_BREAK = "\n\n"


def _open(path: Path) -> PdfReader:
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(-min(path.stat().st_size, 2048), 2)
        tail = fh.read()
    if b"%PDF-" not in head:
        raise LoadError("not a PDF file (no %PDF header)")
    if b"%%EOF" not in tail:
        raise LoadError("the PDF is truncated (no end-of-file marker); it may be an incomplete download")
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise LoadError("the PDF is password-protected")
        except (FileNotDecryptedError, NotImplementedError, DependencyError):
            raise LoadError("the PDF is encrypted and cannot be opened without its password") from None
    return reader


def _page_texts(reader: PdfReader, max_bytes: int) -> list[str]:
    texts: list[str] = []
    total = 0
    for page in reader.pages:
        t = normalise_newlines(page.extract_text() or "").strip()
        total += len(t) + len(PAGE_BREAK)
        check_text_size(total, max_bytes)
        texts.append(t)
    return texts


def _info(reader: PdfReader) -> tuple[str | None, str | None]:
    try:
        meta = reader.metadata
        if meta is None:
            return None, None
        title = clean(meta.title, 500)
        date = iso_date(meta.creation_date)
    except Exception:  # noqa: BLE001 - a broken info dictionary costs only the metadata
        return None, None
    return title, date


def read_pdf(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """One document from a PDF, pages separated by a blank line; LoadError when unreadable."""
    check_size(path, max_bytes, CONTAINER_FACTOR)
    with guarded("PDF"):
        reader = _open(path)
        pages = _page_texts(reader, max_bytes)
        title, date = _info(reader)
    if not any(pages):
        raise LoadError("the PDF has no text layer (a scan or images only?); OCR is not supported")
    starts: list[int] = []
    pos = 0
    for t in pages:
        starts.append(pos)
        pos += len(t) + len(PAGE_BREAK)
    return Document(
        id=doc_id if doc_id is not None else str(path),
        text=PAGE_BREAK.join(pages),
        title=title or next((line.strip() for line in pages[0].split("\n") if line.strip()), None),
        date=date,
        path=str(path),
        format="pdf",
        pages=tuple(starts),
    )
