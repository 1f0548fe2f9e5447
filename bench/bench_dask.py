"""Extraction on Dask against the single-process path, on ≥ 5 M words of UN speeches.

    python bench/bench_dask.py [--words 5000000] [--partition-mb 1]

The corpus is ``../shared/corpora/ungdc_2022_2024.jsonl`` repeated with new ids (``#copyN``) and a
copy number appended to each text (so no copy is folded into another as identical text), written
to a temporary JSONL.  Each mode runs in its own process, end to end (read, extract, write):

* ``one process``   — ``load_paths`` + ``extract_statements(workers=1)``;
* ``forked x2``     — the same with two forked workers (today's ``extract`` on this machine);
* ``dask x2``       — ``extract --engine dask`` on a LocalCluster of 2 single-threaded worker processes.

Prints words/s (wall clock) and the peak resident memory of each process (forked: the parent and
the largest worker; Dask: per worker, read from the workers after the run).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
#: ../shared beside the checkout (a worktree one folder deeper looks one level further up)
CORPUS = next((p for p in (ROOT.parent / "shared" / "corpora" / "ungdc_2022_2024.jsonl",
                           ROOT.parents[1] / "shared" / "corpora" / "ungdc_2022_2024.jsonl") if p.exists()),
              ROOT.parent / "shared" / "corpora" / "ungdc_2022_2024.jsonl")


def build_corpus(target: Path, words: int) -> int:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").split("\n") if line.strip()]
    total, copy = 0, 0
    with open(target, "w", encoding="utf-8") as fh:
        while total < words:
            for rec in records:
                text = f"{rec['text']}\n\n(copy {copy})"
                fh.write(json.dumps({**rec, "id": f"{rec['id']}#copy{copy}", "text": text}) + "\n")
                total += len(text.split())
                if total >= words:  # --words is a bound, not rounded up to whole copies of the corpus
                    break
            copy += 1
    return total


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_mode(mode: str, corpus: str, out: str, partition_mb: float) -> dict[str, object]:
    t0 = time.perf_counter()
    if mode in ("single", "forked"):
        from model.engine.batch import extract_statements
        from model.readers import load_paths
        from model.resources import load_resources

        report = load_paths([corpus], max_bytes=10**12)
        frame = extract_statements(report.documents, load_resources(), workers=1 if mode == "single" else 2)
        frame.to_parquet(out)
        # forked: the parent, then the largest of its (finished) worker processes
        peaks = [peak_mb()] + ([peak_mb(resource.RUSAGE_CHILDREN)] if mode == "forked" else [])
        return {"seconds": time.perf_counter() - t0, "statements": len(frame), "peak_mb": peaks}
    from model.cluster.extract import DistributedRunner, local_client, run_extract

    client, cluster = local_client(2)
    try:
        t0 = time.perf_counter()
        result = run_extract([corpus], out, DistributedRunner(client), part_mb=partition_mb,
                             max_record_bytes=50 * 1024 * 1024)
        seconds = time.perf_counter() - t0
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    finally:
        client.close()
        cluster.close()
    return {"seconds": seconds, "statements": result.statements, "peak_mb": sorted(workers.values())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=5_000_000)
    ap.add_argument("--partition-mb", type=float, default=1.0)
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.out, args.partition_mb)))
        return 0
    if not CORPUS.exists():
        print(f"the corpus {CORPUS} is not there", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        words = build_corpus(corpus, args.words)
        print(f"corpus: {words:,} words, {corpus.stat().st_size / 1e6:.1f} MB "
              f"(engine: {'compiled' if (ROOT / 'model' / '_native.json').exists() and not os.environ.get('STANCE_ATLAS_PURE') else 'plain Python'})")
        for mode, name in (("single", "one process"), ("forked", "forked x2"), ("dask", "dask x2 (LocalCluster)")):
            out = Path(tmp, f"out-{mode}")
            got = subprocess.run([sys.executable, __file__, "--mode", mode, "--corpus", str(corpus), "--out",
                                  str(out), "--partition-mb", str(args.partition_mb)],
                                 capture_output=True, text=True, cwd=ROOT)
            if got.returncode:
                print(f"{name}: failed\n{got.stderr[-2000:]}")
                continue
            r = json.loads(got.stdout.strip().splitlines()[-1])
            peaks = ", ".join(f"{p:.0f}" for p in r["peak_mb"])
            print(f"{name:24s} {words / r['seconds']:>10,.0f} words/s  {r['seconds']:6.1f} s  "
                  f"{r['statements']:,} statements  peak MB per process: {peaks}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
