"""Plain text files (.txt, .md) with the encoding detected."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from model.documents import Document, LoadError

MAX_BYTES = 50 * 1024 * 1024


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of ``data``; LoadError when it is not text."""
    if not data.strip():
        raise LoadError("the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise LoadError("the bytes are not text in any known encoding")
    return str(best), best.encoding


def read_text(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(f"the file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit")
    text, encoding = decode_bytes(path.read_bytes(), path.name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.strip().split("\n", 1)[0]
    return Document(
        id=doc_id if doc_id is not None else str(path),
        text=text,
        title=path.stem.replace("-", " ").replace("_", " ") if len(first) > 120 else first,
        path=str(path),
        format=path.suffix.lower().lstrip(".") or "txt",
        encoding=encoding,
    )
