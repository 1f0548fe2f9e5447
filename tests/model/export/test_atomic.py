"""A failed export leaves no partial file and an existing file untouched."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from model.export import ExportError, atomic_write, write_matrix
from model.export import xlsx as xlsx_module


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_success_moves_complete_file_into_place(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_write(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("done")
        assert not target.exists()
    assert target.read_text() == "done"
    assert leftovers(tmp_path) == []
    assert stat.S_IMODE(target.stat().st_mode) & 0o044  # not mkstemp's private 0600


def test_failure_midway_keeps_existing_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_full_disk_is_named_and_existing_file_kept(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous workbook")
    with pytest.raises(ExportError, match="disk is full"), atomic_write(target) as tmp:
        tmp.write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == b"previous workbook"
    assert leftovers(tmp_path) == []


def test_read_only_file_is_refused_untouched(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"keep me")
    target.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"), atomic_write(target):
        pytest.fail("nothing may be written")
    assert target.read_bytes() == b"keep me"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("lock", [".~lock.out.xlsx#", "~$out.xlsx"])
def test_file_open_in_another_program_is_refused(tmp_path, lock):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"open elsewhere")
    (tmp_path / lock).write_text("user")
    with pytest.raises(ExportError, match="open in another program"), atomic_write(target):
        pytest.fail("nothing may be written")
    assert target.read_bytes() == b"open elsewhere"


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(ExportError, match="does not exist"), atomic_write(tmp_path / "nope" / "x.xlsx"):
        pass
    (tmp_path / "dir.xlsx").mkdir()
    with pytest.raises(ExportError, match="is a folder"), atomic_write(tmp_path / "dir.xlsx"):
        pass


def test_locked_replace_gives_clear_error(tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"), atomic_write(target) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_workbook_failure_leaves_no_partial_workbook(tmp_path, monkeypatch, matrix, statements):
    target = tmp_path / "atlas.xlsx"
    target.write_bytes(b"the previous export")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsx_module, "splice_rows", disk_full)
    with pytest.raises(ExportError, match="disk is full"):
        write_matrix(matrix, statements, target)
    assert target.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["atlas.xlsx"]


def test_unknown_suffix_is_an_export_error(tmp_path, matrix, statements):
    with pytest.raises(ExportError, match=r"\.xlsx, \.csv or \.json"):
        write_matrix(matrix, statements, tmp_path / "m.txt")
    assert list(tmp_path.iterdir()) == []
