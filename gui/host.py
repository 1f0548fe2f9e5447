"""What a controller may ask of the window it serves: a status line, room in the status bar, a parent for dialogs.

Controllers (loading, exporting, projects, review, decisions) receive the
:class:`gui.state.AppState`, the panels they work on and a :class:`StatusHost`
— never the whole main window — so they depend on this protocol, not on
:mod:`gui.main_window` (which imports them).  ``MainWindow`` satisfies it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget


class StatusHost(Protocol):
    def show_status(self, text: str, ms: int = 0) -> None:
        """A line in the status bar (``ms`` = 0: until the next one)."""
        ...

    def add_status_widget(self, widget: QWidget) -> None:
        """A permanent widget at the right of the status bar (a progress bar, a count)."""
        ...

    def dialog_parent(self) -> QWidget:
        """The widget dialogs and message boxes open over."""
        ...

    def show_title(self, title: str, modified: bool) -> None:
        """The window title (with ``[*]`` where the unsaved mark goes) and whether there is unsaved work."""
        ...
