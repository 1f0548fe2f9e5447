"""Atomic file writes: temporary file beside the target, then os.replace.

The destination is checked before anything is written (a folder that does not
exist, a read-only file, a file held open by LibreOffice or Excel), and every
OS error met while writing becomes an :class:`ExportError` whose message a
user understands.  Whatever goes wrong, the temporary file is removed and an
existing file at the target is left exactly as it was.

Temporary names are short and name their owner: ``.<name>.<pid>.<random><suffix>``
(``<name>`` is the target's name, or for a long name its head and a digest, so
that a 250-character target still gets a legal temporary name).  A run killed
with SIGKILL cannot remove its own, so every write first removes the leftovers
*of the same target* whose owning process is gone (:func:`remove_stale_temps`);
a file of a process that is still running is never touched.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import threading
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


#: the suffixes of this app's temporary files (``.stage`` files hang off a ``.part`` name)
EXPORT_SUFFIX = ".part"
PROJECT_SUFFIX = ".saving"
_TEMP_SUFFIXES = (EXPORT_SUFFIX, PROJECT_SUFFIX)
#: a target name longer than this (in bytes) is shortened in temporary names
_KEY_BYTES = 60
_HEAD_BYTES = 40

_active: set[str] = set()          # temporary files this process is writing now
_active_lock = threading.Lock()


def temp_key(target: Path) -> str:
    """The target's part of a temporary name: its name, or a head and a digest when long."""
    raw = os.fsencode(target.name)
    if len(raw) <= _KEY_BYTES:
        return target.name
    head = target.name
    while len(os.fsencode(head)) > _HEAD_BYTES:
        head = head[:-1]
    return f"{head}~{hashlib.sha1(raw).hexdigest()[:12]}"


def _temp_pattern(target: Path) -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in _TEMP_SUFFIXES)
    return re.compile(rf"\.{re.escape(temp_key(target))}\.(\d+)\.[a-z0-9_]{{8}}(?:{suffixes})(?:[a-z0-9_]{{8}}\.stage)?")


def make_temp(target: Path, suffix: str) -> Path:
    """Create an empty, private temporary file beside ``target`` (registered as this process's, in use)."""
    fd, name = tempfile.mkstemp(prefix=f".{temp_key(target)}.{os.getpid()}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    with _active_lock:
        _active.add(name)
    return Path(name)


def release_temp(tmp: Path) -> None:
    """Remove ``tmp`` if it is still there, and forget it."""
    with contextlib.suppress(OSError):
        tmp.unlink()
    with _active_lock:
        _active.discard(str(tmp))


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):
        return False  # alive (another user's), or not a pid we can judge: keep it
    return False


def _in_use(name: str) -> bool:
    """True while this process writes the temporary file ``name`` (or its ``.stage`` companion)."""
    with _active_lock:
        return any(name.startswith(os.path.basename(a)) for a in _active)


def remove_stale_temps(target: str | os.PathLike[str]) -> int:
    """Delete this app's temporary files for ``target`` left by runs that are gone; how many.

    Only names of this app's pattern for this very target are considered, and only
    those whose process no longer runs, or this process's own that nothing is
    writing any more.  Another running process's temporary file is never touched.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = _temp_pattern(target)
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    removed = 0
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        path = folder / name
        pid = int(match.group(1))
        if _process_gone(pid) if pid != os.getpid() else not _in_use(name):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


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
    remove_stale_temps(target)
    try:
        tmp = make_temp(target, EXPORT_SUFFIX)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent}: {describe_os_error(exc)}") from exc
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
        release_temp(tmp)


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
