"""Benchmark: 100,000 synthetic statements → the Excel workbook.

Prints wall seconds and peak memory against the targets (≤ 15 s, ≤ 300 MB).
Peak memory is the process's maximum resident set size (the whole Python
process, data frame included) and the peak of Python allocations during the
export (tracemalloc, measured in a second run because tracing slows it down).

    .venv/bin/python bench/bench_export.py [N]
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis.matrix import build_matrix  # noqa: E402
from model.documents import Document  # noqa: E402
from model.export import write_matrix  # noqa: E402
from model.statements import statements_frame  # noqa: E402

TARGET_SECONDS = 15.0
TARGET_MB = 300.0
COUNTRIES = ["AFG", "CHN", "IND", "IRN", "PAK", "RUS", "USA", "GBR", "FRA", "DEU", "TUR", "SAU", "QAT", "UZB", "TJK",
             "KAZ", "JPN", "KOR", "BRA", "ZAF"]
TOPICS = ["security", "terrorism", "diplomacy", "government", "elections", "economy", "migration", "legal", "rights",
          "humanitarian", "resources", "cbrn", "cyber", "environment", "health", "religion"]
WORDS = ("the minister said government would cooperate closely with partners on border security and trade while "
         "officials condemned attacks and urged restraint talks continue next week in the capital").split()


def synthetic(n: int, n_docs: int = 2_000, seed: int = 7) -> tuple[pd.DataFrame, list[Document]]:
    rng = np.random.default_rng(seed)
    docs = [Document(id=f"doc-{i}", text="x", title=f"Report {i} on regional affairs", date="2024-05-01",
                     source="Wire", url=f"https://example.org/news/{i}") for i in range(n_docs)]
    rows = []
    for i in range(n):
        words = rng.choice(WORDS, size=int(rng.integers(15, 40)))
        sentence = " ".join(words).capitalize() + "."
        if i % 997 == 0:
            sentence = "=HYPERLINK(\"http://evil\",\"click\") " + sentence
        pol = float(np.round(rng.uniform(-1, 1), 2))
        start = int(rng.integers(0, 5000))
        rows.append({
            "document": f"doc-{i % n_docs}", "sentence": sentence, "start": start, "end": start + len(sentence),
            "actor": COUNTRIES[i % len(COUNTRIES)], "actor_text": "officials", "speaker": "the minister",
            "target": COUNTRIES[(i * 7) % len(COUNTRIES)], "topic": TOPICS[(i * 3) % len(TOPICS)],
            "stance": "cooperate" if pol > 0 else "condemn", "polarity": pol,
            "confidence": float(np.round(rng.uniform(0.3, 1), 2)), "reporter": "Wire", "hedged": bool(i % 5 == 0),
            "negated": bool(i % 11 == 0), "issue": "", "actor_kind": "country", "cue": "said", "cue_start": start + 4,
            "actor_start": start,
        })
    return statements_frame(rows), docs


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    statements, docs = synthetic(n)
    matrix = build_matrix(statements, columns=TOPICS)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.xlsx"
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0, c0 = time.perf_counter(), time.process_time()
        write_matrix(matrix, statements, out, {"inputs": "synthetic"}, documents=docs)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size_mb = out.stat().st_size / 1e6
        tracemalloc.start()
        write_matrix(matrix, statements, out, {"inputs": "synthetic"}, documents=docs)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    traced_mb = traced_peak / 1e6
    ok = seconds <= TARGET_SECONDS and rss_peak <= TARGET_MB
    print(f"export of {n:,} statements → {size_mb:.1f} MB workbook")
    print(f"  time            {seconds:6.2f} s   (target ≤ {TARGET_SECONDS:.0f} s; CPU {cpu:.2f} s, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"  peak RSS        {rss_peak:6.0f} MB  (process total; {rss_before:.0f} MB before export; target ≤ {TARGET_MB:.0f} MB)")
    print(f"  export allocs   {traced_mb:6.0f} MB  (tracemalloc peak during the export)")
    print("  result          " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
