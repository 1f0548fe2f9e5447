"""REFI-QDA project export (``.qdpx``), the exchange format of NVivo, MAXQDA, ATLAS.ti and QualCoder.

A ``.qdpx`` file is a zip holding ``project.qde`` — XML valid against the REFI-QDA Project schema
(QDA-XML 1.0, namespace ``urn:QDA-XML:project:1.0``) — and each document as a UTF-8 text file in
``Sources/``, referenced as ``internal://GUID.txt``.  What it holds:

* codes: "Topics" with one code per topic (its issues as child codes) and "Countries" with one code
  per country that holds a stance;
* each statement as a ``PlainTextSelection`` of its sentence (start/end offsets in the document
  text, in characters), coded with its topic (and issue) and its holder country; the stance label,
  polarity, confidence and provenance are in the selection's ``Description``;
* analyst notes as ``Notes``, linked from the selection of their statement (or from the country code,
  for a note on a matrix cell);
* each document's title, date, outlet (and byline, section, length, URL when any document has them)
  as ``Variables`` with a ``VariableValue`` on its source;
* one ``User``: the analyst.

GUIDs are derived from the content (``uuid5``), so the same work exports to the same identifiers.
"""

from __future__ import annotations

import datetime as dt
import getpass
import math
import os
import re
import uuid
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from lxml import etree

from model import __version__
from model.countries import country_names
from model.documents import Document, LoadReport
from model.export.atomic import ExportError, atomic_write
from model.export.review_log import statement_notes
from model.resources import Topic
from model.review.notes import Note

NS = "urn:QDA-XML:project:1.0"
_Q = f"{{{NS}}}"
_GUID_ROOT = uuid.UUID("6f6c7b0e-2f8e-4d55-9a51-5f1d3c0a7e11")  # fixed: the same work gives the same GUIDs
#: a readable palette (Okabe–Ito, then Tableau 10) for topic and country codes
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#4E79A7", "#F28E2B",
           "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC")
#: document metadata written as variables: (field, variable name)
_VARIABLES = (("title", "Title"), ("date", "Date"), ("source", "Outlet"), ("byline", "Byline"),
              ("section", "Section"), ("length", "Length"), ("url", "URL"))
_ALWAYS = frozenset({"title", "date", "source"})
#: characters XML 1.0 cannot hold (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def guid(*parts: object) -> str:
    """A GUID derived from ``parts`` (stable across exports of the same work)."""
    return str(uuid.uuid5(_GUID_ROOT, "\x1f".join(str(p) for p in parts)))


def xml_text(value: object) -> str:
    """``value`` as text XML can hold: characters it cannot are replaced by U+FFFD (same length)."""
    return _NOT_XML.sub("\ufffd", str(value))


def analyst_name(setting: str | None = None) -> str:
    """The analyst's name: the setting when given, else the OS account, else "analyst"."""
    if setting and setting.strip():
        return setting.strip()
    try:
        return getpass.getuser() or "analyst"
    except (OSError, KeyError, ImportError):  # no account name (a container without a passwd entry)
        return "analyst"


@dataclass(frozen=True)
class _Context:
    user: str                   # the user's GUID
    when: str                   # xsd:dateTime of the export


def _el(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    return etree.SubElement(parent, _Q + tag, {k: xml_text(v) for k, v in attrs.items() if v is not None})


def _text_el(parent: etree._Element, tag: str, text: object) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag)
    el.text = xml_text(text)
    return el


def _value(row: Mapping[str, Any], key: str) -> Any:
    v = row.get(key)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


def _documents(documents: LoadReport | Iterable[Document]) -> list[Document]:
    return list(documents.documents if isinstance(documents, LoadReport) else documents)


# ---- codes --------------------------------------------------------------------------------------

@dataclass
class _Codes:
    topics: dict[str, str]                  # topic key → code GUID
    issues: dict[tuple[str, str], str]      # (topic, issue) → code GUID
    countries: dict[str, str]               # ISO3 → code GUID


def _codebook(root: etree._Element, statements: pd.DataFrame, topics: Sequence[Topic],
              cell_notes: Mapping[str, list[str]]) -> _Codes:
    names = {t.key: t for t in topics}
    used = [str(t) for t in statements["topic"].dropna().unique()] if "topic" in statements else []
    keys = [t.key for t in topics] + sorted(k for k in set(used) if k not in names)
    issues: dict[str, list[str]] = {}
    if "issue" in statements:
        pairs = statements[["topic", "issue"]].dropna().drop_duplicates()
        for topic, issue in sorted(pairs.itertuples(index=False, name=None), key=lambda p: (str(p[0]), str(p[1]))):
            if str(issue).strip():
                issues.setdefault(str(topic), []).append(str(issue))
    codes = _Codes({}, {}, {})
    holder = _el(_el(root, "CodeBook"), "Codes")
    top = _el(holder, "Code", guid=guid("codes", "topics"), name="Topics", isCodable="false")
    _text_el(top, "Description", "One code per topic of the Stance Atlas matrix; its issues are child codes.")
    for n, key in enumerate(keys):
        t = names.get(key)
        code = _el(top, "Code", guid=guid("topic", key), name=t.name if t else key, isCodable="true",
                   color=PALETTE[n % len(PALETTE)])
        _text_el(code, "Description", f"topic '{key}'" + (f": {t.description}" if t and t.description else ""))
        codes.topics[key] = code.get("guid")
        for issue in issues.get(key, []):
            child = _el(code, "Code", guid=guid("issue", key, issue), name=issue, isCodable="true",
                        color=PALETTE[n % len(PALETTE)])
            _text_el(child, "Description", f"issue under topic '{key}'")
            codes.issues[(key, issue)] = child.get("guid")
    countries = sorted(str(a) for a in statements["actor"].dropna().unique()) if "actor" in statements else []
    top = _el(holder, "Code", guid=guid("codes", "countries"), name="Countries", isCodable="false")
    _text_el(top, "Description", "One code per country holding a stance (ISO 3166-1 alpha-3).")
    known = country_names()
    for n, iso in enumerate(countries):
        code = _el(top, "Code", guid=guid("country", iso), name=f"{known.get(iso, iso)} ({iso})", isCodable="true",
                   color=PALETTE[n % len(PALETTE)])
        _text_el(code, "Description", f"stances held by {known.get(iso, iso)}")
        for note_guid in cell_notes.get(iso, []):
            _el(code, "NoteRef", targetGUID=note_guid)
        codes.countries[iso] = code.get("guid")
    return codes


# ---- notes --------------------------------------------------------------------------------------

def _note_time(note: Note, default: str) -> str:
    try:
        when = dt.datetime.fromisoformat(note.time.replace("Z", "+00:00"))
    except ValueError:
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- the project --------------------------------------------------------------------------------

def _description(row: Mapping[str, Any]) -> str:
    parts = [f"stance: {_value(row, 'stance') or ''}"]
    for key in ("polarity", "confidence"):
        v = _value(row, key)
        if v is not None:
            parts.append(f"{key}: {float(v):+.2f}" if key == "polarity" else f"{key}: {float(v):.2f}")
    parts.append(f"provenance: {_value(row, 'provenance') or 'machine'}")
    for key in ("actor_text", "speaker", "target", "reporter", "issue"):
        v = _value(row, key)
        if v not in (None, ""):
            parts.append(f"{key}: {v}")
    flags = [k for k in ("hedged", "negated") if bool(_value(row, k))]
    if flags:
        parts.append(", ".join(flags))
    return "; ".join(parts)


def build_project(
    statements: pd.DataFrame,
    documents: LoadReport | Iterable[Document],
    *,
    topics: Sequence[Topic] = (),
    notes: Sequence[Note] = (),
    user: str | None = None,
    name: str = "Stance Atlas project",
    now: dt.datetime | None = None,
) -> tuple[bytes, dict[str, str], list[str]]:
    """``project.qde`` as bytes, the source files (zip name → text) and notices for the user."""
    docs = _documents(documents)
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    analyst = analyst_name(user)
    ctx = _Context(guid("user", analyst), when)
    root = etree.Element(_Q + "Project", nsmap={None: NS})
    for k, v in (("name", name), ("origin", f"Stance Atlas {__version__}"), ("creatingUserGUID", ctx.user),
                 ("creationDateTime", when)):
        root.set(k, xml_text(v))
    _el(_el(root, "Users"), "User", guid=ctx.user, name=analyst)

    cell_notes: dict[str, list[str]] = {}
    for n in notes:
        if n.cell is not None:
            cell_notes.setdefault(n.cell.actor, []).append(guid("note", n.id))
    codes = _codebook(root, statements, topics, cell_notes)

    present = [(f, label) for f, label in _VARIABLES if f in _ALWAYS or any(getattr(d, f) for d in docs)]
    variables = _el(root, "Variables")
    for field_name, label in present:
        var = _el(variables, "Variable", guid=guid("variable", field_name), name=label, typeOfVariable="Text")
        _text_el(var, "Description", f"the document's {label.lower()}, as read by Stance Atlas")

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in statements.to_dict(orient="records"):
        by_doc.setdefault(str(row.get("document")), []).append(row)
    note_index = statement_notes(notes, docs)
    sources: dict[str, str] = {}
    sources_el = _el(root, "Sources") if docs else None  # the schema wants at least one source in <Sources>
    notices: list[str] = []
    for d in docs if sources_el is not None else ():
        source_guid = guid("source", d.id, d.hash)
        file_name = f"{source_guid}.txt"
        sources[file_name] = d.text  # a plain text file: any character, offsets unchanged
        src = _el(sources_el, "TextSource", guid=source_guid, name=d.id, plainTextPath=f"internal://{file_name}",
                  creatingUser=ctx.user, creationDateTime=when)
        if d.title:
            _text_el(src, "Description", d.title)
        for index, row in enumerate(by_doc.pop(d.id, [])):
            _selection(src, row, d, index, codes, ctx, note_index)
        for field_name, _ in present:
            value = getattr(d, field_name)
            if value:
                vv = _el(src, "VariableValue")
                _el(vv, "VariableRef", targetGUID=guid("variable", field_name))
                _text_el(vv, "TextValue", value)
    if by_doc:
        count = sum(len(v) for v in by_doc.values())
        notices.append(f"{count} statement(s) of {len(by_doc)} document(s) not in the set were left out")

    if notes:
        notes_el = _el(root, "Notes")
        for n in notes:
            note = _el(notes_el, "Note", guid=guid("note", n.id), name=n.subject, creatingUser=ctx.user,
                       creationDateTime=_note_time(n, when))
            _text_el(note, "PlainTextContent", n.text)
    _text_el(root, "Description", f"Exported by Stance Atlas {__version__} on {when}: {len(docs)} documents, "
             f"{len(statements)} statements.")
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, sources, notices


def _selection(src: etree._Element, row: Mapping[str, Any], doc: Document, k: int, codes: _Codes, ctx: _Context,
               note_index: Mapping[tuple[str, int, int, str], list[Note]]) -> None:
    start, end = int(row["start"]), int(row["end"])
    actor, topic = str(_value(row, "actor") or ""), str(_value(row, "topic") or "")
    label = str(_value(row, "stance") or "")
    sel = _el(src, "PlainTextSelection", guid=guid("selection", doc.id, doc.hash, start, end, actor, topic, k),
              name=f"{actor} · {topic}: {label}"[:200], startPosition=start, endPosition=end,
              creatingUser=ctx.user, creationDateTime=ctx.when)
    _text_el(sel, "Description", _description(row))
    targets = [codes.topics.get(topic), codes.issues.get((topic, str(_value(row, "issue") or ""))),
               codes.countries.get(actor)]
    for target in targets:
        if target is not None:
            coding = _el(sel, "Coding", guid=guid("coding", sel.get("guid"), target), creatingUser=ctx.user,
                         creationDateTime=ctx.when)
            _el(coding, "CodeRef", targetGUID=target)
    key_actor = str(_value(row, "key_actor") or actor)
    for n in note_index.get((doc.id, start, end, key_actor), []):
        _el(sel, "NoteRef", targetGUID=guid("note", n.id))


def write_qdpx(
    path: str | os.PathLike[str],
    statements: pd.DataFrame,
    documents: LoadReport | Iterable[Document],
    *,
    topics: Sequence[Topic] = (),
    notes: Sequence[Note] = (),
    user: str | None = None,
    now: dt.datetime | None = None,
) -> list[str]:
    """Write a REFI-QDA project to ``path`` (atomically); returns notices for the user."""
    path = Path(path)
    if path.suffix.lower() != ".qdpx":
        raise ExportError(f"a REFI-QDA project is written as .qdpx, not '{path.suffix or path.name}'")
    xml, sources, notices = build_project(statements, documents, topics=topics, notes=notes, user=user,
                                          name=path.stem, now=now)
    with atomic_write(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml)
        for file_name, text in sources.items():
            zf.writestr(f"Sources/{file_name}", text.encode("utf-8"))
    return notices
