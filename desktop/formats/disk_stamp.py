"""What a file on disk held when the app last read or wrote it, to notice another writer.

A stamp keeps the file's modification time, size and inode, and a SHA-256 of its
content. Comparing stat fields is cheap; the content is hashed again only when they
differ, so a file that was merely touched (or copied back unchanged) is not taken
for a change.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20
#: Larger files are not hashed (no session is that large): their content counts as new.
MAX_HASHED_BYTES = 512 * 2**20


@dataclass(frozen=True)
class DiskStamp:
    mtime_ns: int
    size: int
    inode: int
    sha256: str

    @classmethod
    def written(cls, status: os.stat_result, data: bytes) -> DiskStamp:
        """The stamp of a file the app has just written ``data`` to (``status``: its fstat)."""
        return cls(status.st_mtime_ns, status.st_size, status.st_ino, hashlib.sha256(data).hexdigest())

    def same_stat(self, status: os.stat_result) -> bool:
        return (self.mtime_ns, self.size, self.inode) == (status.st_mtime_ns, status.st_size, status.st_ino)

    def same_content(self, other: DiskStamp | None) -> bool:
        """True when both hold the same bytes ("" is a content that could not be hashed)."""
        return (other is not None and self.sha256 != "" and
                (self.size, self.sha256) == (other.size, other.sha256))


def stamp_now(path: str | Path, known: DiskStamp | None = None) -> DiskStamp | None:
    """The stamp of ``path`` now (None when it is missing or cannot be read); ``known``
    is returned as it is when the stat fields still match, without reading the file."""
    try:  # non-blocking: a FIFO put in the file's place must not hang the window
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with open(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if known is not None and known.same_stat(status):
            return known
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_HASHED_BYTES:
            return DiskStamp(status.st_mtime_ns, status.st_size, status.st_ino, "")
        digest = hashlib.sha256()
        try:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        except OSError:
            return DiskStamp(status.st_mtime_ns, status.st_size, status.st_ino, "")
    return DiskStamp(status.st_mtime_ns, status.st_size, status.st_ino, digest.hexdigest())

