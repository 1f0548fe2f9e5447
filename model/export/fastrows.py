"""Streaming the rows of large sheets into a workbook openpyxl has written.

openpyxl's write-only mode writes about 60,000 cells a second on this kind of
machine, so 100,000 statements × ~27 columns take ~45 s.  The big
``Statements`` sheets are therefore written by openpyxl with their header,
frozen pane, widths and autofilter only; :func:`splice_rows` then copies the
package and streams the data rows into those sheets' ``<sheetData>`` as the
same SpreadsheetML openpyxl writes (inline strings, numbers, booleans), about
ten times faster.  Every string is written as a string cell (``t="inlineStr"``):
no row written here can hold a formula.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter

from model.export.safety import clean_text, is_formula_like, is_missing

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"

#: rows serialised per chunk written to the zip stream
CHUNK_ROWS = 2_000


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:  # a bare CR would be read back as LF
        text = text.replace("\r", "&#13;")
    return text


class RowWriter:
    """Serialises rows of plain values as ``<row>`` elements.

    ``quote_style`` is the style id of a cell format with Excel's quote prefix,
    given to text a spreadsheet would otherwise read as a formula.
    """

    def __init__(self, n_columns: int, quote_style: int | None = None) -> None:
        self.letters = [get_column_letter(i) for i in range(1, n_columns + 1)]
        self.quote_attr = f' s="{quote_style}"' if quote_style is not None else ""

    def cell(self, ref: str, value: Any) -> str:
        if isinstance(value, str):
            if not value:
                return ""
            text = clean_text(value)
            style = self.quote_attr if is_formula_like(text) else ""
            return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{_escape(text)}</t></is></c>'
        if is_missing(value):
            return ""
        if isinstance(value, bool) or type(value).__name__ == "bool_":
            return f'<c r="{ref}" t="b"><v>{int(bool(value))}</v></c>'
        if isinstance(value, int) or type(value).__name__.startswith("int"):
            return f'<c r="{ref}" t="n"><v>{int(value)}</v></c>'
        if isinstance(value, float) or type(value).__name__.startswith("float"):
            number = float(value)
            if number in (float("inf"), float("-inf")):
                return self.cell(ref, str(number))
            return f'<c r="{ref}" t="n"><v>{number!r}</v></c>'
        return self.cell(ref, str(value))

    def row(self, row_number: int, values: Sequence[Any]) -> str:
        suffix = str(row_number)
        letters = self.letters
        cells = "".join([self.cell(letters[i] + suffix, v) for i, v in enumerate(values)])
        return f'<row r="{row_number}">{cells}</row>'

    def chunks(self, rows: Iterable[Sequence[Any]], first_row: int = 2) -> Iterator[bytes]:
        """The rows as UTF-8 XML, numbered from ``first_row``, a few thousand at a time."""
        buf: list[str] = []
        for n, values in enumerate(rows, first_row):
            buf.append(self.row(n, values))
            if len(buf) >= CHUNK_ROWS:
                yield "".join(buf).encode("utf-8")
                buf = []
        if buf:
            yield "".join(buf).encode("utf-8")


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part name inside an ``.xlsx`` package."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels.iter(f"{_PKG}Relationship"):
        target = rel.get("Target", "")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return {
        sheet.get("name", ""): targets[sheet.get(f"{_REL}id")]
        for sheet in book.iter(f"{_MAIN}sheet")
    }


def splice_rows(
    source: Path,
    target: Path,
    rows: dict[str, Callable[[], Iterable[bytes]]],
    compresslevel: int = 1,
) -> None:
    """Copy the package ``source`` to ``target``, appending streamed rows to the named sheets.

    ``rows`` maps a sheet name to a function giving that sheet's ``<row>``
    elements as UTF-8 chunks; they are inserted before ``</sheetData>``.
    """
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(
        target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
    ) as zout:
        parts = sheet_parts(zin)
        missing = set(rows) - set(parts)
        if missing:
            raise KeyError(f"no sheet named {sorted(missing)} in {source}")
        streamed = {parts[name]: produce for name, produce in rows.items()}
        for info in zin.infolist():
            data = zin.read(info.filename)
            produce = streamed.get(info.filename)
            if produce is None:
                zout.writestr(info.filename, data)
                continue
            head, sep, tail = data.partition(b"</sheetData>")
            if not sep:
                raise ValueError(f"{info.filename} has no sheetData to fill")
            with zout.open(info.filename, "w") as out:
                out.write(head)
                for chunk in produce():
                    out.write(chunk)
                out.write(sep + tail)
