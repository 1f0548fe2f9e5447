"""What the window opens on: a document set, a grown set, a statements dataset or a project.

Each function is one action of the GUI (run in a worker, as Orange runs a
widget's ``run()``): it reads, extracts or opens, lays the analyst's
decisions over the statements, and builds the first view and the documents
table, so that the UI thread only shows the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from model.analysis.documents_table import documents_frame
from model.analysis.filters import StatementFilter
from model.analysis.view import View, compute_view
from model.documents import LoadReport
from model.pipeline import Analysis, add_documents, analyse
from model.progress import Progress
from model.project.store import open_project
from model.resources import Resources, load_resources
from model.review.decisions import UnmatchedDecision
from model.review.reviewed import as_reviewed, review_workspace
from model.review.workspace import Workspace

#: the analysis (reviewed, or for a grown set the machine's), its view (None: to be computed) and the documents table
Loaded = tuple[Analysis, View | None, pd.DataFrame]
#: the workspace, the shipped resources, the reviewed analysis, its view, the documents table, unmatched decisions
OpenedProject = tuple[Workspace, Resources, Analysis, View, pd.DataFrame, list[UnmatchedDecision]]


def load_set(
    paths: list[str], flt: StatementFilter, by: str, progress: Progress, resources: Resources | None = None,
    compare: Sequence[str] = (),
) -> Loaded:
    """Read and analyse ``paths``, then build what the window opens on (reviewed analysis, view, documents table).

    ``resources`` (gazetteer, topics, cues) are re-used from the open set when there is one:
    building them again would hold the interpreter for a few hundred milliseconds.  ``compare``: the countries
    being compared, compared on the new set here too.
    """
    analysis = as_reviewed(analyse(paths, resources=resources, progress=progress))
    return analysis, compute_view(analysis, flt, by, compare), documents_frame(analysis)


class DatasetUnchangeable(ValueError):
    """Documents cannot be added to (or extracted again in) a set opened from a statements dataset; the message says why."""


#: what cannot be done on a set opened from a statements dataset, as :func:`dataset_refusal` names it
ADD_DOCUMENTS = "add documents to it"
REEXTRACT = "extract its documents again"
RESOURCE_EDIT = "add aliases or topic cues to it (they take effect by extracting the documents again)"
REVIEW = "review its statements or save it as a project (not supported on a statements dataset yet)"


def dataset_why(report: LoadReport) -> str | None:
    """Why the open set cannot be changed when it was opened from a statements dataset, and what to do
    instead (None: it was not).

    A dataset holds the statements extracted once, not the texts of their documents: there is nothing to
    extract new statements from, and a grown set would mix statements read from Parquet with new ones."""
    if not report.dataset:
        return None
    name = Path(report.dataset).name or report.dataset
    return (f"The open set is the statements dataset “{name}”, which holds statements, not the texts of their "
            f"documents. Open the documents as a document set (File › Open documents… or Open folder…) to work "
            f"on them, or run `python main.py extract --engine dask` again with the new documents and open the "
            f"new dataset.")


def dataset_refusal(report: LoadReport, what: str = ADD_DOCUMENTS) -> str | None:
    """Why ``what`` cannot be done on the open set when it was opened from a statements dataset (None: it can):
    "Cannot ``what``: " and :func:`dataset_why`."""
    why = dataset_why(report)
    return None if why is None else f"Cannot {what}: {why[0].lower()}{why[1:]}"


def grow_set(analysis: Analysis, paths: list[str], flt: StatementFilter, by: str, progress: Progress) -> Loaded:
    """Add ``paths`` to the open machine analysis (only new documents are extracted); decisions are replayed later.

    Raises :class:`DatasetUnchangeable` (nothing read) when the open set came from a statements dataset."""
    refusal = dataset_refusal(analysis.report)
    if refusal is not None:
        raise DatasetUnchangeable(refusal)
    grown = add_documents(analysis, paths, progress=progress)
    return grown, None, documents_frame(grown)


def load_dataset(folder: str, flt: StatementFilter, by: str, resources: Resources | None = None,
                 compare: Sequence[str] = ()) -> Loaded:
    """A statements dataset (``extract --engine dask``) as the open set; review is not offered on it yet.

    A dataset larger than the memory budget is opened lean (:mod:`model.cluster.lean`): its analysis
    holds the light columns, already with the review columns, and reads the texts when shown."""
    from model.cluster.dataset import dataset_analysis  # noqa: PLC0415 (pyarrow only when a dataset is opened)

    analysis = dataset_analysis(folder, resources)
    if analysis.texts is None:
        analysis = as_reviewed(analysis)
    return analysis, compute_view(analysis, flt, by, compare), documents_frame(analysis)


def load_project_view(ws_or_path: Workspace | str, base: Resources | None, flt: StatementFilter, by: str,
                      progress: Progress | None = None, compare: Sequence[str] = ()) -> OpenedProject:
    """Open a project (or take a workspace) and build what the window shows of it (the project's ``by`` wins)."""
    ws = open_project(ws_or_path) if isinstance(ws_or_path, str) else ws_or_path
    base = base or load_resources()
    if ws.view.get("by") in ("topic", "issue"):
        by = ws.view["by"]
    analysis, unmatched = review_workspace(ws, base)
    return ws, base, analysis, compute_view(analysis, flt, by, compare), documents_frame(analysis), unmatched
