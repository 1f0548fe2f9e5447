"""Done-when: the REFI-QDA export is valid against the shipped schema, and every statement's selection points at
its sentence text in its source file; codes, notes, variables and the user are there."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from model.cli import run
from model.documents import Document
from model.engine.batch import extract_statements
from model.export import ExportError
from model.export.qdpx import NS, write_qdpx
from model.resources import load_resources
from model.review.decisions import StatementRef
from model.review.notes import CellRef, Note

SCHEMA = Path(__file__).parent / "refi-qda" / "Project-mrt2019.xsd"
Q = {"q": NS}

TEXTS = {
    "talks.txt": "Chiefs meet in Islamabad\n\nISLAMABAD: Pakistan hosted the intelligence chiefs of China, Iran and "
                 "Russia on Saturday.\nRussia welcomed the talks and supported a regional solution.",
    "ceremony.txt": "Russia declines\n\nMOSCOW: Russia will not take part in the inauguration ceremony of the new "
                    "Afghan government, the Kremlin said.\nGermany rejected the warning from Moscow.",
}


@pytest.fixture(scope="module")
def resources():
    return load_resources()


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [Document(id=k, text=v, title=v.split("\n")[0], date="2021-09-11", source="Dawn", byline="Staff Reporter",
                     path=k) for k, v in TEXTS.items()]


@pytest.fixture(scope="module")
def statements(documents, resources) -> pd.DataFrame:
    df = extract_statements(documents, resources, workers=1)
    assert len(df) >= 3
    return df


def _read(path: Path) -> tuple[etree._ElementTree, dict[str, str]]:
    with zipfile.ZipFile(path) as zf:
        qde = etree.parse(io.BytesIO(zf.read("project.qde")))
        sources = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("Sources/")}
    return qde, sources


def _validate(qde: etree._ElementTree) -> None:
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(qde)


def test_the_project_is_valid_and_every_selection_is_its_statements_sentence(tmp_path, documents, statements,
                                                                              resources) -> None:
    first = statements.iloc[0]
    ref = StatementRef(next(d.hash for d in documents if d.id == first["document"]), str(first["document"]),
                       int(first["start"]), int(first["end"]), str(first["sentence"]), str(first["actor"]))
    notes = [Note("Check this against the Kremlin's readout.", "2026-01-02T10:00:00+00:00", statement=ref),
             Note("Russia: mixed signals", "2026-01-02T11:00:00+00:00", cell=CellRef("RUS", "diplomacy"))]
    out = tmp_path / "work.qdpx"
    write_qdpx(out, statements, documents, topics=resources.topics, notes=notes, user="Ada Analyst",
               now=dt.datetime(2026, 1, 3, tzinfo=dt.UTC))
    qde, files = _read(out)
    _validate(qde)

    [user] = qde.findall("q:Users/q:User", Q)
    assert user.get("name") == "Ada Analyst"
    codes = {c.get("guid"): c for c in qde.iterfind(".//q:Code", Q)}
    countries = {c.get("guid"): c.get("name") for c in qde.findall("q:CodeBook/q:Codes/q:Code[@name='Countries']/q:Code", Q)}
    topics = {c.get("guid"): c.get("name") for c in qde.findall("q:CodeBook/q:Codes/q:Code[@name='Topics']/q:Code", Q)}
    assert {t.name for t in resources.topics} <= set(topics.values())
    assert "Russia (RUS)" in countries.values()

    wanted = {(r.document, r.start, r.end, r.sentence) for r in statements.itertuples()}
    got = set()
    sources = qde.findall("q:Sources/q:TextSource", Q)
    assert {s.get("name") for s in sources} == set(TEXTS)
    for src in sources:
        path = src.get("plainTextPath")
        assert path.startswith("internal://") and path.endswith(".txt")
        text = files["Sources/" + path.removeprefix("internal://")]
        assert text == TEXTS[src.get("name")]
        for sel in src.findall("q:PlainTextSelection", Q):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            got.add((src.get("name"), start, end, text[start:end]))
            targets = [c.get("targetGUID") for c in sel.findall("q:Coding/q:CodeRef", Q)]
            assert all(t in codes for t in targets)
            assert any(t in countries for t in targets) and any(t in topics for t in targets)
            description = sel.findtext("q:Description", namespaces=Q)
            assert "polarity:" in description and "confidence:" in description and "provenance: machine" in description
        values = {v.find("q:VariableRef", Q).get("targetGUID"): v.findtext("q:TextValue", namespaces=Q)
                  for v in src.findall("q:VariableValue", Q)}
        names = {v.get("guid"): v.get("name") for v in qde.findall("q:Variables/q:Variable", Q)}
        assert {names[g]: val for g, val in values.items()} == {
            "Title": TEXTS[src.get("name")].split("\n")[0], "Date": "2021-09-11", "Outlet": "Dawn",
            "Byline": "Staff Reporter"}
    assert got == wanted
    assert len(qde.findall(".//q:PlainTextSelection", Q)) == len(statements)

    note_el = {n.get("guid"): n for n in qde.findall("q:Notes/q:Note", Q)}
    assert {n.findtext("q:PlainTextContent", namespaces=Q) for n in note_el.values()} == {n.text for n in notes}
    linked = [r.get("targetGUID") for r in qde.iterfind(".//q:PlainTextSelection/q:NoteRef", Q)]
    assert len(linked) == 1 and note_el[linked[0]].findtext("q:PlainTextContent", namespaces=Q) == notes[0].text
    rus = next(c for c in codes.values() if c.get("name") == "Russia (RUS)")
    [cell_ref] = rus.findall("q:NoteRef", Q)
    assert note_el[cell_ref.get("targetGUID")].findtext("q:PlainTextContent", namespaces=Q) == notes[1].text


def test_the_same_work_exports_to_the_same_project(tmp_path, documents, statements, resources) -> None:
    when = dt.datetime(2026, 1, 3, tzinfo=dt.UTC)
    for name in ("a.qdpx", "b.qdpx"):
        write_qdpx(tmp_path / name, statements, documents, topics=resources.topics, user="x", now=when)
    assert _read(tmp_path / "a.qdpx")[0].getroot().get("name") == "a"
    a, b = (etree.tostring(_read(tmp_path / n)[0]).replace(b'name="a"', b'name="b"') for n in ("a.qdpx", "b.qdpx"))
    assert a == b


def test_characters_xml_cannot_hold_keep_the_offsets(tmp_path, resources) -> None:
    text = "Intro\x0c\n\nPakistan condemned the attack on the embassy and called for restraint."
    doc = Document(id="ff.txt", text=text, title="Intro\x0b")
    df = extract_statements([doc], resources, workers=1)
    out = tmp_path / "ff.qdpx"
    write_qdpx(out, df, [doc], topics=resources.topics)
    qde, files = _read(out)
    _validate(qde)
    [source] = files.values()
    assert source == text
    sel = qde.find(".//q:PlainTextSelection", Q)
    assert source[int(sel.get("startPosition")):int(sel.get("endPosition"))] == df.iloc[0]["sentence"]


def test_no_documents_still_gives_a_valid_project(tmp_path, statements) -> None:
    out = tmp_path / "empty.qdpx"
    write_qdpx(out, statements.iloc[0:0], [])
    _validate(_read(out)[0])


def test_a_wrong_suffix_is_refused(tmp_path, statements, documents) -> None:
    with pytest.raises(ExportError, match=".qdpx"):
        write_qdpx(tmp_path / "x.zip", statements, documents)
    assert not (tmp_path / "x.zip").exists()


def test_the_export_command_writes_a_qdpx(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.qdpx"
    err = io.StringIO()
    assert run("export", [str(folder), "-o", str(out), "-q"], err) == 0, err.getvalue()
    qde, files = _read(out)
    _validate(qde)
    assert len(files) == 2 and qde.findall(".//q:PlainTextSelection", Q)
