"""Machine instructions per word of the stance engine, counted by valgrind (callgrind).

    python bench/bench_instructions.py [--docs N]

Timings on this machine drift by ±30 % from run to run, too much to see a 3 % change;
instruction counts are exact and repeatable, so compare them before and after an
engine change (with the same build: ``tools/build_native.py`` first).  Needs
``valgrind`` (Debian: ``apt-get install valgrind``); each corpus takes about a
minute and a half, mostly loading the resources under the simulator.  Only
``Engine.rows`` is counted (resource loading and the corpus build are not).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

#: the compiled entry point (mypyc names it so)
_COMPILED = "CPyDef_extract___Engine___rows"


def _child(corpus: str, n_docs: int) -> None:
    from bench_extract import build_corpora

    from model.documents import Document
    from model.engine.extract import Engine
    from model.resources import load_resources

    engine = Engine(load_resources())
    docs = build_corpora(n_docs)[corpus]
    # callgrind misses the first call of the toggled function (it is not resolved yet): a tiny one
    engine.rows(Document(id="warm-up", text="Russia said it would attend."))
    for d in docs:
        engine.rows(d)
    print(f"WORDS {sum(len(d.text.split()) for d in docs)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--corpus", action="append", choices=["news", "sparse", "speech"])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.docs)
        return
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed (Debian: apt-get install valgrind)")
        return
    from model import native

    if not native.active():
        sys.exit(f"the engine is not compiled ({native.status()}): run tools/build_native.py first")
    print(f"engine: {native.status()}")
    for corpus in args.corpus or ["news", "speech"]:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "callgrind.out"
            proc = subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
                 f"--toggle-collect={_COMPILED}", sys.executable, __file__, "--child", corpus,
                 "--docs", str(args.docs)],
                capture_output=True, text=True, check=True,
            )
        words = int(re.search(r"WORDS (\d+)", proc.stdout).group(1))  # type: ignore[union-attr]
        instr = int(re.search(r"Collected : (\d+)", proc.stderr).group(1))  # type: ignore[union-attr]
        print(f"{corpus:8} {words:8,d} words {instr / 1e6:10,.1f} M instructions {instr / words:10,.0f} per word")


if __name__ == "__main__":
    main()
