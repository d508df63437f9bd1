"""File › Open URL…: an article read from a web address in a background thread, with
its progress and a Cancel button in the status bar; the window stays responsive and
the article open stays until the new one is in."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QWidget

from desktop.model.opening import FileFormatError
from desktop.model.url_reader import UrlReader, web_address
from desktop.ui.plain_text import plain_label

if TYPE_CHECKING:
    from desktop.ui.file_controller import FileController
    from desktop.ui.main_window import MainWindow


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
        if 0 < size <= received:
            self.converting()

    def converting(self) -> None:
        self.message.setText("Reading the article…")
        self.progress.setRange(0, 0)


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
    window: asks for an address, reads it with a :class:`UrlReader` (its progress and
    Cancel in the status bar), and shows the article, or says why not (the article
    open stays)."""

    def __init__(self, window: MainWindow, files: FileController) -> None:
        super().__init__(files)
        self._window = window
        self._files = files
        self.status = FetchStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.opener = opener = UrlReader(self)
        opener.sigStarted.connect(self.status.started)
        opener.sigProgress.connect(self.status.advanced)
        opener.sigStopped.connect(self.status.hide)
        self.status.cancel_button.clicked.connect(opener.cancel)
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
        try:
            address = web_address(address)
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
