"""Property tests: on any bytes, every reader returns documents or raises LoadError — nothing else."""

import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.documents import Document, LoadError
from model.readers import ReadOptions, read_file, supported_suffixes

from .makers import pdf_bytes

PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>", b'{"text": "', b"id,text\n", b"\xef\xbb\xbf",
            b"\xff\xfe"]


def _zip_with(member: str, data: bytes) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(member, data)
    return buf.getvalue()


def _mangled_pdf(data: bytes, cut: int) -> bytes:
    good = pdf_bytes(["Russia welcomed the talks."])
    cut = cut % len(good)
    return good[:cut] + data + good[cut + len(data):]


def random_files():
    raw = st.binary(max_size=2048)
    return st.one_of(
        st.builds(lambda p, b: p + b, st.sampled_from(PREFIXES), raw),
        st.builds(_zip_with, st.sampled_from(["word/document.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
                  raw),
        st.builds(_mangled_pdf, st.binary(min_size=1, max_size=64), st.integers(min_value=0)),
    )


@pytest.mark.parametrize("suffix", sorted(supported_suffixes()))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=random_files())
def test_any_bytes_give_documents_or_a_load_error(suffix, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"random{suffix}"
        path.write_bytes(data)
        try:
            result = read_file(path, ReadOptions())
        except LoadError as exc:
            assert str(exc).strip(), "a LoadError must say why"
            return
        assert result.documents and all(isinstance(d, Document) and d.text.strip() for d in result.documents)
