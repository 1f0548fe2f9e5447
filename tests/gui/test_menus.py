"""The menu table (tests :mod:`gui.menus`): every menu built from it, every shortcut kept and none used twice."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction

from gui.menus import MENUS, Act, Provided

#: the shortcuts the app has always had (users know them; tests and the manual name them); Quit is the
#: platform's standard key (none on some platforms), so it is not listed
SHORTCUTS = {
    "new_project": "Ctrl+N", "open_project": "Ctrl+Alt+O", "save": "Ctrl+S", "save_as": "Ctrl+Shift+S",
    "open": "Ctrl+O", "open_folder": "Ctrl+Shift+O", "export_xlsx": "Ctrl+E",
    "undo": "Ctrl+Z", "redo": "Ctrl+Shift+Z", "accept": "A", "reject": "R", "edit": "E", "note": "N",
    "add_statement": "Ctrl+Shift+A", "decisions": "Ctrl+Shift+D",
    "find": "Ctrl+F", "compare": "Ctrl+K", "clear": "Ctrl+Shift+L", "reset_layout": "Ctrl+Shift+R", "quick": "F1",
}


def test_no_two_actions_of_the_window_share_a_shortcut(window):
    keys = [seq.toString() for a in window.findChildren(QAction) for seq in a.shortcuts() if not seq.isEmpty()]
    assert len(keys) >= len(SHORTCUTS)
    assert [k for k, n in Counter(keys).items() if n > 1] == []


def test_every_shortcut_is_kept(window):
    got = {name: window.menu_actions[name].shortcut().toString() for name in SHORTCUTS}
    assert got == SHORTCUTS
    assert [s.toString() for s in window.menu_actions["redo"].shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_the_menu_bar_is_the_table(window):
    menus = [a.menu() for a in window.menuBar().actions()]
    assert [m.title() for m in menus] == list(MENUS) == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    for menu, rows in zip(menus, MENUS.values(), strict=True):
        ids = [i for r in rows for i in (r.ids if isinstance(r, Provided) else (r.id,) if isinstance(r, Act) else ())]
        shown = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
        by_id = {id(window.menu_actions[i]): i for i in ids}
        assert [by_id[id(a)] for a in shown if id(a) in by_id] == ids
    file_menu = menus[0]
    assert [a.menu().objectName() for a in file_menu.actions() if a.menu()] == ["recent_sets", "recent_projects"]


def test_review_rows_live_on_the_cards_and_the_reader(window):
    view_actions = window.evidence.view.actions()
    texts = [a.text() if not a.isSeparator() else "—" for a in view_actions]
    assert texts == ["Accept statement", "Reject statement", "Edit statement…", "Note on statement…", "—",
                     "Accept all statements of this sentence", "Reject all statements of this sentence",
                     "Accept all statements of this document", "Reject all statements of this document"]
    assert window.menu_actions["add_statement"] in window.reader.actions()
    assert window.menu_actions["accept"] in view_actions
