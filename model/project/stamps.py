"""Who else wrote the project file: what this process last opened or saved, and the folder lock of a save.

A save is refused with :class:`~model.project.format.ProjectError` when the file
changed since this process opened or last saved it (device, inode, size and
time, else the SHA-256 of the content); the check and the swap run under an
exclusive lock on the folder (``fcntl.flock``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from model.project.format import ProjectError


@dataclass(frozen=True)
class FileStamp:
    """What a project file was when this process last opened or saved it."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str

    def same_metadata(self, st: os.stat_result) -> bool:
        return (self.device, self.inode, self.size, self.mtime_ns) == (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


_stamps: dict[str, FileStamp] = {}
_stamps_lock = threading.Lock()


def _key(target: Path) -> str:
    return os.path.join(os.path.realpath(target.parent if str(target.parent) else "."), target.name)


def file_digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def file_stamp(path: Path, digest: str | None = None) -> FileStamp:
    st = os.stat(path)
    return FileStamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, digest or file_digest(path))


def remember(target: Path, stamp: FileStamp) -> None:
    with _stamps_lock:
        _stamps[_key(target)] = stamp


def opened_stamp(path: str | os.PathLike[str]) -> FileStamp | None:
    """The file as this process last opened or saved it, or None if it never did."""
    with _stamps_lock:
        return _stamps.get(_key(Path(path)))


def check_unchanged(target: Path) -> None:
    """Raise :class:`ProjectError` when ``target`` changed since this process last opened or saved it.

    A file this process never opened (Save As over another file) and a file
    removed since (nothing to lose) pass.  Same device, inode, size and time
    means unchanged; otherwise the content hash decides (a copy put back, a touch).
    """
    known = opened_stamp(target)
    if known is None:
        return
    try:
        st = os.stat(target)
        if known.same_metadata(st) or file_digest(target) == known.digest:
            return
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProjectError(f"cannot save {target}: {exc.strerror or exc}") from exc
    raise ProjectError(
        f"cannot save {target}: the file was changed by another program or window since it was opened here; "
        "it was left untouched. Save under another name to keep both versions, or reopen it")


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that saves into it by any process run one at a time.

    Without ``fcntl`` (Windows) or on a file system without locks the save still
    runs; the change check then guards all but a moment.
    """
    fd = _locked_folder(folder)
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing releases the lock


def _locked_folder(folder: Path) -> int | None:
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        return None
    return fd
