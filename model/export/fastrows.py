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

import math
import posixpath
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from model.export.safety import FORMULA_START, ILLEGAL_CHARS, MAX_CELL_CHARS, clean_text, is_missing

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


_RISKY_FIRST = frozenset(FORMULA_START)
_SEP = "\uffff"


class RowWriter:
    """Serialises a data frame's rows as ``<row>`` elements, column by column.

    ``quote_style`` is the style id of a cell format with Excel's quote prefix,
    given to text a spreadsheet would otherwise read as a formula.
    ``column_styles`` maps a column position (0-based) to the style ids its cells
    get: ``(plain, with quote prefix)`` (e.g. wrapped text, see
    :func:`model.export.cells.wrap_style_ids`).
    """

    def __init__(self, n_columns: int, quote_style: int | None = None,
                 column_styles: Mapping[int, tuple[int, int]] | None = None) -> None:
        self.letters = [get_column_letter(i) for i in range(1, n_columns + 1)]
        self.quote_attr = f' s="{quote_style}"' if quote_style is not None else ""
        self.styles = {self.letters[i]: (f' s="{plain}"', f' s="{quoted}"')
                       for i, (plain, quoted) in (column_styles or {}).items()}

    def _attrs(self, letter: str) -> tuple[str, str]:
        """The style attributes of a plain and a quote-prefixed cell of column ``letter``."""
        return self.styles.get(letter, ("", self.quote_attr))

    def text(self, ref: str, value: str, attrs: tuple[str, str] | None = None) -> str:
        if not value:
            return ""
        if len(value) > MAX_CELL_CHARS // 2 or ILLEGAL_CHARS.search(value):
            value = clean_text(value)
        plain, quote = attrs or ("", self.quote_attr)
        style = quote if value[:1] in _RISKY_FIRST else plain
        return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{_escape(value)}</t></is></c>'

    def cell(self, ref: str, value: Any, attrs: tuple[str, str] | None = None) -> str:
        """One cell of any value: text, number, boolean; missing values give no cell."""
        if isinstance(value, str):
            return self.text(ref, value, attrs)
        if is_missing(value):
            return ""
        style = attrs[0] if attrs else ""
        if isinstance(value, bool | np.bool_):
            return f'<c r="{ref}"{style} t="b"><v>{int(bool(value))}</v></c>'
        if isinstance(value, int | np.integer):
            return f'<c r="{ref}"{style} t="n"><v>{int(value)}</v></c>'
        if isinstance(value, float | np.floating):
            number = float(value)
            if math.isinf(number):
                return self.text(ref, str(number), attrs)
            return f'<c r="{ref}"{style} t="n"><v>{number!r}</v></c>'
        return self.text(ref, str(value), attrs)

    def column(self, letter: str, kind: str, values: list[Any], numbers: range) -> list[str]:
        """The cells of one column for the rows ``numbers``; ``kind`` from :func:`column_kind`."""
        pairs = zip(numbers, values, strict=True)
        attrs = self._attrs(letter)
        style = attrs[0]
        if kind == "float":
            return [f'<c r="{letter}{n}"{style} t="n"><v>{v!r}</v></c>' if v == v else "" for n, v in pairs]
        if kind == "int":
            return [f'<c r="{letter}{n}"{style} t="n"><v>{v}</v></c>' for n, v in pairs]
        if kind == "bool":
            return [f'<c r="{letter}{n}"{style} t="b"><v>{1 if v else 0}</v></c>' for n, v in pairs]
        if kind == "text":
            return self.text_column(letter, values, numbers)
        cell = self.cell
        return [cell(f"{letter}{n}", v, attrs) for n, v in pairs]

    def text_column(self, letter: str, texts: list[str], numbers: range) -> list[str]:
        """Cells of a column holding only text ("" for none): cleaned and escaped in bulk."""
        if ILLEGAL_CHARS.search("\n".join(texts)) or max(map(len, texts), default=0) > MAX_CELL_CHARS // 2:
            texts = [clean_text(t) for t in texts]
        # U+FFFF cannot occur in cleaned text, so it safely separates the values
        escaped = _escape(_SEP.join(texts)).split(_SEP)
        plain, quote = self._attrs(letter)
        risky = _RISKY_FIRST
        return [
            f'<c r="{letter}{n}"{quote if t[:1] in risky else plain} t="inlineStr"><is><t xml:space="preserve">{e}</t></is></c>'
            if t else ""
            for n, t, e in zip(numbers, texts, escaped, strict=True)
        ]

    def chunks(self, frame: pd.DataFrame, first_row: int = 2, heights: Sequence[float] | None = None) -> Iterator[bytes]:
        """The frame's rows as UTF-8 XML, numbered from ``first_row``, a few thousand at a time.

        ``heights`` (points, one per row) are written as fixed row heights: a
        spreadsheet does not always grow a row to its wrapped text on opening
        (LibreOffice keeps the default height), so wrapped rows are sized here.
        """
        starts = (
            [f'<row r="{n}" ht="{h:g}" customHeight="1">' for n, h in zip(range(first_row, first_row + len(frame)), heights, strict=True)]
            if heights is not None else None
        )
        kinds, values = zip(*(column_values(frame[c]) for c in frame.columns), strict=True) if len(frame.columns) else ((), ())
        for offset in range(0, len(frame), CHUNK_ROWS):
            stop = min(len(frame), offset + CHUNK_ROWS)
            numbers = range(first_row + offset, first_row + stop)
            columns = [
                self.column(letter, kind, vals[offset:stop], numbers)
                for letter, kind, vals in zip(self.letters, kinds, values, strict=False)
            ]
            tags = starts[offset:stop] if starts is not None else [f'<row r="{n}">' for n in numbers]
            rows = [tag + "".join(cells) + "</row>" for tag, cells in zip(tags, zip(*columns, strict=True), strict=True)]
            yield "".join(rows).encode("utf-8")


def column_values(series: pd.Series) -> tuple[str, list[Any]]:
    """How to write a column ("float", "int", "bool", "text" or "any") and its values as a list.

    For "text" every value is a ``str`` ("" for missing), found without a
    Python-level look at each value.
    """
    kind = series.dtype.kind
    if kind == "f":
        return ("float" if not np.isinf(series.to_numpy()).any() else "any"), series.tolist()
    if kind in "iu":
        return "int", series.tolist()
    if kind == "b":
        return "bool", series.tolist()
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return "text", series.astype(object).where(series.notna(), "").tolist()
    return "any", series.tolist()


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
