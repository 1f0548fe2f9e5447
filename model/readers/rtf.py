"""Rich Text Format files (.rtf) as plain text, through striprtf.

News databases (LexisNexis, Factiva) download RTF exports whose text is the same as their text
exports; those are split into articles by :mod:`model.readers.exports` after this reader."""

from __future__ import annotations

import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from model.documents import Document, LoadError
from model.readers.dispatch import FileRead
from model.readers.safety import MAX_BYTES, check_text_size, guarded, read_capped
from model.readers.text import normalise_newlines, title_from_text

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_DEFAULT_CODEPAGE = "cp1252"


def _codepage(head: bytes) -> str:
    """The code page the RTF declares for its ``\\'xx`` bytes (``\\ansicpg1251``), else Windows-1252."""
    m = _CODEPAGE.search(head)
    if m is None:
        return _DEFAULT_CODEPAGE
    name = f"cp{int(m.group(1))}"
    try:
        "".encode(name)
    except LookupError:
        return _DEFAULT_CODEPAGE
    return name


def read_rtf(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> FileRead:
    """The document of an RTF file; LoadError when it is not RTF or has no text."""
    data = read_capped(path, max_bytes)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise LoadError("not an RTF file (it does not start with {\\rtf)")
    with guarded("RTF file"):
        # RTF is 7-bit: other characters are escaped (\'e9, \u8220?); a stray 8-bit byte is read as Latin-1
        text = rtf_to_text(data.decode("latin-1"), encoding=_codepage(data[:4096]), errors="replace")
    text = normalise_newlines(text).replace("\xa0", " ").strip()
    if not text:
        raise LoadError("the RTF file has no text")
    check_text_size(len(text), max_bytes)
    doc = Document(
        id=doc_id if doc_id is not None else str(path), text=text, title=title_from_text(text, path),
        path=str(path), format="rtf",
    )
    return FileRead([doc])
