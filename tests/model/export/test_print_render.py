"""The workbook printed by LibreOffice (PDF): every sheet on few, titled pages, About on one, no empty page.

Skipped where LibreOffice (``soffice``) or poppler (``pdftotext``) is not installed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from model.analysis.matrix import build_matrix
from model.export import write_workbook
from model.pipeline import analyse
from model.review import commands as cmd
from model.review.workspace import Workspace
from tests.model.review_helpers import reviewed

TOOLS = Path(__file__).resolve().parents[3] / "tools"
SEEDS = Path(__file__).resolve().parents[3] / "seeds"

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice (soffice) or poppler (pdftotext) not installed")


def render_tools():
    sys.path.insert(0, str(TOOLS))
    try:
        import render_workbook
    finally:
        sys.path.remove(str(TOOLS))
    return render_workbook


def clock():
    return "2026-12-03T09:00:00"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The seed set with a reject, an edit and notes, exported and printed to PDF."""
    work = tmp_path_factory.mktemp("print")
    analysis = analyse([SEEDS])
    ws = Workspace(list(analysis.documents), analysis.statements)
    st = reviewed(ws)
    cmd.reject_statement(st.iloc[0], now=clock).do(ws)
    st = reviewed(ws)
    cmd.edit_statement(st.iloc[1], {"stance": "praised", "polarity": 0.9}, now=clock).do(ws)
    cmd.note_statement(st.iloc[2], "Check the translation with the desk", now=clock).do(ws)
    cmd.note_cell(str(st.iloc[3]["actor"]), str(st.iloc[3]["topic"]), "Brief the team", now=clock).do(ws)
    st = reviewed(ws)
    path = work / "seeds.xlsx"
    write_workbook(path, build_matrix(st, columns=analysis.resources.topic_keys), st, {"inputs": str(SEEDS)},
                   documents=analysis.report, topics=analysis.resources.topics, decisions=ws.decisions,
                   notes=ws.notes, machine=ws.statements, title="Seed set")
    tools = render_tools()
    pdf = tools.to_pdf(path, work / "pdf")
    return tools, pdf, len(st)


def test_every_page_is_titled_and_no_page_is_empty(printed):
    tools, pdf, _ = printed
    texts = tools.page_texts(pdf)
    assert texts
    for number, text in enumerate(texts, start=1):
        assert text.strip(), f"page {number} is empty"
        assert "Seed set — " in text, f"page {number} has no title"
        assert f"Page {number} of {len(texts)}" in text


def test_each_sheet_prints_on_a_reasonable_number_of_pages(printed):
    tools, pdf, n_statements = printed
    sheets = ["Matrix", "Net stance", "Counts", "Statements", "Decisions", "Documents", "About"]
    pages = tools.pages_by_sheet(pdf, sheets)
    assert not pages.get(""), f"pages of no sheet: {pages.get('')}"
    assert all(pages[s] for s in sheets), pages
    assert len(pages["About"]) == 1
    for grid in ("Matrix", "Net stance", "Counts", "Decisions", "Documents"):
        assert len(pages[grid]) <= 2, (grid, pages[grid])
    assert len(pages["Statements"]) <= n_statements // 5 + 1  # five statements a page at the very least
    texts = tools.page_texts(pdf)
    statements_first = texts[pages["Statements"][0] - 1]
    assert "sentence" in statements_first and "notes" in statements_first  # the header row prints
    assert "translation" in "".join(texts[p - 1] for p in pages["Statements"])  # the note (wrapped)
    decisions = texts[pages["Decisions"][0] - 1]
    assert "reject" in decisions and "→ praised" in decisions and "Brief the team" in decisions


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler (pdftoppm) not installed")
def test_first_page_of_each_sheet_renders(printed, tmp_path):
    tools, pdf, _ = printed
    pages = tools.pages_by_sheet(pdf, ["Matrix", "Statements", "Decisions", "About"])
    for sheet, numbers in pages.items():
        if sheet:
            png = tools.render_page(pdf, numbers[0], tmp_path / sheet, dpi=30)
            assert png.stat().st_size > 2000, sheet  # more than an empty page
