"""Reading documents from files and folders.

``load_paths`` walks files and folders, dispatches each file to the reader for
its format (text, HTML, PDF, DOCX, collections), de-duplicates identical texts,
and returns a :class:`~model.documents.LoadReport`.  A broken or hostile file
becomes a :class:`~model.documents.LoadIssue`; it never stops the others.
"""

from __future__ import annotations

from model.readers.dispatch import FileRead, ReadOptions, read_file, supported_suffixes
from model.readers.loader import iter_files, load_paths

__all__ = ["FileRead", "ReadOptions", "iter_files", "load_paths", "read_file", "supported_suffixes"]
