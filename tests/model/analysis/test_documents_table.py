"""model.analysis.documents_table: one row per document and per file that failed or was skipped."""

from __future__ import annotations

from model.analysis.documents_table import documents_frame
from model.documents import Document, LoadIssue, LoadReport
from model.pipeline import Analysis
from tests.model.review.test_reviewed import BASE
from tests.model.review_helpers import machine


def test_documents_frame_lists_documents_with_counts_and_failures_with_reasons():
    docs = [Document("a", "Russia welcomed the talks. China agreed.", title="Talks", date="2026-03-01"),
            Document("b", "The weather was mild.", source="AFP", also_sources=("Reuters",))]
    issues = [LoadIssue("bad.jsonl", "line 2 is not valid JSON"), LoadIssue("big.pdf", "over 50 MB", "skipped"),
              LoadIssue("odd.html", "no text in the body", "warning")]
    frame = documents_frame(Analysis(LoadReport(documents=docs, issues=issues), machine(docs), BASE))
    assert list(frame["id"]) == ["a", "b", "bad.jsonl", "big.pdf", "odd.html"]
    assert list(frame["status"]) == ["loaded", "loaded", "failed", "skipped", "warning"]
    assert list(frame["statements"]) == [2, 0, 0, 0, 0]
    assert list(frame["title"][:2]) == ["Talks", "b"] and list(frame["source"][:2]) == ["", "AFP"]
    assert frame.iloc[1]["reason"] == "also in: Reuters" and frame.iloc[2]["reason"] == "line 2 is not valid JSON"


def test_documents_frame_of_an_empty_set_has_the_columns():
    frame = documents_frame(Analysis(LoadReport(), machine([]), BASE))
    assert len(frame) == 0 and list(frame.columns) == ["id", "status", "title", "date", "source", "statements", "reason"]
