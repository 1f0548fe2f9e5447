"""The statements dataset: what ``extract --engine dask`` writes, as partitioned Parquet.

Layout (any Parquet reader — pandas, DuckDB, Spark, Polars — reads each folder as one table)::

    OUT/
      stance-atlas-dataset.json     marker: format, version, counts, inputs
      statements/part-00000.parquet one row per statement: the statement record (README), typed
      documents/part-00000.parquet  one row per document read: id, title, date, source, url, path …
      failures/part-00000.parquet   one row per file, record or document that failed or was skipped

Parts are numbered in document order; concatenated in name order they give the rows in the
order the single-process ``extract`` writes them.  This module needs pyarrow only (not Dask).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from model.documents import Document, LoadIssue, LoadReport
from model.readers.loader import DATASET_MARKER
from model.statements import COLUMNS, DTYPES, Row, empty_statements

if TYPE_CHECKING:
    from model.pipeline import Analysis
    from model.resources import Resources

MARKER = DATASET_MARKER
FORMAT = "stance-atlas-statements"
VERSION = 1
STATEMENTS, DOCUMENTS, FAILURES = "statements", "documents", "failures"

_INT = {"start", "end", "cue_start", "actor_start"}
_FLOAT = {"polarity", "confidence"}
_BOOL = {"hedged", "negated"}


def _statement_type(name: str) -> pa.DataType:
    if name in _INT:
        return pa.int64()
    if name in _FLOAT:
        return pa.float64()
    if name in _BOOL:
        return pa.bool_()
    return pa.string()


STATEMENT_SCHEMA = pa.schema([pa.field(c, _statement_type(c), nullable=c not in _INT | _BOOL) for c in COLUMNS])
DOCUMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("date", pa.string()), ("source", pa.string()),
    ("url", pa.string()), ("path", pa.string()), ("format", pa.string()), ("encoding", pa.string()),
    ("speaker_country", pa.string()), ("dateline", pa.string()), ("hash", pa.string()),
    ("also_sources", pa.list_(pa.string())), ("words", pa.int64()),
])
FAILURE_SCHEMA = pa.schema([("path", pa.string()), ("reason", pa.string()), ("kind", pa.string())])


class DatasetError(Exception):
    """A folder is not a readable statements dataset; the message says why in plain words."""


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def _strings(values: Iterable[object]) -> list[str | None]:
    return [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in values]


_NUMPY = {"int64": np.int64, "double": np.float64, "bool": np.bool_}


def rows_table(rows: Sequence[Row]) -> pa.Table:
    """Rows as the engine makes them (tuples in ``COLUMNS`` order) as an Arrow table with the dataset's
    schema, built without a pandas frame (the table the frame's columns give, faster)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(COLUMNS)
    arrays = []
    for f, values in zip(STATEMENT_SCHEMA, columns, strict=True):
        if pa.types.is_string(f.type):
            arrays.append(pa.array(_strings(values), type=f.type))
        else:  # as the frame's astype: None → NaN (float) or False (bool)
            arrays.append(pa.array(np.asarray(values, dtype=_NUMPY[str(f.type)]), type=f.type))
    return pa.Table.from_arrays(arrays, schema=STATEMENT_SCHEMA)


def documents_table(docs: Sequence[Document], words: Sequence[int]) -> pa.Table:
    cols: dict[str, list[object]] = {f.name: [] for f in DOCUMENT_SCHEMA}
    for d, w in zip(docs, words, strict=True):
        for name in cols:
            if name == "words":
                cols[name].append(w)
            elif name == "also_sources":
                cols[name].append(list(d.also_sources))
            else:
                cols[name].append(getattr(d, name))
    return pa.Table.from_pydict(cols, schema=DOCUMENT_SCHEMA)


def failures_table(issues: Sequence[LoadIssue]) -> pa.Table:
    return pa.Table.from_pydict(
        {"path": [i.path for i in issues], "reason": [i.reason for i in issues], "kind": [i.kind for i in issues]},
        schema=FAILURE_SCHEMA,
    )


def write_part(table: pa.Table, folder: str | os.PathLike[str], name: str, index: int,
               make_folder: bool = True) -> Path:
    """Write one part (a retried task writes the same file again: never a second copy).

    ``make_folder=False``: the table's folder must exist (FileNotFoundError when it was removed)."""
    target = Path(folder) / name
    if make_folder:
        target.mkdir(parents=True, exist_ok=True)
    path = target / part_name(index)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


def write_marker(folder: str | os.PathLike[str], info: dict[str, object]) -> None:
    body = {"format": FORMAT, "version": VERSION, **info}
    Path(folder, MARKER).write_text(json.dumps(body, indent=2, ensure_ascii=False), encoding="utf-8")


@dataclass(frozen=True)
class DatasetInfo:
    folder: Path
    statements: int
    documents: int
    failures: int
    inputs: tuple[str, ...]


def read_info(path: str | os.PathLike[str]) -> DatasetInfo:
    """What the marker says; DatasetError when ``path`` is not a dataset this version reads."""
    folder = Path(path)
    try:
        body = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{folder} is not a statements dataset (no {MARKER} in it)") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{folder}: the dataset's {MARKER} cannot be read ({exc})") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise DatasetError(f"{folder}: {MARKER} does not describe a statements dataset")
    if int(body.get("version", 0)) > VERSION:
        raise DatasetError(f"{folder}: written by a newer version of Stance Atlas (dataset version "
                           f"{body.get('version')}); update the app to open it")
    return DatasetInfo(folder, int(body.get("statements", 0)), int(body.get("documents", 0)),
                       int(body.get("failures", 0)), tuple(str(p) for p in body.get("inputs", [])))


def _parts(folder: Path, name: str) -> list[Path]:
    return sorted((folder / name).glob("part-*.parquet"))


def _read(folder: Path, name: str, schema: pa.Schema, columns: Sequence[str] | None = None,
          filters: list[tuple[str, str, object]] | None = None) -> pa.Table:
    parts = _parts(folder, name)
    if not parts:
        return schema.empty_table() if columns is None else schema.empty_table().select(list(columns))
    try:
        return pq.read_table([str(p) for p in parts], schema=schema, columns=list(columns) if columns else None,
                             filters=filters)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{folder}: the {name} of the dataset cannot be read ({exc})") from None


def read_statements(path: str | os.PathLike[str], columns: Sequence[str] | None = None,
                    filters: list[tuple[str, str, object]] | None = None) -> pd.DataFrame:
    """Statements of a dataset (all, or ``columns`` only; ``filters`` as pyarrow takes them, e.g.
    ``[("actor", "==", "RUS"), ("topic", "==", "diplomacy")]``), typed as ``extract_statements`` types them."""
    folder = Path(path)
    read_info(folder)
    table = _read(folder, STATEMENTS, STATEMENT_SCHEMA, columns, filters)
    if table.num_rows == 0 and columns is None:
        return empty_statements()
    frame = table.to_pandas()
    for col, dtype in DTYPES.items():
        if col in frame.columns:
            frame[col] = frame[col].astype(dtype)
    return frame


def read_documents(path: str | os.PathLike[str]) -> list[Document]:
    """The dataset's documents, without their text (the dataset keeps statements, not texts)."""
    folder = Path(path)
    read_info(folder)
    rows = _read(folder, DOCUMENTS, DOCUMENT_SCHEMA).to_pylist()
    return [
        Document(id=r["id"], text="", title=r["title"], date=r["date"], source=r["source"], url=r["url"],
                 path=r["path"], format=r["format"] or "txt", encoding=r["encoding"],
                 speaker_country=r["speaker_country"], dateline=r["dateline"] or None, hash=r["hash"] or "-",
                 also_sources=tuple(r["also_sources"] or ()))
        for r in rows
    ]


def read_failures(path: str | os.PathLike[str]) -> list[LoadIssue]:
    folder = Path(path)
    read_info(folder)
    return [LoadIssue(r["path"], r["reason"], r["kind"]) for r in _read(folder, FAILURES, FAILURE_SCHEMA).to_pylist()]


#: what the load report says of a set opened from a dataset
OPENED_NOTE = ("opened as a statements dataset: the matrix, charts and evidence come from it. Review and projects "
               "are not supported for a dataset yet, and the document texts are not in it (the reader shows the "
               "sentences only)")


def lean_note(statements: int) -> str:
    """What the load report says of a dataset opened lean."""
    return (f"{statements:,} statements; texts are read from the dataset when shown (the dataset is larger than "
            f"the memory budget: only the columns the matrix, charts and filters need are in memory)")


def statement_parts(path: str | os.PathLike[str]) -> list[Path]:
    """The statement parts of a dataset, in name (document) order."""
    folder = Path(path)
    read_info(folder)
    return _parts(folder, STATEMENTS)


def lean_reviewed(statements: pd.DataFrame, documents: Sequence[Document]) -> pd.DataFrame:
    """A lean frame with the review columns :func:`model.review.decisions.apply_decisions` adds when there is no
    decision, in compact types (categories): a dataset opened lean is shown as it was extracted."""
    hashes = {d.id: d.hash for d in documents}
    doc = statements["document"].astype("category")
    codes, uniques = pd.factorize(pd.Series([hashes.get(c, "") for c in doc.cat.categories] + [""], dtype=object))
    machine = pd.Categorical.from_codes(np.zeros(len(statements), dtype=np.int8), categories=["machine"])
    doc_codes = doc.cat.codes.to_numpy()
    return statements.assign(
        review=machine, edited=np.zeros(len(statements), dtype=bool), provenance=machine,
        doc_hash=pd.Categorical.from_codes(codes[np.where(doc_codes >= 0, doc_codes, len(codes) - 1)], categories=uniques),
        key_actor=statements["actor"])


def dataset_analysis(path: str | os.PathLike[str], resources: Resources | None = None,
                     lean: bool | None = None) -> Analysis:
    """A statements dataset as an open set (documents without their text; failures as load issues).

    ``lean``: None decides by the memory budget (:func:`model.cluster.lean.fits_whole`); True reads only
    the light columns, with the review columns of an unreviewed set, and the texts when shown (the
    analysis's ``texts``); False reads every column."""
    from model.cluster.lean import DatasetTexts, fits_whole, lean_statements  # noqa: PLC0415
    from model.pipeline import Analysis  # noqa: PLC0415 (pipeline imports the readers and the engine)
    from model.resources import load_resources  # noqa: PLC0415

    parts = statement_parts(path)
    if lean is None:
        lean = not fits_whole(parts)
    documents = read_documents(path)
    notes = [LoadIssue(str(path), OPENED_NOTE, "warning")]
    if not lean:
        report = LoadReport(documents=documents, issues=[*read_failures(path), *notes], dataset=str(path))
        return Analysis(report, read_statements(path), resources or load_resources())
    try:
        statements = lean_statements(parts)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: the statements of the dataset cannot be read ({exc})") from None
    notes.append(LoadIssue(str(path), lean_note(len(statements)), "warning"))
    report = LoadReport(documents=documents, issues=[*read_failures(path), *notes], dataset=str(path))
    return Analysis(report, lean_reviewed(statements, documents), resources or load_resources(), DatasetTexts(parts))
