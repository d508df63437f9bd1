"""MainWindow: the article with its legend, the figures table and the charts."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QUndoView,
    QVBoxLayout, QWidget,
)

from desktop import __version__, trace
from desktop.formats.errors import FileFormatError
from desktop.formats.readers import ARTICLE_SUFFIXES, read_article
from desktop.model.session_model import SessionModel
from desktop.ui.analysis_status import AnalysisStatus
from desktop.ui.annotation_controller import AnnotationController
from desktop.ui.article_view import ArticleView
from desktop.ui.charts_view import ChartsView
from desktop.ui.figures_view import FiguresView
from desktop.ui.labels_dialog import LabelsDialog
from desktop.ui.legend import LabelLegend
from desktop.ui.notes_view import NotesView
from desktop.ui.recent_files import RecentFiles
from desktop.ui.window_menus import build_label_toolbar, build_menus

APP_NAME = "Article Lens"
SHORTCUTS_HELP = """In the article:
1–9  label the selected text (or relabel the selected highlight)
Shift+arrows  select text from the keyboard
N / P  next / previous highlight;  S  next suggestion
Enter  accept the suggestion;  Backspace  reject it
Del  delete the highlight;  F2  edit its note
Alt+Right / Alt+Left  grow / shrink its end by a word
Alt+Shift+Left / Alt+Shift+Right  grow / shrink its start
Ctrl+L  label all occurrences of the selection
Esc  clear the selection

Anywhere: Ctrl+Z / Ctrl+Shift+Z undo / redo, Ctrl+F filter figures,
Ctrl+1 / Ctrl+2 article / figures table, Ctrl+O open, F5 analyse again."""
OPEN_FILTER = (
    "Articles (" + " ".join(f"*{s}" for s in ARTICLE_SUFFIXES) + ");;All files (*)"
)


class MainWindow(QMainWindow):
    """One window: article pane on the left, figures and charts on the right."""

    def __init__(self, model: SessionModel | None = None) -> None:
        super().__init__()
        self.model = model or SessionModel(self)
        self.recent = RecentFiles(self)
        self._analysis_started = 0.0
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self._build_panes()
        self.annotation = AnnotationController(self.model, self.article_view, self)
        self.annotation.sigMessage.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.label_toolbar = build_label_toolbar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_toolbar)
        build_menus(self)
        self.status = AnalysisStatus(self.model, self)
        self.statusBar().addPermanentWidget(self.status)
        self.model.sigSessionReset.connect(self._update_title)
        self.model.undo_stack.cleanChanged.connect(self._update_title)
        self.model.analysis.sigStarted.connect(self._on_analysis_started)
        self.model.analysis.sigFinished.connect(self._on_analysis_finished)
        self.model.analysis.sigFailed.connect(self._on_analysis_failed)
        self.resize(1280, 800)
        self._restore_layout()
        self._update_title()

    # -- building ------------------------------------------------------------
    def _build_panes(self) -> None:
        self.legend = LabelLegend(self.model, self)
        self.article_view = ArticleView(self.model, self)
        self.figures_view = FiguresView(self.model, self)
        self.charts_view = ChartsView(self.model, self)
        self.notes_view = NotesView(self.model, self)
        self.history_view = QUndoView(self.model.undo_stack, self)
        self.history_view.setEmptyLabel("Opened")
        self.charts_view.addTab(self.notes_view, "Notes")
        self.charts_view.addTab(self.history_view, "History")

        article_pane = QWidget(self)
        article_layout = QVBoxLayout(article_pane)
        article_layout.setContentsMargins(0, 0, 0, 0)
        article_layout.setSpacing(2)
        article_layout.addWidget(self.legend)
        article_layout.addWidget(self.article_view, 1)

        figures_pane = QWidget(self)
        figures_layout = QVBoxLayout(figures_pane)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(_pane_title("Figures", figures_pane))
        figures_layout.addWidget(self.figures_view, 1)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(figures_pane)
        self.right_splitter.addWidget(self.charts_view)
        self.right_splitter.setSizes([430, 370])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(article_pane)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setSizes([680, 600])
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)

    # -- opening files -------------------------------------------------------
    def open_dialog(self) -> None:
        start = str(Path(self.model.article.source).parent) if self.model.article.source else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open an article", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open the article at ``path``; on failure say why and keep the current one."""
        try:
            article = read_article(path)
        except FileFormatError as error:
            self.statusBar().showMessage(f"Could not open {Path(path).name}", 8000)
            QMessageBox.warning(self, "Could not open the file", str(error))
            return False
        self.model.open_article(article)
        self.recent.add(path)
        encoding = f", {article.encoding}" if article.encoding else ""
        self.statusBar().showMessage(
            f"Opened {Path(path).name} ({len(article.text):,} characters{encoding})", 8000
        )
        return True

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the List", self.recent.clear)
        else:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self.recent.remove(path)
            QMessageBox.warning(self, "File not found", f"{path} no longer exists.")
            return
        self.open_path(path)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_path(paths[0])

    # -- status --------------------------------------------------------------
    def _update_title(self, *_args) -> None:
        article = self.model.article
        name = Path(article.source).name if article.source else article.title
        self.setWindowTitle(f"{name or 'Untitled'}[*] — {APP_NAME}")
        self.setWindowModified(not self.model.undo_stack.isClean())

    def _on_analysis_started(self) -> None:
        self._analysis_started = time.perf_counter()

    def _on_analysis_finished(self, cancelled: bool) -> None:
        if cancelled:
            self.statusBar().showMessage("Analysis cancelled; what was found so far is kept.", 8000)
            return
        trace.mark("analysis-finished")
        seconds = time.perf_counter() - self._analysis_started
        highlights = sum(self.model.label_counts().values())
        figures = len(self.model.figures())
        self.statusBar().showMessage(
            f"Analysed in {seconds:.1f} s: {highlights} highlights, {figures} figures.", 10000
        )

    def _on_analysis_failed(self, message: str) -> None:
        self.statusBar().showMessage("The analysis failed.", 10000)
        QMessageBox.critical(self, "The analysis failed", message)

    def focus_filter(self) -> None:
        self.figures_view.filter_box.setFocus()
        self.figures_view.filter_box.selectAll()

    def edit_labels(self) -> None:
        used = {h.label for h in self.model.session.highlights}
        dialog = LabelsDialog(self.model.session.labels, used, self)
        if dialog.exec():
            self.model.set_labels(dialog.labels())

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Read news closely: entities, figures and charts.",
        )

    # -- layout persistence --------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (("window/main", self.main_splitter), ("window/right", self.right_splitter)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/main", self.main_splitter.saveState())
        settings.setValue("window/right", self.right_splitter.saveState())
        self.model.shutdown()
        super().closeEvent(event)


def _pane_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    label.setContentsMargins(4, 4, 4, 0)
    return label


def application() -> QApplication:
    """The running QApplication (created with the app's names if there is none)."""
    app = QApplication.instance() or QApplication([])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("ArticleLens")
    return app
