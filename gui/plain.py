"""Text from documents and projects on screen: always shown as text, never read as markup.

Qt reads a string as rich text when it merely looks like HTML (``Qt::mightBeRichText``): a
document title ``<img src="/dev/zero">`` in a label makes Qt load ``/dev/zero`` as an image,
``<a href=…>`` becomes a clickable link, ``<h1>`` a fake heading.  Titles, ids, sentences,
actor words, labels, notes, file paths and error reasons all come from files the user did not
write, so every widget here shows them through one of these helpers:

- :func:`plain_label` / :func:`message_box`: widgets set to ``Qt.PlainText``;
- :func:`escaped`: for rich text the app builds itself (cards, headings, chart titles);
- :func:`tooltip`: a tooltip that shows its text literally (Qt guesses a tooltip's format too);
- :func:`menu_text`: a menu entry whose ``&`` is not a shortcut marker;
- :class:`InertDocument`: a text document that never loads an image or other resource.

Every helper also passes the text through :func:`model.errorlog.safe_text`, so a lone
surrogate (from a file name in another encoding) is shown as U+FFFD instead of being dropped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from model.errorlog import safe_text

PLAIN = Qt.TextFormat.PlainText


def escaped(value: object) -> str:
    """``value`` as HTML text: markup characters escaped, lone surrogates replaced."""
    return html.escape(safe_text(value), quote=True)


def plain_label(text: object = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` literally (never as rich text, never a link)."""
    label = QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setOpenExternalLinks(False)
    label.setText(safe_text(text))
    return label


def tooltip(text: object) -> str:
    """A tooltip string that Qt shows literally, whatever ``text`` holds ("" stays no tooltip)."""
    s = safe_text(text)
    if not s:
        return ""
    # Qt decides a tooltip's format by looking at it: escaped text inside <qt> is always rich text
    # that reads as exactly ``s`` (line breaks kept)
    return "<qt>" + html.escape(s, quote=True).replace("\n", "<br>") + "</qt>"


def menu_text(value: object) -> str:
    """A menu entry showing ``value`` literally (a single ``&`` would mark a shortcut key)."""
    return safe_text(value).replace("&", "&&")


def message_box(icon: QMessageBox.Icon, title: str, text: object, parent: QWidget | None = None,
                info: object = "", detail: object = "") -> QMessageBox:
    """A message box whose text, informative and detailed text are all plain text.

    Use it for every box that carries a document's or a project's data (names, ids, paths, reasons).
    """
    box = QMessageBox(icon, safe_text(title), safe_text(text), parent=parent)
    if info:
        box.setInformativeText(safe_text(info))
    if detail:
        box.setDetailedText(safe_text(detail))
    box.setTextFormat(PLAIN)  # after setInformativeText: it applies to both labels
    for label in box.findChildren(QLabel):
        label.setOpenExternalLinks(False)
    return box


class InertDocument(QTextDocument):
    """A text document that loads no resource: an ``<img>`` (or a style sheet) stays empty.

    The HTML the app lays out is built from escaped text, so no document text can add an
    image; this is the second fence.  ``requested`` lists what was asked for (tests check it is empty).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> None:  # noqa: N802 (Qt's name)
        self.requested.append(name.toString() if isinstance(name, QUrl) else name)
        return None
