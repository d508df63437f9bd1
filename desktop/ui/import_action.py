"""File › Import…: annotations from brat, doccano, Prodigy or W3C Web Annotation
become a new, unsaved session in the window (unsaved edits are asked about first, as
Open does). The file is read in a background thread; its warnings are shown plainly.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop.ui import plain_text

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

ANY_FORMAT = "All annotation files (*.ann *.jsonl *.jsonld *.json)"
#: The file dialog's filter of each format.
FILTERS = {
    "brat": "brat standoff (*.ann)",
    "doccano": "doccano JSONL (*.jsonl *.json)",
    "prodigy": "Prodigy JSONL (*.jsonl)",
    "w3c": "W3C Web Annotation (*.jsonld *.json)",
}
#: The most warnings a message lists (the rest are counted).
SHOWN_WARNINGS = 12
PROGRESS_AFTER_MS = 400


class ImportAction(QObject):
    """Runs File › Import… for one window."""

    sigDone = Signal(object, object)  # the job, what it imported (internal)
    sigImported = Signal(object)  # the Imported, once shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import")
        self._job: Future | None = None
        self._progress: QProgressDialog | None = None
        self._history = 0
        self.sigDone.connect(self._on_done)
        window.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))

    def run(self) -> None:
        """Ask for unsaved edits, then a file and its format, then import it."""
        if self._job is not None or not self._window.files.maybe_save():
            return
        chosen, selected = QFileDialog.getOpenFileName(
            self._window, "Import annotations", str(self._window.document.folder()),
            ";;".join([ANY_FORMAT, *FILTERS.values()]))
        if not chosen:
            return
        fmt = next((name for name, label in FILTERS.items() if label == selected), None)
        if fmt is None:
            from desktop.model.opening import annotation_format

            fmt = annotation_format(chosen)
        if fmt is None:
            plain_text.warning(self._window, "Unknown format",
                               f"{Path(chosen).name} is not a brat, doccano, Prodigy or W3C Web Annotation "
                               "file that Article Lens can tell. Choose its format in the file dialog's list.")
            return
        self.import_file(fmt, chosen)

    def import_file(self, fmt: str, path: str | Path, text_path: str | Path | None = None) -> None:
        """Read ``path`` as ``fmt`` in the background; show it when read."""
        from desktop.model.exports import import_annotations

        self._history = self._window.model.undo_stack.index()
        self._job = job = self._pool.submit(_read, import_annotations, fmt, path, text_path)
        job.context = (fmt, Path(path), text_path)
        self._progress = progress = QProgressDialog(f"Importing {Path(path).name}…", "", 0, 0, self._window)
        progress.setObjectName("importProgress")
        progress.setWindowTitle("Import")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setValue(0)
        job.add_done_callback(lambda done: _deliver(self, done))

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _on_done(self, job: Future, _unused) -> None:
        if job is not self._job:
            return
        self._job = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        fmt, path, text_path = job.context
        error = job.exception()
        if error is not None:
            self._failed(fmt, path, text_path, error)
            return
        imported = job.result()  # an Imported: the session and the warnings
        window = self._window
        if window.model.undo_stack.index() != self._history and not window.files.maybe_save():
            window.statusBar().showMessage(f"Did not import {path.name}: your edits are still open.", 8000)
            return
        window.document.new_from(imported.session, None, modified=True)
        session = imported.session
        window.statusBar().showMessage(
            f"Imported {path.name}: {len(session.highlights):,} highlights on {len(session.article.text):,} "
            "characters (not saved yet).", 10000)
        if imported.warnings:
            plain_text.warning(window, "Imported, with warnings", warnings_text(path.name, imported.warnings))
        self.sigImported.emit(imported)

    def _failed(self, fmt: str, path: Path, text_path, error: BaseException) -> None:
        from desktop.model.opening import FileFormatError

        if not isinstance(error, FileFormatError):
            plain_text.critical(self._window, "Could not import", f"{path.name}: {type(error).__name__}: {error}")
            return
        if fmt == "w3c" and text_path is None and getattr(error, "field", "") == "article":
            answer = plain_text.question(
                self._window, "Which text?",
                f"{path.name} holds annotations but not the text they are on. Choose the text file "
                "(UTF-8) they were made on?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Open)
            if answer != QMessageBox.StandardButton.Open:
                return
            text, _ = QFileDialog.getOpenFileName(self._window, "The annotated text", str(path.parent),
                                                  "Text (*.txt);;All files (*)")
            if text:
                self.import_file(fmt, path, text)
            return
        message = str(error)
        if path.name not in message:
            message = f"{path.name}: {message}"
        plain_text.warning(self._window, "Could not import", message)


def warnings_text(name: str, warnings: list[str]) -> str:
    shown = "\n".join(f"• {warning}" for warning in warnings[:SHOWN_WARNINGS])
    more = f"\n… and {len(warnings) - SHOWN_WARNINGS} more." if len(warnings) > SHOWN_WARNINGS else ""
    count = f"{len(warnings)} warning{'s' if len(warnings) > 1 else ''}"
    return f"{name} was imported ({count}):\n\n{shown}{more}"


def _read(import_annotations, fmt: str, path, text_path):
    from desktop.model.background import lower_priority

    lower_priority()
    return import_annotations(fmt, path, text_path)


def _deliver(action: ImportAction, job: Future) -> None:
    try:
        action.sigDone.emit(job, None)
    except RuntimeError:  # the window was closed meanwhile
        pass
