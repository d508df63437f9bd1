"""File › Open URL…: an article read from a web address in a background thread, with
its progress and a Cancel button in the status bar; the window stays responsive and
the article open stays until the new one is in."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLineEdit, QProgressBar, QPushButton, QSizePolicy,
                               QWidget)

from desktop.formats.errors import FileFormatError
from desktop.model.background import start_background_thread
from desktop.ui.plain_text import plain_label

if TYPE_CHECKING:
    from desktop.ui.file_controller import FileController
    from desktop.ui.main_window import MainWindow

#: Progress is sent to the window at most this often (seconds).
PROGRESS_SECONDS = 0.1


def ask_for_address(parent: QWidget, suggested: str = "") -> str:
    """The address the person types (or "" when they cancel); ``suggested`` is filled in."""
    address, accepted = QInputDialog.getText(
        parent, "Open URL", "The address of a web page, PDF or Word document (http:// or https://):",
        QLineEdit.EchoMode.Normal, suggested)
    return address.strip() if accepted else ""


class FetchStatus(QWidget):
    """What is being downloaded, how much has come, and Cancel: in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fetchStatus")
        self.message = plain_label(parent=self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelDownload")
        self.cancel_button.setToolTip("Stop the download; the article open now stays")
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self.hide()

    def started(self, host: str) -> None:
        self.message.setText(f"Downloading from {host}…")
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.setFormat("")
        self.show()

    def advanced(self, received: int, size: int) -> None:
        if size > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, int(1000 * received / size)))
            self.progress.setFormat(f"{received / 1024:,.0f} of {size / 1024:,.0f} KB")
        else:
            self.progress.setRange(0, 0)
        self.progress.setToolTip(f"{received:,} bytes received")

    def converting(self) -> None:
        self.message.setText("Reading the article…")
        self.progress.setRange(0, 0)


class UrlOpener(QObject):
    """Reads one address at a time in a background thread; a newer request, or Cancel,
    supersedes the running one, whose result is dropped (its thread ends at its next
    read, or at the timeout).

    ``sigOpened(address, article_file)`` or ``sigFailed(address, message)`` arrive in
    the window's thread; ``sigCancelled(address)`` when the person cancels.
    """

    sigOpened = Signal(str, object)
    sigFailed = Signal(str, str)
    sigCancelled = Signal(str)
    _sigDone = Signal(int, str, object, str)  # from the thread: generation, address, result, error
    _sigProgress = Signal(int, int, int)  # generation, received, size (-1: not known)

    def __init__(self, status: FetchStatus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = status
        #: Keyword arguments for ``url_fetch.fetch`` (timeout, limit, redirects …).
        self.limits: dict[str, float] = {}
        self._generation = 0
        self._address = ""
        self._stop: threading.Event | None = None
        self._lock = threading.Lock()
        self._sigDone.connect(self._on_done)
        self._sigProgress.connect(self._on_progress)
        status.cancel_button.clicked.connect(self.cancel)

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
        self.status.started(urlsplit(address).hostname or address)
        start_background_thread(self._read, generation, address, stop, dict(self.limits),
                                name="article-lens-fetch")

    def cancel(self) -> None:
        """Stop the download now: the window forgets it at once."""
        if self._stop is None:
            return
        address = self._address
        self._drop_running()
        self.status.hide()
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
            self.status.advanced(received, size)
            if size > 0 and received >= size:
                self.status.converting()

    def _on_done(self, generation: int, address: str, result, error: str) -> None:
        if not self._current(generation) or self._stop is None:
            return
        self._stop = None
        self.status.hide()
        if result is None:
            self.sigFailed.emit(address, error)
        else:
            self.sigOpened.emit(address, result)


@contextmanager
def busy_cursor():
    """The wait cursor while a file is converted on the window's thread."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class WebArticles(QObject):
    """File › Open URL… and web addresses given on the command line or dropped on the
    window: asks for an address, reads it with a :class:`UrlOpener`, and shows the
    article, or says why not (the article open stays)."""

    def __init__(self, window: MainWindow, files: FileController) -> None:
        super().__init__(files)
        self._window = window
        self._files = files
        self.status = FetchStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.opener = UrlOpener(self.status, self)
        self.opener.sigOpened.connect(self._on_opened)
        self.opener.sigFailed.connect(self._on_failed)
        self.opener.sigCancelled.connect(self._on_cancelled)
        self._history_at_start = 0

    def ask(self) -> None:
        """Ask for an address (one on the clipboard is offered) and open it."""
        from PySide6.QtWidgets import QApplication

        copied = QApplication.clipboard().text().strip()
        suggested = copied if copied.lower().startswith(("http://", "https://")) and len(copied.split()) == 1 else ""
        address = ask_for_address(self._window, suggested)
        if address:
            self.open(address)

    def open(self, address: str, ask_to_save: bool = True) -> bool:
        """Start reading ``address``; False when it is refused at once (another scheme,
        no server) or the person keeps their unsaved edits."""
        from desktop.formats.url_fetch import web_address

        try:
            address = web_address(address, bare_host=True)
        except FileFormatError as error:
            self._tell(address, str(error))
            return False
        if ask_to_save and not self._files.maybe_save():
            return False
        self._history_at_start = self._window.model.undo_stack.index()
        self._message(f"Opening {address}…", 0)
        self.opener.fetch(address)
        return True

    def _on_opened(self, address: str, loaded) -> None:
        edited_meanwhile = self._window.model.undo_stack.index() != self._history_at_start
        if edited_meanwhile and not self._files.maybe_save():
            self._message(f"Did not open {address}: your edits are still open.")
            return
        self._files.show_article(loaded, address)

    def _on_failed(self, address: str, message: str) -> None:
        self._tell(address, message)
        if not self._window.model.text:
            self._files.sigNothingOpen.emit()

    def _on_cancelled(self, address: str) -> None:
        self._message(f"Stopped downloading {address}.")
        if not self._window.model.text:
            self._files.sigNothingOpen.emit()

    def _tell(self, address: str, message: str) -> None:
        from desktop.ui import plain_text

        self._message(f"Could not open {address}.")
        plain_text.warning(self._window, "Could not open the address", message)

    def _message(self, text: str, timeout: int = 8000) -> None:
        self._window.statusBar().showMessage(text, timeout)
