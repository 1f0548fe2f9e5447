"""Word files (.docx): paragraphs and tables in reading order (python-docx).

Before python-docx sees the file, the zip container is checked from its
directory (no zip bombs) and every XML part's prolog is checked for DTDs and
entity declarations (no billion laughs, no external entities).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from model.documents import Document, LoadError
from model.readers.meta import clean, iso_date
from model.readers.safety import (
    CONTAINER_FACTOR,
    MAX_BYTES,
    check_size,
    check_text_size,
    check_xml_parts,
    check_zip,
    guarded,
)

_TITLE_STYLE_IDS = ("title", "heading1")
_PYTHON_DOCX_TEMPLATE_YEAR = 2013


def _blocks(parent: WordDocument | _Cell) -> Iterator[str]:
    """Lines of text: one per paragraph, one per table row (cells tab-separated)."""
    for item in parent.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Table):
            yield from _table_lines(item)


def _table_lines(table: Table) -> Iterator[str]:
    """One line per row, each cell element once.

    ``row.cells`` is not used: it repeats a merged cell once per grid column it spans (a
    stated span of millions made a tiny file take gigabytes) and walks up the rows for each
    vertically merged one; here a horizontally merged cell is read once, and the rows a
    vertical merge continues into add nothing (its text is in the row that starts it)."""
    for tr in table._tbl.tr_lst:
        cells: list[str] = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue
            cells.append(" ".join(line for line in _blocks(_Cell(tc, table)) if line.strip()))
        if any(c.strip() for c in cells):
            yield "\t".join(cells)


def _title(word: WordDocument) -> str | None:
    title = clean(word.core_properties.title, 500)
    if title:
        return title
    for p in word.paragraphs[:30]:
        style_id = (p._p.style or "").lower()  # the id in the paragraph itself; resolving the name is slow
        if style_id in _TITLE_STYLE_IDS and p.text.strip():
            return clean(p.text, 500)
    return None


def _created(word: WordDocument) -> object:
    """Creation date from the file's properties; a file written by python-docx
    carries its template's 2013 date instead, so that one is not used."""
    props = word.core_properties
    if (props.author or "").strip().lower() == "python-docx" and props.created is not None \
            and props.created.year == _PYTHON_DOCX_TEMPLATE_YEAR:
        return None
    return props.created


def read_docx(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """One document from a Word file; LoadError when it is damaged or hostile."""
    check_size(path, max_bytes, CONTAINER_FACTOR)
    check_zip(path, max_bytes, "Word document")
    check_xml_parts(path, "Word document")
    with guarded("Word document"):
        word = docx.Document(str(path))
        lines: list[str] = []
        total = 0
        for line in _blocks(word):
            total += len(line) + 1
            check_text_size(total, max_bytes)
            lines.append(line)
        title = _title(word)
        created = _created(word)
    text = "\n".join(line.rstrip() for line in lines).strip()
    if not text:
        raise LoadError("the Word document has no text")
    return Document(
        id=doc_id if doc_id is not None else str(path),
        text=text,
        title=title or clean(text.split("\n", 1)[0], 200),
        date=iso_date(created),
        path=str(path),
        format="docx",
    )
