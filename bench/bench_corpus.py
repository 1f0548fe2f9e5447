"""End to end on a real corpus: ``python main.py extract CORPUS`` as a user runs it, start-up included.

    python bench/bench_corpus.py [CORPUS.jsonl] [--repeat 2]

Prints the wall time (best of ``--repeat``), the corpus's words and words/s.  Default corpus: the
577 UN General Debate speeches of 2022-2024 in ``../shared/corpora/`` (all cores of this machine).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "ungdc_2022_2024.jsonl"


def words_in(path: Path) -> tuple[int, int]:
    docs = words = 0
    for line in path.read_bytes().split(b"\n"):
        if line.strip():
            docs += 1
            words += len(str(json.loads(line).get("text", "")).split())
    return docs, words


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; skipped")
        return 0
    docs, words = words_in(args.corpus)
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "statements.jsonl"
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(args.corpus), "-o", str(out), "-q"],
                                  cwd=ROOT, check=False)
            best = min(best, time.perf_counter() - t0)
            if done.returncode != 0:
                print(f"extract exited {done.returncode}")
                return 1
        statements = sum(1 for _ in out.open(encoding="utf-8"))
    print(f"{args.corpus.name}: {docs:,} documents, {words:,} words, {statements:,} statements; "
          f"end to end {best:.1f} s wall (start-up included) = {words / best:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
