"""Documents and the report of a load.

A :class:`Document` is one text with its metadata; a :class:`LoadReport`
lists what could not be read (by file name and a reason a user understands)
and what was skipped, so that nothing is silently dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

from model.errorlog import safe_text

# "ISLAMABAD:" / "KABUL, Sept 9 (Reuters) -" / "KABUL, Afghanistan (AP) —" /
# "NEW DELHI, 9 September 2023 /PRNewswire/ --" at the start of a line.
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'\-]*(?:\ [A-Z][A-Z.'\-]*){0,3})           # all-caps place, up to 4 words
        (?:,\ [A-Z][a-z]+(?:\ [A-Z][a-z]+)?)?                          # optional ", Afghanistan"
        (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?  # ", Sept 9"
        (?:\s*\([^()\n]{1,40}\))?                                       # optional "(Reuters)"
        (?:\s*/[^/\n]{1,40}/)?                                          # optional "/PRNewswire/"
        \s*(?::|--|-|—|–)\s+""",
    re.VERBOSE,
)
_DATELINE_LINES = 4      # a title or byline may come first
_DATELINE_WINDOW = 600   # characters


def clean_text(value: str) -> str:
    """``value`` with every lone surrogate (undecodable file-name bytes, a JSON ``"\\udcff"``)
    replaced by U+FFFD, so that it can always be encoded, shown and written."""
    return value if value.isascii() else safe_text(value)


def content_hash(text: str) -> str:
    """Stable hash of a text, insensitive to whitespace differences (wire copies).

    A lone surrogate hashes as U+FFFD, as in the :class:`Document` made of the text."""
    norm = " ".join(text.split())
    try:
        data = norm.encode("utf-8")
    except UnicodeEncodeError:
        data = safe_text(norm).encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def find_dateline(text: str) -> tuple[str, int] | None:
    """The dateline place a report opens with, and where the body after it starts.

    Looks at the start of the first few non-empty lines (a title line may come
    first).  The dateline names where the report was filed, not who holds a stance.
    """
    pos, seen = 0, 0
    head = text[:_DATELINE_WINDOW]
    while pos < len(head) and seen < _DATELINE_LINES:
        nl = head.find("\n", pos)
        end = len(head) if nl < 0 else nl
        line_start = pos + (len(head[pos:end]) - len(head[pos:end].lstrip()))
        if line_start < end:
            seen += 1
            # cheap test first: a dateline opens with two capital letters
            m = _DATELINE.match(head, line_start, end + 1 if nl >= 0 else end) \
                if head[line_start:line_start + 2].isupper() else None
            if m and len(m.group("place")) >= 3:
                return m.group("place").title(), m.end()
        if nl < 0:
            break
        pos = nl + 1
    return None


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
    pages: tuple[int, ...] = ()          # PDF: offset in ``text`` where each page starts
    byline: str | None = None            # author(s), as a news database gives them
    section: str | None = None           # section or page of the outlet ("World; Pg. 5")
    length: str | None = None            # length as the database states it ("612 words")

    def __post_init__(self) -> None:
        for name in _STRING_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str) and not value.isascii():
                object.__setattr__(self, name, clean_text(value))
        if any(not s.isascii() for s in self.also_sources):
            object.__setattr__(self, "also_sources", tuple(clean_text(s) for s in self.also_sources))
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))
        if self.dateline is None:
            found = find_dateline(self.text)
            if found:
                object.__setattr__(self, "dateline", found[0])

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def origin(self) -> str:
        """Where this copy came from, in words: outlet and file/record id."""
        return f"{self.source} ({self.id})" if self.source else self.id

    def with_also(self, other: str) -> Document:
        return replace(self, also_sources=(*self.also_sources, other))

    def merged_with_all(self, dups: Iterable[Document]) -> Document:
        """This document, noting every one of ``dups`` (same text) as another source, in order,
        and borrowing the metadata this copy lacks from the first copy that has it.

        One new document is built whatever the number of copies (merging them one at a time
        would copy the growing source list each time: quadratic for a file of identical rows)."""
        also = list(self.also_sources)
        fill: dict[str, object] = {}
        missing = [k for k in _MERGEABLE if getattr(self, k) is None]
        for dup in dups:
            also.append(dup.origin)
            also.extend(dup.also_sources)
            for k in missing:
                value = getattr(dup, k)
                if value is not None and k not in fill:
                    fill[k] = value
        return replace(self, also_sources=tuple(also), **fill)  # type: ignore[arg-type]


_MERGEABLE = ("title", "date", "source", "url", "speaker_country", "byline", "section", "length")
#: the fields of a Document that hold text (cleaned of lone surrogates when it is made)
_STRING_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("also_sources", "pages"))


@dataclass(frozen=True)
class LoadIssue:
    """One file (or record) that was not loaded, and why."""

    path: str
    reason: str
    kind: str = "error"  # "error" (failed), "skipped" (not a document type) or "warning" (read, with a caveat)

    def __post_init__(self) -> None:  # a file name with undecodable bytes must still print and export
        object.__setattr__(self, "path", clean_text(self.path))
        object.__setattr__(self, "reason", clean_text(self.reason))


@dataclass
class LoadReport:
    """Documents read, and issues met, by a load."""

    documents: list[Document] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)
    files_seen: int = 0
    cancelled: bool = False
    duplicates: int = 0  # copies folded into an earlier document with the same text
    #: the statements dataset (``extract --engine dask``) the set was opened from; "" for a set read from documents
    dataset: str = ""

    @property
    def errors(self) -> list[LoadIssue]:
        return [i for i in self.issues if i.kind == "error"]

    @property
    def skipped(self) -> list[LoadIssue]:
        return [i for i in self.issues if i.kind == "skipped"]

    @property
    def warnings(self) -> list[LoadIssue]:
        """Files read, but with something the user should know (e.g. bytes replaced)."""
        return [i for i in self.issues if i.kind == "warning"]


class LoadError(Exception):
    """A file cannot be read as a document; the message says why, in plain words.

    ``kind`` is the :class:`LoadIssue` kind it becomes: "error", or "skipped" for a file
    that is deliberately not read (e.g. the app's own export)."""

    kind = "error"


class SkipFile(LoadError):
    """A file that is not a document set and is left out on purpose; the message says why."""

    kind = "skipped"
