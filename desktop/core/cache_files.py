"""Files of the user's cache folder: written whole or not at all, kept while in use,
and removed once unused for a month or abandoned half-written."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

#: A temporary file older than this (s) was left by a process that died while writing.
ABANDONED_AFTER_SECONDS = 3600.0
#: A cache file no install has read for this long (s) is removed: the cache of an
#: older version, say. Another install in use (a second copy of the app, of another
#: version) keeps its own.
UNUSED_AFTER_SECONDS = 30 * 86400.0
#: A file read is marked as used (its modification time set to now) at most this often.
MARK_USED_EVERY_SECONDS = 86400.0


def write_whole(path: Path, data: bytes, family: str = "") -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename, so a reader
    finds the old file or the new one, never half of one. With ``family`` (the name
    prefix of such files, say "gazetteer-"), the folder's unused and abandoned files
    of that family are removed (:func:`remove_unused`). False when it could not be
    written (a cache that cannot be kept only costs its build)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass  # its folder could not be made: nothing was written
        return False
    if family:
        remove_unused(path.parent, family)
    return True


def mark_used(path: Path) -> None:
    """Note that ``path`` was read now (at most once a day), so that it is not taken
    for unused (:func:`remove_unused`)."""
    try:
        if time.time() - path.stat().st_mtime > MARK_USED_EVERY_SECONDS:
            os.utime(path)
    except OSError:
        pass


def remove_unused(folder: Path, family: str) -> None:
    """Remove the files of ``family`` in ``folder`` that were not read or written for
    UNUSED_AFTER_SECONDS, and its temporary files older than ABANDONED_AFTER_SECONDS
    (a younger one may be another process's, still being written)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        name = entry.name
        try:
            if name.startswith(family):
                limit = UNUSED_AFTER_SECONDS
            elif name.startswith("." + family):
                limit = ABANDONED_AFTER_SECONDS
            else:
                continue
            if now - entry.stat().st_mtime > limit:
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove
