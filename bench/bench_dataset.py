"""Opening a large statements dataset: memory and time, whole against lean.

    python bench/bench_dataset.py build BASE OUT --statements 10000000
    python bench/bench_dataset.py open OUT [--budget-mb N] [--search TEXT ...]

``build`` copies the parts of a dataset written by ``extract --engine dask`` (BASE, e.g. the UN
corpus of ``../shared/corpora/`` extracted once) into OUT until it holds about ``--statements``
statements: copy *k* of every part gets the document ids ``<id>#k`` (documents and statements
alike), so OUT reads as a set of distinct documents.  Parts keep their size (a part of the dask
engine, about 2,500 statements), as ``extract --engine dask`` would write a larger corpus.

``open`` runs, in a fresh process, what the GUI's File › Open statements dataset… runs
(:func:`model.loading.load_dataset`, no GUI), then the evidence of the largest cell as the
evidence panel asks for it (its first batch of cards, texts read when not in memory), and prints
the time of each and the peak resident memory of the process.  ``--budget-mb`` sets
``STANCE_ATLAS_DATASET_BUDGET_MB`` (0: always lean; a large number: always whole).  Each
``--search`` text is then typed into the filter bar's search, one after the other (as a user refines a
search: ``--search isr --search israel``), and the time of each view (:func:`model.analysis.view.compute_view`)
is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402


def _renamed(table: pa.Table, column: str, copy: int) -> pa.Table:
    if copy == 0:
        return table
    at = table.schema.get_field_index(column)
    renamed = pc.binary_join_element_wise(table.column(column), pa.scalar(f"#{copy}"), "")
    return table.set_column(at, table.schema.field(column), renamed)


def build(base: Path, out: Path, statements: int) -> None:
    info = json.loads((base / "stance-atlas-dataset.json").read_text(encoding="utf-8"))
    copies = max(1, -(-statements // int(info["statements"])))
    if out.exists():
        shutil.rmtree(out)
    for name in ("statements", "documents", "failures"):
        (out / name).mkdir(parents=True)
    parts = sorted((base / "statements").glob("part-*.parquet"))
    doc_parts = sorted((base / "documents").glob("part-*.parquet"))
    tables = [pq.read_table(p) for p in parts]
    docs = [pq.read_table(p) for p in doc_parts]
    n = 0
    for copy in range(copies):
        for i, table in enumerate(tables):
            pq.write_table(_renamed(table, "document", copy), out / "statements" / f"part-{copy * len(tables) + i:05d}.parquet")
        for i, table in enumerate(docs):
            pq.write_table(_renamed(table, "id", copy), out / "documents" / f"part-{copy * len(docs) + i:05d}.parquet")
    n = copies * int(info["statements"])
    for p in (base / "failures").glob("part-*.parquet"):
        shutil.copy(p, out / "failures" / p.name)
    body = {**info, "statements": n, "documents": copies * int(info["documents"]), "inputs": [f"{base} ×{copies}"]}
    (out / "stance-atlas-dataset.json").write_text(json.dumps(body, indent=2), encoding="utf-8")
    print(f"{out}: {n:,} statements in {copies * len(tables)} parts")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_set(folder: Path, searches: list[str]) -> None:
    from model.analysis.filters import StatementFilter
    from model.loading import load_dataset

    t0 = time.perf_counter()
    analysis, view, _docs = load_dataset(str(folder), StatementFilter(), "topic")
    opened = time.perf_counter() - t0
    assert view is not None
    mode = "lean" if analysis.texts is not None else "whole"
    print(f"mode {mode}: {len(analysis.statements):,} statements, {len(view.matrix.actors)} countries")
    print(f"open: {opened:.1f} s, peak {peak_mb():,.0f} MB")
    cells = view.matrix.cells.sort_values("count", ascending=False)
    actor, column = cells.iloc[0]["actor"], cells.iloc[0]["topic"]
    t0 = time.perf_counter()
    rows = view.statements.iloc[view.positions[(actor, column)]]
    first = rows.sort_values("confidence", ascending=False, kind="stable").iloc[:8]
    from model.texts import with_texts

    shown = with_texts(first, analysis.texts)
    took = time.perf_counter() - t0
    print(f"evidence of {actor} × {column} ({len(rows):,} statements), first 8 cards: {took * 1000:.0f} ms; "
          f"first sentence: {str(shown['sentence'].iloc[0])[:70]!r}")
    print(f"peak after: {peak_mb():,.0f} MB")
    from model.analysis.view import compute_view

    for text in searches:
        t0 = time.perf_counter()
        found = compute_view(analysis, StatementFilter(search=text), "topic")
        took = time.perf_counter() - t0
        print(f"search {text!r}: {len(found.statements):,} statements in {took:.2f} s")
    if searches:
        print(f"peak after the searches: {peak_mb():,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("base", type=Path)
    b.add_argument("out", type=Path)
    b.add_argument("--statements", type=int, default=10_000_000)
    o = sub.add_parser("open")
    o.add_argument("folder", type=Path)
    o.add_argument("--budget-mb", type=int, default=None)
    o.add_argument("--search", action="append", default=[], help="a text to search, after opening (repeatable)")
    args = ap.parse_args()
    if args.command == "build":
        build(args.base, args.out, args.statements)
    else:
        if args.budget_mb is not None:
            os.environ["STANCE_ATLAS_DATASET_BUDGET_MB"] = str(args.budget_mb)
        open_set(args.folder, args.search)


if __name__ == "__main__":
    main()
