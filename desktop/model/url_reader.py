"""Reading an article from a web address in a background thread: one address at a time,
with its progress, and Cancel; the window stays responsive (see desktop.ui.open_url for
what the window shows of it)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

from desktop.formats.errors import FileFormatError
from desktop.model.background import start_background_thread

#: Progress is sent to the window at most this often (seconds).
PROGRESS_SECONDS = 0.1


def web_address(address: str) -> str:
    """``address`` as an http(s) address to read (a bare host gets ``https://``);
    FileFormatError saying why another scheme, or no server, is refused."""
    from desktop.formats.url_fetch import web_address as checked

    return checked(address, bare_host=True)


class UrlReader(QObject):
    """Reads one address at a time in a background thread; a newer request, or Cancel,
    supersedes the running one, whose result is dropped (its thread ends at its next
    read, or at the timeout).

    ``sigStarted(host)`` when a download starts and ``sigProgress(received, size)`` (size
    -1 when not known) while it runs; then ``sigStopped()`` followed by
    ``sigOpened(address, article_file)`` or ``sigFailed(address, message)``, in the
    window's thread, or by ``sigCancelled(address)`` when the person cancels.
    """

    sigStarted = Signal(str)
    sigProgress = Signal(int, int)
    sigStopped = Signal()
    sigOpened = Signal(str, object)
    sigFailed = Signal(str, str)
    sigCancelled = Signal(str)
    _sigDone = Signal(int, str, object, str)  # from the thread: generation, address, result, error
    _sigProgress = Signal(int, int, int)  # generation, received, size (-1: not known)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Keyword arguments for ``url_fetch.fetch`` (timeout, limit, redirects …).
        self.limits: dict[str, float] = {}
        self._generation = 0
        self._address = ""
        self._stop: threading.Event | None = None
        self._lock = threading.Lock()
        self._sigDone.connect(self._on_done)
        self._sigProgress.connect(self._on_progress)

    @property
    def busy(self) -> bool:
        return self._stop is not None

    def fetch(self, address: str) -> None:
        """Start reading ``address`` (an http(s) address; checked by the thread)."""
        from urllib.parse import urlsplit

        self._drop_running()
        with self._lock:
            self._generation += 1
            generation = self._generation
        self._address = address
        self._stop = stop = threading.Event()
        self.sigStarted.emit(urlsplit(address).hostname or address)
        start_background_thread(self._read, generation, address, stop, dict(self.limits),
                                name="article-lens-fetch")

    def cancel(self) -> None:
        """Stop the download now: the window forgets it at once."""
        if self._stop is None:
            return
        address = self._address
        self._drop_running()
        self.sigStopped.emit()
        self.sigCancelled.emit(address)

    def _drop_running(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None
        with self._lock:
            self._generation += 1

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _read(self, generation: int, address: str, stop: threading.Event, limits: dict) -> None:
        """In the background thread: download and convert, then hand over the result."""
        from desktop.formats.article_sources import read_url

        last = [0.0]

        def progress(received: int, size: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_SECONDS or received == size:
                last[0] = now
                self._emit(self._sigProgress, generation, received, size)

        try:
            result, error = read_url(address, should_stop=stop.is_set, progress=progress, **limits), ""
        except FileFormatError as failure:
            result, error = None, str(failure)
        except Exception as failure:  # noqa: BLE001 - a library fault on a strange answer
            result, error = None, f"{address} could not be read ({type(failure).__name__}: {failure})."
        if not stop.is_set():
            self._emit(self._sigDone, generation, address, result, error)

    def _emit(self, signal, *args) -> None:
        if not self._current(args[0]):
            return
        try:
            signal.emit(*args)
        except RuntimeError:  # the window was closed meanwhile
            pass

    def _on_progress(self, generation: int, received: int, size: int) -> None:
        if self._current(generation):
            self.sigProgress.emit(received, size)

    def _on_done(self, generation: int, address: str, result, error: str) -> None:
        if not self._current(generation) or self._stop is None:
            return
        self._stop = None
        self.sigStopped.emit()
        if result is None:
            self.sigFailed.emit(address, error)
        else:
            self.sigOpened.emit(address, result)
