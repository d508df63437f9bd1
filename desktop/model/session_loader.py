"""Reading a large session file in a background thread, so the window keeps painting."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.model.background import settle_long_lived_objects, start_background_thread

#: Session files at least this large are read in the background.
BACKGROUND_LOAD_BYTES = 1_000_000


class SessionLoader(QObject):
    """Loads one session file at a time in a thread; a newer request supersedes an
    older one, whose result is dropped.

    ``sigLoaded(path, loaded)`` or ``sigFailed(path, error)`` arrive in the thread the
    loader lives in.
    """

    sigLoaded = Signal(str, object)
    sigFailed = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._lock = threading.Lock()

    def load(self, path: Path) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        start_background_thread(self._run, generation, path, name="article-lens-open")

    def _run(self, generation: int, path: Path) -> None:
        from desktop.formats.errors import FileFormatError
        from desktop.formats.session_file import load_session

        try:
            loaded = load_session(path)
            error = None
            settle_long_lived_objects()
        except FileFormatError as failure:
            loaded, error = None, failure
        with self._lock:
            if generation != self._generation:
                return
        if error is None:
            self.sigLoaded.emit(str(path), loaded)
        else:
            self.sigFailed.emit(str(path), error)
