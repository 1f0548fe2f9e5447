"""Word files: paragraphs and tables; corrupt zips, zip bombs and XML entity attacks refused."""

import zipfile

import pytest

from model.documents import LoadError
from model.readers.docx import read_docx

from .makers import BILLION_LAUGHS, EXTERNAL_ENTITY, rewrite_zip_part, write_docx, write_lying_zip, write_zip_bomb


def test_paragraphs_and_tables_in_order(tmp_path):
    p = write_docx(
        tmp_path / "memo.docx",
        ["ISLAMABAD: Pakistan condemned the attack.", "Russia welcomed the talks."],
        table=[["Country", "Position"], ["Iran", "rejected the plan"]],
        title="Briefing note",
    )
    doc = read_docx(p)
    assert doc.title == "Briefing note"
    assert doc.text.index("Pakistan condemned") < doc.text.index("Russia welcomed") < doc.text.index("Iran")
    assert "Iran\trejected the plan" in doc.text
    assert doc.format == "docx" and doc.dateline == "Islamabad"
    assert doc.date is None  # python-docx's template date is not a real one


def test_core_property_date_is_used(tmp_path):
    import datetime as dt

    import docx

    d = docx.Document()
    d.add_paragraph("China supported the proposal.")
    d.core_properties.author = "Analyst"
    d.core_properties.created = dt.datetime(2022, 3, 4, 10, 0)
    d.save(str(tmp_path / "dated.docx"))
    assert read_docx(tmp_path / "dated.docx").date == "2022-03-04"


def test_corrupt_zip(tmp_path):
    good = write_docx(tmp_path / "good.docx", ["Russia welcomed the talks."])
    bad = tmp_path / "cut.docx"
    bad.write_bytes(good.read_bytes()[:300])
    with pytest.raises(LoadError, match="zip container is damaged"):
        read_docx(bad)


def test_plain_text_named_docx(tmp_path):
    p = tmp_path / "fake.docx"
    p.write_text("not a word file at all")
    with pytest.raises(LoadError, match="not a valid Word document"):
        read_docx(p)


def test_empty_document(tmp_path):
    with pytest.raises(LoadError, match="no text"):
        read_docx(write_docx(tmp_path / "empty.docx", []))


def _no_inflating(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise AssertionError("a member was inflated before the zip was checked")

    monkeypatch.setattr(zipfile.ZipExtFile, "read", refuse)
    monkeypatch.setattr(zipfile.ZipExtFile, "read1", refuse)


def test_zip_bomb_by_ratio_is_refused_without_inflating(tmp_path, monkeypatch):
    p = write_zip_bomb(tmp_path / "bomb.docx", "word/document.xml", megabytes=30)
    assert p.stat().st_size < 200_000
    _no_inflating(monkeypatch)
    with pytest.raises(LoadError, match="zip bomb"):
        read_docx(p)


def test_zip_bomb_by_declared_size_is_refused_without_inflating(tmp_path, monkeypatch):
    p = write_lying_zip(tmp_path / "huge.docx", "word/document.xml", declared=4_000_000_000)
    _no_inflating(monkeypatch)
    with pytest.raises(LoadError, match="would unpack to"):
        read_docx(p)


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_xml_entities_are_refused(tmp_path, payload):
    good = write_docx(tmp_path / "good.docx", ["Russia welcomed the talks."])
    bad = rewrite_zip_part(good, tmp_path / "evil.docx", "word/document.xml", payload)
    with pytest.raises(LoadError, match="declares XML entities or a DTD"):
        read_docx(bad)


def test_word_table_cells_with_absurd_spans_are_read_once(tmp_path):
    from model.readers.docx import read_docx

    from .makers import rewrite_zip_part

    src = write_docx(tmp_path / "src.docx", ["Intro."], table=[["a", "b"], ["c", "d"]])
    import zipfile

    xml = zipfile.ZipFile(src).read("word/document.xml")
    span = b'<w:tcPr><w:gridSpan w:val="10000000"/><w:vMerge w:val="restart"/>'
    cont = b'<w:tcPr><w:gridSpan w:val="10000000"/><w:vMerge/>'
    first = xml.index(b"<w:tcPr>")
    xml = xml[:first] + span + xml[first + len(b"<w:tcPr>"):]
    second_row = xml.index(b"<w:tr>", xml.index(b"</w:tr>"))
    cell = xml.index(b"<w:tcPr>", second_row)
    xml = xml[:cell] + cont + xml[cell + len(b"<w:tcPr>"):]
    p = rewrite_zip_part(src, tmp_path / "spans.docx", "word/document.xml", xml)
    assert read_docx(p).text == "Intro.\na\tb\nd"
