"""Gazetteer speed: load time and Gazetteer.find / find_agents throughput on ~1 MB of news text.

    .venv/bin/python bench/bench_gazetteer.py [--mb 1.0] [--repeat 3]

The text is the seed article repeated (dense in actor names: a pessimistic case)
plus the same amount of the article with its names blanked out (sparse case).
A reference figure from the same run: ``re.findall(r"\\w+")`` over the text.
Times are the best CPU time of several runs, since the machine is shared.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.engine.gazetteer import Gazetteer  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-hosts-intelligence-chiefs-russia-skips-taliban-ceremony.txt"


def best_of(fn, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs (CPU, not wall: the machine is shared)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    gaz = Gazetteer.from_folder()
    load = time.perf_counter() - t0
    print(f"load: {load:.2f} s for {len(gaz):,} names and {len(gaz.agents):,} role words")
    print("names per kind: " + ", ".join(f"{k} {n:,}" for k, n in sorted(gaz.counts().items())))
    seed = SEED.read_text(encoding="utf-8")
    sparse = seed
    for m in reversed(gaz.find(seed)):
        sparse = sparse[: m.start] + "x" * (m.end - m.start) + sparse[m.end:]
    for label, unit in (("dense (seed article)", seed), ("sparse (names blanked)", sparse)):
        text = (unit + "\n\n") * max(1, int(args.mb * 1_000_000 / (len(unit) + 2)))
        n_words = len(text.split())
        ref = best_of(lambda text=text: re.findall(r"\w+", text), args.repeat)
        find = best_of(lambda text=text: gaz.find(text), args.repeat)
        agents = best_of(lambda text=text: gaz.find_agents(text), args.repeat)
        hits = len(gaz.find(text))
        print(f"{label}: {len(text) / 1e6:.2f} MB, {n_words:,} words, {hits:,} actor mentions")
        print(f"  find         {n_words / find / 1e6:6.2f} M words/s  ({find * 1000:7.1f} ms)")
        print(f"  find_agents  {n_words / agents / 1e6:6.2f} M words/s  ({agents * 1000:7.1f} ms)")
        print(f"  reference re.findall(r'\\w+')  {n_words / ref / 1e6:6.2f} M words/s  ({ref * 1000:7.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
