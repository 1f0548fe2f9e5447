"""Stance Atlas: country × topic matrix of reported stances.

    python main.py [PATH ...]                 open the GUI (default: seeds/)
    python main.py extract PATH ... -o OUT    statements → .jsonl / .csv
    python main.py export PATH ... -o OUT     matrix → .xlsx / .csv / .json; REFI-QDA project → .qdpx

    python main.py extract --help             options, and the exit status:
      0 all read · 1 some inputs failed (OUT written for the rest) · 2 usage error
      (also OUT = an input, bad --max-mb) · 3 nothing could be read (nothing written)
      · 4 OUT could not be written (an existing OUT is unchanged) · 130 cancelled (Ctrl-C)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("extract", "export"):
        from model.cli import run

        return run(argv[0], argv[1:])
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    from gui.app import run_gui

    return run_gui(argv or [str(SEEDS)])


if __name__ == "__main__":
    sys.exit(main())
