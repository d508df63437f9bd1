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

import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem,
    QMessageBox, QPlainTextEdit, QProgressDialog, QPushButton, QStackedWidget, QTextBrowser,
    QVBoxLayout, QWidget,
)

from desktop.ui import plain_text

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.session import Session
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


def start_folder(window: MainWindow) -> Path:
    """Where save dialogs start: the session's folder, else the article's, else home."""
    if window.document.path is not None:
        return window.document.path.parent
    source = window.model.article.source
    if source and "://" not in source and Path(source).parent.is_dir():
        return Path(source).parent
    return Path.home()


def document_stem(window: MainWindow) -> str:
    """The name an export is called by default: the session's, else the article's."""
    from desktop.model.export_targets import safe_name

    if window.document.path is not None:
        return safe_name(window.document.path.stem)
    source = window.model.article.source
    if source and "://" not in source:
        return safe_name(Path(source).stem)
    return safe_name(window.model.article.title or "article")


def protected_files(window: MainWindow) -> dict[str, Path | None]:
    """The files an export must never replace: the open session and its article."""
    source = window.model.article.source
    article = Path(source) if source and "://" not in source and Path(source).is_file() else None
    return {"the open session's file": window.document.path, "the article's own file": article}


def snapshot(session: Session) -> Session:
    """A copy of ``session`` a background thread may read while the window edits the
    original (highlights are immutable: the sets are copied, not the highlights)."""
    from desktop.core.highlight_set import HighlightSet
    from desktop.core.session import Session

    return Session(session.article, HighlightSet(session.highlights), list(session.labels),
                   {key: dict(cells) for key, cells in session.figure_overrides.items()},
                   set(session.hidden_labels), dict(session.extra))


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
        self._session = snapshot(window.model.session)
        self._figures: pd.DataFrame = window.model.figures()
        self._name = document_stem(window)
        self._figures_pending = not window.model.figures_ready or window.model.analysing
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
            job = self._pool.submit(_make_export, self._session, fmt, self._figures, self._name)
            job.add_done_callback(lambda done, f=fmt: _deliver(self._results, f, done))
            self._jobs[fmt] = job
        return self._jobs[fmt]

    def _on_done(self, fmt: str, job: Future) -> None:
        if fmt == "\0write":
            self._on_written(job)
            return
        error = job.exception()
        if error is not None:
            self._previews[fmt] = _failed_preview(error)
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
        suggested = start_folder(self._window) / f"{self._name}.{extension}"
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
        if problem := overwrite_problem(planned, protected_files(self._window)):
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
        job = self._pool.submit(_write_files, target, files)
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


def _make_export(session: Session, fmt: str, figures: pd.DataFrame, name: str):
    from desktop.model.background import lower_priority
    from desktop.model.export_preview import export_preview

    lower_priority()
    from desktop.model.exports import export_session

    files = export_session(session, fmt, figures, name)
    return files, export_preview(fmt, files)


def _write_files(target: ExportTarget, files: dict[str, bytes]) -> list[Path]:
    from desktop.model.export_targets import write_files

    return write_files(target.paths(files), make_folder=target.file is None)


def _failed_preview(error: BaseException):
    from desktop.model.export_preview import ExportPreview

    return ExportPreview("This export failed.", text=f"{type(error).__name__}: {error}")


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SIZE = re.compile(r'<svg[^>]*?width="(\d+)"[^>]*?height="(\d+)"')


class ReportPreview(QTextBrowser):
    """The report's HTML as Qt's rich text shows it: its charts (inline SVG, which Qt's
    rich text cannot draw) as images drawn from that SVG; nothing else is loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPreviewReport")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.charts: list[QImage] = []

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 (Qt's name)
        return None  # the charts are added as resources; nothing else is fetched

    def show_report(self, report: str) -> None:
        from desktop.formats.report_svg import SVG_STYLE

        self.charts = []
        document = QTextDocument(self)
        document.setDefaultFont(self.font())

        def chart_image(match: re.Match) -> str:
            svg = match.group(0)
            opened = svg.index(">") + 1
            image = svg_image(svg[:opened] + f"<style>{SVG_STYLE}</style>" + svg[opened:])
            url = f"chart:{len(self.charts)}"
            self.charts.append(image)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
            size = _SIZE.search(svg)
            width = f' width="{size.group(1)}"' if size else ""
            return f'<p><img src="{url}"{width}></p>'

        report = _SVG.sub(chart_image, report)
        report = report.replace("<mark ", "<span ").replace("</mark>", "</span>")
        report = re.sub(r"(\.l\d+\{)background:", r"\1background-color:", report)
        # Qt's rich text has no CSS grid: the facts as a table, the legend's chips apart
        report = re.sub(r'<dl class="facts">(.*?)</dl>', lambda m: "<table>" + re.sub(
            r"<dt>(.*?)</dt><dd>(.*?)</dd>", r'<tr><td style="color:#57606a;padding-right:12px">\1</td>'
            r"<td>\2</td></tr>", m.group(1)) + "</table>", report, count=1, flags=re.S)
        report = re.sub(r'(<p class="legend">.*?</p>)', lambda m: m.group(1).replace("</span>", "</span> "),
                        report, count=1, flags=re.S)
        document.setHtml(report)
        self.setDocument(document)


def svg_image(svg: str, scale: float = 1.0) -> QImage:
    """An SVG drawing as an image at its own size (times ``scale``), on white."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(680, 300)
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        renderer.render(painter)
    finally:
        painter.end()
    return image


def open_export_dialog(window: MainWindow) -> ExportDialog:
    """File › Export…: the dialog, window-modal (not blocking the caller)."""
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.export_dialog = dialog
    dialog.open()
    return dialog
