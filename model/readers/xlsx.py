"""Excel collections (.xlsx): one document per row under a header row (openpyxl).

Every sheet whose header has a text column is read.  The zip container and its
XML parts are checked first, as for Word files (no zip bombs, no entities).
The sheet's stated ``<dimension>`` is not trusted (a tiny file may claim all of
A1:XFD1048576): only the cells present are read, and only as many columns as
the header has.  The app's own exported workbook is recognised and skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl

from model.documents import LoadError, SkipFile
from model.readers.collections import APP_EXPORT, TEXT_FIELDS, Collection, Item, collect, is_app_export
from model.readers.safety import (
    CONTAINER_FACTOR,
    MAX_BYTES,
    check_size,
    check_xml_parts,
    check_zip,
    guarded,
)

_HEADER_SEARCH_ROWS = 10
#: the sheets of the workbook ``python main.py export`` writes (model.export.xlsx)
_EXPORT_SHEETS = frozenset({"Matrix", "Net stance", "Counts", "Documents", "About"})


def _header(rows: Iterator[tuple[Any, ...]]) -> tuple[int, list[str]] | None:
    """Row number and names of the header: the first row with a non-empty cell."""
    for n, row in enumerate(rows, 1):
        names = [str(c).strip() if c is not None else "" for c in row]
        if any(names):
            return n, names
        if n >= _HEADER_SEARCH_ROWS:
            break
    return None


def _sheet_records(ws: Any, wanted: tuple[str, ...], multi: bool) -> Iterator[Item]:
    if hasattr(ws, "reset_dimensions"):  # read-only sheet: ignore the stated size, read the cells there are
        ws.reset_dimensions()
    head = _header(ws.iter_rows(values_only=True))
    if head is None:
        return
    start, names = head
    if is_app_export(names):
        raise SkipFile(APP_EXPORT)
    if not any(n.lower() in wanted for n in names):
        return
    width = max((i for i, name in enumerate(names, 1) if name), default=1)
    for n, row in enumerate(ws.iter_rows(min_row=start + 1, max_col=width, values_only=True), start + 1):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        where = f"sheet '{ws.title}' row {n}" if multi else f"row {n}"
        yield where, {k: v for k, v in zip(names, row, strict=False) if k}


def _records(wb: Any, text_field: str | None) -> Iterator[Item]:
    if _EXPORT_SHEETS <= set(wb.sheetnames):
        raise SkipFile(APP_EXPORT)
    wanted = (text_field.strip().lower(),) if text_field else TEXT_FIELDS
    multi = len(wb.worksheets) > 1
    for ws in wb.worksheets:
        yield from _sheet_records(ws, wanted, multi)


def read_xlsx(path: Path, text_field: str | None = None, max_bytes: int = MAX_BYTES) -> Collection:
    """Documents of an Excel workbook's rows, and the rows that could not be read."""
    check_size(path, max_bytes, CONTAINER_FACTOR)
    check_zip(path, max_bytes, "Excel workbook")
    check_xml_parts(path, "Excel workbook")
    with guarded("Excel workbook"):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            docs, issues = collect(_records(wb, text_field), path, "xlsx", text_field, max_bytes, None)
        except LoadError as exc:
            if "holds no records" in str(exc):
                wanted = text_field or ", ".join(TEXT_FIELDS)
                raise LoadError(f"no sheet has a header with a text column (looked for {wanted})") from None
            raise
        finally:
            wb.close()
    return docs, issues
