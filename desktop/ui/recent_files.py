"""RecentFiles: the most recently opened files, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

MAX_RECENT = 10
_KEY = "recentFiles"


class RecentFiles(QObject):
    """A most-recent-first list of file paths, persisted with QSettings."""

    sigChanged = Signal()

    def paths(self) -> list[str]:
        value = QSettings().value(_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or [])]

    def add(self, path: str | Path) -> None:
        """Put ``path`` first in the list."""
        path = str(Path(path).resolve())
        paths = [path, *(p for p in self.paths() if p != path)][:MAX_RECENT]
        QSettings().setValue(_KEY, paths)
        self.sigChanged.emit()

    def remove(self, path: str) -> None:
        QSettings().setValue(_KEY, [p for p in self.paths() if p != path])
        self.sigChanged.emit()

    def clear(self) -> None:
        QSettings().setValue(_KEY, [])
        self.sigChanged.emit()
