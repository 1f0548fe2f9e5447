"""Review dialogs: edit or add a statement, a note, an alias, a topic cue, rename/merge, decisions that no longer match.

Each dialog takes a ``submit`` callback that applies what was entered (it
pushes an undoable command).  When the model refuses the input
(:class:`~model.review.decisions.ReviewError`,
:class:`~model.resource_edits.ResourceEditError`) the reason is shown in the
dialog and it stays open, so nothing typed is lost.  Dialogs are opened with
``open()`` (window-modal, not blocking), so tests drive them directly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.plain import escaped, plain_label, tooltip
from model.countries import resolve_country
from model.engine.gazetteer import COUNTRY_KINDS, OTHER_KINDS
from model.errorlog import safe_text
from model.resource_edits import ResourceEditError
from model.review.decisions import ReviewError, UnmatchedDecision

Submit = Callable[[], None]


class ReviewDialog(QDialog):
    """A form with OK/Cancel; OK runs ``submit`` and closes only when the model accepts the input."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(safe_text(title))
        self.submit: Submit = lambda: None
        self.form = QFormLayout()
        self.error = plain_label()  # the model's reason can quote what was typed or read
        self.error.setStyleSheet("color:#b91c1c")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def accept(self) -> None:
        try:
            self.submit()
        except (ReviewError, ResourceEditError) as exc:
            self.error.setText(safe_text(exc))
            self.error.show()
            return
        super().accept()

    def clear_error(self) -> None:
        """Hide the model's last complaint (the analyst is correcting the input)."""
        self.error.hide()
        self.error.clear()


def _code_combo(names: Mapping[str, str], current: str | None, allow_empty: bool) -> QComboBox:
    """An editable list of ISO3 codes with country names; the code is the item data."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if allow_empty:
        box.addItem("(none)", "")
    for code, name in sorted(names.items(), key=lambda kv: kv[1]):
        box.addItem(f"{code} — {name}", code)
    at = box.findData(current or "")
    if at >= 0:
        box.setCurrentIndex(at)
    elif current:
        box.setEditText(current)
    # type any part of a name or code ("ukr", "russia") and pick from the list
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    box.setToolTip("A country name or ISO3 code: Russia, RUS, rus… (type part of a name to pick from the list)")
    return box


def combo_code(box: QComboBox) -> str:
    """The code chosen or typed: "RUS — Russia", "Russia", "RUSSIA", "rus" → "RUS"; "" for none.

    Text that names no country raises :class:`ReviewError` (it is never cut down to something that does).
    """
    text = box.currentText().strip()
    at = box.findText(text, Qt.MatchFlag.MatchFixedString)
    if at >= 0:
        return str(box.itemData(at))
    if text in ("", "(none)"):
        return ""
    code = resolve_country(text)
    if code is None:
        raise ReviewError(f"no country is called “{text}”: type a name or an ISO3 code (Russia, RUS), "
                          "or pick one from the list")
    return code


class StatementDialog(ReviewDialog):
    """Actor, target, topic, issue, stance label and polarity of one statement."""

    FIELDS = ("actor", "target", "topic", "issue", "stance", "polarity")

    def __init__(self, title: str, row: Mapping[str, Any], names: Mapping[str, str], topics: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.row = dict(row)
        sentence = plain_label(row.get("sentence") or "")
        sentence.setWordWrap(True)
        sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sentence.setMinimumHeight(sentence.heightForWidth(400))   # the whole sentence, never clipped
        self.form.addRow("Sentence:", sentence)
        self.actor = _code_combo(names, _s(row.get("actor")), allow_empty=False)
        self.target = _code_combo(names, _s(row.get("target")), allow_empty=True)
        self.topic = QComboBox()
        self.topic.setEditable(True)
        self.topic.addItems(list(topics))
        self.topic.setCurrentText(_s(row.get("topic")))
        self.issue = QLineEdit(_s(row.get("issue")))
        self.stance = QLineEdit(_s(row.get("stance")))
        self.polarity = QDoubleSpinBox()
        self.polarity.setRange(-1.0, 1.0)
        self.polarity.setSingleStep(0.1)
        self.polarity.setDecimals(2)
        self.polarity.setValue(float(row.get("polarity") or 0.0))
        self.polarity.setToolTip("−1 conflictual … 0 neutral … +1 cooperative")
        for box in (self.actor, self.target):
            box.editTextChanged.connect(self.clear_error)
        for label, w in (("Country (actor):", self.actor), ("Towards (target):", self.target), ("Topic:", self.topic),
                         ("Issue:", self.issue), ("Stance label:", self.stance), ("Polarity:", self.polarity)):
            self.form.addRow(label, w)
        self.resize(560, 0)
        self.actor.setFocus()   # typing replaces the country (the whole text is selected)
        line = self.actor.lineEdit()   # an editable box has one
        assert line is not None
        line.selectAll()

    def values(self) -> dict[str, Any]:
        return {"actor": combo_code(self.actor), "target": combo_code(self.target) or None,
                "topic": self.topic.currentText().strip(), "issue": self.issue.text().strip(),
                "stance": self.stance.text().strip(), "polarity": round(self.polarity.value(), 2)}

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the statement's."""
        out = {}
        for k, v in self.values().items():
            old = self.row.get(k)
            if k == "polarity":
                if old is None or abs(float(old) - v) > 0.005:
                    out[k] = v
            elif (_s(old) or None) != (v or None):
                out[k] = v
        return out


def _s(v: object) -> str:
    return v if isinstance(v, str) else ""


class NoteDialog(ReviewDialog):
    def __init__(self, subject: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(f"Note on {subject}", parent)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText("Why this statement or cell needs attention, sources checked, …")
        self.text.textChanged.connect(self.clear_error)
        self.form.addRow(self.text)
        self.resize(460, 240)
        # typing goes into the note, never to a button; Ctrl+Enter saves
        for button in self.buttons.buttons():
            push = cast(QPushButton, button)   # a button box's buttons are push buttons
            push.setAutoDefault(False)
            push.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def note(self) -> str:
        return self.text.toPlainText().strip()


class AliasDialog(ReviewDialog):
    """A name (e.g. a new minister) that stands for a country; re-extraction follows."""

    def __init__(self, names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__("Add alias", parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Ishaq Dar")
        self.code = _code_combo(names, None, allow_empty=False)
        self.kind = QComboBox()
        self.kind.addItems(sorted(COUNTRY_KINDS | OTHER_KINDS))
        self.kind.setCurrentText("person")
        self.form.addRow("Name:", self.name)
        self.form.addRow("Country:", self.code)
        self.form.addRow("Kind:", self.kind)
        self.form.addRow(QLabel("<small>Stored in the project, apart from the shipped gazetteer. "
                                "The documents are analysed again after adding.</small>"))


class TopicCueDialog(ReviewDialog):
    def __init__(self, topics: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__("Add topic cue", parent)
        self.topic = QComboBox()
        self.topic.setEditable(True)
        self.topic.addItems(list(topics))
        self.cue = QLineEdit()
        self.cue.setPlaceholderText("e.g. deportation flights")
        self.form.addRow("Topic (a new name makes a new topic):", self.topic)
        self.form.addRow("Cue phrase:", self.cue)
        self.form.addRow(QLabel("<small>Stored in the project, apart from the shipped topics. "
                                "The documents are analysed again after adding.</small>"))


class RenameDialog(ReviewDialog):
    """Rename a topic or issue, or merge it into another (an existing name merges)."""

    def __init__(self, field: str, old: str, others: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(f"Rename or merge {field} '{old}'", parent)
        self.field, self.old = field, old
        self.new = QComboBox()
        self.new.setEditable(True)
        self.new.addItems([o for o in others if o != old])
        self.new.setEditText(old)
        self.prompt = QLabel(f"New name for <b>{escaped(old)}</b>, or the name of another {escaped(field)} "
                             "to merge it into:")
        self.prompt.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped text only
        self.form.addRow(self.prompt)
        self.form.addRow(self.new)

    def target(self) -> str:
        return self.new.currentText().strip()


class UnmatchedDialog(QDialog):
    """Decisions and notes whose sentence or statement is no longer there, with the reason (never dropped)."""

    def __init__(self, unmatched: Sequence[UnmatchedDecision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Decisions that no longer match")
        self.resize(760, 320)
        head = QLabel(f"{len(unmatched)} analyst decision(s) no longer match the documents or the statements "
                      "extracted from them. They are kept in the project and apply again if the sentence returns.")
        head.setWordWrap(True)
        self.table = QTableWidget(len(unmatched), 5)
        self.table.setHorizontalHeaderLabels(["Decision", "Made", "Document", "Sentence", "Why it does not match"])
        for r, u in enumerate(unmatched):
            d = u.decision
            ref = d.ref
            cells = (d.kind, d.time, ref.doc_id if ref else "", ref.sentence if ref else "", u.reason)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(safe_text(text))
                item.setToolTip(tooltip(text))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
