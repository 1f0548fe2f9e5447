"""Plain text: encodings, titles, and the hostile cases (empty, binary, undecodable, too big)."""

import pytest

from model.documents import LoadError
from model.readers import load_paths
from model.readers.text import read_text

from .makers import ARTICLE


def test_utf8_text_with_title_dateline_and_encoding(tmp_path):
    p = tmp_path / "talks.txt"
    p.write_text("Pakistan hosts talks\n\n" + ARTICLE, encoding="utf-8")
    doc = read_text(p)
    assert doc.title == "Pakistan hosts talks"
    assert doc.dateline == "Islamabad"
    assert doc.encoding == "utf-8"
    assert doc.format == "txt"
    assert doc.id == str(p) and doc.path == str(p)
    assert "Russia welcomed" in doc.text and len(doc.hash) == 40


def test_legacy_encoding_is_detected_and_kept(tmp_path):
    p = tmp_path / "ru.txt"
    text = "МОСКВА: Россия приветствовала переговоры о мире и безопасности в регионе. " * 5
    p.write_bytes(text.encode("cp1251"))
    doc = read_text(p)
    assert doc.text.startswith("МОСКВА: Россия")
    assert doc.encoding.replace("_", "").lower() in {"cp1251", "windows1251"}


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    p = tmp_path / "u16.md"
    p.write_bytes("KABUL, Sept 9 (Reuters) - Talks resumed.".encode("utf-16"))
    doc = read_text(p)
    assert doc.text.startswith("KABUL") and doc.dateline == "Kabul" and doc.format == "md"
    assert doc.encoding.startswith("utf_16")


def test_crlf_becomes_newline(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(b"Line one\r\nLine two\r\n")
    assert read_text(p).text == "Line one\nLine two\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"hello\x00world" * 50, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_not_text_is_refused_with_a_reason(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(LoadError, match=reason):
        read_text(p)


def test_size_cap_names_the_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100_000)
    with pytest.raises(LoadError, match=r"over the 0\.1 MB limit"):
        read_text(p, max_bytes=100_000)
    assert read_text(p, max_bytes=1_000_000).words == 100_000


def test_mostly_utf8_with_one_bad_byte_is_utf8_with_a_warning(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("France’s minister said the talks were “useful”. ".encode() * 5 + b"One bad \x9d byte.")
    report = load_paths([p])
    (doc,) = report.documents
    assert doc.encoding == "utf-8" and "France’s" in doc.text and doc.text.count("\ufffd") == 1
    (warning,) = report.warnings
    assert warning.path == str(p) and "1 byte sequence" in warning.reason and not report.errors


def test_latin1_text_is_still_detected(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Le café de la république était fermé à Genève.".encode("latin-1"))
    assert read_text(p).text == "Le café de la république était fermé à Genève."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, codec):
    p = tmp_path / "a.txt"
    p.write_bytes("KABUL, Sept 9 (Reuters) - Talks resumed in Doha.".encode(codec))
    doc = read_text(p)
    assert doc.text == "KABUL, Sept 9 (Reuters) - Talks resumed in Doha." and doc.encoding.startswith("utf_16")
