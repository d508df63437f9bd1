"""Replacing a file all at once: after a crash there is either the old file or the new one.

The new content goes to a temporary file in the same folder with a short name
(``.alens-XXXXXXXX.tmp``, so a target name of up to 255 bytes still works), is
flushed to disk and renamed over the target. Temporary files of that pattern (or of
the older ``.<name>.XXXXXXXX.tmp`` one) that a killed process left behind are removed
by the next write in the folder once they are a minute old.

Who may read the result: a replaced file keeps its permission bits (not the set-id
ones), its owner and its group (where the group cannot be kept, the group bits go);
a new file gets 0666 less the umask, or the ``mode`` the caller asks for. A file with
no write permission is refused, even for root: it is not replaced behind the
person's back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from desktop.formats.disk_stamp import DiskStamp

#: Read/write for everyone, before the umask: what a newly created file gets.
_NEW_FILE_MODE = 0o666
TEMP_PREFIX = ".alens-"
TEMP_SUFFIX = ".tmp"
#: Temporary files this old (seconds) are no save under way: they are removed.
STALE_AFTER_S = 60
#: The names of this module's temporary files, now and before (".<target>.XXXXXXXX.tmp"
#: for the session files and the lexicon it wrote); nothing else is ever removed.
_TEMP_NAMES = re.compile(r"\.alens-[a-z0-9_]{8}\.tmp|\.(?:.+\.alens|lexicon\.json)\.[a-z0-9_]{8}\.tmp")


def atomic_write(path: str | Path, data: bytes, mode: int | None = None) -> DiskStamp:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed to disk, given the permissions (see the module's
    docstring; ``mode`` forces them) and renamed over the target; the folder is then
    synced where the system allows. On any failure the temporary file is removed, the
    original is left untouched and the error (an OSError for disk problems, a
    PermissionError for a read-only file) is raised. A symlink is followed, so the file
    it points to is replaced rather than the link. Returns the stamp of what was written.
    """
    target = Path(os.path.realpath(path))
    old = _status(target)
    if old is not None and _read_only(target, old):
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))
    new_mode = mode if mode is not None else _mode_for(old)
    remove_stale_temps(target.parent)
    temp = tempfile.NamedTemporaryFile(dir=target.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, delete=False)
    try:
        with temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
            if old is not None:
                new_mode = _keep_owner(temp.fileno(), old, new_mode)
            written = os.fstat(temp.fileno())
        if new_mode is not None:
            os.chmod(temp.name, new_mode)
        os.replace(temp.name, target)
    except BaseException:
        _remove(temp.name)
        raise
    _sync_folder(target.parent)
    return DiskStamp.written(written, data)


def private_folder(folder: str | Path) -> Path:
    """``folder``, created if needed, readable by its owner only (0700)."""
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        status = folder.stat()
        if stat.S_IMODE(status.st_mode) & 0o077 and status.st_uid == os.geteuid():
            os.chmod(folder, 0o700)
    return folder


def remove_stale_temps(folder: str | Path) -> None:
    """Remove this module's temporary files in ``folder`` left by a killed process."""
    cutoff = time.time() - STALE_AFTER_S
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            if not _TEMP_NAMES.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(status.st_mode) and status.st_mtime < cutoff:
                    os.unlink(entry.path)


def _status(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None


def _read_only(target: Path, status: os.stat_result) -> bool:
    """No write bit at all (checked by hand: root may write anything), or none for us."""
    return not status.st_mode & 0o222 or not os.access(target, os.W_OK)


def _mode_for(old: os.stat_result | None) -> int | None:
    """The permission bits the new file should get; None to keep the temp file's 0600."""
    if old is not None:
        return stat.S_IMODE(old.st_mode) & 0o777
    umask = _current_umask()
    return None if umask is None else _NEW_FILE_MODE & ~umask


def _keep_owner(descriptor: int, old: os.stat_result, mode: int | None) -> int | None:
    """Give the new file the old one's owner and group where this process may; when
    the group cannot be kept, the group may not read the new file either."""
    if not hasattr(os, "fchown"):
        return mode
    now = os.fstat(descriptor)
    uid = old.st_uid if old.st_uid != now.st_uid else -1
    gid = old.st_gid if old.st_gid != now.st_gid else -1
    if uid == -1 and gid == -1:
        return mode
    try:
        os.fchown(descriptor, uid, gid)
        return mode
    except OSError:
        pass
    if gid != -1:
        try:
            os.fchown(descriptor, -1, gid)
        except OSError:
            return None if mode is None else mode & ~0o070
    return mode


def _current_umask() -> int | None:
    """The process umask, read without changing it (Linux); None where it cannot be."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        return None
    return None


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible on Windows, which is fine."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
