"""Saved web pages (.html/.htm): the main article text and its metadata.

trafilatura finds the article body (no navigation, scripts, styles, footers)
and reads title, publication date (from the page's metadata only), site name
and canonical URL.  The page is parsed with lxml's HTML parser, which never
loads DTDs, entities or anything from the network; nothing is rendered or fetched.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

import lxml.html
import trafilatura
from trafilatura.settings import Document as PageDocument

from model.documents import Document, LoadError, LoadIssue
from model.readers.dispatch import FileRead
from model.readers.meta import clean, iso_date
from model.readers.safety import MAX_BYTES, check_text_size, guarded, read_capped
from model.readers.text import Decoded, decode_text, normalise_newlines

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
# Only the page's own metadata for the date; never guess from the body text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
#: above this many tags, article detection (trafilatura, ~0.1-0.5 ms per element) would take
#: minutes and gigabytes: the page is read as plain text in one fast lxml pass instead
MAX_ARTICLE_TAGS = 40_000
_SKIP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select")
_BLOCK_TAGS = ("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
               "blockquote", "pre", "dd", "dt", "table", "ul", "ol")


def decode_page(data: bytes) -> Decoded:
    """Text, encoding and replaced-byte count of a page: BOM, then ``<meta charset>``, then detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            try:
                name = codecs.lookup(declared).name
                if not name.startswith("utf-16"):  # a page that says utf-16 in ASCII is lying
                    return Decoded(data.decode(name), name)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_text(data)


def _extract(html: str) -> PageDocument | None:
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(doc, PageDocument) or not (doc.text or "").strip():
        # short or unusual pages: try again favouring recall over precision
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, favor_recall=True, include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    return doc if isinstance(doc, PageDocument) else None


def _plain_page(html: str) -> tuple[str, str | None]:
    """Text (one line per block) and title of a page too large for article detection."""
    tree = lxml.html.document_fromstring(html)
    for el in list(tree.iter(*_SKIP_TAGS)):
        el.drop_tree()
    title = tree.findtext(".//title")
    for el in tree.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    body = tree.find("body")
    raw = (body if body is not None else tree).text_content()
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line), title


def _large_page(path: Path, doc_id: str | None, html: str, tags: int, encoding: str) -> FileRead:
    text, title = _plain_page(html)
    if not text:
        raise LoadError("no readable text in this page")
    doc = Document(
        id=doc_id if doc_id is not None else str(path), text=text, title=clean(title, 500),
        path=str(path), format="html", encoding=encoding,
    )
    note = LoadIssue(
        doc.id, f"a very large page ({tags:,} tags, over {MAX_ARTICLE_TAGS:,}): read as plain text, "
        "without picking out the main article or its date", "warning",
    )
    return FileRead([doc], [note])


def read_html_file(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> FileRead:
    """The document of a saved web page, with a warning when undecodable bytes were replaced."""
    decoded = decode_page(read_capped(path, max_bytes))
    html, encoding = decoded.text, decoded.encoding
    if "<" not in html:
        raise LoadError("there is no HTML markup in this file")
    tags = html.count("<")
    if tags > MAX_ARTICLE_TAGS:
        with guarded("web page"):
            large = _large_page(path, doc_id, html, tags, encoding)
        check_text_size(len(large.documents[0].text), max_bytes)
        return large
    with guarded("web page"):
        found = _extract(html)
    text = normalise_newlines(found.text or "").strip() if found is not None else ""
    if found is None or not text:
        raise LoadError("no readable article text in this page")
    check_text_size(len(text), max_bytes)
    doc = Document(
        id=doc_id if doc_id is not None else str(path),
        text=text,
        title=clean(found.title, 500),
        date=iso_date(found.date),
        source=clean(found.sitename, 200),
        url=clean(found.url, 2000),
        path=str(path),
        format="html",
        encoding=encoding,
    )
    warning = decoded.warning(doc.id)
    return FileRead([doc], [warning] if warning else [])
