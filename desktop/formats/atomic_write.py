"""Replacing a file all at once: after a crash there is either the old file or the new one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

#: Read/write for everyone, before the umask: what a newly created file gets.
_NEW_FILE_MODE = 0o666


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed to disk, given the permissions of the file it
    replaces, and renamed over it; the folder is then synced where the system allows.
    On any failure the temporary file is removed, the original is left untouched and
    the error (an OSError for disk problems) is raised. A symlink is followed, so the
    file it points to is replaced rather than the link.
    """
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    temp = tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        if mode is not None:
            os.chmod(temp.name, mode)
        os.replace(temp.name, target)
    except BaseException:
        _remove(temp.name)
        raise
    _sync_folder(target.parent)


def _mode_for(target: Path) -> int | None:
    """The permission bits the new file should get; None to keep the temp file's 0600."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = _current_umask()
        return None if umask is None else _NEW_FILE_MODE & ~umask


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
