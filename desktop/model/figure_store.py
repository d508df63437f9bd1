"""FigureStore: the figures table of the model's session, kept up to date from each Change.

The table is derived from the highlights (and the analysis's readings of them) and
the person's figure corrections. After a change only the highlights it touched are
read again and the views are told which rows changed; a large opened session's rows
are first built in a worker process while the window stays responsive.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.session import Session
from desktop.model.background import settle_long_lived_objects
from desktop.model.figure_announcer import FigureAnnouncer
from desktop.model.figure_builder import BACKGROUND_MIN_HIGHLIGHTS, FigureRowsBuilder
from desktop.model.figure_tables import FigureTables
from desktop.nlp.sentences import SentenceIndex

if TYPE_CHECKING:  # pandas and the figure engine load after the window shows (start-up time)
    import pandas as pd

    from desktop.core.change import Change
    from desktop.core.figure import FigureReading
    from desktop.model.analysis_runner import AnalysisRunner
    from desktop.model.chart_data import Bars, FigureGroup
    from desktop.model.period_series import PeriodSeries
    from desktop.model.scheduler import Scheduler
    from desktop.nlp.figures.table.rows import FigureRows
    from desktop.nlp.results import ChunkAnalysis

#: Highlights re-read per turn of the event loop when built figure rows catch up.
CATCH_UP_SLICE = 250


class FigureStore(QObject):
    """The figure rows and the charts' reading of them, for one session at a time.

    ``sigFiguresChanged``: the table changed as a whole, read it again.
    ``sigFigureRowsChanged(RowsChange)``: an edit changed some rows; a view that showed
    the table before patches itself row by row, any other reads it again.
    """

    sigFiguresChanged = Signal()
    sigFigureRowsChanged = Signal(object)

    def __init__(self, analysis: AnalysisRunner, scheduler: Scheduler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: Session = Session(Article(""))
        self._scheduler = scheduler
        self._readings: dict[tuple[int, int], FigureReading | None] = {}
        self.sentences = SentenceIndex()
        self._tables = FigureTables()
        self._announcer = FigureAnnouncer(self.frame, analysis.in_own_turn, scheduler, self)
        self._announcer.sigAnnounce.connect(self.sigFiguresChanged)
        analysis.sigFinished.connect(self._announcer.flush)
        self._builder = FigureRowsBuilder(self)
        self._builder.sigBuilt.connect(self._on_rows_built)
        self._generation = 0
        # while a background build runs: the changes made since it started, to replay
        self._since_build: deque[tuple[tuple[Highlight, ...], tuple[Highlight, ...]]] | None = None
        self._build_waiting = False
        self._held = False
        self._period_series: list[PeriodSeries] | None = None  # see period_series()

    # -- reading -------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """False while the figures of a large opened session are read in the background."""
        return self._since_build is None

    @property
    def busy(self) -> bool:
        """Whether new figures wait to be announced to the views."""
        return self._announcer.busy

    def frame(self) -> pd.DataFrame:
        """The figures table (made as a DataFrame only when asked for)."""
        if not self._current():
            from desktop.nlp.figures.table.rows import empty_table

            return empty_table()
        return self._tables.frame()

    def groups(self) -> list[FigureGroup]:
        """The units the figures are charted under, kept row by row."""
        return self._tables.groups() if self._current() else []

    def bars(self, key: str | None, colour_of=None, bar_set: str = "levels") -> Bars:
        """The bars of one unit's set."""
        if self._current():
            return self._tables.bars(key, colour_of, bar_set)
        from desktop.model.chart_data import Bars

        return Bars()

    def place(self, highlight_id: str) -> tuple[str, str] | None:
        """The unit and bar set of the figure ``highlight_id`` states, if it states one."""
        return self._tables.place(highlight_id) if self._current() else None

    def period_series(self) -> list[PeriodSeries]:
        """The Over time chart's series (``model.period_series``), kept until the
        figures change."""
        if self._period_series is None:
            from desktop.model.period_series import period_series

            self._period_series = period_series(self.frame()) if self._current() else []
        return self._period_series

    # -- keeping up ----------------------------------------------------------
    def reset(self, session: Session) -> None:
        """Start afresh on ``session``; a large one's rows are built in the background
        (the model tells the views, after the rest of the session's reset)."""
        self._session = session
        self._readings, self.sentences = {}, SentenceIndex()
        self._tables.reset()
        self._period_series = None
        self._generation += 1
        self._since_build, self._build_waiting = None, False
        if len(session.highlights) >= BACKGROUND_MIN_HIGHLIGHTS:
            self._since_build = deque()
            self._build_waiting = True
            if not self._held:
                self._scheduler.soon(self._start_build)

    def take_results(self, parts: list[ChunkAnalysis]) -> list[Highlight]:
        """Keep the sentences and figure readings of analysed chunks; returns the
        highlights whose reading changed (their rows are read again with the next change)."""
        highlights = self._session.highlights
        reread: list[Highlight] = []
        for part in parts:
            self.sentences.add(part.sentences)
            for reading in part.figures:
                key = (reading.start, reading.end)
                if (key in self._readings and self._tables.rows is not None) or self._since_build is not None:
                    reread += [h for h in highlights.overlapping(*key) if (h.start, h.end) == key]
                self._readings[key] = reading
        return reread

    def follow(self, change: Change, reread: list[Highlight] = (), announce_soon: bool = False) -> None:
        """Bring the rows up to date with ``change`` (and re-read ``reread``); tell the
        views now, or with ``announce_soon`` within a short while (an analysis streams in)."""
        removed, added = change.removed, change.added
        if reread:
            removed, added = (*reread, *removed), (*reread, *added)
        if removed or added or change.overrides:
            self._period_series = None
        if removed or added:
            if self._since_build is not None:
                self._since_build.append((removed, added))
            else:
                self._tables.take(removed, added)
        if announce_soon:
            self._announcer.request()
        elif change.highlights_changed or change.overrides:
            self._tell_edited()

    def hold(self) -> None:
        """Start no background build until :meth:`release`."""
        self._held = True

    def release(self) -> None:
        self._held = False
        self._scheduler.soon(self._start_build)  # not inside the paint that released it

    # -- inside --------------------------------------------------------------
    def _current(self) -> bool:
        """Build the rows on first use and bring them up to date; False while a large
        session's are read in the background."""
        if self._since_build is not None:
            return False
        self._tables.build(self._new_rows)
        self._tables.update(self._session.figure_overrides)
        return True

    def _new_rows(self) -> FigureRows:
        from desktop.nlp.figures.table.highlights import figure_rows

        rows = figure_rows(self._session.article.text, self._readings, self.sentences)
        rows.add(self._session.highlights)
        return rows

    def _tell_edited(self) -> None:
        """Tell the views what an edit did: the rows it replaced when the table is
        there (no DataFrame is made), else that it changed."""
        if self._tables.rows is None or self._since_build is not None:
            self.sigFiguresChanged.emit()
            return
        change = self._tables.update(self._session.figure_overrides)
        if not change.changed:
            return
        if change.splices is None:
            self.sigFiguresChanged.emit()
        else:
            self.sigFigureRowsChanged.emit(change)

    def _start_build(self) -> None:
        if self._build_waiting and not self._held:
            self._build_waiting = False
            self._builder.start(self._generation, self._session.article.text,
                                list(self._session.highlights.in_any_order()))

    def _on_rows_built(self, generation: int, rows: FigureRows, readings: dict) -> None:
        if generation != self._generation or self._since_build is None:
            return  # another article was opened meanwhile
        from desktop.nlp.figures.table.highlights import reader

        for key, reading in readings.items():
            self._readings.setdefault(key, reading)  # the analysis's readings win
        text = self._session.article.text
        rows.attach(text, reader(text, self._readings), self.sentences)
        self._catch_up(generation, rows)

    def _catch_up(self, generation: int, rows: FigureRows) -> None:
        """Bring built rows up to date with the changes made since the build began, a
        slice at a time, then make them the table's."""
        if generation != self._generation or self._since_build is None:
            return
        budget = CATCH_UP_SLICE
        while self._since_build and budget > 0:
            removed, added = self._since_build.popleft()
            rows.remove(removed)
            rows.add(added)
            budget -= len(removed) + len(added)
        if self._since_build:
            self._scheduler.soon(lambda: self._catch_up(generation, rows))
            return
        self._since_build = None
        self._tables.reset(rows)
        self._period_series = None
        settle_long_lived_objects()
        # the views' update (a new table, the charts) in a pass of its own
        self._scheduler.soon(self.sigFiguresChanged.emit)
