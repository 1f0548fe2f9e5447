"""Turn Phoenix dictionary blocks into gazetteer rows: kind, code, dates, display name."""

from __future__ import annotations

from phoenix import Block, Code

#: Phoenix IGO codes → the short codes used in resources/actors/igos.tsv
IGO_CODES = {
    "IGOUNO": "UN", "IGOEUREEC": "EU", "IGOWSTNAT": "NATO", "IGOUNODEVWBK": "WB", "IGOUNOHLHWHO": "WHO",
    "IGOUNOIAE": "IAEA", "IGOSEAASN": "ASEAN", "IGOSASSAA": "SAARC", "IGOBUSOPC": "OPEC", "IGOUNOLABILO": "ILO",
    "IGOBUSIMF": "IMF", "IGOAFRAFU": "AU", "IGOAFROAU": "AU", "IGOMEAARL": "ARL", "IGOJUDICC": "ICC",
    "IGOOAS": "OAS", "IGOWAFWAS": "ECOWAS", "IGOBUSWTO": "WTO", "IGOCWN": "CWT", "IGOSAFDEVSAD": "SADC",
    "IGOASADEVADB": "ADB", "IGOEAFEAC": "EAC", "IGOEURDEVEBR": "EBRD", "IGOMEAGCC": "GCC", "IGOEUROSC": "OSCE",
}
_INSTITUTION = frozenset(
    "MINISTRY MINISTRIES COUNCIL ASSEMBLY PARLIAMENT PARTY ARMY FORCES FORCE POLICE COURT GOVERNMENT OFFICE AGENCY "
    "SERVICE SERVICES COMMITTEE DEPARTMENT BANK UNIVERSITY KREMLIN HOUSE DUMA SENATE CONGRESS COMMISSION GUARD GUARDS "
    "NAVY CORPS BUREAU DIRECTORATE ADMINISTRATION CABINET FRONT MOVEMENT ORGANIZATION ORGANISATION BRIGADE BRIGADES "
    "ALLIANCE UNION LEAGUE CHAMBER TRIBUNAL AUTHORITY PRESIDENCY MILITARY SECURITY INTELLIGENCE COMMAND MISSION "
    "EMBASSY REGIME JUNTA POLITBURO LEGISLATURE PALACE GROUP NETWORK ARMED REPUBLIC STATE FEDERATION STAFF CHIEFS "
    "RIOT BATTALION REGIMENT DIVISION COALITION COMMITTEES INSTITUTE CENTRE CENTER SOCIETY ASSOCIATION FOUNDATION "
    "MINISTER MINISTERS OFFICIALS SECRETARY SPOKESMAN TROOPS SOLDIERS REBELS MILITANTS".split()
)
_PARTICLES = frozenset("of the and for al el bin ibn de da du la le van von der del y on in to".split())
_ACRONYMS = frozenset("US UN EU UK UAE USA CIA FBI NSA NATO IMF SCO AU PLA IDF ISI KGB FSB GRU SVR IRGC PKK".split())
_ROLE_ONLY_ELITE = "ELI"


def _country(code: str, iso: set[str]) -> str:
    if len(code) >= 6 and code[:3] in iso and code[3:6] in iso and code[3:6] not in _ROLES:
        return code[3:6]  # territory: USAASM → ASM, GBRVGB → VGB
    return code[:3] if code[:3] in iso else ""


_ROLES = frozenset("GOV MIL REB OPP LEG JUD COP SPY BUS MED EDU ELI AGR HLH REF LAB CVL UAF IGO NGO MOD RAD ENV".split())


def _latest(codes: list[Code]) -> Code:
    def key(c: Code) -> tuple[int, str]:
        return (1 if c.open or (not c.since and not c.until and c.code[3:6] != _ROLE_ONLY_ELITE) else 0, c.until or c.since)
    return max(codes, key=key)


def _span(codes: list[Code], country: str) -> tuple[str, str]:
    dated = [c for c in codes if c.code.startswith(country) and (c.since or c.until) and c.code[3:6] != _ROLE_ONLY_ELITE]
    if not dated:
        return "", ""
    since = min((c.since for c in dated if c.since), default="")
    ongoing = any(c.open or not c.until for c in dated)
    until = "" if ongoing else max(c.until for c in dated)
    return since, until


def _is_institution(names: list[str]) -> bool:
    return any(tok in _INSTITUTION for n in names[:1] for tok in n.split())


def classify_block(block: Block, fname: str, iso: set[str], header: str) -> tuple[str, str, str, str, str]:
    """(kind, code, since, until, note) for one block; kind "" means skip."""
    codes = [c for c in block.codes if c.code]
    if not codes:
        return "", "", "", "", ""
    top = _latest(codes)
    raw = top.code
    if fname.startswith("Phoenix.MilNonState"):
        country = _country(raw, iso)
        note = f"Phoenix {raw}" if country else f"Phoenix {raw}: transnational or regional armed group"
        return "nonstate", country, "", "", note
    if fname.startswith("Phoenix.International"):
        if raw == "MED":
            return "reporter", "", "", "", "Phoenix media source"
        igo = next((IGO_CODES[k] for k in sorted(IGO_CODES, key=len, reverse=True) if raw.startswith(k)), "")
        if not igo:
            return "", "", "", "", ""
        kind = "igo" if _is_institution(block.names) or not (top.since or top.open) else "person"
        return kind, igo, top.since if kind == "person" else "", top.until if kind == "person" else "", f"Phoenix {raw}"
    country = _country(raw, iso)
    if not country:
        return "", "", "", "", ""
    roles = {c.code[len(country):][:3] for c in codes if c.code.startswith(country)} - {""}
    if roles <= _PLACE_ROLES or (len(codes) == 1 and raw == header):
        return "place", country, "", "", f"Phoenix place name ({raw})"
    note = "Phoenix " + ",".join(sorted(roles))
    institution = _is_institution(block.names)
    if not roles & _STATE_ROLES and roles & _NONSTATE_ROLES and (institution or not _person_like(block)):
        return "nonstate", country, "", "", note
    if institution or not _person_like(block):
        return "body", country, "", "", note
    since, until = _span(codes, country)
    return "person", country, since, until, note


_PLACE_ROLES = frozenset({"UNR", "OCC"})
_STATE_ROLES = frozenset("GOV MIL LEG JUD COP SPY ELI".split())
_NONSTATE_ROLES = frozenset("REB OPP UAF IMG INS SEP RAD MOD".split())


def _person_like(block: Block) -> bool:
    if block.comment.startswith("CountryInfo") or any(c.since or c.until for c in block.codes):
        return True
    toks = block.names[0].split()
    return 2 <= len(toks) <= 5 and all(t.replace("-", "").replace("'", "").replace(".", "").isalpha() for t in toks)


def display_name(raw: str, kind: str) -> str:
    """``HAMID KARZAI`` → ``Hamid Karzai``; acronyms (FSB, ANSF, U.S.) stay upper case."""
    toks = raw.split()
    if not toks:
        return ""
    if len(toks) == 1 and kind in ("body", "igo", "nonstate", "reporter") and len(raw) <= 5:
        return raw
    out = []
    for i, tok in enumerate(toks):
        low = tok.lower()
        if "." in tok or tok in _ACRONYMS or not any(ch in "AEIOUY" for ch in tok) and len(tok) <= 5:
            out.append(tok)
        elif i > 0 and low in _PARTICLES:
            out.append(low)
        else:
            out.append("-".join(_cap(part) for part in tok.split("-")))
    return " ".join(out)


def _cap(part: str) -> str:
    low = part.lower()
    if low in ("al", "el"):
        return low
    head, sep, tail = low.partition("'")
    return head[:1].upper() + head[1:] + sep + tail
