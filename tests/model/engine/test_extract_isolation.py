"""One document the engine fails on costs that document only."""

from pathlib import Path

import pytest

import model.engine.batch
from model.documents import Document, LoadIssue
from model.engine.batch import ANALYSIS_FAILED, extract_statements
from model.pipeline import analyse
from model.readers import load_paths
from model.resources import load_resources

GOOD = "Russia said it will not take part in the inauguration ceremony of the Taliban government."


def _broken(doc_id: str) -> Document:
    return Document(id=doc_id, text="The engine fails on this one. " + GOOD)


@pytest.fixture(autouse=True)
def failing_engine(monkeypatch):
    """An engine with a bug that shows on one document only."""
    real = model.engine.batch.analyse_document

    def analyse(engine, doc):  # type: ignore[no-untyped-def]
        if doc.id == "bad-doc":
            raise IndexError("list index out of range")
        return real(engine, doc)

    monkeypatch.setattr(model.engine.batch, "analyse_document", analyse)


def test_a_failing_document_is_named_and_the_rest_is_extracted(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(tmp_path / "errors.log"))
    docs = [Document(id="a", text=GOOD), _broken("bad-doc"), Document(id="c", text=GOOD)]
    failures: list[LoadIssue] = []
    df = extract_statements(docs, workers=1, failures=failures)
    assert sorted(set(df["document"])) == ["a", "c"]
    assert failures == [LoadIssue("bad-doc", ANALYSIS_FAILED)]
    log = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert "bad-doc" in log and "Traceback" in log


def test_a_failing_document_in_a_worker_batch_is_named_too(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(tmp_path / "errors.log"))
    model.engine.batch._worker_init(load_resources())
    docs = [Document(id=f"d{i}", text=GOOD) for i in range(2)] + [_broken("bad-doc")]
    frame, failures = model.engine.batch._worker_batch(docs)
    assert sorted(set(frame["document"])) == ["d0", "d1"]
    assert failures == [LoadIssue("bad-doc", ANALYSIS_FAILED)]


def test_the_load_report_lists_documents_that_could_not_be_analysed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(tmp_path / "errors.log"))
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    real = load_paths

    def with_a_broken_document(paths, **kw):  # type: ignore[no-untyped-def]
        report = real(paths, **kw)
        report.documents.append(_broken("bad-doc"))
        return report

    monkeypatch.setattr("model.pipeline.load_paths", with_a_broken_document)
    analysis = analyse([tmp_path / "ok.txt"])
    assert len(analysis.statements) >= 1
    assert analysis.report.errors == [LoadIssue("bad-doc", ANALYSIS_FAILED)]


@pytest.mark.parametrize("sentence", [
    "The anti-Israel movement has been spreading these lies for years in the media, on college campuses and on social media.",
    "We thank Antigua and Barbuda for the fourth international conference on SIDS.",
    "The pro-Russia camp said nothing.",
])
def test_sentences_that_once_stopped_a_set_are_analysed(sentence: str) -> None:
    failures: list[LoadIssue] = []
    extract_statements([Document(id="x", text=sentence, speaker_country="ISR")], workers=1, failures=failures)
    assert failures == []
