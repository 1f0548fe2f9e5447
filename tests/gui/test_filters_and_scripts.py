"""Filters driven from the widgets (documents, dates, issues) and text in non-Latin scripts."""

import json
from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel

from gui.evidence import HTML_ROLE, ROW_ROLE
from model.documents import Document, LoadReport
from model.pipeline import Analysis
from model.resources import load_resources
from model.statements import statements_frame
from tests.model.analysis.test_filters import row


def dated_set(tmp_path):
    path = tmp_path / "dated.jsonl"
    docs = [
        {"id": "a", "date": "2021-09-01", "title": "First", "text": "Pakistan hosted a meeting on regional security."},
        {"id": "b", "date": "2021-10-15", "title": "Second", "text": "China signed a trade agreement with Iran."},
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_date_range_from_the_filter_bar(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(dated_set(tmp_path))])
    all_docs = set(window.state.statements["document"])
    assert all_docs == {"a", "b"}
    window.charts.setCurrentWidget(window.timeline)   # a hidden chart is drawn when it is shown
    assert len(window.timeline.values) == 2
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=10000):
        window.filter_bar.date_from.setDate(QDate(2021, 10, 1))
    assert window.state.flt.date_from == date(2021, 10, 1)
    assert set(window.state.statements["document"]) == {"b"}


def test_matrix_from_selected_documents_only(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(dated_set(tmp_path))])
    panel = window.documents
    panel.only_selected.setChecked(True)  # nothing selected yet: no document filter, nothing to rebuild
    assert window.state.flt.documents == frozenset()
    first = panel.proxy.index(0, 0)
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=10000):
        panel.view.selectionModel().select(first, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert window.state.flt.documents == frozenset({"a"})
    assert set(window.state.statements["document"]) == {"a"}
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=10000):
        panel.only_selected.setChecked(False)
    assert set(window.state.statements["document"]) == {"a", "b"}


def test_columns_switch_to_issues(window, qtbot):
    st = statements_frame([
        row(actor="RUS", topic="diplomacy", issue="Taliban inauguration", polarity=-0.7),
        row(actor="PAK", topic="security", issue="intelligence sharing", polarity=0.6),
    ])
    analysis = Analysis(LoadReport(documents=[Document("d1", "Russia welcomed the talks.")]), st, load_resources())
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=10000):
        window.state.set_result(analysis)
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=10000):
        window.filter_bar.by.setCurrentIndex(window.filter_bar.by.findData("issue"))
    assert sorted(window.matrix_model.columns) == ["Taliban inauguration", "intelligence sharing"]
    assert window.matrix_model.key(window.matrix_model.index_of("RUS", "Taliban inauguration")) == ("RUS", "Taliban inauguration")


def test_non_latin_text_reaches_cards_and_reader(window, qtbot):
    sentence = "Россия приветствовала переговоры — روسيا رحبت بالمحادثات — 俄罗斯欢迎会谈。"
    doc = Document("ru", "Вступление. " + sentence, title="Москва: переговоры")
    start = doc.text.index(sentence)
    st = statements_frame([row(document="ru", sentence=sentence, start=start, end=start + len(sentence),
                               actor_text="Россия", actor_start=start, cue="приветствовала", cue_start=start + 7)])
    analysis = Analysis(LoadReport(documents=[doc]), st, load_resources())
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=10000):
        window.state.set_result(analysis)
    window.matrix_view.setCurrentIndex(window.matrix_model.index_of("RUS", "diplomacy"))
    card = window.evidence.model.index(0, 0).data(HTML_ROLE)
    assert "Россия</span>" in card and "приветствовала</span>" in card and "俄罗斯欢迎会谈" in card
    window.open_in_reader("ru", window.evidence.model.index(0, 0).data(ROW_ROLE))
    selections = window.reader.text.extraSelections()
    assert selections[0].cursor.selectedText() == sentence
    assert "Москва" in window.reader.title.text()
