"""Atomic file writes: temporary file beside the target, then os.replace.

The destination is checked before anything is written (a folder that does not
exist, a read-only file, a file held open by LibreOffice or Excel), and every
OS error met while writing becomes an :class:`ExportError` whose message a
user understands.  Whatever goes wrong, the temporary file is removed and an
existing file at the target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ExportError(Exception):
    """An export could not be written; the message says why in plain words."""


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EROFS: "the destination is on a read-only file system",
    errno.EACCES: "permission denied (read-only, or open in another program)",
    errno.EPERM: "permission denied (read-only, or open in another program)",
    errno.EBUSY: "the file is in use by another program",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "it is a folder",
}


def describe_os_error(exc: OSError) -> str:
    """A plain-words reason for an OS error."""
    return _REASONS.get(exc.errno or -1, exc.strerror or str(exc))


def lock_file_of(target: Path) -> Path | None:
    """The lock file LibreOffice (``.~lock.NAME#``) or Excel (``~$NAME``) keeps beside an open file."""
    for name in (f".~lock.{target.name}#", f"~${target.name}"):
        candidate = target.parent / name
        if candidate.exists():
            return candidate
    return None


def check_destination(target: Path) -> None:
    """Raise :class:`ExportError` when ``target`` cannot be replaced; write nothing."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    if target.exists():
        if not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ExportError(f"cannot write {target}: the file is read-only; the existing file was left untouched")
        lock = lock_file_of(target)
        if lock is not None:
            raise ExportError(
                f"cannot write {target}: it is open in another program (lock file {lock.name}); "
                "close it there and export again (if it is not open anywhere, delete that lock file)"
            )


@contextlib.contextmanager
def atomic_write(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place on success.

    On any error the temporary file is removed and an existing target is left
    untouched; OS errors become :class:`ExportError` with a readable reason.
    """
    target = Path(target)
    if not str(target.parent):
        target = Path(".") / target
    check_destination(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent}: {describe_os_error(exc)}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        os.chmod(tmp, _final_mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(
            f"cannot write {target}: {describe_os_error(exc)}; any existing file was left untouched"
        ) from exc
    finally:
        if tmp.exists():
            with contextlib.suppress(OSError):
                tmp.unlink()


def _final_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (not mkstemp's 0600)."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync(path: Path) -> None:
    """Flush the finished temporary file to disk before it replaces the target."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
