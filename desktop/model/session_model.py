"""SessionModel: the one writer of the session, with undo and one signal per change."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.labels import Label
from desktop.core.navigation import neighbour
from desktop.core.session import Session
from desktop.core.session_view import SessionView
from desktop.model.analysis_runner import AnalysisRunner
from desktop.model.background import settle_long_lived_objects
from desktop.model.commands import ApplyChange
from desktop.model.figure_store import FigureStore
from desktop.model.lexicon_store import LexiconStore
from desktop.model.scheduler import Scheduler
from desktop.model.suggestion_feed import SuggestionFeed

if TYPE_CHECKING:
    from desktop.core.change import Change
    from desktop.model.entity_table import EntityTable

UNDO_LIMIT = 500


class SessionModel(QObject):
    """Holds the open session (others read it through ``session``, read-only) and the
    selection every view follows. Every change goes through :meth:`apply`: a person's
    edit is a :class:`Change` from a rule of :mod:`desktop.core.edit_rules`, pushed on
    the undo stack; the analysis's suggestions and revisions are applied without an
    undo step. Each applied Change is emitted once (``sigChanged``) for the views and
    the derived tables (``figure_store``, ``entity_table``) to follow."""

    sigSessionReset = Signal()  # a new article or session: redraw everything
    sigChanged = Signal(object)  # a Change was applied (or undone: its inverse)
    sigSelectionChanged = Signal(str)
    sigFiguresChanged = Signal()  # forwarded from figure_store
    sigFigureRowsChanged = Signal(object)  # forwarded from figure_store

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scheduler = Scheduler(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.analysis = AnalysisRunner(self)
        self.suggestions = SuggestionFeed(self)
        self.analysis.sigChunks.connect(self.suggestions.apply_chunk_results)
        self.analysis.sigEntitiesRevised.connect(self.suggestions.apply_entity_revision)
        self.lexicon = LexiconStore(parent=self)  # learns from the edits below
        self.figure_store = FigureStore(self.analysis, self.scheduler, self)
        self.figure_store.sigFiguresChanged.connect(self.sigFiguresChanged)
        self.figure_store.sigFigureRowsChanged.connect(self.sigFigureRowsChanged)
        self._session = Session(Article(""))
        self._view = SessionView(self._session)
        self._entity_table: EntityTable | None = None
        self._selected = ""

    # -- reading -------------------------------------------------------------
    @property
    def session(self) -> SessionView:
        """The open session, read-only (change it through this model's methods)."""
        return self._view

    @property
    def article(self) -> Article:
        return self._session.article

    @property
    def text(self) -> str:
        return self._session.article.text

    @property
    def selected_id(self) -> str:
        """The selected highlight's id, or "" when nothing is selected."""
        return self._selected

    @property
    def hidden_labels(self) -> frozenset[str]:
        return frozenset(self._session.hidden_labels)

    @property
    def entity_table(self) -> EntityTable:
        """The session's named entities, made on first use and shared by every view."""
        if self._entity_table is None:
            from desktop.model.entity_table import EntityTable

            self._entity_table = EntityTable(self)
        return self._entity_table

    @property
    def analysing(self) -> bool:
        """Whether an analysis runs or its last results are still being applied (or
        its figures shown)."""
        return self.analysis.running or self.suggestions.revising or self.figure_store.busy

    def figures(self):
        """The figures table (a DataFrame) derived from the current highlights."""
        return self.figure_store.frame()

    def label_counts(self) -> dict[str, int]:
        """Visible highlights per label, in label-bar order, labels with none left out."""
        counts = self._session.highlights.label_counts()
        return {name: counts[name] for name in self._session.label_names() if counts[name]}

    def highlight(self, highlight_id: str) -> Highlight | None:
        return self._session.highlights.get(highlight_id)

    def highlights_in(self, start: int, end: int) -> list[Highlight]:
        """Visible highlights overlapping ``[start, end)``."""
        return [h for h in self._session.highlights.overlapping(start, end) if h.visible]

    def highlights_at(self, position: int) -> list[Highlight]:
        """Visible highlights under ``position``, innermost first."""
        return [h for h in self._session.highlights.at(position) if h.visible]

    def neighbour(self, highlight_id: str, step: int, suggestions_only: bool = False) -> str:
        """The next (step 1) or previous (-1) visible highlight's id; "" at the end."""
        return neighbour(self._session.highlights, highlight_id, step, suggestions_only)

    # -- opening -------------------------------------------------------------
    def open_article(self, article: Article, analyse: bool = True) -> None:
        """Start a new session on ``article`` and analyse it in the background."""
        self.open_session(Session(article), analyse=analyse)

    def open_session(self, session: Session, analyse: bool = True, suggest: bool = True) -> None:
        """Show ``session`` (the model owns it from now on); history and caches start
        afresh. With ``suggest=False`` (a saved session reopened) the analysis only
        reads figures and sentences: the highlights stay exactly as they were saved
        until the person asks for a new analysis."""
        self.analysis.cancel()
        self.suggestions.restart(suggest)
        self._session, self._view = session, SessionView(session)
        self._selected = ""
        self.figure_store.reset(session)
        self.undo_stack.clear()
        self.sigSessionReset.emit()
        self.sigFiguresChanged.emit()
        self.sigSelectionChanged.emit("")
        settle_long_lived_objects()
        if analyse:
            self.start_analysis(suggest)

    # -- the one way in --------------------------------------------------------
    def apply(self, change: Change, announce_soon: bool = False, reread: list[Highlight] = ()) -> None:
        """Make ``change`` in the session and tell everyone (``sigChanged``). Undo
        commands call this; a person's edit goes through :meth:`push` instead."""
        from desktop.core.change import apply_change  # (the first comes after the first paint)

        apply_change(self._session, change)
        self.figure_store.follow(change, reread, announce_soon)
        if self._selected and self._selected not in self._session.highlights:
            self.select("")
        self.sigChanged.emit(change)

    def push(self, change: Change) -> Change:
        """Apply a person's edit as one undo step, and let the lexicon learn from it."""
        if not change.empty:
            self.undo_stack.push(ApplyChange(self, change))
        for decision, highlights in change.teaches:
            self.lexicon.record(self.text, highlights, decision)
        return change

    # -- analysis ------------------------------------------------------------
    def start_analysis(self, suggest: bool = True) -> None:
        """Analyse the article text in the background; suggestions stream in."""
        self.suggestions.restart(suggest)
        self.analysis.start(self.text, self.lexicon.snapshot(), self._session.article.year)

    @staticmethod
    def import_analysis() -> None:
        """Import the analysis's modules now, at a quiet moment: the analysis thread
        would otherwise import them as an article opens, holding the GIL for ~90 ms
        (where no bytecode is cached) while the window paints it."""
        from desktop.core.compiled_patterns import patterns_from_cache

        with patterns_from_cache(save_now=False):  # cached as this process loads its model
            import desktop.nlp.analysis  # noqa: F401
            import desktop.nlp.parallel  # noqa: F401

    def cancel_analysis(self) -> None:
        self.analysis.cancel()
        self.suggestions.restart(self.suggestions.suggest)

    def shutdown(self) -> None:
        """Stop background work and wait for it (before the app quits)."""
        self.analysis.shutdown()

    def hand_analysis_ahead(self) -> None:
        """The first article's text to the process analysing it at launch, now that it
        is painted (the analysis itself starts once the window's panes are built)."""
        self.analysis.hand_ahead()

    def hold_background(self) -> None:
        """Start no background work (the analysis, a figure build) until
        :meth:`release_background`: a long session is painted first."""
        self.figure_store.hold()
        self.analysis.hold()

    def release_background(self) -> None:
        """Start the background work held since :meth:`hold_background`."""
        self.analysis.release()
        self.figure_store.release()

    # -- view state ----------------------------------------------------------
    def select(self, highlight_id: str) -> None:
        """Make ``highlight_id`` the selection ("" clears it)."""
        if highlight_id and highlight_id not in self._session.highlights:
            highlight_id = ""
        if highlight_id != self._selected:
            self._selected = highlight_id
            self.sigSelectionChanged.emit(highlight_id)

    # -- a person's edits: each one undo step (the rules are in core.edit_rules) --
    def add_highlight(self, start: int, end: int, label: str) -> Highlight:
        """Label ``[start, end)`` by hand and return the highlight (see the rule)."""
        change, highlight_id = _rules().add_highlight(self._session, start, end, label)
        self.push(change)
        return self._session.highlights[highlight_id]

    def label_spans(self, spans: Iterable[tuple[int, int]], label: str) -> int:
        """Label every span that does not already carry ``label``; returns how many."""
        return len(self.push(_rules().label_spans(self._session, spans, label)).added)

    def remove_highlights(self, highlight_ids: Iterable[str]) -> None:
        self.push(_rules().remove_highlights(self._session, highlight_ids))

    reject = remove_highlights

    def relabel(self, highlight_id: str, label: str) -> None:
        self.push(_rules().relabel(self._session, highlight_id, label))

    def resize_highlight(self, highlight_id: str, start: int, end: int) -> None:
        self.push(_rules().resize(self._session, highlight_id, start, end))

    def set_note(self, highlight_id: str, note: str) -> None:
        self.push(_rules().set_note(self._session, highlight_id, note))

    def accept(self, highlight_ids: Iterable[str]) -> None:
        self.push(_rules().accept(self._session, highlight_ids))

    def accept_all(self, label: str) -> int:
        """Accept every suggestion of ``label``; returns how many."""
        return len(self.push(_rules().accept_all(self._session, label)).added)

    def set_labels(self, labels: list[Label]) -> None:
        self.push(_rules().set_labels(self._session, labels))

    def set_label_hidden(self, label: str, hidden: bool) -> None:
        self.push(_rules().set_label_hidden(self._session, label, hidden))

    def set_figure_override(self, highlight_id: str, column: str, value: Any) -> None:
        self.push(_rules().set_figure_override(self._session, highlight_id, column, value))


def _rules():
    """The editing rules (desktop.core.edit_rules), imported on the first edit: a
    window needs none of them before its text is first on screen."""
    from desktop.core import edit_rules

    return edit_rules
