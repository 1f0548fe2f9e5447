"""The reviewed statements: the machine's statements with every analyst decision laid over them.

What the matrix, evidence, profile, comparison and every export show is
:func:`reviewed_analysis` of a :class:`Source` (plain data in, plain data
out, safe in a worker), never the machine statements themselves.
:func:`review_workspace` does the same for a whole project (the CLI's
``export PROJECT.stanceatlas``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from model.documents import Document, LoadReport
from model.pipeline import Analysis
from model.resource_edits import merge_resources
from model.resources import Resources, Topic
from model.review.decisions import RENAME, REVIEW_COLUMNS, Decision, UnmatchedDecision, apply_decisions
from model.review.workspace import Workspace
from model.texts import StatementTexts


@dataclass(frozen=True)
class Source:
    """What building the reviewed statements needs (a snapshot, safe off the UI thread)."""

    report: LoadReport
    statements: pd.DataFrame
    decisions: tuple[Decision, ...]
    documents: tuple[Document, ...]
    resources: Resources   # the shipped resources with the analyst's edits laid over
    revision: int
    texts: StatementTexts | None = None   # the texts of a lean dataset's statements (see model.texts)


def workspace_source(ws: Workspace, base: Resources, report: LoadReport | None = None) -> Source:
    """The :class:`Source` of a workspace: its statements and decisions, ``base`` with its resource edits."""
    report = report or LoadReport(documents=list(ws.documents), files_seen=len(ws.documents))
    return Source(report, ws.statements, tuple(ws.decisions), tuple(ws.documents),
                  merge_resources(base, ws.resource_edits), ws.revision)


def renamed_topics(topics: tuple[Topic, ...], decisions: tuple[Decision, ...]) -> tuple[Topic, ...]:
    """Topics with the analyst's renames and merges applied, in taxonomy order (a merge keeps one column)."""
    out = list(topics)
    for d in decisions:
        if d.kind != RENAME or d.values["field"] != "topic":
            continue
        old, new = d.values["old"], d.values["new"]
        at = next((i for i, t in enumerate(out) if t.key == old), None)
        if at is None:
            continue
        if any(t.key == new for t in out):
            del out[at]                      # merged into an existing topic
        else:
            out[at] = replace(out[at], key=new, name=new)
    return tuple(out) if out != list(topics) else topics


def reviewed_analysis(src: Source) -> tuple[Analysis, list[UnmatchedDecision]]:
    """The analysis the views show: statements with every decision applied, topics renamed."""
    statements, unmatched = apply_decisions(src.statements, src.decisions, src.documents)
    topics = renamed_topics(src.resources.topics, src.decisions)
    resources = src.resources if topics is src.resources.topics else replace(src.resources, topics=topics)
    return Analysis(src.report, statements, resources, src.texts), unmatched


def review_workspace(ws: Workspace, base: Resources) -> tuple[Analysis, list[UnmatchedDecision]]:
    """A project's reviewed analysis: rejected statements left out, edits and renames applied."""
    return reviewed_analysis(workspace_source(ws, base))


def as_reviewed(machine: Analysis) -> Analysis:
    """A fresh machine analysis as the views show it (no decisions yet; adds the review columns)."""
    src = Source(machine.report, machine.statements, (), tuple(machine.documents), machine.resources, 0, machine.texts)
    return reviewed_analysis(src)[0]


def machine_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """A statements frame without the columns review adds (what a workspace stores)."""
    extra = [c for c in REVIEW_COLUMNS if c in statements.columns]
    return statements.drop(columns=extra) if extra else statements
