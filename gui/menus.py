"""Menus, shortcuts and tooltips of the main window, in one table-like place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui import settings
from gui.dialogs import QuickStartDialog, show_about
from gui.plain import menu_text, tooltip

if TYPE_CHECKING:
    from gui.main_window import MainWindow

SK = QKeySequence.StandardKey


def make_action(window: MainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    """An action with an optional shortcut and tip (shown as tooltip and in the status bar)."""
    a = QAction(text, window)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
    if tip:
        a.setToolTip(tip)
        a.setStatusTip(tip)
    a.triggered.connect(lambda _checked=False: slot())
    return a


def _action(window: MainWindow, menu: QMenu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    a = make_action(window, text, slot, shortcut, tip)
    menu.addAction(a)
    return a


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    sets = settings.recent_sets()
    if not sets:
        menu.addAction("(none yet)").setEnabled(False)
    for paths in sets:
        label = paths[0] if len(paths) == 1 else f"{paths[0]} (+{len(paths) - 1})"
        a = menu.addAction(menu_text(label))
        a.setToolTip(tooltip("\n".join(paths)))
        a.triggered.connect(lambda _c=False, p=paths: window.load(p))


def build_menus(w: MainWindow) -> dict[str, QAction]:
    mb = w.menuBar()
    ex, lo = w.exporter, w.loader
    acts: dict[str, QAction] = {}
    f = mb.addMenu("&File")
    acts["open"] = _action(w, f, "&Open files…", lo.open_files, SK.Open, "Open documents as a new set (Ctrl+O)")
    acts["open_folder"] = _action(w, f, "Open &folder…", lo.open_folder, "Ctrl+Shift+O", "Open every document in a folder")
    acts["open_dataset"] = _action(w, f, "Open &statements dataset…", lo.open_dataset, None,
                                   "Open the Parquet statements of `extract --engine dask` (no review yet)")
    acts["add"] = _action(w, f, "&Add documents to set…", lo.add_files, None, "Add documents to the open set")
    recent = f.addMenu("&Recent sets")
    recent.aboutToShow.connect(lambda: _fill_recent(w, recent))
    f.addSeparator()
    acts["export_xlsx"] = _action(w, f, "&Export to Excel…", lambda: ex.ask("matrix", ".xlsx"), "Ctrl+E",
                                  "The matrix, as filtered, with its evidence (Ctrl+E)")
    acts["export_csv"] = _action(w, f, "Export matrix to CSV…", lambda: ex.ask("matrix", ".csv"))
    acts["export_json"] = _action(w, f, "Export matrix to JSON…", lambda: ex.ask("matrix", ".json"))
    acts["export_cmp"] = _action(w, f, "Export &comparison to Excel…", lambda: ex.ask("comparison", ".xlsx"), None,
                                 "The countries being compared, as filtered")
    acts["export_st"] = _action(w, f, "Export statements (JSON lines)…", lambda: ex.ask("statements", ".jsonl"))
    acts["export_qdpx"] = _action(w, f, "Export REFI-&QDA project…", lambda: ex.ask("qdpx", ".qdpx"), None,
                                  "Coded sentences, codes and notes for NVivo, MAXQDA, ATLAS.ti or QualCoder")
    f.addSeparator()
    acts["report"] = _action(w, f, "Load &report…", lo.show_report, None, "Files that failed or were skipped, and why")
    f.addSeparator()
    acts["quit"] = _action(w, f, "&Quit", w.close, SK.Quit, "Quit (Ctrl+Q)")

    v = mb.addMenu("&View")
    acts["find"] = _action(w, v, "&Find in evidence", w.focus_search, SK.Find, "Search the evidence text (Ctrl+F)")
    acts["compare"] = _action(w, v, "&Compare countries", w.compare_dialog, "Ctrl+K", "2–4 countries side by side")
    acts["clear"] = _action(w, v, "C&lear filters", w.filter_bar.clear, "Ctrl+Shift+L")
    acts["reset_layout"] = _action(w, v, "&Reset layout", w.reset_layout, "Ctrl+Shift+R",
                                   "Evidence and matrix first, the other panels tabbed below (Ctrl+Shift+R)")
    v.addSeparator()
    for dock in w.docks.values():
        v.addAction(dock.toggleViewAction())

    h = mb.addMenu("&Help")
    acts["quick"] = _action(w, h, "&Quick start", lambda: QuickStartDialog(w).exec(), SK.HelpContents)
    acts["about"] = _action(w, h, "&About Stance Atlas", lambda: show_about(w))
    return acts
