"""News-database exports: one downloaded file holding many articles, split into one document each.

Recognised by their content, whatever the file is called:

* LexisNexis / Nexis Uni text ("3 of 50 DOCUMENTS" blocks; outlet, date and headline lines, then
  ``BYLINE:``, ``SECTION:``, ``LENGTH:``, the body, then ``LOAD-DATE:``, ``LANGUAGE:`` …);
* Nexis Uni Word files, as their text (a cover list "Documents (N)", then per article: title,
  outlet, date, ``Section:``, ``Length:``, ``Byline:``, ``Body``, ``Load-Date:``, "End of Document");
* Factiva text with field codes (``HD`` headline, ``BY``, ``WC`` word count, ``PD`` date, ``SN`` source,
  ``SE`` section, ``LP``/``TD`` paragraphs …) — the text of Factiva's RTF and text downloads;
* Factiva HTML (a ``<div class="article …">`` per article, its field codes in table rows) and Factiva
  XML (``ppsarticle`` elements): see :func:`read_factiva_html` / :func:`read_factiva_xml`.

Each article becomes a :class:`Document` with the id ``<file name>#<n>``; the database's copyright
lines are kept out of the text.  An article whose block cannot be read is kept as it is, with a
warning; a file that looks like an export but cannot be split at all is kept whole, with a warning.
Nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from model.documents import Document, LoadIssue
from model.readers.dispatch import FileRead
from model.readers.meta import clean, iso_date

# ---- the parts every format shares ------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One article picked out of an export."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    byline: str | None = None
    section: str | None = None
    length: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """A block of an export that could not be read as an article: its text, and why."""

    text: str
    why: str


Part = Article | Unreadable


@dataclass(frozen=True)
class Split:
    """What splitting an export gave: its articles in order, and how many it says it holds."""

    kind: str                    # "LexisNexis", "Nexis Uni", "Factiva"
    parts: list[Part]
    stated: int | None = None    # "N of M DOCUMENTS", "Documents (N)"


_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*(?:\d{4}|copyright)|all rights reserved\b)", re.I)
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_BLANK_RUNS = re.compile(r"\n{3,}")


def is_copyright(line: str) -> bool:
    """A database's or publisher's copyright line ("Copyright 2019 …", "© 2019 …", "All Rights Reserved")."""
    return _COPYRIGHT.match(line) is not None


def date_of(line: str) -> str | None:
    """The ISO date of a date line in the databases' formats ("January 11, 2010 Monday", "5. July 2019"),
    None for a line that is not a full date."""
    text = line.strip()
    if not text or len(text) > 60 or _YEAR.search(text) is None:
        return None
    found = iso_date(text)
    if found is None:  # "January 11, 2010 Monday 5:00 PM GMT+1" and other tails: the first words only
        words = text.split()
        for n in range(len(words) - 1, 2, -1):
            found = iso_date(" ".join(words[:n]))
            if found is not None:
                break
    return found if found is not None and len(found) == 10 else None


def body_text(lines: Sequence[str]) -> str:
    """Body lines as text: copyright lines left out, runs of blank lines folded to one."""
    kept = [line.rstrip() for line in lines if not is_copyright(line)]
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip()


def article_text(title: str | None, body: str) -> str:
    """The text a document holds: the headline, a blank line, the body."""
    return f"{title}\n\n{body}" if title else body


# ---- LexisNexis / Nexis Uni text ----------------------------------------------------------------

_LN_MARKER = re.compile(r"^[ \t]*(\d{1,6})[ \t]+of[ \t]+(\d{1,6})[ \t]+DOCUMENTS?[ \t]*$", re.M | re.I)
_LN_LEADING = frozenset({
    "BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "HEADLINE", "EDITION", "SOURCE", "BODY", "ABSTRACT",
})
_LN_TRAILING = frozenset({
    "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "GRAPHIC", "DOCUMENT-TYPE", "JOURNAL-CODE", "URL", "SUBJECT",
    "CORRECTION-DATE", "NOTES", "DISTRIBUTION", "ACC-NO", "ORGANIZATION", "PERSON", "GEOGRAPHIC", "COUNTRY",
    "CITY", "STATE", "INDUSTRY", "TICKER", "COMPANY", "TYPE", "SERIES", "CORRECTION", "DOCUMENT-ID",
})
_LN_FIELD = re.compile(r"^\s*([A-Z][A-Z\-]{1,20}):[ \t]*(.*)$")


def _ln_field(line: str, names: frozenset[str]) -> tuple[str, str] | None:
    m = _LN_FIELD.match(line)
    return (m.group(1), m.group(2).strip()) if m and m.group(1) in names else None


def _paragraphs(lines: Sequence[str]) -> list[list[str]]:
    """Non-blank lines grouped by the blank lines between them; copyright lines left out."""
    out: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            if out[-1]:
                out.append([])
        elif not is_copyright(line):
            out[-1].append(line.strip())
    return [p for p in out if p]


def _ln_header(lines: Sequence[str]) -> tuple[str | None, str | None, str | None]:
    """Outlet, ISO date and headline from the lines before an article's fields."""
    paras = _paragraphs(lines)
    flat = [(i, line) for i, p in enumerate(paras) for line in p]
    dated = next((k for k, (_, line) in enumerate(flat) if date_of(line)), None)
    if dated is None:
        return (paras[0][0] if paras else None), None, (" ".join(paras[-1]) if len(paras) > 1 else None)
    outlet = " ".join(line for _, line in flat[:dated]) or None
    after = paras[flat[dated][0] + 1:]  # an edition line may follow the date in its paragraph
    headline = " ".join(after[-1]) if after else None
    return outlet, date_of(flat[dated][1]), headline


def _ln_article(block: str) -> Part:
    lines = block.split("\n")
    first = next((i for i, line in enumerate(lines) if _ln_field(line, _LN_LEADING | _LN_TRAILING)), None)
    if first is None:
        return Unreadable(block, "no BYLINE, SECTION or LENGTH fields after its header")
    outlet, date, headline = _ln_header(lines[:first])
    fields: dict[str, str] = {}
    current: str | None = None
    i = first
    while i < len(lines):
        line = lines[i]
        found = _ln_field(line, _LN_LEADING | _LN_TRAILING)
        if found and found[0] in _LN_TRAILING:
            break  # no body: the trailing fields follow the leading ones
        if found:
            current = found[0]
            fields[current] = found[1]
            i += 1
            if current == "BODY":
                break
            continue
        if not line.strip():
            current = None
        elif current is not None:
            fields[current] = f"{fields[current]} {line.strip()}".strip()
        else:
            break  # the first line of the body
        i += 1
    body: list[str] = [fields.pop("BODY")] if fields.get("BODY") else []
    while i < len(lines) and not _ln_field(lines[i], _LN_TRAILING):
        body.append(lines[i])
        i += 1
    text = body_text(body)
    if not text:
        return Unreadable(block, "no article text after its fields")
    title = clean(fields.get("HEADLINE") or headline, 500)
    return Article(
        text=article_text(title, text), title=title, date=date, source=clean(outlet, 200),
        byline=clean(fields.get("BYLINE"), 300), section=clean(fields.get("SECTION"), 300),
        length=clean(fields.get("LENGTH"), 60),
    )


def split_lexisnexis(text: str) -> Split | None:
    """Articles of a LexisNexis text export; None when ``text`` is not one."""
    marks = list(_LN_MARKER.finditer(text))
    if not marks:
        return None
    parts = [_ln_article(text[m.end():(marks[k + 1].start() if k + 1 < len(marks) else len(text))])
             for k, m in enumerate(marks)]
    return Split("LexisNexis", parts, int(marks[0].group(2)))


# ---- Nexis Uni Word files -----------------------------------------------------------------------

_NU_END = re.compile(r"^[ \t]*End of Document[ \t]*$", re.M)
_NU_COUNT = re.compile(r"^[ \t]*Documents \((\d{1,6})\)[ \t]*$", re.M)
_NU_FIELD = re.compile(r"^\s*(Byline|Section|Length|Dateline|Highlight|Edition|Series|Correction):\s*(.*)$")
_NU_AFTER_BODY = re.compile(
    r"^\s*(?:(?:Load-Date|Language|Publication-Type|Subject|Geographic|Industry|Person|Company|Organization|Notes"
    r"|Correction-Date|Document-Type|Journal-Code|URL):|Classification\s*$|Graphic\s*$)")
_NU_HEADER_LINES = 5  # title, outlet, date (and an edition) sit just above the first field


def _nu_article(block: str) -> Part:
    lines = [line.strip() for line in block.split("\n")]
    body_at = next((i for i, line in enumerate(lines) if line == "Body"), None)
    if body_at is None:
        return Unreadable(block, "no 'Body' line")
    head = lines[:body_at]
    first = next((i for i, line in enumerate(head) if _NU_FIELD.match(line) or is_copyright(line)), body_at)
    above = [(i, line) for i, line in enumerate(head[:first]) if line][-_NU_HEADER_LINES:]
    dated = next(((k, line) for k, (_, line) in reversed(list(enumerate(above))) if date_of(line)), None)
    title = outlet = date = None
    if dated is not None:
        k = dated[0]
        date = date_of(dated[1])
        outlet = above[k - 1][1] if k >= 1 else None
        title = above[k - 2][1] if k >= 2 else None
    fields = {m.group(1): m.group(2) for m in (_NU_FIELD.match(line) for line in head[first:]) if m}
    rest = lines[body_at + 1:]
    end = next((i for i, line in enumerate(rest) if _NU_AFTER_BODY.match(line)), len(rest))
    text = body_text(rest[:end])
    if not text:
        return Unreadable(block, "no article text after 'Body'")
    if title is None:
        return Unreadable(block, "no title, outlet and date above its fields")
    title = clean(title, 500)
    return Article(
        text=article_text(title, text), title=title, date=date, source=clean(outlet, 200),
        byline=clean(fields.get("Byline"), 300), section=clean(fields.get("Section"), 300),
        length=clean(fields.get("Length"), 60),
    )


def split_nexis_uni(text: str) -> Split | None:
    """Articles of a Nexis Uni Word export (its text); None when ``text`` is not one."""
    ends = list(_NU_END.finditer(text))
    if not ends or re.search(r"^[ \t]*Body[ \t]*$", text, re.M) is None:
        return None
    blocks = [text[(ends[k - 1].end() if k else 0):m.start()] for k, m in enumerate(ends)]
    tail = text[ends[-1].end():]
    if tail.strip():  # the last "End of Document" is missing: a download cut short
        blocks.append(tail)
    count = _NU_COUNT.search(text)
    return Split("Nexis Uni", [_nu_article(b) for b in blocks], int(count.group(1)) if count else None)


# ---- Factiva field codes (text of RTF / text downloads) -----------------------------------------

#: Factiva's field codes; an article starts at ``HD``
FACTIVA_CODES = frozenset({
    "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF", "CO", "IN",
    "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM", "ART", "VOL", "GC", "DE",
})
_FACTIVA_LINE = re.compile(r"^[ \t]*([A-Z]{2,3})(?:[ \t]+(.*?))?[ \t]*$")
_FACTIVA_DOC = re.compile(r"^[ \t]*Document [A-Za-z0-9]{10,}[ \t]*$")


def _factiva_code(line: str) -> tuple[str, str] | None:
    m = _FACTIVA_LINE.match(line)
    return (m.group(1), m.group(2) or "") if m and m.group(1) in FACTIVA_CODES else None


def looks_like_factiva_text(text: str) -> bool:
    return all(re.search(rf"^[ \t]*{code}(?:[ \t]|$)", text, re.M) for code in ("HD", "PD", "SN")) and \
        re.search(r"^[ \t]*(?:LP|TD)(?:[ \t]|$)", text, re.M) is not None


def factiva_article(fields: dict[str, list[str]]) -> Part:
    """An article from Factiva fields (code → its lines); body from ``LP`` and ``TD``."""
    def one(code: str, limit: int) -> str | None:
        return clean(" ".join(fields.get(code, [])), limit)

    body = body_text([*fields.get("LP", []), "", *fields.get("TD", [])])
    title = one("HD", 500)
    raw = "\n".join(f"{code}\n" + "\n".join(lines) for code, lines in fields.items())
    if not body:
        return Unreadable(raw, "no lead paragraph (LP) or text (TD)")
    return Article(
        text=article_text(title, body), title=title, date=date_of(one("PD", 60) or ""), source=one("SN", 200),
        byline=one("BY", 300), section=one("SE", 300), length=one("WC", 60),
    )


def split_factiva_text(text: str) -> Split | None:
    """Articles of Factiva text with field codes; None when ``text`` is not that."""
    if not looks_like_factiva_text(text):
        return None
    articles: list[dict[str, list[str]]] = []
    current: list[str] | None = None
    for line in text.split("\n"):
        if _FACTIVA_DOC.match(line):
            current = None
            continue
        found = _factiva_code(line)
        if found is not None:
            code, value = found
            if code == "HD":
                articles.append({})
            if not articles:
                continue
            current = articles[-1].setdefault(code, [])
            if value:
                current.append(value)
        elif current is not None:
            current.append(line.strip())
    return Split("Factiva", [factiva_article(a) for a in articles])


#: the text formats, tried in this order
TEXT_SPLITTERS: tuple[Callable[[str], Split | None], ...] = (split_lexisnexis, split_nexis_uni, split_factiva_text)


def split_text(text: str) -> Split | None:
    """The articles of a database export given as text; None when ``text`` is not an export."""
    for splitter in TEXT_SPLITTERS:
        found = splitter(text)
        if found is not None:
            return found
    return None


# ---- from a split to documents ------------------------------------------------------------------

def documents_of(split: Split, whole: Document, path: Path) -> FileRead:
    """One document per article of ``split``; ``whole`` is the file read as one document.

    A block that is not an article is kept as its own document with a warning; an export with no
    article at all is kept whole with a warning."""
    name = path.name
    articles = [p for p in split.parts if isinstance(p, Article)]
    if not articles:
        why = split.parts[0].why if split.parts and isinstance(split.parts[0], Unreadable) else "no article found"
        return FileRead([whole], [LoadIssue(
            whole.id, f"looks like a {split.kind} export, but it could not be split into articles ({why}); "
            "loaded whole as one document", "warning")])
    docs: list[Document] = []
    issues: list[LoadIssue] = []
    for n, part in enumerate(split.parts, 1):
        doc_id = f"{name}#{n}"
        if isinstance(part, Article):
            docs.append(Document(
                id=doc_id, text=part.text, title=part.title, date=part.date, source=part.source,
                byline=part.byline, section=part.section, length=part.length, path=whole.path,
                format=whole.format, encoding=whole.encoding,
            ))
            continue
        text = part.text.strip()
        if not text:
            issues.append(LoadIssue(doc_id, f"article {n} of this {split.kind} export is empty", "warning"))
            continue
        docs.append(replace(whole, id=doc_id, text=text, title=clean(text.split("\n", 1)[0], 200), hash="",
                            dateline=None, pages=()))
        issues.append(LoadIssue(doc_id, f"article {n} of this {split.kind} export could not be read as an article "
                                f"({part.why}); loaded as it is, without its title, date or outlet", "warning"))
    if split.stated is not None and split.stated != len(split.parts):
        issues.append(LoadIssue(whole.id, f"this {split.kind} export says it holds {split.stated} articles, but "
                                f"{len(split.parts)} were found; the file may have been cut short", "warning"))
    return FileRead(docs, issues)


def split_read(read: FileRead, path: Path) -> FileRead:
    """``read`` (one file read as one document) split into articles when its text is a database export."""
    if len(read.documents) != 1:
        return read
    split = split_text(read.documents[0].text)
    if split is None:
        return read
    out = documents_of(split, read.documents[0], path)
    return FileRead(out.documents, [*read.issues, *out.issues])
