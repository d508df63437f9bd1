"""File › Open Folder…: the corpus view, a window of its own over a folder of articles.

Above, the articles found (title, date, counts, or why a file was skipped) beside a
chart of one subject over time across them; below, one figures table across every
article, with its filters. The run (:class:`desktop.model.corpus_run.CorpusRun`)
finds, analyses and caches in the background; the bar at the top counts the
articles done of those found and cancels. Double-clicking an article or a figure, or
clicking a point of the chart, opens that article in a main window of its own, as a
session, as the app opens a file handed to it (``ui.window_opener``: the running app registers :meth:`desktop.app_windows.App.open_files`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.model.corpus_articles import CorpusArticleModel
from desktop.model.corpus_filter import values_of
from desktop.model.corpus_run import CorpusRun
from desktop.model.corpus_table import CorpusFigureModel
from desktop.ui.corpus_chart import CorpusChart
from desktop.ui.corpus_filters import CorpusFilters
from desktop.ui.window_opener import open_in_own_window

#: Opens an article in a window of its own: called with its path, and with a figure's
#: span of its text when a figure was chosen (see ui.window_opener).
Opener = Callable[..., None]
#: The filters' choices and the chart follow new rows at most this often (ms).
REFRESH_MS = 300
#: The corpus windows open (each deletes itself when closed).
OPEN_WINDOWS: list[CorpusWindow] = []


def find_articles(folder: str):
    """The articles under ``folder``, as ``article-lens extract FOLDER`` finds them."""
    from desktop.corpus import find_documents

    return find_documents([folder])


def analyse_in_worker(path: str, known_sha256: str):
    """The analysis of the article ``path`` in one of the app's worker processes (a
    Future of the command line's result), skipped when its text is ``known_sha256``."""
    from desktop.corpus import analyse_for_view
    from desktop.nlp.parallel import submit

    return submit(analyse_for_view, path, known_sha256)


def ask_and_show(parent: QWidget | None = None) -> CorpusWindow | None:
    """Ask for a folder, then show its corpus view (None when none was chosen)."""
    folder = QFileDialog.getExistingDirectory(parent, "Open a Folder of Articles")
    return show_corpus(folder) if folder else None


def show_corpus(folder: str, opener: Opener = open_in_own_window) -> CorpusWindow:
    """The corpus view of ``folder``, shown, its run started."""
    window = CorpusWindow(folder, opener)
    window.show()
    window.start()
    return window


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 100,000 rows: never measured
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    vertical.hide()
    view.horizontalHeader().setHighlightSections(False)
    return view


class CorpusWindow(QMainWindow):
    def __init__(self, folder: str, opener: Opener = open_in_own_window) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.folder = os.path.abspath(folder)
        self._opener = opener
        self.setWindowTitle(f"{os.path.basename(self.folder) or self.folder} — Corpus — Article Lens")
        self.articles = CorpusArticleModel(self)
        self.figures = CorpusFigureModel(self)
        self.run = CorpusRun(self.folder, find_articles, analyse_in_worker, self)
        self.run.sigAdded.connect(self._on_added)
        self.run.sigDone.connect(self._on_done)
        self.run.sigProgress.connect(self._on_progress)
        self.run.sigFinished.connect(self._on_finished)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_views)
        self._build()
        OPEN_WINDOWS.append(self)
        self.destroyed.connect(lambda *_: OPEN_WINDOWS.remove(self) if self in OPEN_WINDOWS else None)
        self.resize(1240, 780)

    def _build(self) -> None:
        self.folder_label = QLabel(self.folder, self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("corpusProgress")
        self.progress.setRange(0, 0)
        self.progress.setMinimumWidth(260)
        self.progress.setFormat("looking for articles…")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("corpusCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(self)
        self.status.setObjectName("corpusStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Folder</b>", self))
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)

        self.article_view = _table(self.articles, "corpusArticles")
        header = self.article_view.horizontalHeader()
        for column, width in enumerate((210, 84, 60, 56, 120, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.article_view.doubleClicked.connect(lambda index: self._open_article_row(index.row()))
        self.chart = CorpusChart(self)
        self.chart.sigOpen.connect(self.open_figure)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self._titled("Articles", self.article_view))
        upper.addWidget(self.chart)
        upper.setSizes([680, 560])

        self.filters = CorpusFilters(self)
        self.filters.sigChanged.connect(self.figures.set_filter)
        self.figure_view = _table(self.figures, "corpusFigures")
        self.figure_view.setSortingEnabled(True)
        self.figure_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header = self.figure_view.horizontalHeader()
        for column, width in enumerate((200, 120, 130, 50, 66, 220, 100, 70)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.figure_view.doubleClicked.connect(lambda index: self.open_figure_row(index.row()))
        self.figures.sigChanged.connect(self._refresh.start)
        self.figures.rowsInserted.connect(self._count_figures)
        self.figures.modelReset.connect(self._count_figures)
        self.figure_count = QLabel(self)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<b>Figures across the articles</b>", lower))
        heading.addWidget(self.figure_count, 1)
        below.addLayout(heading)
        below.addWidget(self.filters)
        below.addWidget(self.figure_view, 1)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([380, 400])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>", box))
        layout.addWidget(widget, 1)
        return box

    # -- the run -------------------------------------------------------------------
    def start(self) -> None:
        self.run.start()

    def cancel(self) -> None:
        self.run.cancel()

    def _on_added(self, records: list[dict]) -> None:
        self.articles.add(records)
        self.figures.add([(r, self.run.figures.get(r["sha256"])) for r in records if r["status"] == "cached"])

    def _on_done(self, done: list) -> None:
        self.articles.update([record for record, _ in done])
        self.figures.add(done)
        self._refresh.start()

    def _on_progress(self, done: int, found: int) -> None:
        if self.run.finished:
            return
        self.progress.setRange(0, max(found, 1))
        self.progress.setValue(done)
        more = " (still looking…)" if self.run.scanning else ""
        self.progress.setFormat(f"{done:,} / {found:,} articles{more}")

    def _on_finished(self, cancelled: bool) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, max(self.run.found, 1))
        self.progress.setValue(self.run.done)
        self.progress.setFormat(f"{self.run.done:,} / {self.run.found:,} articles"
                                + (" — cancelled" if cancelled else ""))
        if cancelled:
            self.articles.set_cancelled()
        counts = self.run.counts
        parts = [f"{counts['analysed']:,} analysed", f"{counts['cached']:,} unchanged (from the cache)",
                 f"{counts['failed']:,} skipped (see Status)"]
        if counts["waiting"]:
            parts.append(f"{counts['waiting']:,} not analysed")
        self.status.setText(f"{self.run.found:,} files: " + ", ".join(parts)
                            + f" in {self.run.seconds:.1f} s. Cached in {self.run.cache.where}")
        self._refresh_views()

    def _count_figures(self, *_args) -> None:
        shown, total = self.figures.rowCount(), len(self.figures.frame)
        self.figure_count.setText(f"{shown:,} figures" if shown == total else f"{shown:,} of {total:,} figures")

    def _refresh_views(self) -> None:
        frame = self.figures.frame
        for name, column in (("unit", "unit_code"), ("role", "role")):
            self.filters.set_choices(name, [(v, v) for v in values_of(frame, column)])
        titles = self.titles()
        self.filters.set_choices("document", [(titles.get(d, d), d) for d in values_of(frame, "document")])
        self.chart.set_figures(self.figures.shown_figures(), titles, self.articles.dates())

    def titles(self) -> dict[str, str]:
        """The title of each article that has figures."""
        frame = self.figures.frame
        if not len(frame):
            return {}
        firsts = frame.drop_duplicates("document")
        return dict(zip(firsts["document"], firsts["title"]))

    # -- opening an article ------------------------------------------------------------
    def _open_article_row(self, row: int) -> None:
        record = self.articles.record_at(row)
        if record["status"] != "failed":
            self._opener(record["path"])

    def open_figure_row(self, row: int) -> None:
        figure = self.figures.figure_at(row)
        self._opener(figure["path"], (int(figure["start"]), int(figure["end"])))

    def open_figure(self, position: int) -> None:
        """Open the article of the figure at ``position`` of the figures table, at it."""
        frame = self.figures.frame
        self._opener(frame["path"].iat[position],
                     (int(frame["start"].iat[position]), int(frame["end"].iat[position])))

    def closeEvent(self, event) -> None:
        self.run.cancel()
        super().closeEvent(event)
