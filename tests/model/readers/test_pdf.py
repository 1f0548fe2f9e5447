"""PDFs: text per page with page offsets, info metadata, and broken/encrypted files."""

import pytest

from model.documents import LoadError
from model.readers.pdf import read_pdf

from .makers import pdf_bytes, write_encrypted_pdf, write_pdf


def test_pages_text_offsets_and_metadata(tmp_path):
    p = write_pdf(tmp_path / "r.pdf", ["ISLAMABAD: Pakistan condemned the attack.", "Russia welcomed the talks."],
                  title="Regional talks", created="D:20230909120000Z")
    doc = read_pdf(p)
    assert doc.format == "pdf" and doc.title == "Regional talks" and doc.date == "2023-09-09"
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    assert doc.text[doc.pages[0]:].startswith("ISLAMABAD: Pakistan condemned")
    assert doc.text[doc.pages[1]:].startswith("Russia welcomed the talks.")
    assert doc.dateline == "Islamabad"


def test_title_falls_back_to_first_line(tmp_path):
    doc = read_pdf(write_pdf(tmp_path / "t.pdf", ["Statement by the Ministry\nIran rejected the plan."]))
    assert doc.title == "Statement by the Ministry"
    assert doc.date is None


def test_password_protected_pdf_is_refused(tmp_path):
    p = write_encrypted_pdf(tmp_path / "locked.pdf", ["Secret text"], user_password="s3cret")
    with pytest.raises(LoadError, match="password"):
        read_pdf(p)


def test_pdf_encrypted_without_user_password_is_read(tmp_path):
    p = write_encrypted_pdf(tmp_path / "perm.pdf", ["China supported the proposal."], user_password="")
    assert "China supported the proposal." in read_pdf(p).text


def test_truncated_pdf_is_refused(tmp_path):
    data = pdf_bytes(["Russia welcomed the talks."] * 3)
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError, match="truncated"):
        read_pdf(p)


def test_damaged_pdf_body_is_refused(tmp_path):
    data = pdf_bytes(["Russia welcomed the talks."])
    p = tmp_path / "damaged.pdf"
    p.write_bytes(data[:9] + b"\x00garbage\xff" * 40 + b"\n%%EOF\n")
    with pytest.raises(LoadError):
        read_pdf(p)


def test_pdf_without_text_layer(tmp_path):
    p = write_pdf(tmp_path / "scan.pdf", [""])
    with pytest.raises(LoadError, match="no text layer"):
        read_pdf(p)


def test_not_a_pdf(tmp_path):
    p = tmp_path / "fake.pdf"
    p.write_text("this is plain text pretending to be a PDF")
    with pytest.raises(LoadError, match="not a PDF"):
        read_pdf(p)


def test_text_cap_applies_to_extracted_text(tmp_path):
    p = write_pdf(tmp_path / "long.pdf", ["word " * 100] * 5)
    assert p.stat().st_size < 4 * 2000  # the file itself is within the container allowance
    with pytest.raises(LoadError, match="the text is over the"):
        read_pdf(p, max_bytes=2000)
