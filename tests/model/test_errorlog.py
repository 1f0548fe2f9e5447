from pathlib import Path

from model.errorlog import INTERNAL_ERROR, log_exception, log_path, safe_text


def test_a_logged_exception_lands_in_the_log_file_with_where(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(tmp_path / "sub" / "errors.log"))
    try:
        raise IndexError("list index out of range")
    except IndexError as exc:
        path = log_exception("analysing doc-\udce9", exc)
    assert path == log_path() == tmp_path / "sub" / "errors.log"
    text = path.read_text(encoding="utf-8")
    assert "analysing doc-\ufffd" in text and "IndexError: list index out of range" in text
    assert "internal error" in INTERNAL_ERROR


def test_an_unwritable_log_never_raises(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(blocker / "errors.log"))  # parent is a file
    log_exception("x", ValueError("y"))


def test_safe_text_replaces_lone_surrogates() -> None:
    assert safe_text("caf\udce9") == "caf\ufffd"
    safe_text("caf\udce9").encode("utf-8")
