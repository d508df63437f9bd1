"""RecentFiles: the most recently opened files, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

MAX_RECENT = 10
#: A change is written to the settings this long after it (ms), with any that follow.
WRITE_DELAY_MS = 1000
_KEY = "recentFiles"


class RecentFiles(QObject):
    """A most-recent-first list of file paths, persisted with QSettings.

    A change is written a moment later (at the latest when the app quits), not at once:
    a QSettings write syncs the file to disk twice (2-20 ms here), and the file opened at
    start-up is added before its text is on screen.
    """

    sigChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[str] | None = None  # written by write()
        self._write_timer = QTimer(self, singleShot=True, interval=WRITE_DELAY_MS)
        self._write_timer.timeout.connect(self.write)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.write)

    def paths(self) -> list[str]:
        if self._pending is not None:
            return list(self._pending)
        value = QSettings().value(_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or [])]

    def add(self, path: str | Path) -> None:
        """Put ``path`` first in the list."""
        path = str(Path(path).resolve())
        self._change([path, *(p for p in self.paths() if p != path)][:MAX_RECENT])

    def remove(self, path: str) -> None:
        self._change([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._change([])

    def write(self) -> None:
        """Write a change not written yet to the settings now."""
        self._write_timer.stop()
        if self._pending is not None:
            QSettings().setValue(_KEY, self._pending)
            self._pending = None

    def _change(self, paths: list[str]) -> None:
        self._pending = paths
        self._write_timer.start()
        self.sigChanged.emit()
