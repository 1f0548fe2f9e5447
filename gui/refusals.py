"""What the window does not offer on a set opened from a statements dataset, and how it says why.

A statements dataset holds statements, not the texts of their documents (:func:`model.loading.dataset_why`):
review, projects, resource edits, re-extraction and adding documents are refused on it.  The reason runs
to several lines, more than a status bar shows at 1024 px, so it is never left to the status bar alone:

- the menu actions that would be refused are disabled, the reason as their tooltip and a short status tip;
- the first refusal of each kind on a dataset (a click on a card's greyed button, a drop of files) shows
  the reason in a message box; a repeated one (a second click, a held key) only puts the short text in
  the status bar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from gui.host import StatusHost
from gui.plain import message_box, tooltip
from gui.state import AppState
from model.loading import ADD_DOCUMENTS, REEXTRACT, RESOURCE_EDIT, REVIEW, dataset_why

#: what the status bar (and a disabled action's status tip) says of each refusal: short enough for 1024 px
SHORT = {
    REVIEW: "Review and Save project are not available on a statements dataset",
    ADD_DOCUMENTS: "Documents cannot be added to a statements dataset",
    RESOURCE_EDIT: "Aliases and topic cues cannot be added to a statements dataset",
    REEXTRACT: "A statements dataset cannot be extracted again",
}
#: the menu actions (ids of :data:`gui.menus.MENUS`) each refusal disables
ACTIONS = {
    REVIEW: ("accept", "reject", "edit", "note", "add_statement", "accept_sentence", "reject_sentence",
             "accept_document", "reject_document", "save", "save_as"),
    ADD_DOCUMENTS: ("add",),
    RESOURCE_EDIT: ("add_alias", "add_cue"),
    REEXTRACT: ("reextract",),
}
TITLE = "Not available on a statements dataset"


def grey(actions: Iterable[QAction], reason: str, short: str) -> None:
    """Disable ``actions``: the reason as their tooltip, the short text as their status tip."""
    for action in actions:
        action.setEnabled(False)
        action.setToolTip(tooltip(reason))
        action.setStatusTip(short)


class Refusals(QObject):
    """Says why something is not done on the open set; keeps the menu actions that would be refused disabled."""

    sig_refused = Signal(str, str)   # what was refused (a model.loading constant), the full reason

    def __init__(self, state: AppState, host: StatusHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host = state, host
        self.box: QMessageBox | None = None          # the last message box shown (tests read it)
        self._told: set[tuple[str, str]] = set()     # (dataset, what) already explained in a box
        self._governed: list[tuple[str, QAction, str, str]] = []   # what, action, its own tooltip and status tip
        state.sig_analysis_changed.connect(self.update_actions)

    def reason(self, what: str) -> str | None:
        """Why ``what`` cannot be done on the open set (None: it can)."""
        return self.state.refusal(what)

    def govern(self, actions: Mapping[str, QAction]) -> None:
        """Keep the actions of :data:`ACTIONS` disabled (with the reason as their tips) while they would be refused."""
        for what, ids in ACTIONS.items():
            for id_ in ids:
                action = actions[id_]
                status = action.statusTip()   # gui.menus sets both tips or neither (then Qt shows the text)
                self._governed.append((what, action, action.toolTip() if status else "", status))
                for owner in action.associatedObjects():
                    if isinstance(owner, QMenu):
                        owner.setToolTipsVisible(True)   # a disabled entry's tooltip says why
        self.update_actions()

    def update_actions(self) -> None:
        for what, action, tip, status in self._governed:
            reason = self.reason(what)
            if reason is None:
                action.setEnabled(True)
                action.setToolTip(tip)
                action.setStatusTip(status)
            else:
                grey([action], reason, SHORT[what])

    def refuse(self, what: str) -> str | None:
        """On a set opened from a statements dataset: say why ``what`` is not done (a message box the first
        time, the short text in the status bar) and return the reason; None (nothing said) when it can be done."""
        reason = self.reason(what)
        if reason is None:
            return None
        self.host.show_status(SHORT[what], 12000)
        report = self.state.analysis.report if self.state.analysis is not None else None
        key = (report.dataset if report is not None else "", what)
        if key not in self._told:
            self._told.add(key)
            why = dataset_why(report) if report is not None else None
            self.box = message_box(QMessageBox.Icon.Information, TITLE, f"Cannot {what}.", self.host.dialog_parent(),
                                   info=why or reason)
            self.box.open()
        self.sig_refused.emit(what, reason)
        return reason
