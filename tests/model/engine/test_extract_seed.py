"""The seed article: every hard case the stance engine must get right."""

from pathlib import Path

import pandas as pd
import pytest

from model.analysis.matrix import build_matrix
from model.engine.batch import extract_statements
from model.readers import load_paths
from model.resources import load_resources

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def seed():
    res = load_resources()
    docs = load_paths([SEEDS]).documents
    st = extract_statements(docs, res)
    return docs[0], st, build_matrix(st, columns=res.topic_keys)


def cell(st: pd.DataFrame, actor: str, topic: str) -> pd.DataFrame:
    return st[(st.actor == actor) & (st.topic == topic)]


def test_russia_declines_the_ceremony_with_a_contradiction(seed):
    _, st, m = seed
    rows = cell(st, "RUS", "diplomacy")
    assert m.net.at["RUS", "diplomacy"] < 0
    assert m.contradictions.at["RUS", "diplomacy"]
    kremlin = rows[rows.sentence.str.contains("will not take part")]
    assert len(kremlin) == 1 and bool(kremlin.negated.iloc[0]) and kremlin.polarity.iloc[0] < 0
    upper_house = rows[rows.sentence.str.contains("upper house")]
    assert len(upper_house) == 1 and upper_house.polarity.iloc[0] > 0
    assert "RIA" in upper_house.reporter.iloc[0]


def test_medvedev_migration_warning_reported_by_tass(seed):
    _, st, _ = seed
    rows = cell(st, "RUS", "migration")
    assert len(rows) == 1
    r = rows.iloc[0]
    assert r.polarity < 0 and "TASS" in r.reporter and r.hedged
    assert "migration crisis" in r.stance


def test_russia_concern_over_radical_islamist_threats(seed):
    _, st, _ = seed
    rows = st[(st.actor == "RUS") & st.topic.isin(["terrorism", "security"]) & st.sentence.str.contains("radical")]
    assert len(rows) == 1 and rows.polarity.iloc[0] < 0


def test_pakistan_hosts_and_chairs_cooperatively(seed):
    _, st, m = seed
    assert m.net.at["PAK", "security"] > 0
    chaired = st[(st.actor == "PAK") & st.sentence.str.contains("chaired by")]
    assert len(chaired) == 1 and chaired.topic.iloc[0] == "security"


def test_participants_agree_on_intelligence_sharing(seed):
    _, st, _ = seed
    rows = st[st.sentence.str.contains("Intelligence sharing was agreed")]
    assert set(rows.actor) == {"CHN", "IRN", "RUS", "TJK", "KAZ", "TKM", "UZB", "PAK"}
    assert (rows.polarity > 0).all()


def test_taliban_invitation_and_cancelled_oath_taking(seed):
    _, st, _ = seed
    afg = st[st.actor == "AFG"]
    invite = afg[afg.stance.str.contains("invite")]
    assert len(invite) == 1 and invite.polarity.iloc[0] > 0 and invite.target.iloc[0] == "PAK"
    call_off = afg[afg.stance.str.contains("call-off")]
    assert len(call_off) == 1 and call_off.polarity.iloc[0] < 0


def test_reporters_and_invitees_hold_no_stance(seed):
    _, st, _ = seed
    assert not {"QAT", "TUR"} & set(st.actor)
    assert not st.actor_text.str.contains("TASS|RIA|Pakistan Today|source", regex=True).any()
    # the dateline names where the report was filed, not a stance holder
    assert not (st.actor_text == "ISLAMABAD").any()


def test_offsets_point_at_the_sentence_actor_and_cue(seed):
    doc, st, _ = seed
    for r in st.itertuples():
        assert doc.text[r.start:r.end] == r.sentence
        if r.actor_start >= 0:
            assert doc.text[r.actor_start:r.actor_start + len(r.actor_text)] == r.actor_text
        assert doc.text[r.cue_start:r.cue_start + len(r.cue)] == r.cue


def test_parallel_extraction_equals_serial(monkeypatch):
    import model.engine.batch as ex

    res = load_resources()
    docs = load_paths([SEEDS]).documents
    from dataclasses import replace

    many = [replace(docs[0], id=f"d{i}") for i in range(12)]
    monkeypatch.setattr(ex, "PARALLEL_MIN_WORDS", 100)
    monkeypatch.setattr(ex, "BATCH_WORDS", 1000)
    monkeypatch.setattr(ex._Rows, "CHUNK", 50)
    par = extract_statements(many, res, workers=2)
    ser = extract_statements(many, res, workers=1)
    pd.testing.assert_frame_equal(par, ser)
    assert len(par) == 12 * len(extract_statements(docs, res, workers=1))


def test_labels_are_not_shared_between_documents_with_the_same_offsets():
    from model.documents import Document

    # (the cache once keyed sentences by id(): a freed sentence's id is soon reused)
    places = ["Iran", "Cuba", "Chile", "Peru", "Japan", "Kenya", "Ghana", "Nepal", "Yemen", "Mali"] * 20
    docs = [Document(id=f"d{i}", text=f"Russia visited {p} today.") for i, p in enumerate(places)]
    df = extract_statements(docs, load_resources(), workers=1)
    assert len(df) == len(places)
    for (_, row), place in zip(df.iterrows(), places, strict=True):
        assert place in row["stance"], (row["document"], row["stance"])


def test_workers_are_forked_only_where_it_is_safe(monkeypatch):
    import sys
    import threading
    import types

    import model.engine.batch as ex

    # a process with Qt loaded (the GUI): a fork could inherit Qt's threads half-way, so workers are spawned
    monkeypatch.setitem(sys.modules, "PySide6", types.ModuleType("PySide6"))
    assert ex._start_method() == "spawn"
    # … and so they are while another thread runs (a GUI worker, a reader thread)
    monkeypatch.delitem(sys.modules, "PySide6")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert ex._start_method() == "spawn"
    finally:
        release.set()
        other.join()
    # (a plain single-threaded process forks: test_forked_workers_extract_the_same_statements)


def test_forked_workers_extract_the_same_statements():
    import subprocess
    import sys

    code = (
        "import model.engine.batch as ex; from dataclasses import replace; from model.readers import load_paths\n"
        "docs = load_paths(['seeds']).documents; many = [replace(docs[0], id=f'd{i}') for i in range(12)]\n"
        "ex.PARALLEL_MIN_WORDS_FORK = 100; ex.BATCH_WORDS = 1000\n"
        "assert ex._start_method() == 'fork'\n"
        "par = ex.extract_statements(many, workers=2); assert ex._WORKER_ENGINE is not None  # the pool ran\n"
        "ser = ex.extract_statements(many, workers=1)\n"
        "assert par.equals(ser) and len(par) == 12 * len(ex.extract_statements(docs, workers=1)), len(par)\n"
        "print('ok', len(par))\n"
    )
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.startswith("ok"), out.stderr


def test_a_cut_label_does_not_end_on_a_function_word():
    from model.documents import Document

    doc = Document(id="d", text="Russia will support Turkey's efforts to become a full member of the European Union.")
    labels = list(extract_statements([doc], load_resources(), workers=1)["stance"])
    assert labels and all(lab.split()[-1].lower() not in {"of", "the", "a", "to", "and"} for lab in labels), labels
    assert any(lab.startswith("will support") for lab in labels), labels


def test_a_letter_that_lower_cases_to_two_does_not_shift_the_cues():
    from model.documents import Document

    # "İ".lower() is two code points: scanning text.lower() once put every later cue one character off
    turkish = "İİ İstanbul hosted the talks. Russia said it would boycott the summit."
    plain = "II Istanbul hosted the talks. Russia said it would boycott the summit."
    rows = [extract_statements([Document(id="x", text=t)], load_resources(), workers=1) for t in (turkish, plain)]
    got = [r[r.actor == "RUS"][["stance", "cue", "start", "end"]].to_dict("records") for r in rows]
    assert got[0] == got[1] and got[0][0]["cue"] == "boycott"
