"""Title + surname aliases of office holders ("President Aliyev", "Prime Minister Albanese").

News names a leader by title and surname far more often than by full name.  The curated people
files give each current office holder's title in their note ("President", "Prime Minister",
"Recep Tayyip Erdogan: President (PM 2003-2014)"), so the gazetteer can add "<title> <surname>"
for each of them — unless the same alias would name people of two countries ("Prime Minister Khan").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from model.engine.gazetteer import Entry

#: titles a news text puts before a surname, longest first ("Vice President" is not "President")
TITLES: Final = ("Vice President", "Prime Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
                 "Foreign Secretary", "Crown Prince", "President", "Chancellor", "Premier", "King", "Emir")


#: particles that belong to a surname
_PARTICLES: Final = frozenset("de da di do dos van von der le la al el ter ten".split())


def surname(name: str) -> str:
    """The surname of a full name: its last word, with one particle before it ("De Croo", "da Silva", "der Leyen");
    "" for a single word."""
    words = name.split()
    if len(words) < 2:
        return ""
    if len(words) > 2 and words[-2].lower() in _PARTICLES:
        return f"{words[-2]} {words[-1]}"
    return words[-1]


def _title(note: str) -> str | None:
    role = note.split(":", 1)[-1].strip()
    return next((t for t in TITLES if role.startswith(t)), None)


def title_aliases(entries: Iterable[Entry]) -> list[Entry]:
    """New entries "<title> <surname>" for curated people with a title in their note."""
    from model.engine.gazetteer import Entry  # noqa: PLC0415 (gazetteer imports this module)

    entries = list(entries)
    taken = {e.name.lower() for e in entries}
    found: dict[str, list[Entry]] = {}
    for e in entries:
        if e.kind != "person" or not e.code or e.note.startswith("Phoenix"):
            continue
        title, last = _title(e.note), surname(e.name)
        if title is not None and last:
            found.setdefault(f"{title} {last}", []).append(e)
    out: list[Entry] = []
    for alias, people in found.items():
        if alias.lower() in taken or len({p.code for p in people}) != 1:
            continue
        since = [p.since for p in people if p.since is not None]
        until: list[date | None] = [p.until for p in people]
        first = people[0]
        out.append(Entry(alias, first.code, "person", f"{first.name}: title alias",
                         min(since) if since else None,
                         None if any(u is None for u in until) else max(u for u in until if u is not None),
                         first.flags | {"title-alias"}))
    return out
