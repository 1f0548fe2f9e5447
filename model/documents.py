"""Documents and the report of a load.

A :class:`Document` is one text with its metadata; a :class:`LoadReport`
lists what could not be read (by file name and a reason a user understands)
and what was skipped, so that nothing is silently dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

# "ISLAMABAD:" / "KABUL, Sept 9 (Reuters) -" / "NEW YORK (AP) —" at the very start.
_DATELINE = re.compile(
    r"""^\s*(?P<place>[A-Z][A-Z .'\-]{1,40}?[A-Z])      # all-caps place
        (?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?             # optional ", Sept 9"
        (?:\s*\([^)]{1,40}\))?                             # optional "(Reuters)"
        \s*(?::|-|—|–)\s+""",
    re.VERBOSE,
)


def content_hash(text: str) -> str:
    """Stable hash of a text, insensitive to whitespace differences (wire copies)."""
    norm = " ".join(text.split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def find_dateline(text: str) -> tuple[str, int] | None:
    """The dateline place a report opens with, and where the body starts."""
    m = _DATELINE.match(text[:120])
    if not m:
        return None
    return m.group("place").title(), m.end()


@dataclass(frozen=True)
class Document:
    """One text and its metadata.  ``id`` is unique within a load."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None          # ISO 8601 date (YYYY-MM-DD) when known
    source: str | None = None        # outlet
    url: str | None = None
    path: str | None = None          # file it came from
    format: str = "txt"
    encoding: str | None = None
    speaker_country: str | None = None   # ISO3 of the voice of the document
    dateline: str | None = None
    hash: str = ""
    also_sources: tuple[str, ...] = ()   # other files/outlets with the same text

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))
        if self.dateline is None:
            found = find_dateline(self.text)
            if found:
                object.__setattr__(self, "dateline", found[0])

    @property
    def words(self) -> int:
        return len(self.text.split())

    def with_also(self, other: str) -> Document:
        return replace(self, also_sources=(*self.also_sources, other))


@dataclass(frozen=True)
class LoadIssue:
    """One file (or record) that was not loaded, and why."""

    path: str
    reason: str
    kind: str = "error"  # "error" (failed) or "skipped" (not a document type)


@dataclass
class LoadReport:
    """Documents read, and issues met, by a load."""

    documents: list[Document] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)
    files_seen: int = 0
    cancelled: bool = False

    @property
    def errors(self) -> list[LoadIssue]:
        return [i for i in self.issues if i.kind == "error"]

    @property
    def skipped(self) -> list[LoadIssue]:
        return [i for i in self.issues if i.kind == "skipped"]


class LoadError(Exception):
    """A file cannot be read as a document; the message says why, in plain words."""
