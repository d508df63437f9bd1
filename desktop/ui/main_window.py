"""MainWindow: the article with its legend, the figures table and the charts."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Not imported here: PySide6 builds the whole Qt namespace (QtCore.Qt, 15 ms) on its first
# use, and QMessageBox and QUndoView on theirs; they are imported where used, after the
# text is first shown.
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop import __version__, process_settings, trace
from desktop.model.background import in_next_turn, settle_long_lived_objects
from desktop.model.session_model import SessionModel
from desktop.ui.analysis_status import AnalysisStatus
from desktop.ui.article_header import ArticleHeader
from desktop.ui.article_view import ArticleView
from desktop.ui.file_controller import FileController
from desktop.ui.legend import LabelLegend
from desktop.ui.saved_view import SavedView
from desktop.ui.when_shown import AfterFirstPaint

if TYPE_CHECKING:
    from desktop.ui.annotation_controller import AnnotationController

APP_NAME = "Article Lens"
#: How long work that waits for the side panes' first paint waits at most (a hidden
#: window never paints).
SETTLE_AT_MOST_MS = 2000
#: How long after the side panes' first paint the window counts as settled (the
#: charts paint again once pyqtgraph has laid them out).
SETTLE_AFTER_PAINT_MS = 100


class MainWindow(QMainWindow):
    """One window: article pane on the left, figures and charts on the right."""

    def __init__(self, model: SessionModel | None = None) -> None:
        super().__init__()
        self.model = model or SessionModel(self)
        self._analysis_started = 0.0
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        from desktop.ui.colour_scheme import SCHEME

        SCHEME.follow()  # light or dark, as the system (or View > Colours) says
        self._build_panes()
        self.saved_view = SavedView(self)  # what a session file keeps of the window
        self.files = FileController(self)
        self.document = self.files.document
        self.recent = self.files.recent
        self._annotation: AnnotationController | None = None
        self._settled = False
        self._when_settled: list[Callable[[], None]] = []
        self.status = AnalysisStatus(self.model, self)
        self.statusBar().addPermanentWidget(self.status)
        self.model.sigSessionReset.connect(self._update_title)
        self.model.undo_stack.cleanChanged.connect(self._update_title)
        self.document.sigPathChanged.connect(self._update_title)
        self.model.analysis.sigStarted.connect(self._on_analysis_started)
        self.model.analysis.sigFinished.connect(self._on_analysis_finished)
        self.model.analysis.sigFailed.connect(self._on_analysis_failed)
        self.resize(1280, 800)
        self._restore_layout()
        self._update_title()

    @property
    def annotation(self) -> AnnotationController:
        """Editing from the keyboard and the mouse; built with the menus (see _build_chrome)."""
        self._build_chrome()
        assert self._annotation is not None
        return self._annotation

    def _build_chrome(self) -> None:
        """The editing controller, the label toolbar and the menus: built just after the
        text is first shown (or on first use), so that the text appears sooner."""
        if self._annotation is not None:
            return
        from PySide6.QtCore import Qt

        from desktop.ui.annotation_controller import AnnotationController
        from desktop.ui.window_menus import WindowActions, build_label_toolbar, build_menus

        self._annotation = AnnotationController(self.model, self.article_view, self)
        self._annotation.sigMessage.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.label_toolbar = build_label_toolbar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_toolbar)
        self.menu_actions: WindowActions = build_menus(self)

    @property
    def fully_built(self) -> bool:
        """Whether the menus, toolbar and side panes built after the first paint exist."""
        return self._annotation is not None and bool(self._side_panes)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(200, self._build_side_panes_soon)

    def _build_panes(self) -> None:
        """The article pane now; the figures and charts panes (pandas, pyqtgraph) once
        the text is on screen, or as soon as something asks for them."""
        self.legend = LabelLegend(self.model, self)
        self.article_header = ArticleHeader(self.model, self)  # title, date, source of a document
        self.article_view = ArticleView(self.model, self)
        self.article_view.sigTextShown.connect(self._build_side_panes_soon)
        # after the whole window's paint that showed the article, not inside it: a thread
        # started within it would slow the panes painted after the article
        self.article_view.sigSessionShown.connect(
            lambda: in_next_turn(self.model, self.model.release_background))
        self._side_panes: dict[str, QWidget] = {}
        self._figure_to_show = (0, 0)  # see show_figure

        self.article_view.setAccessibleName("Article")
        self.legend.setAccessibleName("Labels shown")
        article_pane = _column(self, self.article_header, self.legend, self.article_view)
        # Horizontal (the default) and without a parent: QSplitter(parent) would build the
        # Qt namespace (see the imports). The right one turns vertical with its panes.
        self.right_splitter = QSplitter()
        self.main_splitter = QSplitter()
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(article_pane)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setSizes([560, 720])  # the figures table's columns need the room
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)

    def _build_side_panes_soon(self) -> None:
        QTimer.singleShot(0, self.model.hand_analysis_ahead)  # first: it may be waiting
        QTimer.singleShot(0, self._build_chrome)
        QTimer.singleShot(0, self._side_panes_built)

    def _side_panes_built(self) -> dict[str, QWidget]:
        """The figures table and the tabs under it, built on first use."""
        if self._side_panes:
            return self._side_panes
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QUndoView

        from desktop.core.compiled_patterns import patterns_from_cache

        # the figure engine's (~55 ms to compile); cached when this process loads its model
        with patterns_from_cache(save_now=False):
            from desktop.ui.charts_view import ChartsView
            from desktop.ui.entities_view import EntitiesView
            from desktop.ui.figures_view import FiguresView
            from desktop.ui.notes_view import NotesView

        panes = self._side_panes
        panes["figures"] = FiguresView(self.model, self)
        panes["charts"] = charts = ChartsView(self.model, self)
        panes["notes"] = NotesView(self.model, self)
        panes["history"] = history = QUndoView(self.model.undo_stack, self)
        history.setEmptyLabel("Opened")
        panes["entities"] = EntitiesView(self.model, self)
        charts.addTab(panes["entities"], "Entities")
        charts.addTab(panes["notes"], "Notes")
        charts.addTab(history, "History")
        for pane, name in ((panes["entities"], "Entities"), (panes["notes"], "Notes"), (history, "History of edits")):
            pane.setAccessibleName(name)

        self.right_splitter.setOrientation(Qt.Orientation.Vertical)
        self.right_splitter.addWidget(_column(self, _pane_title("Figures", self), panes["figures"]))
        self.right_splitter.addWidget(charts)
        self.right_splitter.setSizes([430, 370])
        state = QSettings().value("window/right")
        if state is not None:
            self.right_splitter.restoreState(state)
        self.saved_view.side_panes_built()
        AfterFirstPaint(charts, lambda: QTimer.singleShot(SETTLE_AFTER_PAINT_MS, self, self._settle))
        if not self.model.analysing:  # else it imports what it needs (at launch, in another process)
            self.model.import_analysis()
        trace.mark("side-panes-built")
        settle_long_lived_objects()  # pandas, pyqtgraph and the panes are here to stay
        start_cycle_collections(QApplication.instance())
        return panes

    def hold_background_until_painted(self, at_most_ms: int) -> None:
        """Start no background work of the session about to be shown (its analysis, a
        figure build) until the article view has painted it (``sigSessionShown``), at
        the latest after ``at_most_ms`` (a hidden window never paints)."""
        self.model.hold_background()
        QTimer.singleShot(at_most_ms, self.model, self.model.release_background)

    def show_figure(self, start: int, end: int) -> None:
        """Show the figure at ``[start, end)`` of the article: its text in view and
        selected once the article is painted, and its highlight selected (the table's
        row with it) once the analysis has read it."""
        self._figure_to_show = (start, end)
        once = Qt.ConnectionType.SingleShotConnection
        if self.article_view.session_shown:
            self._select_figure_text()
        else:
            self.article_view.sigSessionShown.connect(self._select_figure_text, once)
        if self.model.analysing:
            self.model.analysis.sigFinished.connect(self._select_figure, once)
        else:
            self._select_figure()

    def _select_figure_text(self) -> None:
        start, end = self._figure_to_show
        if end <= len(self.model.text):
            self.article_view.reveal(start, end)
            self.article_view.select_text(start, end)

    def _select_figure(self, *_cancelled) -> None:
        start, end = self._figure_to_show
        stated = [h for h in self.model.highlights_in(start, end) if (h.start, h.end) == (start, end)]
        if stated:
            self.model.select(stated[0].id)

    @property
    def settled(self) -> bool:
        """Whether the side panes have been painted (see :meth:`when_settled`)."""
        return self._settled

    def when_settled(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the side panes exist and have been painted (at once
        if they have). Their first paint is the window's heaviest, and work in a
        Python thread at the same time makes it several times slower (the two share
        the GIL): a large file is read after it. A window that never paints (hidden)
        calls it after SETTLE_AT_MOST_MS."""
        if self._settled:
            callback()
            return
        self._when_settled.append(callback)
        QTimer.singleShot(SETTLE_AT_MOST_MS, self, self._settle)

    def _settle(self) -> None:
        if self._settled:
            return
        self._settled = True
        waiting, self._when_settled = self._when_settled, []
        for callback in waiting:
            callback()

    @property
    def figures_view(self):
        return self._side_panes_built()["figures"]

    @property
    def charts_view(self):
        return self._side_panes_built()["charts"]

    @property
    def notes_view(self):
        return self._side_panes_built()["notes"]

    # -- files ---------------------------------------------------------------
    def open_path(self, path: str | Path, ask_to_save: bool = True) -> bool:
        """Open an article or a session (see FileController.open_path)."""
        return self.files.open_path(path, ask_to_save)

    def document_name(self) -> str:
        """The name the window shows: the session file's, else the article's."""
        if self.document.path is not None:
            return self.document.path.name
        article = self.model.article
        local = article.source and "://" not in article.source  # not a web address
        return (Path(article.source).name if local else article.title) or "Untitled"

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() or url.scheme() in ("http", "https") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        paths = paths or [url.toString() for url in event.mimeData().urls()  # a link from a browser
                          if url.scheme() in ("http", "https")]
        if paths:
            event.acceptProposedAction()
            self.open_path(paths[0])

    # -- status --------------------------------------------------------------
    def _update_title(self, *_args) -> None:
        self.setWindowTitle(f"{self.document_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _on_analysis_started(self) -> None:
        self._analysis_started = time.perf_counter()

    def _on_analysis_finished(self, cancelled: bool) -> None:
        if cancelled:
            self.statusBar().showMessage("Analysis cancelled; what was found so far is kept.", 8000)
            return
        trace.mark("analysis-finished")
        seconds = time.perf_counter() - self._analysis_started
        highlights = sum(self.model.label_counts().values())
        derived = int(self.model.figures()["derived"].sum())
        stated = len(self.model.figures()) - derived  # as the figures pane counts them
        self.statusBar().showMessage(
            f"Analysed in {seconds:.1f} s: {highlights} highlights, {stated} figures stated"
            + (f" and {derived} derived from them." if derived else "."), 10000
        )

    def _on_analysis_failed(self, message: str) -> None:
        from desktop.ui import plain_text

        self.statusBar().showMessage("The analysis failed.", 10000)
        plain_text.critical(self, "The analysis failed", message)

    # -- small commands ------------------------------------------------------
    def focus_filter(self) -> None:
        self.figures_view.filter_box.setFocus()
        self.figures_view.filter_box.selectAll()

    def edit_labels(self) -> None:
        from desktop.ui.labels_dialog import LabelsDialog

        used = {h.label for h in self.model.session.highlights}
        dialog = LabelsDialog(self.model.session.labels, used, self.annotation.reserved_keys(), self)
        if dialog.exec():
            self.model.set_labels(dialog.labels())

    def show_shortcuts(self) -> None:
        from desktop.ui import plain_text
        from desktop.ui.window_menus import SHORTCUTS_HELP

        plain_text.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Read news closely: entities, figures and charts.",
        )

    # -- window layout persistence (app preferences, not session state) --------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/main")
        if state is not None:
            self.main_splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.recent.write()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/main", self.main_splitter.saveState())
        if self._side_panes:
            settings.setValue("window/right", self.right_splitter.saveState())
        self.model.shutdown()
        self.document.discard_recovery()
        super().closeEvent(event)


def _pane_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    label.setContentsMargins(4, 4, 4, 0)
    return label


def _column(parent: QWidget, *widgets: QWidget) -> QWidget:
    """A widget stacking ``widgets``; the last one takes the spare height."""
    column = QWidget(parent)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets[:-1]:
        layout.addWidget(widget)
    layout.addWidget(widgets[-1], 1)
    return column


_collections: list[QTimer] = []


def start_cycle_collections(app: QApplication) -> None:
    """Run Python's cycle collections on a timer in the window's thread only, once per
    process (see ``process_settings.configure_gui``): one run by a background thread
    could delete Qt objects there."""
    if not _collections:
        process_settings.stop_automatic_collections()
        timer = QTimer(app, interval=process_settings.COLLECT_EVERY_MS)
        timer.timeout.connect(process_settings.collect_young_objects)
        timer.start()
        _collections.append(timer)


def application() -> QApplication:
    """The running QApplication (created with the app's names if there is none)."""
    app = QApplication.instance() or QApplication([])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("ArticleLens")
    return app
