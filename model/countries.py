"""ISO 3166-1 alpha-3 codes and country names (from pycountry), plus Kosovo (XKX)."""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 → common name ("RUS" → "Russia" where pycountry has a common name)."""
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names["XKX"] = "Kosovo"
    names.update({"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "KOR": "South Korea",
                  "PRK": "North Korea", "TZA": "Tanzania", "BOL": "Bolivia", "VEN": "Venezuela", "MDA": "Moldova",
                  "LAO": "Laos", "TWN": "Taiwan", "PSE": "Palestine", "FSM": "Micronesia", "COD": "DR Congo",
                  "COG": "Congo", "CZE": "Czechia", "GBR": "United Kingdom", "USA": "United States"})
    return names


def is_iso3(code: str | None) -> bool:
    return bool(code) and code in country_names()


def resolve_country(text: str | None) -> str | None:
    """The ISO3 code an analyst means by ``text``, or None.

    Accepts a code in any case ("rus", "RUS"), a name in any case ("Russia", "RUSSIA",
    "Russian Federation") and the "RUS — Russia" form of a country list.
    """
    raw = (text or "").strip()
    names = country_names()
    if "—" in raw:  # "RUS — Russia": both halves must agree (text typed after the name is not dropped)
        code, _, name = (p.strip() for p in raw.partition("—"))
        return code.upper() if names.get(code.upper(), "").casefold() == name.casefold() else None
    if not raw:
        return None
    if raw.upper() in names:
        return raw.upper()
    folded = raw.casefold()
    for code, name in names.items():
        if name.casefold() == folded:
            return code
    try:
        code = pycountry.countries.lookup(raw).alpha_3
    except LookupError:
        return None
    return code if code in names else None
