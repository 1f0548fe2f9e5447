"""The review and project entries of the menu bar: File (projects), Edit (undo/redo, review), Tools (resources).

Added to the menus :mod:`gui.menus` builds: project entries go at the top of
File, Edit sits before View, Tools before Help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui import settings
from gui.menus import make_action
from gui.plain import menu_text

if TYPE_CHECKING:
    from gui.main_window import MainWindow


_act = make_action


def _fill_recent_projects(w: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = settings.recent_projects()
    if not paths:
        menu.addAction("(none yet)").setEnabled(False)
    for path in paths:
        a = menu.addAction(menu_text(path))
        a.triggered.connect(lambda _c=False, p=path: w.projects.open(p))


def _menu_named(w: MainWindow, title: str) -> QMenu | None:
    for a in w.menuBar().actions():
        if a.menu() is not None and a.text().replace("&", "") == title:
            return a.menu()
    return None


def build_review_menus(w: MainWindow) -> dict[str, QAction]:
    pc, rc, dc = w.projects, w.review, w.decision_log
    acts: dict[str, QAction] = {}
    # File: projects first
    f = _menu_named(w, "File") or w.menuBar().addMenu("&File")
    first = f.actions()[0] if f.actions() else None
    SK = QKeySequence.StandardKey
    acts["new_project"] = _act(w, "&New project", pc.new_project, SK.New, "Start an empty project (Ctrl+N)")
    acts["open_project"] = _act(w, "Open &project…", pc.ask_open, "Ctrl+Alt+O",
                                "Open a saved project (.stanceatlas) with its review (Ctrl+Alt+O)")
    acts["save"] = _act(w, "&Save project", pc.save, SK.Save, "Save documents, statements, decisions and notes (Ctrl+S)")
    acts["save_as"] = _act(w, "Save project &as…", pc.save_as, "Ctrl+Shift+S", "Save the project to a new file")
    recent = QMenu("Recent pro&jects", w)
    recent.aboutToShow.connect(lambda: _fill_recent_projects(w, recent))
    f.insertActions(first, [acts["new_project"], acts["open_project"], acts["save"], acts["save_as"]])
    f.insertSeparator(first)
    # recent projects right after the recent document sets
    items = f.actions()
    after = next((i for i, a in enumerate(items) if a.menu() is not None), len(items) - 1)
    f.insertMenu(items[after + 1] if after + 1 < len(items) else None, recent)

    view_menu = _menu_named(w, "View")
    e = QMenu("&Edit", w)
    w.menuBar().insertMenu(view_menu.menuAction() if view_menu else None, e)
    acts["undo"], acts["redo"] = w.state.session.undo.actions(w)
    e.addActions([acts["undo"], acts["redo"]])
    e.addSeparator()
    for name in ("accept", "reject", "edit", "note"):
        e.addAction(rc.menu_actions[name])
    e.addAction(rc.menu_actions["add_statement"])
    e.addSeparator()
    for name in ("accept_sentence", "reject_sentence", "accept_document", "reject_document"):
        e.addAction(rc.menu_actions[name])
    acts["decisions"] = _act(w, "&Decisions…", dc.show_panel, "Ctrl+Shift+D",
                             "Every decision made, with Restore for rejected statements (Ctrl+Shift+D)")
    e.addAction(acts["decisions"])

    help_menu = _menu_named(w, "Help")
    t = QMenu("&Tools", w)
    w.menuBar().insertMenu(help_menu.menuAction() if help_menu else None, t)
    acts["add_alias"] = _act(w, "Add &alias…", rc.add_alias, None,
                             "A name that stands for a country (e.g. a new minister); the documents are analysed again")
    acts["add_cue"] = _act(w, "Add topic &cue…", rc.add_topic_cue, None,
                           "A phrase that marks a topic; the documents are analysed again")
    acts["reextract"] = _act(w, "&Re-extract now", rc.reextract, None, "Analyse the documents again; every decision is kept")
    acts["unmatched"] = _act(w, "Decisions that &no longer match…", rc.show_unmatched)
    t.addActions([acts["add_alias"], acts["add_cue"], acts["reextract"], acts["unmatched"]])
    return acts
