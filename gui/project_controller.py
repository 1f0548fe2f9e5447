"""Projects from the user's side: New, Open, Save, Save As, recent projects, unsaved-changes prompts,
the window title, background recovery copies and the offer to recover after a crash.

Opening and saving run ``model.project.store`` in a worker.  A project that cannot
be opened (damaged, not a project, from a newer version) shows the
:class:`~model.project.store.ProjectError` message and changes nothing; a failed
save keeps the old file (``save_project`` replaces it atomically) and says
why.  Questions to the user go through ``ask_save`` / ``ask_recover``, which
tests replace with a fixed answer.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui import settings
from gui.filter_bar import FilterBar
from gui.host import StatusHost
from gui.matrix_model import MatrixTableModel
from gui.plain import message_box
from gui.refusals import Refusals
from gui.state import AppState
from gui.workers import Task, start
from model.errorlog import INTERNAL_ERROR, log_exception, safe_text
from model.loading import REVIEW, OpenedProject, load_project_view
from model.project.recovery import AutosaveClock, RecoveryCopy, discard_recovery, find_recovery, write_recovery
from model.project.store import SUFFIX, ProjectError, save_project
from model.review.workspace import Workspace

FILE_FILTER = f"Stance Atlas project (*{SUFFIX});;All files (*)"
#: how often the autosave clock is looked at (a copy is due 5 minutes after the oldest unwritten change)
POLL_MS = 15_000
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RECOVER, LATER = "recover", "later"


def save_or_explain(path: str, ws: Workspace) -> None:
    """:func:`save_project`; any other failure than a :class:`ProjectError` is logged and raised as one, in plain words."""
    try:
        save_project(path, ws)
    except ProjectError:
        raise
    except Exception as exc:  # a bug must cost this save only, said plainly, with the traceback in the log
        log_exception(f"saving project {path}", exc)
        raise ProjectError(f"cannot save {safe_text(path)}: {INTERNAL_ERROR}") from exc


def recover_or_explain(ws: Workspace, folder: str, path: str | None) -> str:
    """:func:`write_recovery` (the copy's path); an internal failure is logged and said in plain words."""
    try:
        return str(write_recovery(ws, folder, path))
    except ProjectError:
        raise
    except Exception as exc:
        log_exception(f"writing a recovery copy of {path or 'an unsaved project'}", exc)
        raise ProjectError(INTERNAL_ERROR) from exc


def _ask_save(parent: QWidget, name: str) -> str:
    box = message_box(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"{name} has changes that are not saved.", parent,
                      info="Save them before going on?")
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
        QMessageBox.StandardButton(answer), CANCEL)


def _ask_recover(parent: QWidget, copy: RecoveryCopy) -> str:
    what = Path(copy.original).name if copy.original else "an unsaved project"
    box = message_box(QMessageBox.Icon.Question, "Recover unsaved work",
                      f"Stance Atlas did not close cleanly. A recovery copy of {what} from {copy.saved_at} UTC "
                      f"({copy.documents} documents, {copy.decisions} decisions) was found.", parent,
                      info="Recover it? Discard deletes the copy.")
    recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return RECOVER if box.clickedButton() is recover else DISCARD if box.clickedButton() is discard else LATER


class ProjectController(QObject):
    # paths travel as Python objects: a Qt string would drop a lone surrogate (a file name's undecodable byte)
    sig_opened = Signal(object)      # the path of the project (or "" for a new/recovered workspace) now shown
    sig_open_failed = Signal(str)    # the ProjectError message
    sig_saved = Signal(object)       # the path saved to
    sig_save_failed = Signal(str)
    sig_save_refused = Signal(str)   # why the open set cannot be saved as a project (a statements dataset)
    sig_recovery_written = Signal(str)

    def __init__(self, state: AppState, host: StatusHost, refusals: Refusals, filter_bar: FilterBar,
                 matrix_model: MatrixTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host, self.refusals = state, host, refusals
        self.filter_bar, self.matrix_model = filter_bar, matrix_model   # the view settings a project keeps
        self.session = state.session
        self.ask_save: Callable[[], str] = lambda: _ask_save(host.dialog_parent(), self.name())
        self.ask_recover: Callable[[RecoveryCopy], str] = lambda copy: _ask_recover(host.dialog_parent(), copy)
        self.recovery_folder = settings.recovery_folder()
        self.clock = AutosaveClock()
        self.task: Task | None = None
        self.recovery_task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.error_box: QMessageBox | None = None
        self.timer.timeout.connect(self.autosave_tick)
        self.timer.start()
        self.session.sig_dirty_changed.connect(lambda _d: self.update_title())
        self.session.sig_path_changed.connect(lambda _p: self.update_title())
        self.session.sig_workspace_changed.connect(lambda: self.clock.changed(self.session.ws.revision, time.monotonic()))
        self.update_title()

    # --- title and questions -------------------------------------------------
    def name(self) -> str:
        """The project's name as shown (its file name without the suffix; always encodable)."""
        return safe_text(Path(self.session.path).stem) if self.session.path else "Untitled"

    def update_title(self) -> None:
        self.host.show_title(f"{self.name()}[*] — Stance Atlas", self.session.is_dirty())

    def confirm_discard(self) -> bool:
        """Before replacing or closing the workspace: True when it may go (saved, discarded or clean)."""
        if not self.session.is_dirty():
            return True
        answer = self.ask_save()
        if answer == SAVE:
            return self.save(sync=True)
        return answer == DISCARD

    def confirm_close(self) -> bool:
        """closeEvent: ask about unsaved work; a clean close removes the recovery copy.

        False (the window stays open) when the user cancels or the save they asked for failed.
        """
        if not self.confirm_discard():
            return False
        self.timer.stop()
        discard_recovery(self.recovery_folder, self.session.path)
        return True

    def close_failed(self, exc: Exception) -> None:
        """Closing raised (a bug): log it, say so plainly; the caller keeps the window open."""
        log_exception("closing the window", exc)
        self._warn(f"Not closed: {INTERNAL_ERROR}", "Cannot close", f"The window was not closed: {INTERNAL_ERROR}.",
                   "Your work is still open. Save it with File › Save project as… and close again.")

    # --- new / open ------------------------------------------------------------
    def new_project(self) -> Task | None:
        if not self.confirm_discard():
            return None
        discard_recovery(self.recovery_folder, self.session.path)
        return self._load(Workspace(), None)

    def ask_open(self) -> Task | None:
        if not self.confirm_discard():
            return None
        path, _ = QFileDialog.getOpenFileName(self.host.dialog_parent(), "Open project", settings.last_folder(), FILE_FILTER)
        return self.open(path, confirmed=True) if path else None

    def open(self, path: str, confirmed: bool = False) -> Task | None:
        """Open ``path`` in a worker; on error show why and keep the open workspace as it is."""
        if not confirmed and not self.confirm_discard():
            return None
        return self._load(str(path), str(path))

    def _load(self, what: Workspace | str, path: str | None, unsaved: bool = False) -> Task:
        state = self.state
        flt, by, base, compare = state.flt, state.by, self.session.base, state.compared()
        task = Task(lambda progress: load_project_view(what, base, flt, by, progress, compare))
        task.signals.sig_done.connect(lambda result: self._on_loaded(result, path, unsaved))
        task.signals.sig_failed.connect(self._on_open_failed)
        self.host.show_status("Opening project…" if path else "New project…")
        self.task = start(task)
        return task

    def _on_loaded(self, result: OpenedProject, path: str | None, unsaved: bool) -> None:
        ws, base, analysis, view, table, unmatched = result
        old = self.session.path
        self.state.clear_selection()
        self._restore_view(ws.view, view.by)
        self.state.set_workspace(ws, base, analysis, view, table, unmatched, path, unsaved)
        self.clock.reset(ws.revision)
        if not unsaved and old != path:
            discard_recovery(self.recovery_folder, old)  # a recovered copy stays until the project is saved
        if path:
            settings.push_recent_project(path)
            settings.set_last_folder(str(Path(path).parent))
        self.update_title()
        self.host.show_status(safe_text(f"Opened {path}") if path else "New project", 6000)
        self.sig_opened.emit(path or "")

    def _restore_view(self, saved: dict, by: str) -> None:
        """Columns (topics or issues), cell display and country order as saved in the project."""
        self.filter_bar.show_view(by, saved.get("mode"), saved.get("sort"))   # mode and sort: the matrix follows
        self.state.by = by

    def _on_open_failed(self, text: str) -> None:
        reason = safe_text(text.split("\n\n")[0])
        self._warn(f"Not opened: {reason}", "Cannot open project", reason, "Nothing was changed.")
        self.sig_open_failed.emit(reason)

    # --- save ----------------------------------------------------------------
    def save(self, sync: bool = False) -> bool:
        """File › Save: to the project's file, or ask for one. With ``sync`` the save completes before returning."""
        if self._refused():
            return False
        if self.session.path is None:
            return self.save_as(sync)
        return self.write(self.session.path, sync)

    def save_as(self, sync: bool = False) -> bool:
        if self._refused():
            return False
        start_at = self.session.path or str(Path(settings.last_folder() or Path.home()) / f"untitled{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.host.dialog_parent(), "Save project as", start_at, FILE_FILTER)
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.write(path, sync)

    def _refused(self) -> bool:
        """A set opened from a statements dataset is not saved as a project (yet): say so and return True."""
        refusal = self.refusals.refuse(REVIEW)
        if refusal is not None:
            self.sig_save_refused.emit(refusal)
        return refusal is not None

    def _snapshot(self) -> Workspace:
        ws = self.session.ws
        m = self.matrix_model
        ws.view = {"by": self.state.by, "mode": m.mode, "sort": m.sort_key}
        return ws.snapshot()

    def write(self, path: str, sync: bool = False) -> bool:
        """Save to ``path`` (atomically; a failure keeps the old file). Async returns True when started."""
        if self.task is not None and not self.task.finished:
            self.host.show_status("Still busy with the last save or open; try again in a moment", 4000)
            return False
        snapshot, point, revision = self._snapshot(), self.session.save_point(), self.session.ws.revision
        if sync:
            try:
                save_or_explain(path, snapshot)
            except ProjectError as exc:
                self._on_save_failed(str(exc))
                return False
            self._on_saved(path, point, revision)
            return True
        task = Task(lambda progress: save_or_explain(path, snapshot))
        task.signals.sig_done.connect(lambda _r: self._on_saved(path, point, revision))
        task.signals.sig_failed.connect(lambda text: self._on_save_failed(text.split("\n\n")[0]))
        self.host.show_status(safe_text(f"Saving {Path(path).name}…"))
        self.task = start(task)
        return True

    def _on_saved(self, path: str, point: tuple[int, int], revision: int) -> None:
        old = self.session.path
        self.session.saved(path, point)
        discard_recovery(self.recovery_folder, path)
        if old != path:
            discard_recovery(self.recovery_folder, old)
        self.clock.written(revision, time.monotonic())
        settings.push_recent_project(path)
        self.update_title()
        self.host.show_status(safe_text(f"Saved {path}"), 6000)
        self.sig_saved.emit(path)

    def _on_save_failed(self, reason: str) -> None:
        reason = safe_text(reason)
        self._warn(f"Not saved: {reason}", "Save failed", reason, "The project file on disk is unchanged.")
        self.sig_save_failed.emit(reason)

    def _warn(self, status: str, title: str, reason: str, info: str) -> None:
        """A status-bar line and a non-blocking warning box (kept in ``error_box`` for tests)."""
        self.host.show_status(safe_text(status), 10000)
        box = message_box(QMessageBox.Icon.Warning, title, reason, self.host.dialog_parent(), info=info)
        box.show()
        self.error_box = box

    # --- crash safety ----------------------------------------------------------
    def autosave_tick(self, now: float | None = None) -> Task | None:
        """Write a recovery copy in a worker when one is due (called by the timer)."""
        now = time.monotonic() if now is None else now
        busy = self.recovery_task is not None and not self.recovery_task.finished
        if busy or not self.clock.due(now) or not self.session.is_dirty():
            return None
        snapshot, folder, path, revision = self._snapshot(), self.recovery_folder, self.session.path, self.session.ws.revision
        task = Task(lambda progress: recover_or_explain(snapshot, folder, path))
        task.signals.sig_done.connect(lambda written: self._on_recovery_written(written, revision))
        task.signals.sig_failed.connect(lambda text: self.host.show_status(
            safe_text(f"Recovery copy not written: {text.splitlines()[0]}"), 8000))
        self.recovery_task = start(task)
        return task

    def _on_recovery_written(self, written: str, revision: int) -> None:
        self.clock.written(revision, time.monotonic())
        self.sig_recovery_written.emit(written)

    def offer_recovery(self) -> Task | None:
        """At start: offer the newest recovery copy that is newer than its project's last save."""
        for copy in find_recovery(self.recovery_folder):
            if copy.problem is not None or not _newer_than_original(copy):
                continue
            answer = self.ask_recover(copy)
            if answer == RECOVER:
                original = copy.original if copy.original and Path(copy.original).parent.is_dir() else None
                return self._load(str(copy.path), original, unsaved=True)
            if answer == DISCARD:
                copy.path.unlink(missing_ok=True)
            return None
        return None


def _newer_than_original(copy: RecoveryCopy) -> bool:
    if not copy.original or not os.path.exists(copy.original):
        return True
    return os.path.getmtime(copy.path) > os.path.getmtime(copy.original)
