"""Plain text files (.txt, .md) with the encoding detected (charset-normalizer)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from model.documents import Document, LoadError, LoadIssue
from model.readers.dispatch import FileRead
from model.readers.safety import MAX_BYTES, read_capped, sniff_binary

# C0 controls other than tab, newline, carriage return, form feed; and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_TITLE_MAX = 120


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"),  # before UTF-16: FF FE 00 00
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16"),
)
_UTF16_SAMPLE = 4096
_UTF16_ZERO_SHARE = 0.3    # of the high bytes of UTF-16 text, at least this share are 0 (Latin script)
_UTF16_NOISE_SHARE = 0.05  # and of the low bytes at most this share
_FFFD = "\ufffd"


class Decoded(NamedTuple):
    """A file's text, its encoding, and how many undecodable byte runs were replaced by U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0

    def warning(self, path: str) -> LoadIssue | None:
        if not self.replaced:
            return None
        return LoadIssue(
            path, f"read as {self.encoding}; {self.replaced} byte sequence(s) that are not valid "
            f"{self.encoding} were replaced by \ufffd", "warning",
        )


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when ``data`` looks like UTF-16 text without a byte-order mark."""
    head = data[:_UTF16_SAMPLE]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if odd >= _UTF16_ZERO_SHARE * pairs and even <= _UTF16_NOISE_SHARE * pairs:
        return "utf_16_le"
    if even >= _UTF16_ZERO_SHARE * pairs and odd <= _UTF16_NOISE_SHARE * pairs:
        return "utf_16_be"
    return None


def _counted(data: bytes, encoding: str) -> Decoded:
    """``data`` decoded with ``encoding``, undecodable runs replaced and counted."""
    try:
        return Decoded(data.decode(encoding), encoding.removesuffix("-sig"))
    except UnicodeDecodeError:
        text = data.decode(encoding, "replace")
        before = data.decode(encoding, "ignore").count(_FFFD)
        return Decoded(text, encoding.removesuffix("-sig"), text.count(_FFFD) - before)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """``data`` as UTF-8 with the few broken sequences replaced, when it is UTF-8 text with a
    few bad bytes (more valid non-ASCII characters than broken sequences), else None."""
    decoded = _counted(data, "utf-8")
    valid = len(decoded.text) - len(decoded.text.encode("ascii", "ignore")) - decoded.replaced
    return decoded if valid >= decoded.replaced else None


def decode_text(data: bytes, collection: bool = False) -> Decoded:
    """Text and encoding of ``data``; LoadError when it is not text.

    A byte-order mark wins; UTF-16 without one is recognised from its zero bytes; then strict
    UTF-8; then UTF-8 with a few broken sequences replaced (and counted, for a warning) when
    the rest is clearly UTF-8; then the encoding charset-normalizer finds most likely.
    For a ``collection`` a few binary bytes are not a reason to refuse the file: they cost
    the records they are in."""
    if not data.strip():
        raise LoadError("the file is empty")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    kind = sniff_binary(data[:8192]) if encoding is None else None
    if kind is not None and kind != "binary":
        raise LoadError(f"this is a {kind} file, not text")
    encoding = encoding or utf16_without_bom(data)
    decoded: Decoded | None = None
    if encoding is not None:
        decoded = _counted(data, encoding)
    else:
        if kind is not None and not collection:
            raise LoadError("looks like a binary file, not text")
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = _mostly_utf8(data)
        if decoded is None:
            best = from_bytes(data).best()
            if best is None:
                raise LoadError("the bytes are not text in any known encoding") from None
            decoded = Decoded(str(best), best.encoding)
    if not decoded.text.strip():
        raise LoadError("the file is empty (no text after decoding)")
    if not collection and _looks_binary(decoded.text):
        raise LoadError("looks like a binary file, not text (too many control characters)")
    return decoded


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
    return read_text_file(path, doc_id, max_bytes).documents[0]


def read_text_file(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> FileRead:
    """The document of a text file, with a warning when undecodable bytes were replaced."""
    decoded = decode_text(read_capped(path, max_bytes))
    text = normalise_newlines(decoded.text)
    doc = Document(
        id=doc_id if doc_id is not None else str(path),
        text=text,
        title=title_from_text(text, path),
        path=str(path),
        format=path.suffix.lower().lstrip(".") or "txt",
        encoding=decoded.encoding,
    )
    warning = decoded.warning(doc.id)
    return FileRead([doc], [warning] if warning else [])
