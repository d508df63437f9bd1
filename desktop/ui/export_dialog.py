"""File › Export…: a dialog listing the formats with a preview of what goes out, then a
save dialog starting in the session's (or article's) folder.

The export is made in a background thread from a snapshot of the session taken when
the dialog opens (the window's figures table with it), once per format: the preview
shows it, and Export writes those very bytes (atomically, also in the background),
with a progress dialog when that takes a while. Nothing from the files is shown as
rich text except the report preview, whose HTML Article Lens wrote itself (every
text in it escaped) and which loads nothing: its charts are drawn from its own SVG.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from desktop.model.export_job import failed_preview, make_export, snapshot, write_export
from desktop.ui import plain_text
from desktop.ui.report_preview import ReportPreview

if TYPE_CHECKING:
    import pandas as pd

    from desktop.model.export_preview import ExportPreview
    from desktop.model.export_targets import ExportTarget
    from desktop.ui.main_window import MainWindow

#: The formats in the list: name shown, what it holds, the save dialog's filter.
FORMATS = {
    "csv": ("CSV", "the figures table, every column", "CSV table (*.csv)"),
    "xlsx": ("Excel workbook", "figures (as numbers), entities and the article's facts", "Excel workbook (*.xlsx)"),
    "html": ("HTML report", "the article with its highlights and notes, the figures and the charts, "
             "in one self-contained page", "HTML page (*.html *.htm)"),
    "brat": ("brat standoff", "NAME.txt, NAME.ann, annotation.conf and visual.conf, for brat",
             "brat annotations (*.ann)"),
    "doccano": ("doccano JSONL", "the text and its labelled spans, for a sequence-labelling project",
                "JSON Lines (*.jsonl)"),
    "prodigy": ("Prodigy JSONL", "the text, its spaCy tokens and its spans, for ner_manual / spans_manual",
                "JSON Lines (*.jsonl)"),
    "w3c": ("W3C Web Annotation", "an AnnotationCollection (JSON-LD) carrying the text",
            "JSON-LD (*.jsonld *.json)"),
}
#: How long an export may take before a progress dialog shows (ms).
PROGRESS_AFTER_MS = 400


class _Results(QObject):
    """Carries a finished background job to the window's thread."""

    sigDone = Signal(str, object)


class ExportDialog(QDialog):
    """Pick a format, see what goes out, export it."""

    sigExported = Signal(list)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self._window = window
        self._session = snapshot(window.model.session, window.document.created)
        self._figures: pd.DataFrame = window.model.figures()
        self._name = window.document.stem()
        self._figures_pending = not window.model.figure_store.ready or window.model.analysing
        self._jobs: dict[str, Future] = {}
        self._previews: dict[str, ExportPreview] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")
        self._results = _Results(self)
        self._results.sigDone.connect(self._on_done)
        self._progress: QProgressDialog | None = None
        self._progress_for = ""
        self._pending_target: ExportTarget | None = None
        self._writing: tuple[ExportTarget, Future] | None = None
        self.written: list[Path] = []

        self.formats = QListWidget(self)
        self.formats.setObjectName("exportFormats")
        for fmt, (name, what, _) in FORMATS.items():
            item = QListWidgetItem(name, self.formats)
            item.setData(Qt.ItemDataRole.UserRole, fmt)
            item.setToolTip(plain_text.tooltip_text(what))
        self.formats.setFixedWidth(self.formats.sizeHintForColumn(0) + 40)
        self.what = plain_text.plain_label("", self)
        self.what.setObjectName("exportWhat")
        self.what.setWordWrap(True)
        self.summary = plain_text.plain_label("", self)
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.text_preview = QPlainTextEdit(self)
        self.text_preview.setObjectName("exportPreviewText")
        self.text_preview.setReadOnly(True)
        self.text_preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.text_preview.setFont(mono)
        self.report_preview = ReportPreview(self)
        self.preview = QStackedWidget(self)
        self.preview.addWidget(self.text_preview)
        self.preview.addWidget(self.report_preview)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = QPushButton("&Export…", self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.what)
        right.addWidget(self.summary)
        right.addWidget(self.preview, 1)
        if self._figures_pending:
            pending = plain_text.plain_label("The analysis is still running: the figures are those "
                                             "found so far.", self)
            pending.setObjectName("exportPending")
            right.addWidget(pending)
        top = QHBoxLayout()
        top.addWidget(self.formats)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 620)
        self.formats.currentItemChanged.connect(lambda *_: self._show_current())
        self.formats.setCurrentRow(0)

    # -- the format and its preview -------------------------------------------
    @property
    def fmt(self) -> str:
        item = self.formats.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "csv"

    def select_format(self, fmt: str) -> None:
        self.formats.setCurrentRow(list(FORMATS).index(fmt))

    def preview_ready(self, fmt: str | None = None) -> bool:
        return (fmt or self.fmt) in self._previews

    def preview_text(self) -> str:
        """What the preview shows now, as text (the report's rendered text for html)."""
        if self.preview.currentWidget() is self.report_preview:
            return self.report_preview.toPlainText()
        return self.text_preview.toPlainText()

    def _show_current(self) -> None:
        fmt = self.fmt
        self.what.setText(f"{FORMATS[fmt][0]}: {FORMATS[fmt][1]}.")
        preview = self._previews.get(fmt)
        if preview is None:
            self.summary.setText("Preparing the preview…")
            self.text_preview.setPlainText("")
            self.preview.setCurrentWidget(self.text_preview)
            self._start(fmt)
            return
        self.summary.setText(preview.summary)
        if preview.html:
            self.report_preview.show_report(preview.html)
            self.preview.setCurrentWidget(self.report_preview)
        else:
            self.text_preview.setPlainText(preview.text)
            self.preview.setCurrentWidget(self.text_preview)

    def _start(self, fmt: str) -> Future:
        if fmt not in self._jobs:
            job = self._pool.submit(make_export, self._session, fmt, self._figures, self._name)
            job.add_done_callback(lambda done, f=fmt: _deliver(self._results, f, done))
            self._jobs[fmt] = job
        return self._jobs[fmt]

    def _on_done(self, fmt: str, job: Future) -> None:
        if fmt == "\0write":
            self._on_written(job)
            return
        error = job.exception()
        if error is not None:
            self._previews[fmt] = failed_preview(error)
        else:
            self._previews[fmt] = job.result()[1]
        if fmt == self.fmt:
            self._show_current()
        if self._writing is None and self._progress is not None and self._progress_for == fmt:
            self._close_progress()
            if error is not None:
                plain_text.critical(self, "Could not export", f"The export failed: {error}")
            else:
                self._write(self._pending_target)

    # -- exporting --------------------------------------------------------------
    def choose_and_export(self) -> None:
        """Ask where (starting in the session's folder), then export there."""
        from desktop.model.exports import EXPORT_FORMATS

        fmt = self.fmt
        extension = EXPORT_FORMATS[fmt]
        suggested = self._window.document.folder() / f"{self._name}.{extension}"
        chosen, _ = QFileDialog.getSaveFileName(self, f"Export as {FORMATS[fmt][0]}", str(suggested),
                                                FORMATS[fmt][2])
        if chosen:
            path = Path(chosen)
            if not path.suffix:
                path = path.with_name(f"{path.name}.{extension}")
            self.export_to(path)

    def export_to(self, path: str | Path) -> bool:
        """Export the current format to ``path`` (see export_targets for brat); False
        when refused. The files are written once the export is made."""
        from desktop.model.export_targets import export_target, overwrite_problem

        fmt = self.fmt
        target = export_target(fmt, path, self._name)
        planned = target.planned_names()
        if problem := overwrite_problem(planned, self._window.document.own_files()):
            plain_text.warning(self, "Choose another name", problem)
            return False
        text_file = target.folder / f"{target.name}.txt"
        if fmt == "brat" and text_file.exists():  # the save dialog asked about the .ann only
            if plain_text.question(
                    self, "Replace the text file?",
                    f"{text_file.name} already exists in {target.folder}; the document's text would "
                    "replace it. Replace it?",
                    default=QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                return False
        job = self._start(fmt)
        self._pending_target = target
        if job.done():
            self._write(target)
        else:
            self._show_progress(fmt)
        return True

    def _show_progress(self, fmt: str) -> None:
        self._progress_for = fmt
        progress = self._progress = QProgressDialog(f"Making the {FORMATS[fmt][0]}…", "Cancel", 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.canceled.connect(self._cancel)
        progress.setValue(0)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel)
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _cancel(self) -> None:
        """Stop waiting: nothing is written (files already written stay whole)."""
        if self._progress is not None:
            self._progress.deleteLater()
        self._progress = None
        self._writing = None
        self._pending_target = None

    def _write(self, target: ExportTarget | None) -> None:
        if target is None:
            return
        files, _ = self._jobs[target.fmt].result()
        job = self._pool.submit(write_export, target, files)
        self._writing = (target, job)
        job.add_done_callback(lambda done: _deliver(self._results, "\0write", done))
        if not job.done():
            self._show_progress(target.fmt)
            self._progress.setLabelText(f"Writing {len(files)} file{'s' if len(files) > 1 else ''}…")

    def _on_written(self, job: Future) -> None:
        if self._writing is None or self._writing[1] is not job:
            return  # cancelled meanwhile
        target, _ = self._writing
        self._writing = None
        self._close_progress()
        error = job.exception()
        if error is not None:
            where = getattr(error, "filename", None) or target.folder
            plain_text.critical(self, "Could not export",
                                f"{where} could not be written: {getattr(error, 'strerror', None) or error}.")
            return
        self.written = job.result()
        folder = self.written[0].parent if self.written else target.folder
        names = ", ".join(p.name for p in self.written)
        self._window.statusBar().showMessage(f"Exported {names} to {folder}.", 10000)
        self.sigExported.emit(self.written)
        self.accept()

    def done(self, result: int) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().done(result)


def _deliver(results: _Results, key: str, job: Future) -> None:
    try:
        results.sigDone.emit(key, job)
    except RuntimeError:  # the dialog was closed meanwhile
        pass


def open_export_dialog(window: MainWindow) -> ExportDialog:
    """File › Export…: the dialog, window-modal (not blocking the caller)."""
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
