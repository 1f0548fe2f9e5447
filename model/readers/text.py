"""Plain text files (.txt, .md) with the encoding detected (charset-normalizer)."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from model.documents import Document, LoadError
from model.readers.safety import MAX_BYTES, read_capped, sniff_binary

# C0 controls other than tab, newline, carriage return, form feed; and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_TITLE_MAX = 120


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1)


def decode_bytes(data: bytes, name: str = "") -> tuple[str, str]:
    """Text and encoding of ``data``; LoadError when it is not text."""
    if not data.strip():
        raise LoadError("the file is empty")
    kind = sniff_binary(data[:8192])
    if kind is not None:
        raise LoadError(f"this is a {kind} file, not text" if kind != "binary" else "looks like a binary file, not text")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise LoadError("the bytes are not text in any known encoding") from None
        text, encoding = str(best), best.encoding
    if not text.strip():
        raise LoadError("the file is empty (no text after decoding)")
    if _looks_binary(text):
        raise LoadError("looks like a binary file, not text (too many control characters)")
    return text, encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_from_text(text: str, path: Path) -> str:
    """First non-empty line when it is short enough to be a title, else the file name."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= _TITLE_MAX else path.stem.replace("-", " ").replace("_", " ")
    return path.stem


def read_text(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """One document from a text file; LoadError names what is wrong with it."""
    text, encoding = decode_bytes(read_capped(path, max_bytes), path.name)
    text = normalise_newlines(text)
    return Document(
        id=doc_id if doc_id is not None else str(path),
        text=text,
        title=title_from_text(text, path),
        path=str(path),
        format=path.suffix.lower().lstrip(".") or "txt",
        encoding=encoding,
    )
