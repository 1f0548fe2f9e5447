"""A pure undo/redo stack of commands, with a clean (saved) state."""

from __future__ import annotations

from model.review.commands import Command
from model.workspace import Workspace


class CommandStack:
    """Push runs a command; undo/redo walk the history; ``is_clean`` after save."""

    def __init__(self, ws: Workspace, limit: int = 0) -> None:
        self.ws = ws
        self.limit = limit          # 0 = unlimited
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean: int | None = 0  # len(_done) at the clean state; None = unreachable

    def push(self, cmd: Command) -> None:
        cmd.do(self.ws)
        self._done.append(cmd)
        self._undone.clear()
        if self._clean is not None and self._clean > len(self._done) - 1:
            self._clean = None       # the saved state was in the discarded redo branch
        if self.limit and len(self._done) > self.limit:
            self._done.pop(0)
            self._clean = None if self._clean in (None, 0) else self._clean - 1

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def undo(self) -> None:
        if not self._done:
            raise IndexError("nothing to undo")
        cmd = self._done.pop()
        cmd.undo(self.ws)
        self._undone.append(cmd)

    def redo(self) -> None:
        if not self._undone:
            raise IndexError("nothing to redo")
        cmd = self._undone.pop()
        cmd.do(self.ws)
        self._done.append(cmd)

    def set_clean(self) -> None:
        self._clean = len(self._done)

    def is_clean(self) -> bool:
        return self._clean == len(self._done)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean = 0

    @property
    def history(self) -> list[str]:
        return [c.text for c in self._done]
