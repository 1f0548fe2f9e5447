"""Holder errors on our annotated UN speech sentences, out-of-fold: what a change fixes or breaks.

    python tools/speech_errors.py [-o errors.tsv] [--reps 4]

Every holder candidate of the annotated speech sentences (``tools/data/un_ann_*.jsonl`` with
``un_items_*.jsonl``, read as :meth:`train_holders.Annotated.add_speeches` reads them) gets the mean
probability of models that never saw its document (``--reps`` × 5 folds grouped by document, trained on
everything ``tools/train_holders.py`` trains on).  Each (sentence, country) pair is written once, with its
best candidate: TP / FP (emitted at 0.5, right or wrong), FN (a candidate under 0.5 that is gold), TN, and
FNX (gold, no candidate at all), with the candidate's source, the words that named the holder, its kind,
the cue and its category, and the sentence.  The counts are printed by kind and by speaker or other
holder.  Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_holders as th  # noqa: E402

import model.engine.extract as extract  # noqa: E402


def _annotated() -> th.Annotated:
    data = th.Annotated()
    data.add_wikinews(th.SHARED / "wikinews2019.gold.jsonl", th.SHARED / "wikinews2019.docs.jsonl")
    corpus = ROOT.parent / "shared" / "corpora" / "ungdc_2022_2024.jsonl"
    for part in "abcd":
        data.add_speeches(ROOT / "tools" / "data" / f"un_ann_{part}.jsonl",
                          ROOT / "tools" / "data" / f"un_items_{part}.jsonl", corpus)
    data.add_seed(ROOT / "seeds")
    for name in ("plover", "petrarch"):
        data.add_short(th.SHARED / f"{name}.gold.jsonl", th.SHARED / f"{name}.docs.jsonl")
    return data


def _candidates(data: th.Annotated) -> tuple[list, list[tuple[str, str, str, str]]]:
    """The labelled candidates (as :func:`train_holders.collect` gives them) and, for each, the words that named
    the holder, its kind, the cue's words and the category."""
    described: list[tuple[str, str, str, str]] = []
    features = extract.features

    def noting(sent, f, *args):  # type: ignore[no-untyped-def]
        described.append((f.holder.text, f.holder.kind, sent.text[f.cue.start:f.cue.end] if f.cue else "",
                          f.category))
        return features(sent, f, *args)

    extract.features = noting
    try:
        engine = extract.Engine(th.load_resources(), holder_model=False)
        engine.collect = []
        for d in data.docs:
            engine.rows(d)
    finally:
        extract.features = features
    rows, info = [], []
    for (doc_id, a, b, actor, source, x), about in zip(engine.collect, described, strict=True):
        pair, y = data.label(doc_id, a, b, actor)
        if pair is not None and y is not None:
            rows.append((pair, y, source, x))
            info.append(about)
    return rows, info


def _out_of_fold(rows: list, reps: int):  # type: ignore[no-untyped-def]
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X = np.array([r[3] for r in rows])
    y = np.array([r[1] for r in rows])
    groups = np.array([r[0][0] for r in rows])
    docs = np.unique(groups)
    out = np.zeros((reps, len(rows)))
    for rep in range(reps):
        fold_of = {g: i % 5 for i, g in enumerate(np.random.RandomState(rep).permutation(docs))}
        fold = np.array([fold_of[g] for g in groups])
        for k in range(5):
            train, test = fold != k, fold == k
            fit = LogisticRegression(C=0.5, fit_intercept=False, max_iter=3000).fit(X[train], y[train])
            out[rep, test] = fit.predict_proba(X[test])[:, 1]
    return out.mean(axis=0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=Path("speech_errors.tsv"))
    ap.add_argument("--reps", type=int, default=4)
    args = ap.parse_args()
    data = _annotated()
    rows, info = _candidates(data)
    prob = _out_of_fold(rows, args.reps)
    speeches = data.sets["speeches"]
    docs = {d.id: d for d in data.docs}
    best: dict[tuple[str, int, str], int] = {}
    for i, (pair, _y, _source, _x) in enumerate(rows):
        if pair[0] in speeches and (pair not in best or prob[i] > prob[best[pair]]):
            best[pair] = i
    gold = {g for g in data.gold if g[0] in speeches}

    def sentence(pair: tuple[str, int, str]) -> str:
        a, b = data.spans[pair[0]][pair[1]]
        return docs[pair[0]].text[a:b].replace("\n", " ").replace("\t", " ")

    lines = []
    for pair, i in best.items():
        right = pair in gold
        kind = ("TP" if right else "FP") if prob[i] >= 0.5 else ("FN" if right else "TN")
        lines.append((kind, pair[0], str(pair[1]), str(docs[pair[0]].speaker_country), pair[2], f"{prob[i]:.2f}",
                      rows[i][2], *info[i], sentence(pair)))
    for pair in gold - set(best):
        lines.append(("FNX", pair[0], str(pair[1]), str(docs[pair[0]].speaker_country), pair[2], "-", "-", "", "", "",
                      "", sentence(pair)))
    lines.sort(key=lambda line: (line[0], line[1], int(line[2])))
    args.output.write_text("".join("\t".join(line) + "\n" for line in lines), encoding="utf-8")
    counts = Counter(line[0] for line in lines)
    tp, fp, fn = counts["TP"], counts["FP"], counts["FN"] + counts["FNX"]
    print(f"{dict(counts)}  precision {tp / max(1, tp + fp):.3f}  recall {tp / max(1, tp + fn):.3f}")
    by_holder = Counter((line[0], "speaker" if line[3] == line[4] else "other") for line in lines)
    print("  " + ", ".join(f"{k} {who}: {n}" for (k, who), n in sorted(by_holder.items())))
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
