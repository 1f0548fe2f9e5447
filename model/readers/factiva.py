"""Factiva downloads as HTML and XML, split into one document per article.

* HTML: each article is a ``<div class="article enArticle">`` whose table rows hold Factiva's field
  codes (``HD`` headline, ``BY``, ``WC`` word count, ``PD`` date, ``SN`` source, ``SE`` section,
  ``LA`` language, ``LP`` lead paragraphs, ``TD`` text …).  A page that is not a Factiva download is
  read by :func:`model.readers.html.read_html_file`, as any saved web page.
* XML: ``ppsarticle`` elements, each with ``headline``, ``byline``, ``leadParagraph``,
  ``tailParagraphs/paragraph``, ``publicationDate/date``, ``sourceName``, ``sectionName``,
  ``wordCount``.  Other XML is skipped: it is not a document format the app reads.

The copyright fields (``CY``, ``copyright``) are left out of the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.etree
import lxml.html

from model.documents import Document, LoadError, LoadIssue, SkipFile
from model.readers.dispatch import FileRead
from model.readers.exports import FACTIVA_CODES, Split, documents_of, factiva_article
from model.readers.html import _plain_page, decode_page, read_html_file
from model.readers.meta import clean, iso_date
from model.readers.safety import MAX_BYTES, check_text_size, check_xml_prolog, guarded, read_capped

_ARTICLE_CLASS = re.compile(r"""class\s*=\s*["']?article\b""", re.I)
_CODE_CELL = re.compile(r"<td[^>]*>\s*(?:<b>)?\s*(?:HD|PD|SN)\s*(?:</b>)?\s*</td>", re.I)
_ARTICLES = "//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]"


def looks_like_factiva_html(html: str) -> bool:
    return _ARTICLE_CLASS.search(html) is not None and (
        _CODE_CELL.search(html) is not None or "articleParagraph" in html)


def _lines(element: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs of a cell (or the cell's text when it has none), whitespace folded."""
    paras = element.findall(".//p")
    texts = [p.text_content() for p in paras] if paras else [element.text_content()]
    return [t for t in (" ".join(x.split()) for x in texts) if t]


def _html_fields(div: lxml.html.HtmlElement) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for tr in div.iter("tr"):
        tds = tr.findall("td")
        if len(tds) < 2:
            continue
        code = tds[0].text_content().strip()
        if code in FACTIVA_CODES:
            fields.setdefault(code, []).extend(_lines(tds[1]))
    if "LP" not in fields and "TD" not in fields:  # the newer layout: paragraphs outside the table
        paras = div.xpath(".//p[contains(@class, 'articleParagraph')]")
        fields["TD"] = [t for t in (" ".join(p.text_content().split()) for p in paras) if t]
    return fields


def read_web_page(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> FileRead:
    """A saved web page: one document per article when it is a Factiva download, else the page's article."""
    decoded = decode_page(read_capped(path, max_bytes))
    if not looks_like_factiva_html(decoded.text):
        return read_html_file(path, doc_id, max_bytes)
    with guarded("web page"):
        tree = lxml.html.document_fromstring(decoded.text)
        parts = [factiva_article(_html_fields(div)) for div in tree.xpath(_ARTICLES)]
        text, title = _plain_page(decoded.text)
    check_text_size(len(text), max_bytes)
    if not text:
        raise LoadError("no readable text in this page")
    whole = Document(id=doc_id if doc_id is not None else str(path), text=text, title=clean(title, 500),
                     path=str(path), format="html", encoding=decoded.encoding)
    read = documents_of(Split("Factiva", parts), whole, path)
    warning = decoded.warning(whole.id)
    return FileRead(read.documents, [*([warning] if warning else []), *read.issues])


# ---- XML ------------------------------------------------------------------------------------------

def _local(tag: object) -> str:
    return lxml.etree.QName(tag).localname if isinstance(tag, str) else ""


def _find(element: lxml.etree._Element, name: str) -> lxml.etree._Element | None:
    return next((e for e in element.iter() if _local(e.tag) == name), None)


def _text(element: lxml.etree._Element | None) -> list[str]:
    """The paragraphs under ``element`` (or its whole text when it has none), whitespace folded."""
    if element is None:
        return []
    paras = [e for e in element.iter() if _local(e.tag) == "paragraph"]
    texts = ["".join(p.itertext()) for p in paras] if paras else ["".join(element.itertext())]
    return [t for t in (" ".join(x.split()) for x in texts) if t]


def _xml_fields(article: lxml.etree._Element) -> dict[str, list[str]]:
    date = _find(article, "publicationDate")
    day = _find(date, "date") if date is not None else None
    words = " ".join(_text(_find(article, "wordCount")))
    iso = iso_date(" ".join(_text(day if day is not None else date))[:40])
    return {
        "HD": _text(_find(article, "headline")),
        "BY": _text(_find(article, "byline")),
        "LP": _text(_find(article, "leadParagraph")),
        "TD": _text(_find(article, "tailParagraphs")),
        "PD": [iso] if iso else [],
        "SN": _text(_find(article, "sourceName")),
        "SE": _text(_find(article, "sectionName")),
        "WC": [f"{words} words" if words.isdigit() else words] if words else [],
    }


def _article(item: lxml.etree._Element) -> lxml.etree._Element:
    found = _find(item, "article")
    return found if found is not None else item


_PARSER = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def read_factiva_xml(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> FileRead:
    """One document per ``ppsarticle`` of a Factiva XML download; other XML is skipped."""
    data = read_capped(path, max_bytes)
    if b"ppsarticle" not in data:
        raise SkipFile("an XML file that is not a Factiva download: other XML is not read as documents")
    check_xml_prolog(iter([data]), path.name)
    doc_id = doc_id if doc_id is not None else str(path)
    try:
        root = lxml.etree.fromstring(data, lxml.etree.XMLParser(**_PARSER))
    except lxml.etree.XMLSyntaxError as exc:
        return _damaged_xml(path, doc_id, data, str(exc), max_bytes)
    with guarded("XML file"):
        items = [e for e in root.iter() if _local(e.tag) == "ppsarticle"]
        parts = [factiva_article(_xml_fields(_article(e))) for e in items]
        text = "\n".join(t for t in (" ".join(s.split()) for s in root.itertext()) if t)
    check_text_size(len(text), max_bytes)
    if not text:
        raise LoadError("the XML file has no text")
    whole = Document(id=doc_id, text=text, path=str(path), format="xml", encoding="utf-8")
    return documents_of(Split("Factiva", parts), whole, path)


def _damaged_xml(path: Path, doc_id: str, data: bytes, error: str, max_bytes: int) -> FileRead:
    """A Factiva XML download that is not well-formed (cut short, edited): its text, whole, with a warning."""
    with guarded("XML file"):
        root = lxml.etree.fromstring(data, lxml.etree.XMLParser(recover=True, **_PARSER))
        texts = root.itertext() if root is not None else iter(())
        text = "\n".join(t for t in (" ".join(s.split()) for s in texts) if t)
    check_text_size(len(text), max_bytes)
    if not text:
        raise LoadError(f"the XML file is damaged and has no readable text ({error})")
    doc = Document(id=doc_id, text=text, title=clean(text.split("\n", 1)[0], 200), path=str(path), format="xml")
    return FileRead([doc], [LoadIssue(doc_id, f"looks like a Factiva export, but the XML is damaged ({error[:200]}), "
                                      "so it could not be split into articles; loaded whole as one document",
                                      "warning")])
