"""tools/build_native.py: a failed build fails under --strict, never hides Ctrl-C, and cleans up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import build_native  # noqa: E402


@pytest.fixture
def stale(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A build that is due (nothing is compiled or removed for real); returns the calls made."""
    calls: list[str] = []
    monkeypatch.setattr(build_native.native, "manifest_matches", lambda: False)
    monkeypatch.setattr(build_native, "_remove_builds", lambda: calls.append("remove"))
    monkeypatch.setattr(build_native.native, "write_manifest", lambda: calls.append("manifest"))
    monkeypatch.setattr(build_native.shutil, "which", lambda _name: "/usr/bin/cc")
    return calls


def _build_raising(exc: BaseException):
    def build() -> None:
        raise exc
    return build


@pytest.mark.parametrize("exc", [SystemExit("model/engine/extract.py:1: error: bad type"), RuntimeError("cc failed")])
def test_a_failed_build_fails_only_under_strict(stale: list[str], monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str], exc: BaseException) -> None:
    monkeypatch.setattr(build_native, "build", _build_raising(exc))
    assert build_native.main([]) == 0
    assert "warning" in capsys.readouterr().err
    assert build_native.main(["--strict"]) == 1
    assert "error" in capsys.readouterr().err
    assert "manifest" not in stale and stale.count("remove") == 4  # before each build and after each failure


def test_no_compiler_fails_under_strict(stale: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_native.shutil, "which", lambda _name: None)
    assert build_native.main([]) == 0
    assert build_native.main(["--strict"]) == 1


def test_ctrl_c_stops_the_build_and_removes_its_files(stale: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_native, "build", _build_raising(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build_native.main([])
    assert stale == ["remove", "remove"]


def test_a_good_build_writes_the_manifest(stale: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_native, "build", lambda: None)
    assert build_native.main(["--strict"]) == 0
    assert stale == ["remove", "manifest"]


def test_another_mypy_means_a_rebuild(stale: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[bool] = []
    monkeypatch.setattr(build_native, "build", lambda: built.append(True))
    monkeypatch.setattr(build_native.native, "manifest_matches", lambda: True)
    monkeypatch.setattr(build_native.native, "built_with_other_mypy", lambda: False)
    assert build_native.main(["--strict"]) == 0 and built == []  # up to date
    monkeypatch.setattr(build_native.native, "built_with_other_mypy", lambda: True)
    assert build_native.main(["--strict"]) == 0 and built == [True]
