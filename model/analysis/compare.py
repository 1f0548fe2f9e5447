"""Comparing countries topic by topic, and one country's profile across topics.

``compare_countries`` answers "where do Russia and Pakistan differ on
Afghanistan?": for 2–4 countries, aligned by topic (or issue), each country's
stance labels, counts and net stance, and whether they agree or disagree.
Pure pandas; the GUI displays the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.analysis.matrix import Matrix, build_matrix, polarity_class
from model.texts import StatementTexts, with_texts

MIN_COUNTRIES = 2
MAX_COUNTRIES = 4

#: values of the ``relation`` column
AGREE, DISAGREE, MIXED, SINGLE = "agree", "disagree", "mixed", "single"


@dataclass(frozen=True)
class Comparison:
    """Countries side by side, one row per topic that at least one of them speaks to.

    ``table`` has, per topic (index, in column order): for each country
    ``<ISO3>_count``, ``<ISO3>_net``, ``<ISO3>_stances`` (labels, most
    confident first) and ``<ISO3>_class`` (cooperative/neutral/conflictual or
    "" when silent); then ``relation`` (agree / disagree / mixed / single),
    ``agree`` and ``disagree`` flags and ``spread`` (max − min net).
    """

    actors: tuple[str, ...]
    by: str
    table: pd.DataFrame
    matrix: Matrix

    @property
    def topics(self) -> list[str]:
        return list(self.table.index)

    def net_grid(self) -> pd.DataFrame:
        """Topic × country net stance (NaN where a country is silent)."""
        return pd.DataFrame({a: self.table[f"{a}_net"] for a in self.actors}, index=self.table.index)


def _stance_lists(statements: pd.DataFrame, by: str, texts: StatementTexts | None = None) -> pd.Series:
    if statements.empty:
        return pd.Series(dtype=object)
    ordered = with_texts(statements.sort_values("confidence", ascending=False, kind="stable"), texts, ["stance"])
    return ordered.groupby(["actor", by], sort=False, observed=True)["stance"].agg(
        lambda s: tuple(dict.fromkeys(s.astype(str))))


def _relation(classes: list[str]) -> str:
    spoken = [c for c in classes if c]
    if len(spoken) < 2:
        return SINGLE
    if "cooperative" in spoken and "conflictual" in spoken:
        return DISAGREE
    if len(set(spoken)) == 1:
        return AGREE
    return MIXED


def distinct(actors: Sequence[str]) -> tuple[str, ...]:
    """The countries once each, in the order given: what a comparison compares."""
    return tuple(dict.fromkeys(actors))


def comparable(actors: Sequence[str]) -> bool:
    """Can these countries be compared (2–4 different ones)?"""
    return MIN_COUNTRIES <= len(distinct(actors)) <= MAX_COUNTRIES


def compare_countries(
    statements: pd.DataFrame,
    actors: Sequence[str],
    by: str = "topic",
    columns: Sequence[str] | None = None,
    texts: StatementTexts | None = None,
) -> Comparison:
    """Compare 2–4 countries (ISO3 codes, in display order) topic by topic (``texts``: a lean frame's stance
    labels, read for the compared countries' statements only)."""
    actors = distinct(actors)
    if not comparable(actors):
        raise ValueError(f"compare {MIN_COUNTRIES} to {MAX_COUNTRIES} different countries, not {len(actors)}")
    sub = statements[statements["actor"].isin(actors).to_numpy()]
    matrix = build_matrix(sub, by=by, columns=list(columns) if columns is not None else None, texts=texts)
    counts = matrix.counts.reindex(index=list(actors), fill_value=0)
    net = matrix.net.reindex(index=list(actors))
    spoken = [c for c in matrix.columns if counts[c].sum() > 0]
    stances = _stance_lists(sub[(sub[by].notna() & (sub[by] != "")).to_numpy()], by, texts)
    table = pd.DataFrame(index=pd.Index(spoken, name=by))
    for a in actors:
        table[f"{a}_count"] = [int(counts.at[a, c]) for c in spoken]
        table[f"{a}_net"] = [float(net.at[a, c]) for c in spoken]
        table[f"{a}_stances"] = [stances.get((a, c), ()) for c in spoken]
        table[f"{a}_class"] = [polarity_class(n) if k else "" for n, k in zip(table[f"{a}_net"], table[f"{a}_count"], strict=True)]
    table["relation"] = [_relation([table.at[c, f"{a}_class"] for a in actors]) for c in spoken]
    table["agree"] = table["relation"] == AGREE
    table["disagree"] = table["relation"] == DISAGREE
    nets = table[[f"{a}_net" for a in actors]].to_numpy(dtype=float) if spoken else np.empty((0, len(actors)))
    with np.errstate(all="ignore"):
        spread = np.nanmax(nets, axis=1) - np.nanmin(nets, axis=1) if len(nets) else np.empty(0)
    table["spread"] = spread
    return Comparison(actors=actors, by=by, table=table, matrix=matrix)


def country_profile(matrix: Matrix, actor: str) -> pd.DataFrame:
    """One country's cells across the matrix columns it speaks to, in column order.

    Columns: column, count, net, n_coop, n_neutral, n_conf, label, contradiction.
    """
    cols = ["column", "count", "net", "n_coop", "n_neutral", "n_conf", "label", "contradiction"]
    cells = matrix.cells
    mine = cells[cells["actor"].to_numpy() == actor] if len(cells) else cells
    if mine.empty:
        return pd.DataFrame(columns=cols)
    mine = mine.rename(columns={matrix.by: "column"})
    order = {c: i for i, c in enumerate(matrix.columns)}
    mine = mine.assign(_o=mine["column"].map(order)).sort_values("_o", kind="stable")
    return mine[cols].reset_index(drop=True)


def column_breakdown(matrix: Matrix, column: str, actors: Sequence[str] | None = None) -> pd.DataFrame:
    """Per country (index, in ``actors`` order or the matrix's), cooperative / neutral / conflictual counts on one column."""
    order = list(actors) if actors is not None else matrix.actors
    out = pd.DataFrame(0, index=pd.Index(order, name="actor"), columns=["cooperative", "neutral", "conflictual"])
    cells = matrix.cells
    mine = cells[cells[matrix.by].to_numpy() == column] if len(cells) else cells
    mine = mine.set_index("actor")
    mine = mine[mine.index.isin(order)]
    out.loc[mine.index, "cooperative"] = mine["n_coop"].astype(int)
    out.loc[mine.index, "neutral"] = mine["n_neutral"].astype(int)
    out.loc[mine.index, "conflictual"] = mine["n_conf"].astype(int)
    return out[out.sum(axis=1) > 0]
