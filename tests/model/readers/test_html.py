"""Saved web pages: article text only, metadata from the page, nothing fetched."""

import socket

import pytest

from model.documents import Document, LoadError
from model.readers.html import read_html_file


def read_html(path) -> Document:
    """The one document of a saved web page."""
    return read_html_file(path).documents[0]


PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Talks | Dawn</title>
<meta property="og:title" content="Pakistan hosts regional talks on Afghanistan">
<meta property="article:published_time" content="2021-09-11T08:00:00+05:00">
<meta property="og:site_name" content="Dawn">
<link rel="canonical" href="https://www.dawn.com/news/123">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/tracker.js"></script>
<style>body {{ color: red }} .secret-style-rule {{ }}</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">NavigationSport</a></nav>
<article><h1>Pakistan hosts regional talks on Afghanistan</h1>
<p>ISLAMABAD: Pakistan on Saturday hosted intelligence chiefs from China, Iran and Russia to discuss Afghanistan.</p>
<p>The foreign ministry said the meeting agreed on intelligence sharing and condemned terrorism in all its forms.</p>
<script>var leaked = "SCRIPT TEXT MUST NOT APPEAR";</script>
<p>{extra}Russia welcomed the initiative, according to officials familiar with the talks in the capital.</p>
</article>
<iframe src="https://ads.example.com/frame"></iframe><img src="https://example.com/pixel.gif">
<footer>Copyright 2021 Dawn. All rights reserved.</footer>
</body></html>"""


def write_page(tmp_path, name="page.html", charset="utf-8", extra="", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(PAGE.format(charset=charset, extra=extra).encode(encoding))
    return p


def test_main_text_and_metadata(tmp_path):
    doc = read_html(write_page(tmp_path))
    assert "condemned terrorism" in doc.text and "Russia welcomed" in doc.text
    for junk in ("SCRIPT TEXT", "NavigationSport", "color: red", "All rights reserved"):
        assert junk not in doc.text
    assert doc.title == "Pakistan hosts regional talks on Afghanistan"
    assert doc.date == "2021-09-11"
    assert doc.source == "Dawn"
    assert doc.url == "https://www.dawn.com/news/123"
    assert doc.format == "html" and doc.encoding == "utf-8"
    assert doc.dateline == "Islamabad"


def test_declared_legacy_charset_is_used(tmp_path):
    p = write_page(tmp_path, "latin.htm", charset="windows-1252", extra="Café crème: ", encoding="cp1252")
    doc = read_html(p)
    assert "Café crème" in doc.text
    assert doc.encoding == "cp1252"


def test_nothing_is_fetched(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    doc = read_html(write_page(tmp_path))
    assert "Russia welcomed" in doc.text


def test_entity_expansion_in_html_is_not_performed(tmp_path):
    lol = "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "lol") * 10}">' for i in range(1, 10))
    p = tmp_path / "laughs.html"
    p.write_text(f"<!DOCTYPE html [{lol}]><html><body><article><p>Iran rejected the plan. &lol9;</p>"
                 "<p>China supported the proposal for further dialogue in the region.</p></article></body></html>")
    try:
        doc = read_html(p)
    except LoadError:
        return  # refusing is fine too
    assert "lollollol" not in doc.text
    assert len(doc.text) < 10_000


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"<html><head><title>x</title><style>p {}</style></head><body><script>go()</script></body></html>", "no readable"),
        (b"just some words without markup", "no HTML markup"),
        (b"\x00\x01\x02\x03<html>" * 100, "binary"),
    ],
)
def test_unreadable_pages(tmp_path, content, reason):
    p = tmp_path / "bad.html"
    p.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        read_html(p)


def test_xhtml_with_xml_declaration(tmp_path):
    p = tmp_path / "x.htm"
    p.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
                 "<head><title>Geneva talks</title></head><body><article><p>Russia welcomed the talks held in Geneva "
                 "on Monday, the foreign ministry said in a statement.</p></article></body></html>")
    doc = read_html(p)
    assert doc.title == "Geneva talks" and doc.text.startswith("Russia welcomed the talks held in Geneva")


def test_a_huge_web_page_is_read_as_plain_text_with_a_warning(tmp_path):
    from model.readers.html import MAX_ARTICLE_TAGS, read_html_file

    n = MAX_ARTICLE_TAGS // 2 + 10
    page = ("<html><head><title>Big</title><script>var x = 1;</script></head><body><nav>Menu</nav><article>"
            + "".join(f"<p>Paragraph {i} says Russia welcomed the talks.</p>" for i in range(n))
            + "</article></body></html>")
    p = tmp_path / "big.html"
    p.write_text(page)
    read = read_html_file(p)
    (doc,) = read.documents
    lines = doc.text.split("\n")
    assert doc.title == "Big" and len(lines) == n and lines[-1] == f"Paragraph {n - 1} says Russia welcomed the talks."
    assert "var x" not in doc.text and "Menu" not in doc.text
    (note,) = read.issues
    assert note.kind == "warning" and "read as plain text" in note.reason
