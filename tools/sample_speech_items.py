"""Draw UN General Debate sentences to annotate, theme by theme, from speeches no earlier batch used.

    python tools/sample_speech_items.py -o tools/data/un_items_d.jsonl [--seed 13] [--per-theme 40]

A held-out set is often "the sentences about one theme", so the draw is theme-wise: for each theme
(keywords on the sentence's lower-case text) ``--per-theme`` sentences, spread evenly over the 2022, 2023
and 2024 sessions, at most ``--per-speech`` sentences from one speech, from speeches that no batch in
``tools/data/un_items_*.jsonl`` used.  The last theme takes sentences that name a country other than the
speaker's (by the gazetteer's country names) and match no other theme.  The engine's stance output is
never looked at: only its sentence splitting (``model.engine.sentences.split_spans``), so that each item's
``start``/``end`` is one of the engine's sentences, as in the earlier batches.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model.engine.sentences import split_spans  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "ungdc_2022_2024.jsonl"
YEARS = ("2022", "2023", "2024")

#: theme → lower-case keywords (a sentence belongs to the first theme whose word it contains)
THEMES: dict[str, tuple[str, ...]] = {
    "migration": ("refugee", "migrant", "migration", "asylum", "displaced", "displacement", "human trafficking"),
    "climate": ("climate", "global warming", "emission", "paris agreement", "sea-level", "sea level",
                "loss and damage", "cop2"),
    "ukraine": ("ukrain", "russia", "kyiv", "moscow", "crimea", "donbas"),
    "security": ("terroris", "extremis", "armed group", "insurgen", "jihad", "security council", "nuclear weapon",
                 "disarmament", "sanction"),
}
OTHER = "other country"


def country_names() -> dict[str, str]:
    """Gazetteer country names (ISO and curated, 4+ letters) → code."""
    names: dict[str, str] = {}
    for line in (ROOT / "resources" / "actors" / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 3 and len(cols[0]) >= 4 and ("ISO" in cols[3] or "curated" in cols[3]):
            names[cols[0]] = cols[1]
    return names


def theme_of(text: str, speaker: str, names: re.Pattern[str], codes: dict[str, str]) -> str | None:
    low = text.lower()
    for theme, words in THEMES.items():
        if any(w in low for w in words):
            return theme
    if any(codes.get(m.group(0)) not in (None, speaker) for m in names.finditer(text)):
        return OTHER
    return None


def used_docs(output: Path) -> set[str]:
    """Speeches of the earlier batches (not of the file being written, so that a rerun draws the same)."""
    used: set[str] = set()
    for path in (ROOT / "tools" / "data").glob("un_items_*.jsonl"):
        if path.resolve() == output.resolve():
            continue
        used |= {json.loads(line)["doc"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return used


def pools(exclude: set[str]) -> dict[tuple[str, str], list[dict]]:
    """(theme, year) → candidate sentences of unused speeches."""
    codes = country_names()
    names = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(codes, key=len, reverse=True)) + r")\b")
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in CORPUS.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        r = json.loads(line)
        year = r["id"].rsplit("_", 1)[-1]
        if r["id"] in exclude or year not in YEARS:
            continue
        text = r["text"]
        for a, b in split_spans(text):
            s = text[a:b]
            if not 40 <= len(s) <= 450 or "\n" in s:
                continue
            theme = theme_of(s, r.get("speaker_country") or "", names, codes)
            if theme:
                out[(theme, year)].append({"doc": r["id"], "speaker_country": r.get("speaker_country"),
                                           "start": a, "end": b, "text": s})
    return out


def draw(candidates: dict[tuple[str, str], list[dict]], per_theme: int, per_speech: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    taken: dict[str, int] = defaultdict(int)
    items: list[dict] = []
    for theme in (*THEMES, OTHER):
        quota = [per_theme // len(YEARS) + (1 if i < per_theme % len(YEARS) else 0) for i in range(len(YEARS))]
        for year, n in zip(YEARS, quota, strict=True):
            pool = sorted(candidates[(theme, year)], key=lambda c: (c["doc"], c["start"]))
            rng.shuffle(pool)
            got = 0
            for c in pool:
                if got == n:
                    break
                if taken[c["doc"]] < per_speech:
                    taken[c["doc"]] += 1
                    items.append({**c, "theme": theme})
                    got += 1
    rng.shuffle(items)  # annotate in mixed order, not theme by theme
    return [{**it, "item": i} for i, it in enumerate(items)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-theme", type=int, default=40)
    ap.add_argument("--per-speech", type=int, default=2)
    args = ap.parse_args()
    items = draw(pools(used_docs(args.output)), args.per_theme, args.per_speech, args.seed)
    args.output.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    print(f"{len(items)} items from {len({it['doc'] for it in items})} speeches written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
