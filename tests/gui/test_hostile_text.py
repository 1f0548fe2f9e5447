"""Text from documents and projects is shown as text: a title, id or source that looks like HTML (an
``<img>`` that would make Qt read ``/dev/zero``, a link, a heading) or holds a lone surrogate is shown
literally in every view, and no view builds an image or a link from it (issue 16).

A label shows its text literally when its format is plain text; a rich-text label is checked by laying
its text out in an :class:`~gui.plain.InertDocument` (what the label would draw): the visible text must be
the literal text, with no image, no anchor and no resource requested.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from gui.evidence import HTML_ROLE, ROW_ROLE
from gui.plain import InertDocument
from model.documents import Document
from model.project.store import save_project
from model.review.workspace import Workspace
from tests.gui.test_main_window import click_cell

IMG = '<img src="/dev/zero">'
ESCAPED_IMG = "&lt;img src=x&gt;"
HEADING = "<h1>WARNING</h1>"
LINK = '<a href="http://x">click</a>'
SURROGATE = "\udce9"
SHOWN_SURROGATE = "\ufffd"

#: (id, title, source, text, actor, topic): each text gives one statement, in its own cell
DOCUMENTS = [
    (IMG, IMG, LINK, "France condemned Russia over the attack on Kyiv.", "FRA", "security"),
    (ESCAPED_IMG, ESCAPED_IMG, "&lt;b&gt;", "Germany welcomed the agreement with Japan on trade.", "DEU", "diplomacy"),
    (HEADING, HEADING, HEADING, "Japan criticised China over the dispute in the sea.", "JPN", "diplomacy"),
    (LINK, LINK, IMG, "Brazil supported the climate agreement with India.", "BRA", "diplomacy"),
    ("caf" + SURROGATE, SURROGATE, "s" + SURROGATE, "Canada condemned Iran over the missile tests.", "CAN", "security"),
]


def shown(value: str) -> str:
    """What a view must show for ``value``: the text itself, a lone surrogate as U+FFFD."""
    return value.replace(SURROGATE, SHOWN_SURROGATE)


def laid_out(html: str) -> tuple[str, InertDocument, list[str]]:
    """``html`` laid out as Qt would draw it: (the visible text, the document, the anchors and images in it)."""
    doc = InertDocument()
    doc.setHtml(html)
    doc.setTextWidth(400)
    doc.size()                                      # lays it out: an <img> would be requested here
    found: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() or fmt.anchorHref():
                found.append("link " + fmt.anchorHref())
            if fmt.isImageFormat():
                found.append("image " + fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return doc.toPlainText(), doc, found


def visible_text(label: QLabel) -> str:
    """The text ``label`` draws; fails when it would draw an image or a link, or load anything."""
    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))
    if not rich:
        return label.text()
    text, doc, found = laid_out(label.text())
    assert found == [] and doc.requested == [], (label.text(), found, doc.requested)
    return text


def tooltip_text(tip: str) -> str:
    text, doc, found = laid_out(tip) if QtGui.Qt.mightBeRichText(tip) else (tip, InertDocument(), [])
    assert found == [] and doc.requested == [], tip
    return text


def double_click(qtbot, view, index) -> None:
    """A real double-click: a press and release, then the double-click event."""
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def assert_no_link_opens(widget: QWidget) -> None:
    for label in widget.findChildren(QLabel):
        assert not label.openExternalLinks(), label.text()


@pytest.fixture(autouse=True)
def _memory_fence():
    """If a view ever read ``/dev/zero`` as an image again, Qt would take all memory (8.5 GB, then an
    abort) and starve the machine: under this cap on the address space it fails at once instead."""
    try:
        import resource

        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (ImportError, OSError, ValueError):
        yield                                       # not Linux: no fence
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = pages * os.sysconf("SC_PAGE_SIZE") + (3 << 30)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@pytest.fixture
def hostile_file(tmp_path) -> Path:
    path = tmp_path / "hostile.jsonl"
    lines = [json.dumps({"id": i, "title": t, "source": s, "text": x}) for i, t, s, x, _a, _c in DOCUMENTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")     # \udce9 stays a JSON escape
    return path


@pytest.fixture
def hostile(window, qtbot, hostile_file):
    """The main window with the hostile documents loaded, and hostile country names (profile, comparison)."""
    window.state.names.update({"FRA": IMG, "CAN": LINK, "DEU": HEADING, "BRA": "caf" + SURROGATE})
    with qtbot.waitSignal(window.sig_loaded, timeout=60000):
        window.load([str(hostile_file)])
    return window


def test_the_documents_load_and_the_documents_panel_shows_them_literally(hostile):
    w = hostile
    model = w.documents.model
    rows = {model.raw(r, "id"): r for r in range(model.rowCount())}
    assert sorted(rows) == sorted(shown(d[0]) for d in DOCUMENTS)        # every one loaded, none failed
    assert {model.raw(r, "status") for r in rows.values()} == {"loaded"}
    assert {model.raw(r, "statements") for r in rows.values()} == {1}
    title_col, source_col = 1, 3
    for doc_id, title, source, *_ in DOCUMENTS:
        r = rows[shown(doc_id)]
        for col, value in ((title_col, title), (source_col, source)):
            index = model.index(r, col)
            assert index.data(Qt.ItemDataRole.DisplayRole) == shown(value)
            assert tooltip_text(index.data(Qt.ItemDataRole.ToolTipRole)) == shown(value)
    w.documents.view.grab()                       # paints every visible row: nothing crashes
    assert visible_text(w.documents.summary) == "5 document(s) loaded"


def test_the_reader_shows_titles_literally_from_the_documents_panel(hostile, qtbot):
    w = hostile
    view, proxy, model = w.documents.view, w.documents.proxy, w.documents.model
    for r in range(model.rowCount()):
        doc = w.state.documents_by_id[model.raw(r, "id")]
        double_click(qtbot, view, proxy.mapFromSource(model.index(r, 1)))
        assert w.reader.document_id == doc.id
        meta = " · ".join(x for x in (doc.date, doc.source, doc.url) if x)
        assert visible_text(w.reader.title) == doc.title + ("\n" + meta if meta else "")
        assert w.reader.text.toPlainText() == doc.text
        assert_no_link_opens(w.reader)
    titles = {d.title for d in w.state.documents_by_id.values()}
    assert titles == {shown(d[1]) for d in DOCUMENTS}


def test_evidence_cards_and_headings_show_titles_literally_and_load_nothing(hostile, qtbot):
    w = hostile
    for doc_id, title, source, _text, actor, topic in DOCUMENTS:
        click_cell(qtbot, w, actor, topic)
        ev = w.evidence.model
        cards = [ev.index(i, 0) for i in range(ev.rowCount())]
        (card,) = [c for c in cards if c.data(ROW_ROLE)["document"] == shown(doc_id)]
        text, doc, found = laid_out(card.data(HTML_ROLE))
        assert found == [] and doc.requested == []
        assert shown(title) in text and shown(source) in text
        heading = visible_text(w.evidence.heading)
        assert heading.startswith(f"{shown(w.state.names[actor])} — ")
        w.evidence.view.grab()                    # the delegate lays every card out: nothing requested
        assert all(d.requested == [] for d in w.evidence.view.itemDelegate()._cache.values())
        double_click(qtbot, w.evidence.view, card)
        assert w.reader.document_id == shown(doc_id) and visible_text(w.reader.title).startswith(shown(title))


def test_the_profile_heading_shows_a_country_name_literally(hostile, qtbot):
    w = hostile
    header = w.matrix_view.verticalHeader()
    for actor in ("FRA", "CAN", "DEU", "BRA"):
        section = w.matrix_model.actors.index(actor)
        pos = QPoint(header.width() // 2, header.sectionViewportPosition(section) + header.sectionSize(section) // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert w.profile.actor == actor
        assert visible_text(w.profile.heading).startswith(f"{shown(w.state.names[actor])} ({actor}) — 1 statement(s)")
        assert_no_link_opens(w.profile)


def test_the_comparison_summary_shows_country_names_literally(hostile):
    w = hostile
    w.compare(["FRA", "CAN"])
    assert visible_text(w.comparison.summary).startswith(f"{IMG} · {LINK}: ")
    w.compare(["DEU", "BRA"])
    assert visible_text(w.comparison.summary).startswith(f"{HEADING} · caf{SHOWN_SURROGATE}: ")
    w.comparison.grab()
    assert_no_link_opens(w.comparison)


@pytest.mark.parametrize("doc_id", [LINK, IMG, HEADING])
def test_cannot_open_project_shows_a_document_id_from_the_file_literally(window, qtbot, tmp_path, doc_id):
    path = tmp_path / "tampered.stanceatlas"
    save_project(path, Workspace([Document(doc_id, "France condemned Russia over the attack on Kyiv.")]))
    con = sqlite3.connect(path)
    con.execute("UPDATE documents SET text = 'France praised Russia.'")   # no longer matches its hash
    con.commit()
    con.close()
    with qtbot.waitSignal(window.projects.sig_open_failed, timeout=30000) as failed:
        window.projects.open(str(path))
    assert f"the text of document '{doc_id}' does not match its hash" in failed.args[0]
    box = window.projects.error_box
    assert box.windowTitle() == "Cannot open project"
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert any(visible_text(label) == failed.args[0] for label in labels)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels if doc_id in label.text())
    assert_no_link_opens(box)
    box.close()


def test_the_check_itself_sees_an_image_and_a_link_in_raw_markup(qtbot):
    # what the tests above rely on: raw markup laid out is caught (and the inert document loads nothing)
    text, doc, found = laid_out(f"<p>{IMG} {LINK} {HEADING}</p>")
    assert found == ["image /dev/zero", "link http://x"] and doc.requested == ["/dev/zero"]
    assert "WARNING" in text and "<h1>" not in text
    label = QLabel(IMG)
    qtbot.addWidget(label)
    with pytest.raises(AssertionError):
        visible_text(label)                       # a plain QLabel guesses rich text: caught
