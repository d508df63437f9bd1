"""FileWatch: the open session file, watched for another window or program writing it
(kept by the SessionDocument, which tells it what each read and save left on disk)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop.formats.disk_stamp import DiskStamp, stamp_now

__all__ = ["CHECK_DELAY_MS", "DiskStamp", "FileWatch", "disk_stamp"]

#: Quiet time after the last event before the file is looked at (a writer may take
#: several steps: truncate, write, rename).
CHECK_DELAY_MS = 250


class FileWatch(QObject):
    """Knows what the open file held when this window last read or wrote it (its
    stamp), and says when its content on disk is no longer that.

    ``sigChanged(path)`` comes once for each new content seen (not for a touch, not for
    this window's own saves). The file and its folder are both watched: a file
    replaced by a rename (as every save does) loses its own watch, the folder's stays.
    """

    sigChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.stamp: DiskStamp | None = None
        self._told: DiskStamp | None = None
        self._held = 0
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._soon)
        self._watcher.directoryChanged.connect(self._soon)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)

    def track(self, path: str | Path | None, stamp: DiskStamp | None) -> None:
        """Watch ``path`` (None: nothing), which held ``stamp`` when last read or written."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self.path = Path(os.path.realpath(path)) if path else None
        self.stamp, self._told = stamp, None
        self._watch()

    def is_tracking(self, path: str | Path) -> bool:
        return self.path is not None and Path(os.path.realpath(path)) == self.path

    def changed(self) -> DiskStamp | None:
        """The file's stamp now if its content is not the one last read or written here
        (None when it is, or when the file is gone: saving writes it again)."""
        if self.path is None:
            return None
        now = stamp_now(self.path, self.stamp)
        if now is None:
            return None
        if self.stamp is not None and self.stamp.same_content(now):
            self.stamp = now  # touched only: remember its new times, hash no more
            return None
        return now

    def acknowledge(self, stamp: DiskStamp) -> None:
        """The person has been told about ``stamp``'s content: no signal for it."""
        self._told = stamp

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """No signal while a question about the file is open; a look afterwards."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                self._timer.start()

    def check(self) -> None:
        if self._held or self.path is None:
            return
        self._watch()
        now = self.changed()
        if now is None or now == self._told or now.same_content(self._told):
            return
        self._told = now
        self.sigChanged.emit(str(self.path))

    def _watch(self) -> None:
        if self.path is None:
            return
        wanted = [str(self.path.parent)] + ([str(self.path)] if self.path.exists() else [])
        watched = set(self._watcher.files() + self._watcher.directories())
        missing = [p for p in wanted if p not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _soon(self, *_args) -> None:
        self._timer.start()


def disk_stamp(path: str | Path) -> DiskStamp | None:
    """What ``path`` holds now (its times, size and hash), to tell a later change of it;
    None when it cannot be read."""
    return stamp_now(path)
