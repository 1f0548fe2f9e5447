"""The documents table: every loaded document and every file that failed or was skipped, with its status."""

from __future__ import annotations

import pandas as pd

from model.pipeline import Analysis


def documents_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per document (status "loaded") and per load issue (status "failed" or "skipped")."""
    counts: dict[str, int] = {}
    if len(analysis.statements):
        # counted on the column itself (a lean frame's categories): an array of 10 million ids as str took 800 MB
        per = analysis.statements["document"].value_counts(sort=False, dropna=True)
        counts = {str(k): int(v) for k, v in zip(per.index.tolist(), per.to_numpy().tolist(), strict=True) if v}
    docs = pd.DataFrame({
        "id": [d.id for d in analysis.documents],
        "status": "loaded",
        "title": [d.title or d.id for d in analysis.documents],
        "date": [d.date or "" for d in analysis.documents],
        "source": [d.source or "" for d in analysis.documents],
        "statements": [counts.get(d.id, 0) for d in analysis.documents],
        "reason": [f"also in: {', '.join(d.also_sources)}" if d.also_sources else "" for d in analysis.documents],
    })
    issues = pd.DataFrame({
        "id": [i.path for i in analysis.report.issues],
        "status": [{"error": "failed", "warning": "warning"}.get(i.kind, "skipped") for i in analysis.report.issues],
        "title": [i.path for i in analysis.report.issues],
        "date": "", "source": "", "statements": 0,
        "reason": [i.reason for i in analysis.report.issues],
    })
    return pd.concat([f for f in (docs, issues) if len(f)] or [docs], ignore_index=True)
