"""Checks that run before a file is parsed, so hostile input fails fast and clearly.

* :func:`check_size` — the per-file size cap.
* :func:`sniff_binary` — a binary file wearing a text suffix.
* :func:`check_zip` — a zip container (.docx/.xlsx) is refused from its
  central directory alone, before anything is inflated, when its declared
  sizes or compression ratio are absurd (zip bomb).
* :func:`check_xml_parts` — no XML part may declare a DTD or entities
  (billion laughs, external entities); checked with defusedxml.
* :func:`guarded` — turns whatever a third-party parser raises on garbage into
  a :class:`LoadError` with a plain reason.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from model.documents import LoadError, SkipFile

MB = 1024 * 1024
MAX_BYTES = 50 * MB          # default cap on a file (and on the text of a container)
CONTAINER_FACTOR = 4         # .pdf/.docx/.xlsx files may be this many times the cap (images)
ZIP_INFLATE_FACTOR = 8       # total declared uncompressed size of a zip, in caps
ZIP_MAX_RATIO = 200          # per member, when the member is large
ZIP_RATIO_FLOOR = 2 * MB     # members smaller than this may compress as well as they like
ZIP_MAX_MEMBERS = 10_000
XML_PROLOG_LIMIT = 1 * MB    # a DTD must come before the root element; read at most this far

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "zip (Word/Excel or archive)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Office (.doc/.xls)"),
    (b"\x7fELF", "program"),
    (b"MZ", "Windows program"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
)


def mb(n: int | float) -> str:
    return f"{n / MB:.1f} MB" if n < 10 * MB else f"{n / MB:.0f} MB"


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading, after checking on the open file that it is a regular file.

    Opened with O_NONBLOCK so that a named pipe swapped in after the folder was listed can
    never hang the load; SkipFile names what it is instead."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SkipFile(f"not a document file: this is {special_kind(mode)}")
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_bytes(size: int, max_bytes: int) -> None:
    if size == 0:
        raise LoadError("the file is empty")
    if size > max_bytes:
        raise LoadError(f"the file is {mb(size)}, over the {mb(max_bytes)} limit for this type")


def check_size(path: Path, max_bytes: int, factor: int = 1) -> int:
    """Size of ``path``; LoadError when it is empty or over ``factor × max_bytes``
    (SkipFile when it is not a regular file)."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
    _check_bytes(size, max_bytes * factor)
    return size


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` (one open, one stat); LoadError when empty or over the cap."""
    with open_regular(path) as fh:
        _check_bytes(os.fstat(fh.fileno()).st_size, max_bytes)
        return fh.read(max_bytes)  # a file that grows meanwhile stays under the cap


def check_text_size(chars: int, max_bytes: int) -> None:
    if chars > max_bytes:
        raise LoadError(f"the text is over the {mb(max_bytes)} limit")


def sniff_binary(head: bytes) -> str | None:
    """Name of the binary kind ``head`` starts with, if it is a known one."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):   # UTF-16 text with a BOM
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head[:8192]:
        return "binary"
    return None


def check_zip(path: Path, max_bytes: int, kind: str) -> None:
    """Refuse a corrupt or bomb-like zip container from its directory alone."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise LoadError(f"not a valid {kind} file: the zip container is damaged ({exc})") from None
    except (OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise LoadError(f"not a valid {kind} file: the zip container is damaged ({exc})") from None
    if len(infos) > ZIP_MAX_MEMBERS:
        raise LoadError(f"refused: the {kind} holds {len(infos)} parts (more than {ZIP_MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    limit = max_bytes * ZIP_INFLATE_FACTOR
    if total > limit:
        raise LoadError(
            f"refused: the {kind} would unpack to {mb(total)} (limit {mb(limit)}); it may be a zip bomb"
        )
    for i in infos:
        if i.file_size > ZIP_RATIO_FLOOR and i.file_size > ZIP_MAX_RATIO * max(i.compress_size, 1):
            ratio = i.file_size / max(i.compress_size, 1)
            raise LoadError(
                f"refused: part '{i.filename}' is compressed {ratio:.0f}:1 (limit {ZIP_MAX_RATIO}:1); "
                "it may be a zip bomb"
            )


class _RootReached(Exception):
    pass


class _StopAtRoot:
    """Tree-builder target that stops the parse at the first element."""

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        raise _RootReached

    def close(self) -> None:
        return None


def check_xml_prolog(data: Iterator[bytes], name: str) -> None:
    """Refuse an XML stream whose prolog declares a DTD or entities."""
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    read = 0
    try:
        for chunk in data:
            parser.feed(chunk)
            read += len(chunk)
            if read > XML_PROLOG_LIMIT:
                raise LoadError(f"refused: part '{name}' has no root element in its first {mb(XML_PROLOG_LIMIT)}")
    except _RootReached:
        return
    except DefusedXmlException:
        raise LoadError(
            f"refused: part '{name}' declares XML entities or a DTD "
            "(possible entity-expansion or external-entity attack)"
        ) from None
    except SyntaxError as exc:  # xml.etree.ElementTree.ParseError
        raise LoadError(f"part '{name}' is not valid XML ({exc})") from None


def _chunks(fh: IO[bytes], size: int = 16384) -> Iterator[bytes]:
    while chunk := fh.read(size):
        yield chunk


def check_xml_parts(path: Path, kind: str) -> None:
    """Every XML part of the (already size-checked) zip: no DTD, no entities."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not info.filename.lower().endswith((".xml", ".rels")) or info.file_size == 0:
                continue
            try:
                with zf.open(info) as fh:
                    check_xml_prolog(_chunks(fh), info.filename)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise LoadError(f"not a valid {kind} file: part '{info.filename}' is damaged ({exc})") from None


@contextmanager
def guarded(kind: str) -> Iterator[None]:
    """Turn any error a parser raises on a broken file into a LoadError."""
    try:
        yield
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(too_large(kind)) from None
    except RecursionError:
        raise LoadError(f"the {kind} is nested too deeply to read; it may be damaged or hostile") from None
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on garbage
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        if "memory allocation failed" in detail.lower():  # libxml2 out of memory under the worker's limit
            raise LoadError(too_large(kind)) from None
        raise LoadError(f"the {kind} is damaged or not a valid {kind} file ({detail})") from None


def too_large(kind: str = "file") -> str:
    """The reason for a file whose reading ran out of the memory a reader may use."""
    return f"too large to read: the {kind} needs more memory than a reader may use; it may be damaged or hostile"
