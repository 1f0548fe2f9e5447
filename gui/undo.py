"""Qt undo/redo over the pure ``model.review`` commands.

:class:`ModelCommand` adapts a model command (``text``, ``do``, ``undo``) to
a ``QUndoCommand``; :class:`WorkspaceUndo` owns the ``QUndoStack`` of one
workspace, gives the Edit menu its Undo/Redo actions (their text says what
will be undone, e.g. "Undo Reject RUS × diplomacy statement") and tells views
when the workspace changed and when it became clean or dirty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from model.review.commands import Command
from model.review.workspace import Workspace


class ModelCommand(QUndoCommand):
    """A model command on the Qt undo stack; ``changed`` runs after each do/undo."""

    def __init__(self, command: Command, ws: Workspace, changed: Callable[[], None]) -> None:
        super().__init__(command.text)
        self.command = command
        self.ws = ws
        self.changed = changed

    def redo(self) -> None:
        self.command.do(self.ws)
        self.changed()

    def undo(self) -> None:
        self.command.undo(self.ws)
        self.changed()


class WorkspaceUndo(QObject):
    """The undo stack of the open workspace."""

    sig_workspace_changed = Signal()     # after every push, undo and redo
    sig_clean_changed = Signal(bool)     # True when the workspace equals the saved project

    def __init__(self, ws: Workspace | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws or Workspace()
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self.sig_clean_changed)

    def push(self, command: Command) -> None:
        """Run ``command`` and put it on the stack (model errors propagate before anything changes)."""
        self.stack.push(ModelCommand(command, self.ws, self.sig_workspace_changed.emit))

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def set_workspace(self, ws: Workspace) -> None:
        """A new or opened project: empty history, clean."""
        self.ws = ws
        self.stack.clear()
        self.stack.setClean()
        self.sig_workspace_changed.emit()

    def set_clean(self) -> None:
        """Call after a successful save."""
        self.stack.setClean()

    def is_clean(self) -> bool:
        return self.stack.isClean()

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, also Ctrl+Y) actions for the Edit menu."""
        undo = self.stack.createUndoAction(parent, "Undo")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.stack.createRedoAction(parent, "Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        return undo, redo
