"""Document-level misses on the Wikinews dev set: (document, country) pairs the gold has and we emit nothing for.

    python tools/missed_pairs.py PRED.jsonl [--candidates]

For each missed pair it prints the gold items of that country (their source words and sentence) and, with
``--candidates``, every holder candidate the engine proposed for that country in that document with the
scorer's probability (:attr:`model.engine.extract.Engine.collect`) — under the threshold (a scorer question)
or not proposed at all (a rules question: cues, attribution, candidate generation).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "eval"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]


def missed(gold: list[dict], pred_path: Path) -> list[tuple[dict, str]]:
    """(gold record, actor) of every gold pair without a predicted statement (ignored actors left out)."""
    emitted: dict[str, set[str]] = defaultdict(set)
    for r in _jsonl(pred_path):
        emitted[str(r["document"])].add(str(r["actor"]))
    out = []
    for g in gold:
        if not g.get("gold"):
            continue
        wanted = {it["actor"] for it in g["gold"]} - emitted[g["id"]] - set(g.get("ignore") or [])
        out.extend((g, a) for a in sorted(wanted))
    return out


def candidates(docs: dict[str, dict], doc_ids: set[str]) -> dict[tuple[str, str], list[tuple[int, int, str, float]]]:
    """(document, actor) → (start, end, source, probability) of every candidate the engine proposed."""
    from model.documents import Document
    from model.engine.extract import Engine
    from model.resources import load_resources

    engine = Engine(load_resources())
    model = engine.model
    out: dict[tuple[str, str], list[tuple[int, int, str, float]]] = defaultdict(list)
    for doc_id in sorted(doc_ids):
        d = docs[doc_id]
        engine.collect = []
        engine.rows(Document(id=doc_id, text=d["text"], title=d.get("title")))
        for _doc, a, b, actor, source, x in engine.collect:
            out[(doc_id, actor)].append((a, b, source, model.probability(x) if model is not None else -1.0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--candidates", action="store_true", help="also the engine's candidates and probabilities")
    ap.add_argument("--gold", type=Path, default=SHARED / "wikinews2019.gold.jsonl")
    ap.add_argument("--docs", type=Path, default=SHARED / "wikinews2019.docs.jsonl")
    args = ap.parse_args()
    gold = _jsonl(args.gold)
    docs = {str(d["id"]): d for d in _jsonl(args.docs)}
    pairs = missed(gold, args.predictions)
    cands = candidates(docs, {g["id"] for g, _ in pairs}) if args.candidates else {}
    print(f"{len(pairs)} missed (document, actor) pairs")
    for g, actor in pairs:
        text = docs[g["id"]]["text"]
        print(f"=== {g['id']} {actor}")
        for it in g["gold"]:
            if it["actor"] == actor:
                print(f"  GOLD n{it['n']} [{it['source_text']}] :: {text[it['start']:it['end']]}")
        for a, b, source, p in cands.get((g["id"], actor), []):
            print(f"  CAND {source} p={p:.2f} :: {text[a:b][:200]}")


if __name__ == "__main__":
    main()
