"""Loading through the window: adding, dropping, failures in the load report, cancel, recent sets, export."""

import json
import shutil
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from gui import exporting, settings
from tests.gui.conftest import SEEDS


def extra_document(tmp_path):
    path = tmp_path / "extra.jsonl"
    rec = {"id": "extra-1", "title": "Iran and Russia", "date": "2021-09-20", "source": "Test Wire",
           "text": "Iran welcomed the talks with Russia on regional security and economic ties."}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return path


def test_adding_documents_keeps_the_set_and_extracts_only_new(seeded, qtbot, tmp_path):
    w = seeded
    before = len(w.state.analysis.statements)
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        w.add([str(extra_document(tmp_path))])
    a = w.state.analysis
    assert [d.id for d in a.documents][-1] == "extra-1"
    assert len(a.statements[a.statements["document"] != "extra-1"]) == before
    assert w.documents.model.rowCount() == 2
    w.charts.setCurrentWidget(w.timeline)   # a hidden chart is drawn when it is shown
    assert not w.timeline.values.empty  # the new document carries a date
    assert w.loader.paths == [str(SEEDS), str(tmp_path / "extra.jsonl")]


def test_dropping_files_onto_the_window_adds_them(seeded, qtbot, tmp_path):
    w = seeded
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(extra_document(tmp_path)))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        w.dropEvent(event)
    assert "extra-1" in w.state.documents_by_id
    assert len(w.state.analysis.documents) == 2


def test_failed_files_are_listed_with_reasons(window, qtbot, tmp_path):
    folder = tmp_path / "set"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.jsonl").write_text('{"id": "a", "text": "fine"}\n{not json\n', encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    window.loader.show_report_on_errors = True
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(folder)])
    dialog = window.loader.report_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {dialog.table.item(r, 1).text(): (dialog.table.item(r, 0).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    status, reason = next(v for k, v in rows.items() if k.startswith(str(folder / "broken.jsonl")))
    assert status == "failed" and "JSON" in reason
    assert rows[str(folder / "picture.png")][0] == "skipped"
    statuses = [window.documents.model.raw(r, "status") for r in range(window.documents.model.rowCount())]
    assert statuses.count("failed") == 1 and statuses.count("loaded") == 2  # the good record of broken.jsonl is kept
    assert "1 failed" in window.documents.summary.text()
    dialog.close()


def test_cancel_leaves_the_open_set_unchanged(seeded, qtbot, tmp_path):
    w = seeded
    big = tmp_path / "big.jsonl"
    text = "Pakistan hosted the meeting on regional security. " * 20
    big.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{i} {text}"}) + "\n" for i in range(3000)), encoding="utf-8")
    before = w.state.analysis
    task = w.load([str(big)])
    assert w.loader.cancel_button.isVisible()
    with qtbot.waitSignal(task.signals.sig_cancelled, timeout=30000):
        w.loader.cancel_button.click()
    qtbot.waitUntil(lambda: not w.loader.progress.isVisible())
    assert w.state.analysis is before
    assert "cancelled" in w.statusBar().currentMessage()


def test_recent_sets_menu_reopens_a_set(seeded, qtbot):
    w = seeded
    assert settings.recent_sets() == [[str(SEEDS)]]
    recent_menu = next(a.menu() for a in w.menuBar().actions()[0].menu().actions() if a.menu())
    recent_menu.aboutToShow.emit()
    entry = recent_menu.actions()[0]
    assert entry.text() == str(SEEDS)
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        entry.trigger()


def test_a_set_that_cannot_be_read_leaves_the_recent_sets(seeded, qtbot, tmp_path):
    w = seeded
    gone = tmp_path / "moved-away"
    settings.push_recent_set([str(gone)])
    assert [str(gone)] in settings.recent_sets()
    w.load([str(gone)])
    qtbot.waitUntil(lambda: [str(gone)] not in settings.recent_sets(), timeout=30000)
    assert settings.recent_sets()[0] == [str(SEEDS)]    # the set that did open stays


def test_export_to_excel_honours_filters(seeded, qtbot, tmp_path, monkeypatch):
    w = seeded
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=10000):
        w.filter_bar.topic.setCurrentIndex(w.filter_bar.topic.findData("security"))
    out = tmp_path / "matrix.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(w.exporter.sig_exported, timeout=30000):
        w.menu_actions["export_xlsx"].trigger()
    wb = load_workbook(out, read_only=True)
    statements = list(wb["Statements"].iter_rows(values_only=True))
    topic_col = statements[0].index("topic")
    assert {r[topic_col] for r in statements[1:]} == {"security"}
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert about["filters"] == "topics: security"
    assert about["Filter: topics"] == "security"
    assert settings.last_export_folder() == str(tmp_path)
    assert settings.last_folder() != str(tmp_path)  # the folder documents open from is left alone


def test_export_dialog_starts_in_documents_then_in_the_last_export_folder(seeded, qtbot, tmp_path, monkeypatch):
    w = seeded
    settings.set_last_folder(str(SEEDS))  # where the documents were opened from
    documents = tmp_path / "Documents"
    documents.mkdir()

    class Paths:  # the user's Documents folder, here a temporary one
        StandardLocation = QStandardPaths.StandardLocation

        @staticmethod
        def writableLocation(location):
            return str(documents) if location == QStandardPaths.StandardLocation.DocumentsLocation else ""

    monkeypatch.setattr(exporting, "QStandardPaths", Paths)
    out = tmp_path / "reports" / "matrix.xlsx"
    out.parent.mkdir()
    offered = []

    def save_dialog(parent, caption, start, filters):
        offered.append(Path(start))
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    for _ in range(2):
        with qtbot.waitSignal(w.exporter.sig_exported, timeout=30000):
            w.menu_actions["export_xlsx"].trigger()
    assert offered[0].parent == documents and offered[0].parent != SEEDS
    assert offered[1].parent == out.parent


def test_exported_workbook_holds_the_review(seeded, qtbot, tmp_path):
    w = seeded
    st = w.state.analysis.statements
    rus = st[st["actor"] == "RUS"].iloc[0]
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.state.session.actions.reject(rus)
    pak = w.state.analysis.statements
    pak = pak[pak["actor"] == "PAK"].iloc[0]
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.state.session.actions.note_statement(pak, "Ask the Islamabad desk")
    out = tmp_path / "reviewed.xlsx"
    with qtbot.waitSignal(w.exporter.sig_exported, timeout=30000):
        w.exporter.export("matrix", str(out))
    wb = load_workbook(out)
    decisions = [r for r in wb["Decisions"].iter_rows(min_row=2, values_only=True)]
    assert [(r[1], r[2], r[4]) for r in decisions] == [("reject", "RUS", rus["sentence"]),
                                                       ("note", "PAK", pak["sentence"])]
    header = [c.value for c in wb["Statements"][1]]
    notes = [r[header.index("notes")] for r in wb["Statements"].iter_rows(min_row=2, values_only=True)]
    assert sum(bool(n) and n.endswith("Ask the Islamabad desk") for n in notes) == 1
    assert wb["Matrix"].page_setup.orientation == "landscape" and wb["Matrix"].print_title_cols == "$A:$B"


def test_export_comparison_and_statements(seeded, qtbot, tmp_path):
    w = seeded
    w.compare(["RUS", "PAK"])
    with qtbot.waitSignal(w.exporter.sig_exported, timeout=30000):
        w.exporter.export("comparison", str(tmp_path / "cmp.json"))
    payload = json.loads((tmp_path / "cmp.json").read_text(encoding="utf-8"))
    assert set(payload["actors"]) == {"RUS", "PAK"}
    with qtbot.waitSignal(w.exporter.sig_exported, timeout=30000):
        w.exporter.export("statements", str(tmp_path / "st.jsonl"))
    lines = (tmp_path / "st.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(w.state.statements)
    # the contract fields plus the document's title and whether the analyst edited the statement
    first = json.loads(lines[0])
    assert {"actor", "topic", "polarity", "sentence", "reporter", "title", "edited"} <= set(first)
    assert first["title"]


def test_export_failure_is_reported_and_writes_nothing(seeded, qtbot, tmp_path):
    w = seeded
    with qtbot.waitSignal(w.exporter.sig_failed, timeout=30000) as blocker:
        w.exporter.export("matrix", str(tmp_path / "matrix.txt"))
    assert ".txt" in blocker.args[0]
    assert not (tmp_path / "matrix.txt").exists()


def test_the_progress_counts_documents_beside_a_bar_without_text(window, qtbot):
    loader = window.loader
    shown = []
    original = loader.progress_label.setText
    loader.progress_label.setText = lambda text: (shown.append(text), original(text))
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(SEEDS)])
    n = len(window.state.analysis.documents)
    assert f"{n:,} of {n:,} documents" in shown
    assert any(t.endswith(" files") for t in shown)
    # the bar draws no text of its own (a theme could paint it white on white); the label uses the window's colours
    assert not loader.progress.isTextVisible()
    assert loader.progress_label.isHidden() and loader.progress.isHidden()
