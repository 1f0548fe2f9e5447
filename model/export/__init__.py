"""Writing results: statements (JSONL/CSV) and the matrix (XLSX/CSV/JSON).

Every writer goes through :func:`atomic_write`: the file is written beside
the target under a temporary name and moved into place only when complete,
so a failed export never leaves a half-written file.
"""

from model.export.atomic import ExportError, atomic_write
from model.export.tables import write_matrix, write_statements

__all__ = ["ExportError", "atomic_write", "write_matrix", "write_statements"]
