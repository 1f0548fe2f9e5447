"""Qt item models: qtmodeltester plus direct data() checks, including a 250 × 50 matrix."""

import math

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gui.compare_view import ComparisonTableModel
from gui.evidence import BATCH, HTML_ROLE, ROW_ROLE, EvidenceModel, highlighted_html, sentence_marks
from gui.frame_model import Column, FrameTableModel
from gui.matrix_model import MatrixTableModel
from model.analysis.compare import compare_countries
from model.analysis.matrix import build_matrix, net_to_rgb
from model.statements import statements_frame

R = Qt.ItemDataRole


def synthetic_statements(n: int, n_actors: int = 250, n_topics: int = 50, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    actors = [f"A{i:02d}"[:3].upper().ljust(3, "X") for i in range(n_actors)]
    actors = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}{chr(65 + i // 676)}" for i in range(n_actors)]
    topics = [f"topic{j:02d}" for j in range(n_topics)]
    a = rng.integers(0, n_actors, n)
    t = rng.integers(0, n_topics, n)
    pol = rng.uniform(-1, 1, n).round(2)
    sentences = [f"Country {actors[i]} said something about {topics[j]}." for i, j in zip(a, t, strict=True)]
    return statements_frame([{
        "document": f"doc{k % 10000}", "sentence": s, "start": 0, "end": len(s), "actor": actors[i],
        "actor_text": f"Country {actors[i]}", "speaker": None, "target": None, "topic": topics[j],
        "stance": "said something", "polarity": float(p), "confidence": 0.5 + 0.5 * (k % 2), "reporter": None,
        "hedged": bool(k % 3 == 0), "negated": False, "issue": "", "actor_kind": "country", "cue": "said",
        "cue_start": 12, "actor_start": 0,
    } for k, (i, j, p, s) in enumerate(zip(a, t, pol, sentences, strict=True))])


@pytest.fixture(scope="module")
def big_matrix():
    return build_matrix(synthetic_statements(20000))


def test_matrix_model_passes_modeltester_on_the_seed(seeded, qtmodeltester):
    qtmodeltester.check(seeded.matrix_model)


def test_matrix_model_250_by_50(big_matrix, qtmodeltester):
    model = MatrixTableModel()
    model.set_matrix(big_matrix, names={})
    assert model.rowCount() == 250 and model.columnCount() == 50
    qtmodeltester.check(model)
    actor, col = model.actors[7], model.columns[3]
    idx = model.index(7, 3)
    count = int(big_matrix.counts.at[actor, col])
    net = float(big_matrix.net.at[actor, col])
    assert idx.data(R.UserRole) == (actor, col)
    assert idx.data(R.DisplayRole).startswith(str(count))
    assert idx.data(R.BackgroundRole) == QColor(*net_to_rgb(round(net, 2)))
    assert f"{net:+.2f}" in idx.data(R.ToolTipRole)
    model.set_mode("net")
    assert idx.data().startswith(f"{net:+.2f}")
    model.set_sort("activity")
    totals = big_matrix.counts.sum(axis=1)
    assert model.actors[0] == totals.sort_values(ascending=False, kind="stable").index[0]


def test_matrix_model_reports_changed_cells_and_resets_only_for_new_rows_or_names():
    st = synthetic_statements(3000, n_actors=20, n_topics=6)
    model = MatrixTableModel()
    model.set_matrix(build_matrix(st), names={})
    changed, resets = [], []
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((model.key(top), model.key(bottom))))
    model.headerDataChanged.connect(lambda orientation, first, last: changed.append(("header", first, last)))
    model.layoutChanged.connect(lambda *_a: changed.append(("layout",)))
    model.modelReset.connect(lambda: resets.append(True))
    model.set_matrix(build_matrix(st), names={})
    assert changed == [] and resets == []                 # the same figures: nothing to repaint
    actor, topic = st["actor"].iat[0], st["topic"].iat[0]
    other = st[(st["actor"] == actor) & (st["topic"] != topic)].index[0]
    edited = st.copy()
    edited.loc[other, "topic"] = topic                    # one statement moves between two cells of a row
    model.set_matrix(build_matrix(edited), names={})
    assert sorted(changed) == sorted([((actor, topic), (actor, topic)),      # the two cells, nothing else
                                      ((actor, st.at[other, "topic"]), (actor, st.at[other, "topic"]))])
    assert resets == []
    assert model.index_of(actor, topic).data(R.DisplayRole).startswith(
        str(int(build_matrix(edited).counts.at[actor, topic])))
    model.set_matrix(build_matrix(st[st["actor"] != actor]), names={})   # a row goes: the view lays out again
    assert resets == [True] and actor not in model.actors
    model.set_matrix(build_matrix(st[st["actor"] != actor]), names={"ABA": "Renamed"})
    assert resets == [True, True]


def test_matrix_model_marks_contradictions_and_empties():
    st = synthetic_statements(6, n_actors=1, n_topics=2)
    st.loc[:, "polarity"] = [0.9, -0.9, 0.9, 0.9, 0.9, 0.9]
    st.loc[:, "topic"] = ["t1", "t1", "t1", "t1", "t1", "t1"]
    st.loc[:, "issue"] = ["the ceasefire"] * 6  # one holder, a position for the ceasefire and one against it
    st.loc[:, "cue"] = ["support", "reject", "support", "support", "support", "support"]
    st.loc[:, "stance"] = [f"{cue} the ceasefire" for cue in st["cue"]]
    st.loc[:, "start"] = range(0, 60, 10)
    m = build_matrix(st, columns=["t1", "t2"])
    model = MatrixTableModel()
    model.set_matrix(m)
    assert model.index(0, 0).data().endswith("⚡")
    assert model.index(0, 0).data(R.FontRole).bold()
    assert model.index(0, 1).data() == "" and model.index(0, 1).data(R.BackgroundRole) is None
    assert "no stance" in model.index(0, 1).data(R.ToolTipRole)


def test_evidence_model_fetches_in_batches(qtmodeltester):
    st = synthetic_statements(180, n_actors=1, n_topics=1)
    model = EvidenceModel()
    model.set_statements(st, {}, {})
    assert model.total == 180 and model.rowCount() == BATCH
    assert model.canFetchMore(model.index(-1, 0))
    while model.canFetchMore(model.index(-1, 0)):
        model.fetchMore(model.index(-1, 0))
    assert model.rowCount() == 180
    confidences = [model.index(i, 0).data(ROW_ROLE)["confidence"] for i in range(180)]
    assert confidences == sorted(confidences, reverse=True)
    assert "Country" in model.index(0, 0).data(HTML_ROLE)
    checked = EvidenceModel()
    checked.set_statements(st, {}, {})
    qtmodeltester.check(checked)


def test_comparison_and_frame_models(seeded, qtmodeltester):
    cmp_model = ComparisonTableModel()
    cmp_model.set_comparison(compare_countries(seeded.state.statements, ["RUS", "PAK", "CHN"]), seeded.state.names, {})
    qtmodeltester.check(cmp_model)
    qtmodeltester.check(seeded.documents.model)
    seeded.show_profile("RUS")
    qtmodeltester.check(seeded.profile.model)
    frame = FrameTableModel([Column("A", "a"), Column("B", "b", lambda v: f"<{v}>")])
    frame.set_frame(pd.DataFrame({"a": [1.0, math.nan], "b": ["x", "y"]}))
    qtmodeltester.check(frame)
    assert frame.index(1, 0).data() == "" and frame.index(0, 1).data() == "<x>"
    assert frame.index(0, 0).data(R.UserRole) == 1.0


def test_sentence_marks_use_offsets_and_fall_back_to_search():
    row = {"sentence": "Later, Russia declined to attend.", "start": 100, "actor_text": "Russia", "actor_start": 107,
           "cue": "declined", "cue_start": 114}
    assert sentence_marks(row) == [(7, 13, "actor"), (14, 22, "cue")]
    row.update(actor_start=-1, cue_start=-1)
    assert sentence_marks(row) == [(7, 13, "actor"), (14, 22, "cue")]
    row.update(cue="Russia declined", cue_start=-1)  # overlapping the actor: not marked twice
    assert sentence_marks(row) == [(7, 13, "actor")]
    row.update(actor_text=None, cue="nowhere")
    assert sentence_marks(row) == []
    assert highlighted_html("a <b> c", [(2, 5, "cue")]).count("&lt;b&gt;") == 1


def test_evidence_panel_fetches_more_cards_when_scrolled(qtbot):
    from gui.evidence import EvidencePanel

    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    panel.show_cell("X — topic", synthetic_statements(180, n_actors=1, n_topics=1), {}, {})
    assert "180 statements" in panel.heading.text()
    first = panel.model.rowCount()
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: panel.model.rowCount() > first)
