"""Every menu, action, shortcut and tooltip of the main window, in one table (:data:`MENUS`).

A row's slot is a one-line function of the window (``lambda w: w.loader.open_files()``),
looked up when the action fires, so the table reads as data and is built once,
after the window has made its controllers.  Rows with a ``widget`` live on that
widget (the evidence cards, the reader) and their shortcut works only there, as
``context`` says; they appear in the widget's context menu and in the menu bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from gui import settings
from gui.dialogs import QuickStartDialog, show_about
from gui.plain import menu_text, tooltip

SK = QKeySequence.StandardKey
SC = Qt.ShortcutContext
Shortcut = QKeySequence.StandardKey | str | None


class ContextPanel(Protocol):
    """A panel that carries actions: their shortcuts work in it and its context menu lists them."""

    def add_context_action(self, action: QAction, separate: bool = False) -> None: ...


@dataclass(frozen=True)
class Act:
    """One action; ``slot`` and ``widget`` are functions of the window."""

    id: str
    text: str
    slot: Callable[[Any], object]
    shortcut: Shortcut = None
    tip: str = ""
    widget: Callable[[Any], ContextPanel] | None = None   # the panel the action lives on (None: the window)
    context: SC = SC.WindowShortcut


@dataclass(frozen=True)
class Provided:
    """Actions something else makes (the undo stack's Undo and Redo): ``factory`` of the window makes them."""

    ids: tuple[str, ...]
    factory: Callable[[Any], Sequence[QAction]]


@dataclass(frozen=True)
class Submenu:
    """A submenu filled each time it opens (recent sets, recent projects)."""

    id: str
    title: str
    fill: Callable[[Any, QMenu], None]


class Separator:
    pass


@dataclass(frozen=True)
class Docks:
    """The show/hide toggles of the window's docks (``of`` the window lists them)."""

    of: Callable[[Any], Iterable[QDockWidget]]


SEP = Separator()
Row = Act | Provided | Submenu | Separator | Docks


def _fill_recent_sets(window: Any, menu: QMenu) -> None:
    menu.clear()
    sets = settings.recent_sets()
    if not sets:
        menu.addAction("(none yet)").setEnabled(False)
    for paths in sets:
        label = paths[0] if len(paths) == 1 else f"{paths[0]} (+{len(paths) - 1})"
        a = menu.addAction(menu_text(label))
        a.setToolTip(tooltip("\n".join(paths)))
        a.triggered.connect(lambda _c=False, p=paths: window.load(p))


def _fill_recent_projects(window: Any, menu: QMenu) -> None:
    menu.clear()
    paths = settings.recent_projects()
    if not paths:
        menu.addAction("(none yet)").setEnabled(False)
    for path in paths:
        a = menu.addAction(menu_text(path))
        a.triggered.connect(lambda _c=False, p=path: window.projects.open(p))


def _cards(w: Any) -> ContextPanel:
    return w.evidence


def _card(id_: str, text: str, key: str) -> Act:
    """Review of the current evidence card (its key works while the cards have the focus)."""
    return Act(id_, text, lambda w: w.review.on_current_card(id_), key, widget=_cards, context=SC.WidgetShortcut)


def _bulk(kind: str, scope: str) -> Act:
    return Act(f"{kind}_{scope}", f"{kind.capitalize()} all statements of this {scope}",
               lambda w: w.review.decide_all_current(kind, scope), widget=_cards, context=SC.WidgetShortcut)


def _export(id_: str, text: str, what: str, suffix: str, shortcut: Shortcut = None, tip: str = "") -> Act:
    return Act(id_, text, lambda w: w.exporter.ask(what, suffix), shortcut, tip)


MENUS: dict[str, list[Row]] = {
    "&File": [
        Act("new_project", "&New project", lambda w: w.projects.new_project(), SK.New, "Start an empty project (Ctrl+N)"),
        Act("open_project", "Open &project…", lambda w: w.projects.ask_open(), "Ctrl+Alt+O",
            "Open a saved project (.stanceatlas) with its review (Ctrl+Alt+O)"),
        Act("save", "&Save project", lambda w: w.projects.save(), SK.Save,
            "Save documents, statements, decisions and notes (Ctrl+S)"),
        Act("save_as", "Save project &as…", lambda w: w.projects.save_as(), "Ctrl+Shift+S", "Save the project to a new file"),
        SEP,
        Act("open", "&Open files…", lambda w: w.loader.open_files(), SK.Open, "Open documents as a new set (Ctrl+O)"),
        Act("open_folder", "Open &folder…", lambda w: w.loader.open_folder(), "Ctrl+Shift+O", "Open every document in a folder"),
        Act("open_dataset", "Open &statements dataset…", lambda w: w.loader.open_dataset(), None,
            "Open the Parquet statements of `extract --engine dask` (no review yet)"),
        Act("add", "&Add documents to set…", lambda w: w.loader.add_files(), None, "Add documents to the open set"),
        Submenu("recent_sets", "&Recent sets", _fill_recent_sets),
        Submenu("recent_projects", "Recent pro&jects", _fill_recent_projects),
        SEP,
        _export("export_xlsx", "&Export to Excel…", "matrix", ".xlsx", "Ctrl+E",
                "The matrix, as filtered, with its evidence (Ctrl+E)"),
        _export("export_csv", "Export matrix to CSV…", "matrix", ".csv"),
        _export("export_json", "Export matrix to JSON…", "matrix", ".json"),
        _export("export_cmp", "Export &comparison to Excel…", "comparison", ".xlsx", None,
                "The countries being compared, as filtered"),
        _export("export_st", "Export statements (JSON lines)…", "statements", ".jsonl"),
        _export("export_qdpx", "Export REFI-&QDA project…", "qdpx", ".qdpx", None,
                "Coded sentences, codes and notes for NVivo, MAXQDA, ATLAS.ti or QualCoder"),
        SEP,
        Act("report", "Load &report…", lambda w: w.loader.show_report(), None, "Files that failed or were skipped, and why"),
        SEP,
        Act("quit", "&Quit", lambda w: w.close(), SK.Quit, "Quit (Ctrl+Q)"),
    ],
    "&Edit": [
        Provided(("undo", "redo"), lambda w: w.state.session.undo.actions(w)),
        SEP,
        _card("accept", "Accept statement", "A"),
        _card("reject", "Reject statement", "R"),
        _card("edit", "Edit statement…", "E"),
        _card("note", "Note on statement…", "N"),
        Act("add_statement", "Add statement from selection…", lambda w: w.review.add_from_selection(), "Ctrl+Shift+A",
            "Record a statement the machine missed, on the selected sentence (Ctrl+Shift+A)",
            widget=lambda w: w.reader, context=SC.WidgetWithChildrenShortcut),
        SEP,
        _bulk("accept", "sentence"), _bulk("reject", "sentence"), _bulk("accept", "document"), _bulk("reject", "document"),
        Act("decisions", "&Decisions…", lambda w: w.decision_log.show_panel(), "Ctrl+Shift+D",
            "Every decision made, with Restore for rejected statements (Ctrl+Shift+D)"),
    ],
    "&View": [
        Act("find", "&Find in evidence", lambda w: w.focus_search(), SK.Find, "Search the evidence text (Ctrl+F)"),
        Act("compare", "&Compare countries", lambda w: w.compare_dialog(), "Ctrl+K", "2–4 countries side by side"),
        Act("clear", "C&lear filters", lambda w: w.filter_bar.clear(), "Ctrl+Shift+L"),
        Act("reset_layout", "&Reset layout", lambda w: w.reset_layout(), "Ctrl+Shift+R",
            "Evidence and matrix first, the other panels tabbed below (Ctrl+Shift+R)"),
        SEP,
        Docks(lambda w: w.docks.values()),
    ],
    "&Tools": [
        Act("add_alias", "Add &alias…", lambda w: w.review.add_alias(), None,
            "A name that stands for a country (e.g. a new minister); the documents are analysed again"),
        Act("add_cue", "Add topic &cue…", lambda w: w.review.add_topic_cue(), None,
            "A phrase that marks a topic; the documents are analysed again"),
        Act("reextract", "&Re-extract now", lambda w: w.review.reextract(), None,
            "Analyse the documents again; every decision is kept"),
        Act("unmatched", "Decisions that &no longer match…", lambda w: w.review.show_unmatched()),
    ],
    "&Help": [
        Act("quick", "&Quick start", lambda w: QuickStartDialog(w).exec(), SK.HelpContents),
        Act("about", "&About Stance Atlas", show_about),
    ],
}


def _make(window: QMainWindow, row: Act, owner: QObject) -> QAction:
    a = QAction(row.text, owner)
    if row.shortcut is not None:
        a.setShortcut(QKeySequence(row.shortcut))
        a.setShortcutContext(row.context)
    if row.tip:
        a.setToolTip(row.tip)
        a.setStatusTip(row.tip)
    a.triggered.connect(lambda _checked=False: row.slot(window))
    return a


def _fill(window: QMainWindow, menu: QMenu, rows: Sequence[Row], acts: dict[str, QAction]) -> None:
    on_panels: list[ContextPanel] = []     # panels given actions since the last separator
    need_sep: list[ContextPanel] = []      # their next action starts a new group
    for row in rows:
        if isinstance(row, Separator):
            menu.addSeparator()
            need_sep += on_panels
            on_panels = []
        elif isinstance(row, Act):
            panel = row.widget(window) if row.widget else None
            acts[row.id] = action = _make(window, row, panel if isinstance(panel, QObject) else window)
            if panel is not None:   # its context menu is grouped as the menu is
                panel.add_context_action(action, separate=any(p is panel for p in need_sep))
                need_sep = [p for p in need_sep if p is not panel]
                if not any(p is panel for p in on_panels):
                    on_panels.append(panel)
            menu.addAction(action)
        elif isinstance(row, Provided):
            for id_, action in zip(row.ids, row.factory(window), strict=True):
                acts[id_] = action
                menu.addAction(action)
        elif isinstance(row, Submenu):
            sub = menu.addMenu(row.title)
            sub.setObjectName(row.id)
            sub.aboutToShow.connect(lambda s=sub, fill=row.fill: fill(window, s))
        else:
            for dock in row.of(window):
                menu.addAction(dock.toggleViewAction())


def build_menus(window: QMainWindow, table: dict[str, list[Row]] = MENUS) -> dict[str, QAction]:
    """The menu bar from ``table`` (once, after the window made its controllers): the actions by id."""
    acts: dict[str, QAction] = {}
    for title, rows in table.items():
        _fill(window, window.menuBar().addMenu(title), rows, acts)
    return acts
