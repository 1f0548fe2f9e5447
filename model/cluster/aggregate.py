"""The matrix of a statements dataset larger than memory, aggregated with ``dask.dataframe``.

Each part is read as one partition (its light columns only, with the row locator of
:mod:`model.cluster.lean`); three results are computed in one pass over the parts:

* per (actor, column): the count, the weights and the cooperative and conflictual counts
  (``groupby(...).agg``);
* per part and cell: the best statement for the dominant label (its score and locator), reduced to
  one per cell here (ties: the first in dataset order, as pandas' ``idxmax`` picks it), whose
  stance is then read from its part;
* per part: at most two sentences of each (actor, column, issue, side, negation), all that
  :func:`model.analysis.contradictions.contradicted` needs (with their row locators: the stance, cue and
  target of the few it keeps are then read from their parts).

The cells equal :func:`model.analysis.matrix.cell_table` of the whole frame.  Imports Dask.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from model.analysis.contradictions import contradicted, two_sentences
from model.analysis.matrix import CELL_FIELDS, keyed_statements, label_score
from model.cluster.lean import LOCATOR, PART, ROW, DatasetTexts

#: columns read with their own type (the others as objects)
_TYPED = ("start", "polarity", "confidence", "negated")


def _columns(by: str) -> list[str]:
    return list(dict.fromkeys(["actor", by, "issue", "document", *_TYPED]))


def _read_part(number_and_path: tuple[int, str], by: str) -> pd.DataFrame:
    number, path = number_and_path
    frame = pq.read_table(path, columns=_columns(by)).to_pandas()
    for name in _columns(by):
        if name not in _TYPED:
            frame[name] = frame[name].astype(object)
    return frame.assign(**{PART: np.int32(number), ROW: np.arange(len(frame), dtype=np.int32)})


def _best_of_part(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    df = keyed_statements(frame, by)
    score = label_score(df)
    at = score.groupby([df["actor"], df[by]], sort=False).idxmax()
    best = df.loc[at.to_numpy(), ["actor", by, PART, ROW]]
    return best.assign(_score=score.loc[at.to_numpy()].to_numpy()).reset_index(drop=True)


def _sentences_of_part(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    df = keyed_statements(frame, by)
    sub = df[((df["_coop"] | df["_conf"]) & df["issue"].notna() & (df["issue"] != "")).to_numpy()]
    return two_sentences(sub, by, LOCATOR).reset_index(drop=True)


def dask_cells(parts: Sequence[Path], by: str = "topic") -> pd.DataFrame:
    """:func:`model.analysis.matrix.cell_table` of a dataset's statement ``parts``, on Dask (one part in memory
    per worker thread at a time; only the cells and a few rows per cell come back)."""
    if not parts:
        return pd.DataFrame(columns=["actor", by, "count", "net", "n_coop", "n_neutral", "n_conf", "label", "contradiction"])
    ddf = dd.from_map(_read_part, list(enumerate(str(p) for p in parts)), by=by)
    keyed = ddf[ddf["actor"].notnull() & ddf[by].notnull() & (ddf[by] != "")]
    w = keyed["confidence"].fillna(0.5).clip(lower=0.05)
    keyed = keyed.assign(_one=1, _w=w, _wp=w * keyed["polarity"].fillna(0.0),
                         _coop=(keyed["polarity"] > 0.15).astype(int), _conf=(keyed["polarity"] < -0.15).astype(int))
    sums = keyed.groupby(["actor", by]).agg({"_one": "sum", "_w": "sum", "_wp": "sum", "_coop": "sum", "_conf": "sum"})
    best = ddf.map_partitions(_best_of_part, by, meta={"actor": object, by: object, PART: "int32", ROW: "int32",
                                                           "_score": float})
    rows = ddf.map_partitions(_sentences_of_part, by, meta={c: t for c, t in (
        ("actor", object), (by, object), ("issue", object), ("_coop", bool), ("negated", bool), ("_conf", bool),
        ("document", object), ("start", "int64"), (PART, "int32"), (ROW, "int32"))})
    sums_pd, best_pd, rows_pd = dask.compute(sums, best, rows)
    if sums_pd.empty:
        return dask_cells([], by)
    cells = pd.DataFrame({"count": sums_pd["_one"].astype("int64"), "net": sums_pd["_wp"] / sums_pd["_w"],
                          "n_coop": sums_pd["_coop"].astype("int64"), "n_conf": sums_pd["_conf"].astype("int64")})
    cells["n_neutral"] = cells["count"] - cells["n_coop"] - cells["n_conf"]
    cells = cells.sort_index()
    best_pd = (best_pd.assign(_neg=-best_pd["_score"]).sort_values(["actor", by, "_neg", PART, ROW], kind="stable")
               .drop_duplicates(["actor", by]).set_index(["actor", by]).reindex(cells.index))
    texts = DatasetTexts(parts)
    cells["label"] = texts.read(best_pd.reset_index(drop=True), ["stance"])["stance"].astype(str).to_numpy()
    mixed = cells.index[(cells["n_coop"] > 0) & (cells["n_conf"] > 0)]
    cells["contradiction"] = False
    if len(mixed):
        cells.loc[contradicted(rows_pd.reset_index(drop=True), by, mixed, texts), "contradiction"] = True
    cells = cells.reset_index()
    cells["actor"], cells[by] = cells["actor"].astype("str"), cells[by].astype("str")
    return cells[["actor", by, *CELL_FIELDS]]
