"""Analyst review: decisions, notes and undoable commands over a workspace."""

from model.review.decisions import (
    Decision,
    ReviewError,
    StatementRef,
    UnmatchedDecision,
    apply_decisions,
    locate,
)
from model.review.notes import CellRef, Note

__all__ = ["CellRef", "Decision", "Note", "ReviewError", "StatementRef", "UnmatchedDecision", "apply_decisions", "locate"]
