"""Extraction speed: words/s of the whole stance engine, next to a reference.

    python bench/bench_extract.py [--docs N] [--workers W] [--no-plain]

Corpora (built in memory):
  * news    — the seed article plus the public evaluation sentences grouped into
              20-sentence articles (dense: nearly every sentence names a country);
  * sparse  — the same articles interleaved with country-free sentences (the seed's
              quoted passages), closer to ordinary wire copy;
  * speech  — one long first-person speech (speaker_country set), built from the
              seed's and evaluation sentences rewritten in the first person.
The reference is a pure-Python sentence-by-sentence lexicon baseline (every
country name in a sentence is a "holder"), timed in the same run on the same text.
CPU time (process_time) is reported, so other load on the machine matters less;
each figure is the best of ``--repeat`` runs (this machine's speed drifts by ±30 %).
The engine runs compiled when ``tools/build_native.py`` has built it (``make``
does); the same corpora are then also timed as plain Python in a subprocess
(``STANCE_ATLAS_PURE=1``), unless ``--no-plain``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model import native  # noqa: E402
from model.documents import Document  # noqa: E402
from model.engine.batch import extract_statements  # noqa: E402
from model.engine.extract import Engine  # noqa: E402
from model.engine.sentences import split_spans  # noqa: E402
from model.resources import load_resources  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def eval_sentences() -> list[str]:
    out: list[str] = []
    for name in ("plover", "conflibert", "petrarch"):
        path = EVAL / f"{name}.docs.jsonl"
        if path.exists():
            out.extend(json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip())
    return out


def build_corpora(n_docs: int) -> dict[str, list[Document]]:
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    sents = eval_sentences() or [seed[s:e] for s, e in split_spans(seed)]
    filler = [
        "The meeting lasted for several hours and ended late in the evening.",
        "Details of the discussion were not made public.",
        "Officials described the talks as frank and constructive.",
        "The next round is expected to take place in the coming weeks.",
    ]
    news, sparse = [], []
    i = 0
    while len(news) < n_docs:
        chunk = [sents[(i + k) % len(sents)] for k in range(20)]
        i += 20
        news.append(Document(id=f"n{len(news)}", text=" ".join(chunk) + "\n" + seed))
        mixed = [s for pair in zip(chunk, filler * 5, strict=False) for s in pair]
        sparse.append(Document(id=f"s{len(sparse)}", text=" ".join(mixed)))
    fp = [re.sub(r"^(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+)? (has |have |had |will |would )?", "We \\1", s) for s in sents]
    speech = [Document(id="speech", text=" ".join(fp[: 4000]), speaker_country="UKR")]
    return {"news": news, "sparse": sparse, "speech": speech}


def reference(docs: list[Document], names: dict[str, str]) -> int:
    """A pure-Python sentence-by-sentence lexicon baseline: every country name (one or
    two words, looked up per word) in a sentence is its holder — the evaluation's baseline."""
    n = 0
    for d in docs:
        for s, e in split_spans(d.text):
            words = [w.strip(".,;:!?\"“”()'’").lower() for w in d.text[s:e].split()]
            seen = {names[w] for w in words if w in names}
            seen |= {names[f"{a} {b}"] for a, b in zip(words, words[1:], strict=False) if f"{a} {b}" in names}
            n += len(seen)
    return n


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t0)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-plain", action="store_true", help="do not also time the plain-Python engine")
    ap.add_argument("--no-parallel", action="store_true", help="skip the multi-process run")
    args = ap.parse_args()
    res = load_resources()
    engine = Engine(res)
    names = {e.name.lower(): e.code for e in res.gazetteer.entries.values() if e.is_country and e.name.count(" ") <= 1}
    corpora = build_corpora(args.docs)
    print(f"engine: {native.status()}")
    print(f"{'corpus':8} {'words':>9} {'engine w/s':>12} {'reference w/s':>14} {'ratio':>6} {'statements':>10}")
    for name, docs in corpora.items():
        words = sum(len(d.text.split()) for d in docs)
        t_eng, rows = timed(lambda docs=docs: [r for d in docs for r in engine.rows(d)], args.repeat)
        t_ref, _ = timed(lambda docs=docs: reference(docs, names), args.repeat)
        print(f"{name:8} {words:9,d} {words / t_eng:12,.0f} {words / t_ref:14,.0f} {t_ref / t_eng:6.2f} {len(rows):10,d}")
    if not args.no_parallel:
        # both cores: the public API spreads large sets over processes (wall clock)
        big = corpora["news"] * 8
        words = sum(len(d.text.split()) for d in big)
        t0 = time.perf_counter()
        extract_statements(big, res, workers=1)
        t1 = time.perf_counter()
        extract_statements(big, res, workers=args.workers)
        t2 = time.perf_counter()
        print(f"\nextract_statements on {words:,} words (wall clock, whole API incl. frames): 1 worker "
              f"{words / (t1 - t0):,.0f} w/s, {args.workers} workers {words / (t2 - t1):,.0f} w/s "
              f"(×{(t1 - t0) / (t2 - t1):.2f})")
    if native.active() and not args.no_plain:
        print("\nthe same engine as plain Python (STANCE_ATLAS_PURE=1):", flush=True)
        env = dict(os.environ, STANCE_ATLAS_PURE="1")
        subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--repeat", "1", "--no-parallel"],
                       env=env, check=True)


if __name__ == "__main__":
    main()
