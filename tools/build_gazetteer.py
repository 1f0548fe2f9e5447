"""Compile the actor gazetteer and the agent lexicon from their sources.

    python tools/build_gazetteer.py [--phoenix DIR] [--out resources]

Sources, in order of precedence (a name taken by an earlier source is kept):

1. ``tools/gazetteer_curated/*.tsv`` — hand-compiled facts (common names,
   demonyms, capitals and seats of power, bodies, leaders 2020 onward,
   non-state actors, IGOs, reporters, group actors, regions, trap names);
2. pycountry — every ISO 3166-1 country by name, official and common name;
3. the CAMEO/Phoenix actor dictionaries (Open Event Data Alliance, MIT,
   frozen around 2014): historical leaders and officials, institutions,
   IGOs, militant groups and place names.

``tools/gazetteer_curated/exclude.tsv`` lists names never taken from Phoenix.
Output: ``resources/actors/<kind>.tsv`` and ``resources/agents.tsv``, sorted,
so a rebuild over the same inputs gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from phoenix import Block, read_actor_file, read_agent_file  # noqa: E402
from phoenix_names import classify_block, display_name  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CURATED = Path(__file__).resolve().parent / "gazetteer_curated"
#: shared/ sits beside the repository (CI, the main checkout) or beside the worktrees' folder
PHOENIX = next(
    (p for p in (ROOT.parent / "shared" / "eval" / "reference", ROOT.parent.parent / "shared" / "eval" / "reference")
     if p.exists()),
    ROOT.parent / "shared" / "eval" / "reference",
)
COLUMNS = ["name", "code", "kind", "note", "since", "until", "flags"]
KIND_FILES = {
    "country": "countries.tsv", "demonym": "demonyms.tsv", "capital": "capitals.tsv", "city": "cities.tsv",
    "body": "bodies.tsv", "person": "people.tsv", "nonstate": "nonstate.tsv", "igo": "igos.tsv",
    "reporter": "reporters.tsv", "group": "groups.tsv", "region": "regions.tsv", "other": "other.tsv",
}
Row = dict[str, str]


def read_rows(path: Path) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = {"name", "code", "kind"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{path}: missing column(s) {sorted(missing)}")
        rows = []
        for i, r in enumerate(reader, start=2):
            if r.get("kind", "").strip() not in KIND_FILES:
                raise SystemExit(f"{path}:{i}: unknown kind {r.get('kind')!r}")
            rows.append({c: (r.get(c) or "").strip() for c in COLUMNS})
        return rows


def read_excluded(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with open(path, encoding="utf-8", newline="") as fh:
        return {(r.get("name") or "").strip().lower() for r in csv.DictReader(fh, delimiter="\t")} - {""}


def pycountry_rows() -> list[Row]:
    rows: list[Row] = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                rows.append({"name": name, "code": c.alpha_3, "kind": "country", "note": f"ISO 3166-1 {attr}"})
    return rows


def country_codes() -> set[str]:
    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    codes |= {c.alpha_3 for c in pycountry.historic_countries if len(c.alpha_3) == 3}
    return codes


def phoenix_rows(folder: Path, excluded: set[str], known_rows: list[Row]) -> list[Row]:
    """Rows from the Phoenix actor files; names mapped to two codes are dropped."""
    iso = country_codes()
    known: dict[str, set[str]] = defaultdict(set)
    for r in known_rows:
        if r["kind"] in ("country", "demonym"):
            known[r["code"]].add(_prefix(r["name"]))
        if r["kind"] == "demonym":
            known["dem:" + r["code"]].add(r["name"].lower())
        if r["kind"] == "country":
            known["name:" + r["code"]].add(r["name"].lower())
    rows: list[Row] = []
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        path = folder / fname
        if not path.exists():
            raise SystemExit(f"{path}: Phoenix dictionary not found (pass --phoenix DIR)")
        header_code = ""
        for block in read_actor_file(path):
            header_code = _header(block, iso) or header_code
            rows.extend(_block_rows(block, fname, iso, header_code, known))
    by_name: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in rows:
        by_name[r["name"].lower()].add((r["code"], r["kind"]))
    return [r for r in rows if len(by_name[r["name"].lower()]) == 1 and r["name"].lower() not in excluded]


def _header(block: Block, iso: set[str]) -> str:
    codes = [c.code for c in block.codes]
    if len(codes) == 1 and not block.codes[0].since and (codes[0] in iso or (len(codes[0]) == 6 and codes[0][3:] in iso)):
        return codes[0]
    return ""


def _block_rows(block: Block, fname: str, iso: set[str], header: str, known: dict[str, set[str]]) -> list[Row]:
    kind, code, since, until, note = classify_block(block, fname, iso, header)
    if not kind:
        return []
    out = []
    for i, raw in enumerate(block.names):
        if "(" in raw or ")" in raw:
            continue
        name = display_name(raw, kind)
        if len(name) < (3 if " " in name or name.isupper() else 4):
            continue
        row_kind = kind
        if kind == "place":
            row_kind = _place_kind(name, i, code, known)
        out.append({"name": name, "code": code, "kind": row_kind, "note": note, "since": since, "until": until})
    return out


def _place_kind(name: str, index: int, code: str, known: dict[str, set[str]]) -> str:
    """Phoenix lists country names, spellings, demonyms and cities together: sort them by likeness."""
    low = name.lower()
    dem = max((_likeness(low, d) for d in known.get("dem:" + code, ())), default=0.0)
    ctry = max((_likeness(low, c) for c in known.get("name:" + code, ())), default=0.0)
    if dem >= 0.8 and dem > ctry:
        return "demonym"
    if ctry >= 0.75 or (index == 0 and code not in known):
        return "country"
    return "city"


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _prefix(name: str) -> str:
    return name.lower().replace(" ", "")[:4]


def merge(sources: list[list[Row]]) -> list[Row]:
    """First source to name a (lower-cased) phrase wins; within a source, the last row wins."""
    taken: dict[str, Row] = {}
    for rows in sources:
        local: dict[str, Row] = {}
        for r in rows:  # of two spellings differing in case, keep the one asking for fewer capitals
            prev = local.get(r["name"].lower())
            if prev is None or _caps(r["name"]) <= _caps(prev["name"]):
                local[r["name"].lower()] = r
        for key, r in local.items():
            taken.setdefault(key, r)
    return list(taken.values())


def _caps(name: str) -> int:
    return sum(ch.isupper() for ch in name)


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
    tmp.replace(path)


def build_agents(folder: Path) -> list[list[str]]:
    rows: dict[str, list[str]] = {}
    with open(CURATED / "agents.tsv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            rows[r["name"].strip().lower()] = [r["name"].strip().lower(), r["role"].strip(), r.get("note", "").strip()]
    for name, role in read_agent_file(folder / "Phoenix.agents.txt"):
        if len(name) >= 3 and not name.endswith(("minist", "ministr")) and role.isalpha():
            rows.setdefault(name, [name, role.upper(), "Phoenix"])
    return sorted(rows.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phoenix", type=Path, default=PHOENIX, help="folder with the Phoenix dictionaries")
    ap.add_argument("--out", type=Path, default=ROOT / "resources", help="resources folder to write")
    args = ap.parse_args(argv)
    curated = [r for p in sorted(CURATED.glob("*.tsv")) if p.name not in ("agents.tsv", "exclude.tsv") for r in read_rows(p)]
    excluded = read_excluded(CURATED / "exclude.tsv")
    iso_rows = pycountry_rows()
    merged = merge([curated, iso_rows, phoenix_rows(args.phoenix, excluded, curated + iso_rows)])
    by_kind: dict[str, list[list[str]]] = defaultdict(list)
    for r in merged:
        by_kind[r["kind"]].append([r.get(c, "") for c in COLUMNS])
    (args.out / "actors").mkdir(parents=True, exist_ok=True)
    for kind, fname in KIND_FILES.items():
        rows = sorted(by_kind.get(kind, []), key=lambda x: (x[1], x[0].lower(), x[0]))
        write_tsv(args.out / "actors" / fname, COLUMNS, rows)
        print(f"{kind:10s} {len(rows):6d}  {fname}")
    agents = build_agents(args.phoenix)
    write_tsv(args.out / "agents.tsv", ["name", "role", "note"], agents)
    print(f"{'agents':10s} {len(agents):6d}  agents.tsv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
