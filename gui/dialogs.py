"""Small dialogs: the load report, About, and Help › Quick start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.plain import plain_label, tooltip
from model import native
from model.documents import LoadReport
from model.errorlog import safe_text

QUICK_START = """
<h2>Quick start</h2>
<ol>
<li><b>Open documents</b>: File › Open files… (Ctrl+O) or Open folder…, or drag files and folders onto the window.
Text (.txt, .md) and collections (.jsonl, .json, .csv, .tsv, one document per record) are read; files that cannot be read
are listed in File › Load report with the reason. File › Add documents… adds to the open set.</li>
<li><b>Read the matrix</b>: one row per country, one column per topic (or per issue: <i>Columns</i>).
Colour is the net stance: <span style='background:#2166ac;color:white'>&nbsp;cooperative&nbsp;</span>
<span style='background:#e0e0e0'>&nbsp;neutral or mixed&nbsp;</span>
<span style='background:#b2182b;color:white'>&nbsp;conflictual&nbsp;</span>. ⚡ marks a country taking a position for an issue and one against it (in different sentences: will attend / will not take part), not a cell of mixed statements.
<i>Show</i> switches the cell text between count, net stance and the main stance; <i>Sort</i> orders the countries.</li>
<li><b>See the evidence</b>: click a cell (or move with the arrow keys). The sentences appear as cards with the actor
(yellow) and the stance words (blue) marked. Double-click a card to read the document at that sentence.</li>
<li><b>Profile</b>: click a country's name for its positions across topics.</li>
<li><b>Compare</b>: View › Compare countries (Ctrl+K): pick 2–4 countries to see their stances side by side,
topic by topic, with agreement ✔ and disagreement ✘ marked.</li>
<li><b>Filter</b>: topic, dates, minimum confidence, hedged claims, and a search over the evidence (Ctrl+F).
Select documents in the list and tick <i>Matrix from selected documents only</i>.</li>
<li><b>Review</b>: on each card, ✓ Accept (A), ✗ Reject (R), Edit… (E) or Note… (N); right-click a card to accept or
reject every statement of its sentence or document, or a matrix cell for all of the cell. Each change is one step of
Edit › Undo (Ctrl+Z). Edit › Decisions… (Ctrl+Shift+D) lists every decision with its time; tick <i>Rejected only</i>
and press Restore to bring a statement back. A card says whose words it is: <i>in Belgium's speech</i>,
<i>reported by TASS</i>; the <i>own speech only</i> filter keeps what each country says in its own speech.</li>
<li><b>Projects</b>: File › Save project (Ctrl+S) keeps the documents, statements, decisions and notes in one
.stanceatlas file; File › Open project… (Ctrl+Alt+O) brings it all back, every decision included.</li>
<li><b>Layout</b>: drag the panels where you like; View › Reset layout (Ctrl+Shift+R) puts the evidence and the
matrix first again.</li>
<li><b>Export</b>: File › Export to Excel… (Ctrl+E), CSV or JSON — the matrix as filtered, or the current comparison.
Each chart exports to PNG or SVG from its buttons.</li>
</ol>
"""

ABOUT = """<h3>Stance Atlas</h3>
<p>An offline workbench that turns news documents into a country × topic matrix of reported stances,
every cell backed by its sentences.</p>
<p>Nothing leaves this computer: documents are read and analysed locally.</p>
<p>Built with Python, PySide6 (Qt), pandas and pyqtgraph. Country names: pycountry (ISO 3166).</p>"""


#: what the load report calls each kind of load issue
_STATUS = {"error": "failed", "skipped": "skipped", "warning": "read with a warning"}

class LoadReportDialog(QDialog):
    """Files that failed (and were skipped) with their reasons."""

    def __init__(self, report: LoadReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Load report")
        self.resize(720, 360)
        n_err, n_skip = len(report.errors), len(report.skipped)
        head = f"{len(report.documents)} document(s) loaded from {report.files_seen} file(s)"
        head += f"; {n_err} failed; {n_skip} skipped." if report.issues else "; every file was read."
        if report.cancelled:
            head += " Loading was cancelled: only the files read before are in the set."
        self.summary = plain_label(head)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report.issues), 3)
        self.table.setHorizontalHeaderLabels(["Status", "File", "Reason"])
        issues = sorted(report.issues, key=lambda i: (i.kind != "error", i.path))
        for r, issue in enumerate(issues):
            for c, text in enumerate((_STATUS.get(issue.kind, "skipped"), issue.path, issue.reason)):
                item = QTableWidgetItem(safe_text(text))
                item.setToolTip(tooltip(text))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)


class QuickStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quick start")
        self.resize(640, 560)
        text = QTextBrowser()
        text.setHtml(QUICK_START)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(text, 1)
        lay.addWidget(buttons)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Stance Atlas", ABOUT + f"<p>Stance engine: {native.status()}.</p>")
