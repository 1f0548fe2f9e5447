"""Projects in the main window: save, reopen, damaged files, unsaved-changes marker and questions, recovery."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtWidgets import QFileDialog

from gui import settings
from gui.evidence import ROW_ROLE
from model.project.recovery import find_recovery, write_recovery
from model.project.store import open_project, save_project
from model.review.decisions import ACCEPT, Decision, StatementRef
from model.review.notes import CellRef, Note
from model.review.workspace import fingerprint
from tests.gui.conftest import SEEDS
from tests.gui.test_main_window import click_cell
from tests.gui.test_review_gui import count, press_card_button


@pytest.fixture
def review(seeded):
    seeded.projects.ask_save = lambda: "discard"
    return seeded


def new_window(qtbot):
    from gui.main_window import MainWindow

    w = MainWindow()
    w.loader.show_report_on_errors = False
    w.projects.ask_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    return w


def do_some_review(w, qtbot) -> None:
    click_cell(qtbot, w, "RUS", "diplomacy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        press_card_button(qtbot, w, "reject")
    row = w.evidence.model.index(0, 0).data(ROW_ROLE)
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.state.session.actions.edit(row, {"polarity": -0.9, "stance": "hardened"})
    w.state.session.actions.note_statement(row, "check the wire copy")
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.state.session.actions.note_cell("PAK", "security", "two sources disagree")


def save_as(w, qtbot, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path.with_suffix("")), ""))
    with qtbot.waitSignal(w.projects.sig_saved, timeout=30000):
        w.menu_actions["save_as"].trigger()


def test_save_then_reopen_in_a_new_window_finds_everything(review, qtbot, monkeypatch, tmp_path):
    w = review
    do_some_review(w, qtbot)
    w.filter_bar.mode.setCurrentIndex(w.filter_bar.mode.findData("net"))
    assert w.isWindowModified()
    path = tmp_path / "study.stanceatlas"
    save_as(w, qtbot, monkeypatch, path)
    assert not w.isWindowModified() and w.windowTitle() == "study[*] — Stance Atlas"
    assert settings.recent_projects() == [str(path)]
    ws = w.state.session.ws
    w2 = new_window(qtbot)
    with qtbot.waitSignal(w2.projects.sig_opened, timeout=30000), qtbot.waitSignal(w2.state.sig_matrix_changed):
        w2.projects.open(str(path))
    ws2 = w2.state.session.ws
    assert [d.id for d in ws2.documents] == [d.id for d in ws.documents]
    assert [d.text for d in ws2.documents] == [d.text for d in ws.documents]
    assert ws2.decisions == ws.decisions and ws2.notes == ws.notes
    assert fingerprint(ws2) == fingerprint(ws)
    cols = ["document", "start", "actor", "topic", "stance", "polarity", "review", "provenance"]
    assert w2.state.analysis.statements[cols].equals(w.state.analysis.statements[cols])
    assert w2.state.matrix.counts.equals(w.state.matrix.counts)
    assert not w2.isWindowModified() and w2.windowTitle() == "study[*] — Stance Atlas"
    assert not w2.state.session.undo.stack.canUndo()
    edited = w2.state.analysis.statements.query("stance == 'hardened'")
    assert len(edited) == 1 and edited.iloc[0]["polarity"] == -0.9
    assert w2.matrix_model.mode == "net" and w2.filter_bar.mode.currentData() == "net"     # view settings


def test_the_excel_export_carries_the_review(review, qtbot, tmp_path):
    w = review
    do_some_review(w, qtbot)
    path = tmp_path / "m.xlsx"
    with qtbot.waitSignal(w.exporter.sig_exported, timeout=60000):
        w.exporter.export("matrix", str(path))
    sheet = pd.read_excel(path, sheet_name="Statements")
    assert len(sheet) == len(w.state.analysis.statements)             # the rejected statement is left out
    hardened = sheet[sheet["stance"] == "hardened"]
    assert len(hardened) == 1 and bool(hardened.iloc[0]["edited"])
    assert hardened.iloc[0]["provenance"].startswith("analyst ") and hardened.iloc[0]["polarity"] == -0.9


def test_save_shortcut_and_save_to_the_same_file(review, qtbot, monkeypatch, tmp_path):
    w = review
    path = tmp_path / "s.stanceatlas"
    save_as(w, qtbot, monkeypatch, path)
    assert w.menu_actions["save"].shortcut().toString() == "Ctrl+S"
    assert w.menu_actions["save_as"].shortcut().toString() == "Ctrl+Shift+S"
    assert w.menu_actions["open_project"].shortcut().toString() not in ("Ctrl+O", "Ctrl+Shift+O")
    do_some_review(w, qtbot)
    with qtbot.waitSignal(w.projects.sig_saved, timeout=30000):
        w.menu_actions["save"].trigger()
    assert len(open_project(path).decisions) == 2 and not w.isWindowModified()
    # File › Open project… and File › Recent projects in a new window
    w2 = new_window(qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(w2.projects.sig_opened, timeout=30000):
        w2.menu_actions["open_project"].trigger()
    assert len(w2.state.session.ws.decisions) == 2
    w3 = new_window(qtbot)
    file_menu = w3.menuBar().actions()[0].menu()
    recent = next(a.menu() for a in file_menu.actions() if a.menu() and "projects" in a.text().replace("&", ""))
    recent.aboutToShow.emit()
    assert [a.text() for a in recent.actions()] == [str(path)]
    with qtbot.waitSignal(w3.projects.sig_opened, timeout=30000):
        recent.actions()[0].trigger()
    assert w3.windowTitle() == "s[*] — Stance Atlas" and len(w3.state.session.ws.notes) == 2


def test_a_damaged_or_newer_project_gives_a_clear_message_and_changes_nothing(review, qtbot, tmp_path, monkeypatch):
    w = review
    do_some_review(w, qtbot)
    before = (w.state.analysis, w.state.session.ws, fingerprint(w.state.session.ws), w.state.session.path)
    bad = tmp_path / "bad.stanceatlas"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    with qtbot.waitSignal(w.projects.sig_open_failed, timeout=30000) as failed:
        w.projects.open(str(bad))
    assert str(bad) in failed.args[0] and "not a Stance Atlas project" in failed.args[0]
    assert w.projects.error_box.text() == failed.args[0]
    good = tmp_path / "good.stanceatlas"
    save_as(w, qtbot, monkeypatch, good)
    con = sqlite3.connect(good)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = (w.state.analysis, w.state.session.ws, fingerprint(w.state.session.ws), w.state.session.path)
    with qtbot.waitSignal(w.projects.sig_open_failed, timeout=30000) as failed:
        w.projects.open(str(good))
    assert "newer version" in failed.args[0]
    after = (w.state.analysis, w.state.session.ws, fingerprint(w.state.session.ws), w.state.session.path)
    assert after == before


def test_a_failed_save_keeps_the_work_unsaved_and_says_why(review, qtbot, tmp_path):
    w = review
    do_some_review(w, qtbot)
    with qtbot.waitSignal(w.projects.sig_save_failed, timeout=30000) as failed:
        w.projects.write(str(tmp_path / "no-such-folder" / "x.stanceatlas"))
    assert "cannot write in" in failed.args[0]
    assert w.isWindowModified() and w.state.session.path is None


def test_opening_another_set_with_unsaved_work_asks_first(review, qtbot):
    w = review
    do_some_review(w, qtbot)
    asked = []
    w.projects.ask_save = lambda: asked.append(1) or "cancel"
    assert w.load([str(Path(__file__))]) is None            # cancelled: nothing starts
    assert w.projects.new_project() is None
    assert asked == [1, 1] and len(w.state.session.ws.decisions) == 2
    w.projects.ask_save = lambda: "discard"
    with qtbot.waitSignal(w.projects.sig_opened, timeout=30000), qtbot.waitSignal(w.state.sig_matrix_changed):
        w.projects.new_project()
    assert w.state.session.ws.decisions == [] and not w.isWindowModified()
    assert w.state.matrix.counts.empty


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(review, qtbot):
    w = review
    do_some_review(w, qtbot)
    w.projects.ask_save = lambda: "cancel"
    assert not w.close() and w.isVisible()
    w.projects.ask_save = lambda: "discard"


def test_recovery_copy_is_written_after_a_change_and_removed_on_a_clean_close(review, qtbot):
    w = review
    folder = settings.recovery_folder()
    assert w.projects.autosave_tick() is None                 # nothing changed
    do_some_review(w, qtbot)
    w.projects.clock.interval = 0.0
    with qtbot.waitSignal(w.projects.sig_recovery_written, timeout=30000) as written:
        w.projects.autosave_tick()
    copies = find_recovery(folder)
    assert [str(c.path) for c in copies] == [written.args[0]] and copies[0].decisions == 2
    assert w.close()
    assert find_recovery(folder) == []


def test_recovery_is_offered_after_a_crash(qtbot, tmp_path):
    # a previous session died with unsaved work: its recovery copy is still there
    from tests.model.review_helpers import row, workspace

    ws = workspace()
    r = row(ws, "PAK")
    ws.decisions.append(Decision(ACCEPT, "2026-11-28T12:00:00", StatementRef.from_row(r)))
    project = tmp_path / "crashed.stanceatlas"
    write_recovery(ws, settings.recovery_folder(), project)
    w = new_window(qtbot)
    offered = []
    w.projects.ask_recover = lambda copy: offered.append(copy) or "recover"
    with qtbot.waitSignal(w.projects.sig_opened, timeout=30000), qtbot.waitSignal(w.state.sig_matrix_changed):
        w.projects.offer_recovery()
    assert offered[0].original == str(project.resolve()) and offered[0].decisions == 1
    assert w.state.session.ws.decisions == ws.decisions
    assert w.state.session.path == str(project.resolve()) and w.isWindowModified()
    assert count(w, "PAK", "security") == 1
    st = w.state.analysis.statements
    assert st.loc[st["key_actor"] == "PAK", "review"].tolist()[0] == "accepted"


def test_a_discarded_recovery_copy_is_deleted(qtbot, tmp_path):
    from tests.model.review_helpers import workspace

    write_recovery(workspace(), settings.recovery_folder(), None)
    w = new_window(qtbot)
    w.projects.ask_recover = lambda copy: "discard"
    assert w.projects.offer_recovery() is None
    assert find_recovery(settings.recovery_folder()) == []


def test_a_project_file_given_as_a_document_set_opens_as_the_project(review, qtbot, monkeypatch, tmp_path):
    w = review
    do_some_review(w, qtbot)
    path = tmp_path / "dropped.stanceatlas"
    save_as(w, qtbot, monkeypatch, path)
    w2 = new_window(qtbot)
    with qtbot.waitSignal(w2.sig_loaded, timeout=30000):
        w2.load([str(SEEDS)])
    with qtbot.waitSignal(w2.projects.sig_opened, timeout=30000):
        w2.loader.drop([str(path)])                       # dropped on a window with a set open
    assert w2.state.session.path == str(path) and len(w2.state.session.ws.decisions) == 2


def test_answering_save_writes_the_project_before_going_on(review, qtbot, monkeypatch, tmp_path):
    w = review
    path = tmp_path / "kept.stanceatlas"
    save_as(w, qtbot, monkeypatch, path)
    do_some_review(w, qtbot)
    w.projects.ask_save = lambda: "save"
    with qtbot.waitSignal(w.projects.sig_opened, timeout=30000):
        w.projects.new_project()
    assert len(open_project(path).decisions) == 2 and len(open_project(path).notes) == 2
    assert w.state.session.path is None and w.state.session.ws.decisions == []


# --- closing with Save, and names that cannot be encoded (issue 16) ----------------------------

UNENCODABLE = os.fsdecode(b"caf\xe9")            # 'caf\udce9': a Latin-1 byte in a UTF-8 file system


def test_closing_with_save_when_the_save_fails_keeps_the_window_open_and_says_why(review, qtbot, monkeypatch, tmp_path):
    w = review
    do_some_review(w, qtbot)
    folder = tmp_path / "projects"
    folder.mkdir()
    (folder / "a-file").write_text("not a folder")
    target = folder / "a-file" / "study"                         # what the Save As dialog returns
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.projects.ask_save = lambda: "save"
    with qtbot.waitSignal(w.projects.sig_save_failed) as failed:
        assert not w.close()
    assert w.isVisible() and w.isWindowModified() and len(w.state.session.ws.decisions) == 2
    assert "cannot save" in failed.args[0] and "Not a directory" in failed.args[0]
    assert w.projects.error_box.text() == failed.args[0] and w.projects.error_box.isVisible()
    assert sorted(p.name for p in folder.iterdir()) == ["a-file"]     # nothing written anywhere
    w.projects.ask_save = lambda: "discard"


def test_a_project_whose_name_cannot_be_encoded_is_saved_autosaved_closed_and_reopened(review, qtbot, monkeypatch,
                                                                                       tmp_path):
    w = review
    do_some_review(w, qtbot)
    folder = tmp_path / "projects"
    folder.mkdir()
    path = folder / (UNENCODABLE + ".stanceatlas")
    with qtbot.waitSignal(w.projects.sig_saved, timeout=30000) as saved:
        w.projects.write(str(path))
    assert saved.args == [str(path)] and os.listdir(folder) == [path.name]     # the very bytes asked for
    assert w.windowTitle() == "caf\ufffd[*] — Stance Atlas" and not w.isWindowModified()
    assert settings.recent_projects() == [str(path)]
    with qtbot.waitSignal(w.state.sig_matrix_changed):
        w.state.session.actions.note_cell("RUS", "security", "a third note")
    w.projects.clock.interval = 0.0
    with qtbot.waitSignal(w.projects.sig_recovery_written, timeout=30000):
        w.projects.autosave_tick()
    (copy,) = find_recovery(settings.recovery_folder())
    assert copy.original == str(path) and copy.problem is None
    w.projects.ask_save = lambda: "save"
    assert w.close() and not w.isVisible()
    assert len(open_project(path).notes) == 3 and find_recovery(settings.recovery_folder()) == []
    w2 = new_window(qtbot)
    with qtbot.waitSignal(w2.projects.sig_opened, timeout=30000) as opened:
        w2.load([str(path)])                                        # as given on the command line
    assert opened.args == [str(path)] and w2.state.session.path == str(path)
    assert len(w2.state.session.ws.notes) == 3 and len(w2.state.session.ws.decisions) == 2


def test_work_on_a_project_whose_name_cannot_be_encoded_is_recovered_after_a_crash(qtbot, tmp_path):
    from tests.model.review_helpers import workspace

    path = tmp_path / (UNENCODABLE + ".stanceatlas")
    save_project(path, workspace())
    ws = workspace()
    ws.notes.append(Note("unsaved note", "2026-11-28T12:00:00", None, CellRef("PAK", "security", "topic")))
    write_recovery(ws, settings.recovery_folder(), path)              # the session that wrote it died
    w = new_window(qtbot)
    w.projects.ask_recover = lambda copy: "recover"
    with qtbot.waitSignal(w.projects.sig_opened, timeout=30000):
        w.projects.offer_recovery()
    assert w.state.session.path == str(path) and w.isWindowModified()
    assert [n.text for n in w.state.session.ws.notes] == ["unsaved note"]
    with qtbot.waitSignal(w.projects.sig_saved, timeout=30000):
        w.projects.save()
    assert [n.text for n in open_project(path).notes] == ["unsaved note"]
    assert find_recovery(settings.recovery_folder()) == []
