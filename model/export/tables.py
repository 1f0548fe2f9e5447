"""Statements and matrix as JSONL / CSV / JSON / XLSX."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pandas as pd

from model.export.atomic import ExportError, atomic_write
from model.export.xlsx import write_workbook
from model.matrix import Matrix
from model.statements import STATEMENT_FIELDS, contract_records


def _clean(v: Any) -> Any:
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def write_statements(statements: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """``.jsonl``: one JSON object per statement; ``.csv``: one row per statement."""
    path = Path(path)
    suffix = path.suffix.lower()
    records = contract_records(statements)
    with atomic_write(path) as tmp:
        if suffix == ".jsonl":
            with open(tmp, "w", encoding="utf-8") as fh:
                for rec in records:
                    fh.write(json.dumps({k: _clean(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")
        elif suffix == ".csv":
            pd.DataFrame(records, columns=list(STATEMENT_FIELDS)).to_csv(tmp, index=False, encoding="utf-8")
        else:
            raise ExportError(f"statements are written as .jsonl or .csv, not '{suffix or path.name}'")


def matrix_long(matrix: Matrix) -> pd.DataFrame:
    return matrix.cells.rename(columns={matrix.by: "column"}).assign(by=matrix.by)


def write_matrix(
    matrix: Matrix,
    statements: pd.DataFrame,
    path: str | os.PathLike[str],
    context: dict[str, Any] | None = None,
) -> None:
    """``.xlsx`` workbook, ``.csv`` (long form, one row per cell) or ``.json``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_workbook(path, matrix, statements, context or {})
        return
    long = matrix_long(matrix)
    with atomic_write(path) as tmp:
        if suffix == ".csv":
            long.to_csv(tmp, index=False, encoding="utf-8")
        elif suffix == ".json":
            payload = {
                "by": matrix.by,
                "actors": matrix.actors,
                "columns": matrix.columns,
                "cells": [{k: _clean(v) for k, v in r.items()} for r in long.to_dict(orient="records")],
            }
            tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            raise ExportError(f"the matrix is written as .xlsx, .csv or .json, not '{suffix or path.name}'")
