"""Reader for the CAMEO/Phoenix (TABARI/PETRARCH) actor and agent dictionaries.

Used only by ``tools/build_gazetteer.py``; the app reads the compiled TSV files.

Actor files hold blocks: a root name line (``HAMID_KARZAI_``), synonym lines
(``+KARZAI_``), and code lines (``[AFGGOV >011222]``, ``[AFGELI 750101-000101]``),
either on their own tab-indented line or at the end of a name line.  A root
line that follows a root line with no code yet is another synonym.  Agent
files hold ``NAME {PLURAL} [~ROLE]`` lines plus ``!SET! = A, B`` substitutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Code:
    code: str           # e.g. AFGGOV, IGOUNO, IMGMUSALQ
    since: str = ""     # ISO date or ""
    until: str = ""     # ISO date or ""; "" with open=True means still in office
    open: bool = False  # ">date": from that date, no end


@dataclass
class Block:
    names: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""


def _iso(raw: str) -> str:
    """TABARI dates: YYMMDD (two-digit years up to 20 are 20xx) or YYYYMMDD."""
    raw = raw.strip()
    if len(raw) == 6 and raw.isdigit():
        yy = int(raw[:2])
        raw = f"{2000 + yy if yy <= 20 else 1900 + yy}{raw[2:]}"
    if len(raw) != 8 or not raw.isdigit():
        return ""
    y, m, d = int(raw[:4]), int(raw[4:6]), int(raw[6:])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_code(text: str) -> Code | None:
    parts = text.split()
    if not parts:
        return None
    code = parts[0].strip()
    if not code.isalpha() and not code.replace("~", "").isalpha():
        return None
    if len(parts) == 1:
        return Code(code)
    span = parts[1]
    if span.startswith(">"):
        return Code(code, since=_iso(span[1:]), open=True)
    if span.startswith("<"):
        return Code(code, until=_iso(span[1:]))
    if "-" in span:
        a, b = span.split("-", 1)
        return Code(code, since=_iso(a), until=_iso(b))
    return Code(code)


def phrase(raw: str) -> str:
    """``HAMID_KARZAI_`` → ``HAMID KARZAI`` (still upper case)."""
    return " ".join(raw.replace("_", " ").split())


def read_actor_file(path: Path) -> list[Block]:
    blocks: list[Block] = []
    cur: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        codes = [c for c in (parse_code(m) for m in _CODE.findall(line)) if c]
        name_part = phrase(_CODE.sub(" ", line).lstrip("+"))
        if line.lstrip().startswith("[") and not name_part:
            if cur is not None:
                cur.codes.extend(codes)
            continue
        if line.startswith("+") and cur is not None:
            cur.names.append(name_part)
            cur.codes.extend(codes)
            continue
        if cur is None or cur.codes:
            cur = Block(comment=comment.strip())
            blocks.append(cur)
        if name_part:
            cur.names.append(name_part)
        cur.codes.extend(codes)
    return [b for b in blocks if b.names and b.codes]


def read_agent_file(path: Path) -> list[tuple[str, str]]:
    """(phrase, role) pairs with substitution sets expanded and plurals added."""
    sets: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            key, _, vals = line.partition("=")
            sets[key.strip()] = [v.strip() for v in vals.split(",") if v.strip()]
            continue
        m = _CODE.search(line)
        if not m:
            continue
        role = m.group(1).replace("~", "").strip()[:3]
        plural_m = re.search(r"\{([^}]*)\}", line)
        body = re.sub(r"\{[^}]*\}", " ", line[: m.start()])
        for variant in _expand(body, sets):
            out.append((phrase(variant).lower(), role))
        if plural_m and plural_m.group(1).strip():
            out.append((phrase(plural_m.group(1)).lower(), role))
    return out


def _expand(body: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", body)
    if not m or m.group(0) not in sets:
        return [body]
    out: list[str] = []
    for val in sets[m.group(0)]:
        out.extend(_expand(body[: m.start()] + val + body[m.end():], sets))
    return out
