"""Benchmark: load a folder of 10,000 small text files (target: ≤ 10 s on 2 cores).

    .venv/bin/python bench/bench_load.py [--files 10000] [--docx 0] [--pdf 0] [--workers N]

Writes the files into a temporary folder (removed afterwards), loads them with
``model.readers.load_paths`` and prints files/s and MB/s.  ``--docx`` and
``--pdf`` add Word and PDF files, which are read by the worker-process pool.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.readers import load_paths  # noqa: E402

PLACES = ["ISLAMABAD", "KABUL", "MOSCOW", "BEIJING", "TEHRAN", "NEW DELHI", "WASHINGTON", "ANKARA"]
COUNTRIES = ["Pakistan", "Russia", "China", "Iran", "India", "the United States", "Turkey", "Afghanistan"]
VERBS = ["condemned", "welcomed", "rejected", "supported", "called for", "warned against", "urged"]
THINGS = ["the attack", "the talks", "the sanctions", "the ceasefire", "the proposal", "the border closure"]


def article(rng: random.Random, n: int) -> str:
    """A small wire-style article (about 1–2 KB), unique by its number."""
    lines = [f"Report {n}: regional talks", "", f"{rng.choice(PLACES)}, Sept {rng.randint(1, 28)} (Reuters) - "]
    for _ in range(rng.randint(6, 12)):
        lines.append(f"{rng.choice(COUNTRIES)} {rng.choice(VERBS)} {rng.choice(THINGS)} on day {rng.randint(1, 999)}, "
                     "officials said in a statement.")
    return "\n".join(lines) + f"\nRef {n}.\n"


def write_set(root: Path, files: int, docx: int, pdf: int) -> int:
    rng = random.Random(7)
    size = 0
    for i in range(files):
        sub = root / f"batch{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        p = sub / f"article{i:05d}.txt"
        p.write_text(article(rng, i), encoding="utf-8")
        size += p.stat().st_size
    if docx or pdf:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.model.readers.makers import write_docx, write_pdf

        for i in range(docx):
            size += write_docx(root / f"memo{i:04d}.docx", article(rng, files + i).split("\n")).stat().st_size
        for i in range(pdf):
            size += write_pdf(root / f"report{i:04d}.pdf", [article(rng, files + docx + i)]).stat().st_size
    return size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--docx", type=int, default=0)
    ap.add_argument("--pdf", type=int, default=0)
    ap.add_argument("--workers", type=int, default=None, help="worker processes (default: cores)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        size = write_set(root, args.files, args.docx, args.pdf)
        t1 = time.perf_counter()
        report = load_paths([root], workers=args.workers)
        t2 = time.perf_counter()
    n = args.files + args.docx + args.pdf
    secs = t2 - t1
    print(f"wrote {n} files ({size / 1e6:.1f} MB) in {t1 - t0:.1f} s")
    print(f"loaded {len(report.documents)} documents, {len(report.errors)} errors, "
          f"{report.duplicates} duplicates in {secs:.2f} s")
    print(f"{n / secs:,.0f} files/s, {size / 1e6 / secs:.2f} MB/s")
    ok = not report.errors and len(report.documents) == n
    target = "met" if secs <= 10 else "MISSED"
    print(f"target ≤ 10 s for 10,000 text files: {target}" if args.files == 10_000 and not (args.docx or args.pdf) else "")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
