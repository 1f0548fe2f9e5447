"""Print stance labels to read by hand (issue 15): the five most confident cards of the ten busiest
actor × topic cells, and a random sample of labels with their sentences (fixed seed).

usage: python tools/label_sample.py OUT.jsonl [--seed N] [--n 100] [--verdicts FILE]

Rows are keyed by (document, sentence start, actor, actor words, rank among equal keys), so the same
statements are found again in another run's output.  ``--verdicts`` (a TSV of key, label, verdict, cause)
fills in the verdicts of labels read before; a label not read yet shows ``?``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path


def _rows(path: Path) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    seen: Counter[tuple[object, ...]] = Counter()
    for r in rows:
        k = (r["document"], r["start"], r["actor"], r["actor_text"])
        r["key"] = "|".join(str(x) for x in k) + f"|{seen[k]}"
        seen[k] += 1
    return rows


def _top_cards(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    cells: defaultdict[tuple[object, object], list[dict[str, object]]] = defaultdict(list)
    for r in rows:
        cells[(r["actor"], r["topic"])].append(r)
    busiest = sorted(cells.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))[:10]
    out = []
    for _, members in busiest:
        out += sorted(members, key=lambda r: (-float(str(r["confidence"])), str(r["key"])))[:5]
    return out


def _verdicts(path: Path | None) -> dict[tuple[str, str], tuple[str, str]]:
    if path is None or not path.exists():
        return {}
    out = {}
    for line in path.open(encoding="utf-8"):
        key, label, verdict, cause = (line.rstrip("\n").split("\t") + ["", ""])[:4]
        out[(key, label)] = (verdict, cause)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("output", type=Path)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--verdicts", type=Path)
    ap.add_argument("--keys", type=Path, help="take the sample's keys from this file (one a line) instead")
    args = ap.parse_args()
    rows = _rows(args.output)
    by_key = {str(r["key"]): r for r in rows}
    if args.keys and args.keys.exists():
        sample = [by_key[k] for k in args.keys.read_text(encoding="utf-8").split("\n") if k in by_key]
    else:
        sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    verdicts = _verdicts(args.verdicts)
    tally: Counter[str] = Counter()
    for name, group in (("top", _top_cards(rows)), ("random", sample)):
        for r in group:
            label = str(r["stance"])
            verdict, cause = verdicts.get((str(r["key"]), label), ("?", ""))
            tally[f"{name} {verdict}"] += 1
            print("\t".join([name, str(r["key"]), f"{float(str(r['confidence'])):.2f}", label, verdict, cause,
                             str(r["sentence"])]))
    print("#", dict(sorted(tally.items())))


if __name__ == "__main__":
    main()
