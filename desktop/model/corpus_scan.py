"""Finding the articles of a folder in a thread, handed to the window in batches.

The walk is given (``find``: the command line's :func:`desktop.corpus.find_documents`
in the app, the same files in the same order); each file comes with its size and
modification time, so a folder of 100,000 files fills the corpus view's list as they
are found and the window's thread only ever takes a batch at a time.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

#: A batch is handed over when it holds this many files, or is this old (s).
BATCH_FILES = 1000
BATCH_SECONDS = 0.05
#: After handing a batch over the walk pauses this long (s), so that the window's
#: thread takes it (and paints) without sharing the GIL with the walk.
BATCH_PAUSE = 0.01


@dataclass(frozen=True)
class Found:
    """A file found: its path, relative to the folder (``document``), its size and
    modification time (ns); ``error`` when it is no regular file or cannot be stat'ed."""

    path: str
    document: str
    size: int = 0
    mtime_ns: int = 0
    error: str = ""


def found(path: str, folder: str) -> Found:
    document = os.path.relpath(path, folder)
    try:
        info = os.stat(path)
    except OSError as error:
        return Found(path, document, error=f"{document} could not be read: {error.strerror or error}.")
    if not stat.S_ISREG(info.st_mode):
        return Found(path, document, error=f"{document} is not a regular file.")
    if info.st_size == 0:  # said here, as the reader says it: no worker needed
        return Found(path, document, 0, info.st_mtime_ns, empty_file_error(path))
    return Found(path, document, info.st_size, info.st_mtime_ns)


def empty_file_error(path: str) -> str:
    """What reading the empty file ``path`` says (as the command line records it)."""
    from desktop.formats.article_sources import read_source
    from desktop.formats.errors import FileFormatError

    try:
        read_source(path)
    except FileFormatError as error:
        return str(error)
    except OSError as error:
        return f"{os.path.basename(path)} could not be read: {error.strerror or error}."
    return f"{os.path.basename(path)} is empty: there is no text to read."


class FolderScan(QObject):
    """Walks ``folder`` in a thread with ``find(folder)`` (the paths of its articles):
    ``sigFound(list)`` batch by batch (each file found as ``prepare(Found)`` makes it,
    in the thread too), then ``sigFinished(count, cancelled)``."""

    sigFound = Signal(object)
    sigFinished = Signal(int, bool)

    def __init__(self, folder: str, find: Callable[[str], Iterable[str]],
                 prepare: Callable[[Found], object] = lambda item: item, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._find = find
        self._prepare = prepare
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from desktop.model.background import start_background_thread

        self._thread = start_background_thread(self._walk, name="article-lens-corpus-scan")

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, seconds: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def _walk(self) -> None:
        batch: list = []
        count = 0
        since = time.monotonic()
        for path in self._find(self.folder):
            if self._stop.is_set():
                break
            batch.append(self._prepare(found(path, self.folder)))
            count += 1
            if len(batch) >= BATCH_FILES or time.monotonic() - since >= BATCH_SECONDS:
                self._emit(self.sigFound, batch)
                self._stop.wait(BATCH_PAUSE)
                batch, since = [], time.monotonic()
        if batch and not self._stop.is_set():
            self._emit(self.sigFound, batch)
        self._emit(self.sigFinished, count, self._stop.is_set())

    def _emit(self, signal, *values) -> None:
        try:
            signal.emit(*values)  # queued to the window's thread
        except RuntimeError:  # the receiver was deleted (its window closed): nobody listens
            self._stop.set()
