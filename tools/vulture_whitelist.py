"""Names that ``vulture`` (run by ``make lint``) reports as unused but that are used where it cannot see.

vulture reads the product code (model/, gui/, tools/, bench/, main.py), not the tests: a function only
the tests call counts as dead.  Every name here says why it is not.  Qt's virtual methods (``*Event``,
``headerData`` …) are ignored by pattern in ``[tool.vulture]`` of pyproject.toml.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# readers looked up by module and function name (model/readers/dispatch.py, READERS)
_.read_collection
_.read_docx
_.read_web_page
_.read_factiva_xml
_.read_pdf
_.read_rtf
_.read_xlsx

# attributes of library objects that the library reads
_.data_type  # openpyxl cells
_.quotePrefix
_.hyperlink
_.fitToWidth
_.fitToHeight
_.fitToPage
_.print_title_rows
_.print_title_cols  # openpyxl print setup (model/export/printing.py)
_.print_area
_.page_margins
_.gridLines
_.freeze_panes
_.row_factory  # sqlite3 connections
_.inplace  # setuptools' build_ext command (tools/build_native.py)
_.build_temp
_.parallel
_.find_spec  # importlib's meta path finder protocol (model/native.py)

# what a report or a dataset says, kept as data for callers (and checked by the tests)
_.duplicates  # LoadReport: copies folded into an earlier document
_.inputs  # DatasetInfo: the paths a dataset was extracted from

# the in-process Dask runner: the dask tests (and a GUI test) run the cluster code path with it
_.SynchronousRunner

# held references: the last box or menu shown, which the GUI tests read and which keeps it alive
_.error_box
_.context_menu
_.highlight  # ReaderPane: the highlighted sentence span
_.running  # Task: set while the job runs

# review code used only by the tests today; issue 18 moves the review pipeline into model/ and
# decides what stays (the command stack, its undo texts, note look-ups, resource-edit commands)
_.CommandStack
_.can_undo
_.can_redo
_.undo_text
_.redo_text
_.history
_.remove_alias
_.remove_topic_cue
_.notes_for_statement
_.unmatched_notes
_.topic_columns  # Workspace
_.FIELDS  # gui/dialogs_review.py StatementDialog

# what a chart says instead of empty axes (gui/charts.py): kept beside the label that shows it, for its tests
_.empty_text
