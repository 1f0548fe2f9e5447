"""Writing results: statements (JSONL/CSV) and the matrix (XLSX/CSV/JSON).

Every writer goes through :func:`atomic_write`: the file is written beside
the target under a temporary name and moved into place only when complete,
so a failed export never leaves a half-written file.  Text from documents is
made safe for spreadsheets by :mod:`model.export.safety`.
"""

from model.export.atomic import ExportError, atomic_write
from model.export.comparison import comparison_frame
from model.export.tables import write_matrix, write_statements
from model.export.xlsx import write_workbook

__all__ = [
    "ExportError",
    "atomic_write",
    "comparison_frame",
    "write_matrix",
    "write_statements",
    "write_workbook",
]
