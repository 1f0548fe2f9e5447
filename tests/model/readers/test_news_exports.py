"""Done-when: news-database exports (LexisNexis / Nexis Uni TXT and DOCX, Factiva text, HTML and XML, RTF of
both) are split into one document per article with its title, date, outlet, byline, section and length; copyright
lines stay out of the text; a damaged export is loaded whole (or block by block) with a warning, never dropped."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from model.cli import run
from model.documents import LoadReport
from model.readers import load_paths

from . import news_exports as ne

STORIES = ne.STORIES


def _factiva_dates(stories: tuple[ne.Story, ...]) -> list[str]:
    return [ne.factiva_iso(s) for s in stories]


def _write(tmp_path: Path, name: str, stories: tuple[ne.Story, ...] = STORIES) -> tuple[Path, list[str]]:
    """The export ``name`` of ``stories`` and the dates its reader should give."""
    path = tmp_path / name
    iso = [s.iso for s in stories]
    if name == "ln.txt":
        path.write_text(ne.lexisnexis_text(stories), encoding="utf-8")
    elif name == "ln.rtf":
        path.write_text(ne.rtf_of(ne.lexisnexis_text(stories)), encoding="ascii")
    elif name == "factiva.txt":
        path.write_text(ne.factiva_text(stories), encoding="utf-8")
        iso = _factiva_dates(stories)
    elif name == "factiva.rtf":
        path.write_text(ne.rtf_of(ne.factiva_text(stories)), encoding="ascii")
        iso = _factiva_dates(stories)
    elif name == "factiva.html":
        path.write_text(ne.factiva_html(stories), encoding="utf-8")
        iso = _factiva_dates(stories)
    elif name == "factiva.xml":
        path.write_text(ne.factiva_xml(stories), encoding="utf-8")
    elif name == "nexis.docx":
        ne.nexis_uni_docx(path, stories)
    else:
        raise AssertionError(name)
    return path, iso


FORMATS = ["ln.txt", "ln.rtf", "factiva.txt", "factiva.rtf", "factiva.html", "factiva.xml", "nexis.docx"]


def _load(*paths: Path) -> LoadReport:
    return load_paths(list(paths), workers=1)


@pytest.mark.parametrize("name", FORMATS)
def test_an_export_is_split_into_its_articles(tmp_path: Path, name: str) -> None:
    path, dates = _write(tmp_path, name)
    report = _load(path)
    assert not report.issues
    docs = report.documents
    assert [d.id for d in docs] == [f"{name}#{n}" for n in (1, 2, 3)]
    assert [d.title for d in docs] == [s.title for s in STORIES]
    assert [d.date for d in docs] == dates
    assert [d.source for d in docs] == [s.outlet for s in STORIES]
    assert [d.byline for d in docs] == [s.byline for s in STORIES]
    assert [d.section for d in docs] == [s.section for s in STORIES]
    assert [d.length for d in docs] == [f"{s.words} words" for s in STORIES]
    for d, s in zip(docs, STORIES, strict=True):
        assert d.text.startswith(s.title)
        for line in s.body:
            assert line in d.text
        for noise in ("Copyright", "All Rights Reserved", "(c)", "LOAD-DATE", "Load-Date", "End of Document"):
            assert noise not in d.text
        assert d.path == str(path)


@pytest.mark.parametrize("name", FORMATS)
def test_an_export_of_one_article_gives_one_document(tmp_path: Path, name: str) -> None:
    path, dates = _write(tmp_path, name, STORIES[2:])
    report = _load(path)
    assert not report.issues
    [doc] = report.documents
    assert (doc.id, doc.title, doc.date, doc.source) == (f"{name}#1", STORIES[2].title, dates[0], STORIES[2].outlet)
    assert doc.dateline == "London"


def test_the_same_articles_from_two_databases_are_kept_once(tmp_path: Path) -> None:
    ln, _ = _write(tmp_path, "ln.txt")
    fx, _ = _write(tmp_path, "factiva.xml")
    report = _load(ln, fx)
    assert [d.id for d in report.documents] == ["ln.txt#1", "ln.txt#2", "ln.txt#3"]
    assert report.duplicates == 3
    assert report.documents[0].also_sources == (f"{STORIES[0].outlet} (factiva.xml#1)",)


def test_a_plain_text_file_is_not_taken_for_an_export(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Pakistan welcomed the talks.\nThe document was 1 page long.\n", encoding="utf-8")
    [doc] = _load(path).documents
    assert doc.id == str(path) and doc.byline is None


def test_an_xml_file_that_is_not_a_factiva_export_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<?xml version='1.0'?><rss><item>Pakistan welcomed the talks.</item></rss>", encoding="utf-8")
    report = _load(path)
    assert not report.documents
    [issue] = report.issues
    assert issue.kind == "skipped" and "not a Factiva" in issue.reason


def test_a_factiva_xml_with_a_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.xml"
    path.write_text("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><ppsarticle>&a;</ppsarticle>",
                    encoding="utf-8")
    [issue] = _load(path).issues
    assert issue.kind == "error" and "entities" in issue.reason


# ---- damaged exports: nothing dropped, a warning says what happened ------------------------------

def test_a_lexisnexis_block_without_fields_is_kept_as_it_is_with_a_warning(tmp_path: Path) -> None:
    text = ne.lexisnexis_text()
    second = text.index("2 of 3 DOCUMENTS")
    third = text.index("3 of 3 DOCUMENTS")
    cut = text[:second] + "2 of 3 DOCUMENTS\n\nThe Moscow Times\nRussia will not take part in the ceremony.\n\n" \
        + text[third:]
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    report = _load(path)
    assert [d.id for d in report.documents] == ["cut.txt#1", "cut.txt#2", "cut.txt#3"]
    assert report.documents[1].title == "The Moscow Times" and report.documents[1].date is None
    assert "will not take part" in report.documents[1].text
    [warning] = report.warnings
    assert warning.path == "cut.txt#2" and "article 2" in warning.reason and "could not be read" in warning.reason
    assert not report.errors


def test_an_export_that_cannot_be_split_is_loaded_whole_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("1 of 1 DOCUMENT\n\nPakistan welcomed the talks on Saturday.\n", encoding="utf-8")
    report = _load(path)
    [doc] = report.documents
    assert doc.id == str(path) and "Pakistan welcomed the talks" in doc.text
    [warning] = report.warnings
    assert "LexisNexis export" in warning.reason and "loaded whole" in warning.reason


def test_an_export_cut_short_says_so(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(ne.lexisnexis_text(STORIES[:2], stated=5), encoding="utf-8")
    report = _load(path)
    assert len(report.documents) == 2
    [warning] = report.warnings
    assert "says it holds 5 articles, but 2 were found" in warning.reason


def test_a_nexis_uni_download_missing_its_last_end_of_document_still_splits(tmp_path: Path) -> None:
    path = ne.nexis_uni_docx(tmp_path / "nexis.docx", end_last=False)
    report = _load(path)
    assert [d.title for d in report.documents] == [s.title for s in STORIES]
    assert not report.issues


def test_a_damaged_factiva_xml_is_loaded_whole_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    xml = ne.factiva_xml()
    path.write_text(xml[: len(xml) * 2 // 3], encoding="utf-8")
    report = _load(path)
    [doc] = report.documents
    assert STORIES[0].body[0] in doc.text
    [warning] = report.warnings
    assert "Factiva export" in warning.reason and "damaged" in warning.reason


def test_a_factiva_page_whose_articles_have_no_text_is_loaded_whole_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    page = ne.factiva_html().replace("<td><b>LP</b></td>", "<td><b>XX</b></td>").replace("<td><b>TD</b></td>",
                                                                                       "<td><b>XX</b></td>")
    path.write_text(page.replace("articleParagraph", "para"), encoding="utf-8")
    report = _load(path)
    [doc] = report.documents
    assert STORIES[0].body[0] in doc.text
    [warning] = report.warnings
    assert "could not be split" in warning.reason


# ---- through the command line: the Documents sheet ---------------------------------------------

def _tagged(tag: str) -> tuple[ne.Story, ...]:
    """The stories with a sentence of their own, so that no two downloads hold the same text."""
    return tuple(replace(s, body=(*s.body, f"The report was filed as {tag} number {n}."))
                 for n, s in enumerate(STORIES, 1))


def test_export_command_lists_every_article_in_the_documents_sheet(tmp_path: Path) -> None:
    inputs = tmp_path / "downloads"
    inputs.mkdir()
    expected: dict[str, tuple[str, str, str, str]] = {}
    for name in FORMATS:
        stories = _tagged(name)
        _, dates = _write(inputs, name, stories)
        for n, (s, iso) in enumerate(zip(stories, dates, strict=True), 1):
            expected[f"{name}#{n}"] = (s.title, iso, s.outlet, s.byline)
    out = tmp_path / "x.xlsx"
    err = io.StringIO()
    assert run("export", [str(inputs), "-o", str(out), "-q"], err) == 0, err.getvalue()
    docs = pd.read_excel(out, sheet_name="Documents", dtype=str)
    assert set(docs["status"]) == {"loaded"}
    got = {r.document: (r.title, r.date, r.source, r.byline) for r in docs.itertuples()}
    assert got == expected
    assert set(docs["length"]) == {f"{s.words} words" for s in STORIES}
    assert set(docs["section"]) == {s.section for s in STORIES}


def test_a_project_keeps_the_articles_byline_section_and_length(tmp_path: Path) -> None:
    from model.project.store import open_project, save_project
    from model.review.workspace import Workspace
    from tests.model.review_helpers import machine

    path, _ = _write(tmp_path, "ln.txt")
    docs = _load(path).documents
    save_project(tmp_path / "p.stanceatlas", Workspace(docs, machine(docs)))
    back = open_project(tmp_path / "p.stanceatlas").documents
    assert back == docs and back[0].byline == STORIES[0].byline and back[2].length == "48 words"
