"""SessionModel: the one writer of the session, with undo and change signals."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from desktop.core.article import Article
from desktop.core.figure import FIGURE_ROLES, FigureReading
from desktop.core.highlight import Highlight
from desktop.core.labels import Label
from desktop.core.session import Session
from desktop.core.suggestions import new_suggestions, revised_suggestions, revision_slices
from desktop.model.analysis_runner import AnalysisRunner
from desktop.model.background import in_next_turn, settle_long_lived_objects
from desktop.model.commands import ChangeHighlights, SetFigureOverride, SetLabels
from desktop.model.figure_announcer import FigureAnnouncer
from desktop.model.figure_builder import BACKGROUND_MIN_HIGHLIGHTS, FigureRowsBuilder
from desktop.model.figure_tables import FigureTables
from desktop.model.lexicon_store import LexiconStore
from desktop.nlp.sentences import SentenceIndex

if TYPE_CHECKING:  # pandas and the analysis load after the window shows (start-up time)
    import pandas as pd

    from desktop.model.chart_data import Bars, FigureGroup
    from desktop.nlp.analysis import ChunkAnalysis
    from desktop.nlp.figures.table.rows import FigureRows

UNDO_LIMIT = 500
#: The reason a highlight a person relabelled carries.
RELABELLED = "relabelled by hand"
#: Highlights re-read per turn of the event loop when built figure rows catch up.
CATCH_UP_SLICE = 250
#: Spans of the document pass applied per turn of the event loop.
REVISION_SLICE = 300


class SessionModel(QObject):
    """Holds the open session; every change goes through here.

    Views read from the model and call its methods; the model changes the session
    (through undo commands for a person's edits), then emits the signal of what
    changed. The current selection (a highlight id, or "") lives here too, so every
    view follows the same one. ``analysis`` runs the background analysis, whose
    results arrive here as suggestions.
    """

    sigSessionReset = Signal()  # a new article or session: redraw everything
    sigHighlightsChanged = Signal(int, int)  # the text range whose highlights changed
    sigFiguresChanged = Signal()  # the figures table changed as a whole: read it again
    #: An edit changed some rows of the figures table (a RowsChange): views that
    #: showed the table before it patch themselves row by row; any other reads it again.
    sigFigureRowsChanged = Signal(object)
    sigSelectionChanged = Signal(str)
    sigHiddenLabelsChanged = Signal()
    sigLabelsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.analysis = AnalysisRunner(self)
        self.analysis.sigChunks.connect(self.apply_chunk_results)
        self.analysis.sigEntitiesRevised.connect(self.apply_entity_revision)
        self.lexicon = LexiconStore(parent=self)  # learns from the edits below
        self._session = Session(Article(""))
        self._readings: dict[tuple[int, int], FigureReading | None] = {}
        self._sentences = SentenceIndex()
        self._tables = FigureTables()  # the figure rows and the charts' reading of them
        self._selected = ""
        self._suggest = True
        self._figures_announcer = FigureAnnouncer(self.figures, self.analysis.in_own_turn, self)
        self._figures_announcer.sigAnnounce.connect(self.sigFiguresChanged)
        self.analysis.sigFinished.connect(self._figures_announcer.flush)
        self._builder = FigureRowsBuilder(self)
        self._builder.sigBuilt.connect(self._on_rows_built)
        self._build_generation = 0
        # while a background build runs: what changed since it started, to replay
        self._since_build: deque[tuple[list[Highlight], list[Highlight]]] | None = None
        self._revising: deque[tuple[list, list]] = deque()  # see _revise_next
        self._build_waiting = False  # a figure build to start once background work may
        self._background_held = False

    # -- reading -------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self._session

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
    def analysing(self) -> bool:
        """Whether an analysis runs or its last results are still being applied (or
        its figures shown)."""
        return self.analysis.running or bool(self._revising) or self._figures_announcer.busy

    def figures(self) -> pd.DataFrame:
        """The figures table derived from the current highlights (cached; after an
        edit only the highlights it changed are read again). Made as a DataFrame
        only when asked for: an edit tells the views its rows (sigFigureRowsChanged)."""
        if not self._current_tables():  # being read in the background
            from desktop.nlp.figures.table.rows import empty_table

            return empty_table()
        return self._tables.frame()

    def figure_groups(self) -> list[FigureGroup]:
        """The units the figures are charted under (as ``chart_data.figure_groups`` of
        the table), kept row by row."""
        return self._tables.groups() if self._current_tables() else []

    def figure_bars(self, key: str | None, colour_of=None, bar_set: str = "levels") -> Bars:
        """The bars of one unit's set (as ``chart_data.group_bars`` of the table)."""
        if self._current_tables():
            return self._tables.bars(key, colour_of, bar_set)
        from desktop.model.chart_data import Bars

        return Bars()

    def figure_place(self, highlight_id: str) -> tuple[str, str] | None:
        """The unit and bar set of the figure ``highlight_id`` states, if it states one."""
        return self._tables.place(highlight_id) if self._current_tables() else None

    def _current_tables(self) -> bool:
        """Build the figure rows on first use and bring them up to date; False while a
        large session's are read in the background."""
        if self._since_build is not None:
            return False
        self._tables.build(self._new_rows)
        self._tables.update(self._session.figure_overrides)
        return True

    def _new_rows(self) -> FigureRows:
        from desktop.nlp.figures.table.highlights import figure_rows

        rows = figure_rows(self.text, self._readings, self._sentences)
        rows.add(self._session.highlights)
        return rows

    def _figure_rows_edited(self) -> None:
        """Tell the views what an edit did to the figures table: the rows it replaced
        when the table is there (sigFigureRowsChanged: no DataFrame is made), else
        that it changed (sigFiguresChanged)."""
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
        """The id of the next (step 1) or previous (-1) visible highlight in text order
        after the given one (or from the start/end when none); "" at the end."""
        shown = [h for h in self._session.highlights.visible()
                 if not suggestions_only or h.status == "suggested"]
        if not shown:
            return ""
        current = self.highlight(highlight_id)
        if current is None:
            return shown[0 if step > 0 else -1].id
        key = (current.start, current.end, current.id)
        ordered = shown if step > 0 else shown[::-1]
        for h in ordered:
            other = (h.start, h.end, h.id)
            if (other > key) if step > 0 else (other < key):
                return h.id
        return ""

    # -- opening -------------------------------------------------------------
    def open_article(self, article: Article, analyse: bool = True) -> None:
        """Start a new session on ``article`` and analyse it in the background."""
        self.open_session(Session(article), analyse=analyse)

    def open_session(self, session: Session, analyse: bool = True, suggest: bool = True) -> None:
        """Show ``session``; history and caches start afresh.

        With ``suggest=False`` (a saved session reopened) the analysis only reads
        figures and sentences: the highlights stay exactly as they were saved until
        the person asks for a new analysis.
        """
        self.analysis.cancel()
        self._revising.clear()
        self._suggest = suggest
        self._session = session
        self._readings, self._sentences = {}, SentenceIndex()
        self._selected = ""
        self._tables.reset()
        self._build_generation += 1
        self._since_build, self._build_waiting = None, False
        if len(session.highlights) >= BACKGROUND_MIN_HIGHLIGHTS:
            self._since_build = deque()
            self._build_waiting = True
            if not self._background_held:
                QTimer.singleShot(0, self, self._start_build)
        self.undo_stack.clear()
        self.sigSessionReset.emit()
        self.sigFiguresChanged.emit()
        self.sigSelectionChanged.emit("")
        settle_long_lived_objects()
        if analyse:
            self.start_analysis(suggest)

    # -- analysis ------------------------------------------------------------
    def start_analysis(self, suggest: bool = True) -> None:
        """Analyse the article text in the background; suggestions stream in."""
        self._suggest = suggest
        self._revising.clear()
        self.analysis.start(self.text, self.lexicon.snapshot(), self._session.article.year)

    @staticmethod
    def import_analysis() -> None:
        """Import the analysis's modules now, at a quiet moment: the analysis thread
        would otherwise import them as an article opens, holding the GIL for ~90 ms
        (where no bytecode is cached) while the window paints it."""
        import desktop.nlp.analysis  # noqa: F401
        import desktop.nlp.parallel  # noqa: F401

    def cancel_analysis(self) -> None:
        self.analysis.cancel()
        self._revising.clear()

    def shutdown(self) -> None:
        """Stop background work and wait for it (before the app quits)."""
        self.analysis.shutdown()

    def apply_chunk_results(self, parts: Iterable[ChunkAnalysis]) -> None:
        """Add the suggestions, figure readings and sentences of analysed chunks.

        Suggestions never replace what a person decided (see ``new_suggestions``);
        they are not undo steps, since the person did not make them.
        """
        parts = list(parts)
        if not parts:
            return
        spans = []
        highlights = self._session.highlights
        reread: list[Highlight] = []
        for part in parts:
            self._sentences.add(part.sentences)
            for reading in part.figures:
                key = (reading.start, reading.end)
                if (key in self._readings and self._tables.rows is not None) or self._since_build is not None:
                    reread += [h for h in highlights.overlapping(*key) if (h.start, h.end) == key]
                self._readings[key] = reading
            spans.extend((e.start, e.end, e.label, e.reason) for e in part.entities)
        added = new_suggestions(highlights, spans) if self._suggest else []
        highlights.extend(added)
        self._rows_changed(reread, [*reread, *added])
        self.sigHighlightsChanged.emit(parts[0].start, parts[-1].end)
        self._figures_announcer.request()

    def apply_entity_revision(self, changes) -> None:
        """Bring the suggestions in line with the document-level entity pass, run
        when the analysis ends (``changes``: EntityChanges). Like every suggestion
        this is not an undo step; only undecided suggestions change."""
        if self._suggest:
            self._revising.extend(revision_slices(self.text, changes, REVISION_SLICE))
            self._revise_next()

    def _revise_next(self) -> None:
        """Apply the document pass to one slice of paragraphs, against the highlights
        as they are now (a suggestion a person decided on meanwhile stays theirs)."""
        if self._revising:
            withdrawn, added = self._revising.popleft()
            removed, put = revised_suggestions(self._session.highlights, withdrawn, added)
            if removed or put:
                self._change_highlights(removed, put)
        if self._revising:
            in_next_turn(self, self._revise_next)

    # -- view state ----------------------------------------------------------
    def select(self, highlight_id: str) -> None:
        """Make ``highlight_id`` the selection ("" clears it)."""
        if highlight_id and highlight_id not in self._session.highlights:
            highlight_id = ""
        if highlight_id != self._selected:
            self._selected = highlight_id
            self.sigSelectionChanged.emit(highlight_id)

    def set_label_hidden(self, label: str, hidden: bool) -> None:
        """Hide or show every highlight of ``label`` in the article."""
        hidden_labels = self._session.hidden_labels
        if hidden == (label in hidden_labels):
            return
        if hidden:
            hidden_labels.add(label)
        else:
            hidden_labels.discard(label)
        self.sigHiddenLabelsChanged.emit()

    # -- edits: each one undo step -------------------------------------------
    def add_highlight(self, start: int, end: int, label: str) -> Highlight:
        """Label ``[start, end)`` by hand and return the highlight.

        A suggestion on exactly that span is accepted when it has the same label
        and rejected (superseded by the person's label) when it has another.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the text")
        same_span = [h for h in self._session.highlights.overlapping(start, end)
                     if (h.start, h.end) == (start, end) and h.visible]
        for highlight in same_span:
            if highlight.label == label:
                self.accept([highlight.id])
                return self._session.highlights[highlight.id]
        superseded = [h for h in same_span if h.status == "suggested"]
        highlight = Highlight(start, end, label, origin="manual", status="accepted")
        replaced = [h.edited(status="rejected") for h in superseded]
        self._push(superseded, [*replaced, highlight], f"Add {label} “{self._quote(highlight)}”")
        self.lexicon.record(self.text, [highlight], "accepted")
        return highlight

    def label_spans(self, spans: Iterable[tuple[int, int]], label: str) -> int:
        """Label every span that does not already carry ``label``; returns how many."""
        added = [
            Highlight(start, end, label, origin="manual", status="accepted")
            for start, end in spans
            if not any((h.start, h.end, h.label) == (start, end, label)
                       for h in self._session.highlights.overlapping(start, end))
        ]
        if added:
            self._push([], added, f"Label {len(added)} occurrences as {label}")
            self.lexicon.record(self.text, added[:1], "accepted")
        return len(added)

    def remove_highlights(self, highlight_ids: Iterable[str]) -> None:
        """Delete highlights: hand-made ones go, the model's are kept as rejected so
        that analysing the article again does not bring them back."""
        chosen = [self._session.highlights[i] for i in highlight_ids]
        manual = [h for h in chosen if h.origin == "manual"]
        model = [h for h in chosen if h.origin == "model" and h.status != "rejected"]
        if manual or model:
            text = (f"Delete “{self._quote(chosen[0])}”" if len(chosen) == 1
                    else f"Delete {len(chosen)} highlights")
            self._push(manual + model, [h.edited(status="rejected") for h in model], text)
            self.lexicon.record(self.text, model, "rejected")

    def relabel(self, highlight_id: str, label: str) -> None:
        """Give a highlight another label; it becomes the person's decision."""
        why = {} if self._session.highlights[highlight_id].label == label else {"reason": RELABELLED}
        self._edit([highlight_id], f"Label as {label}", label=label, status="accepted", **why)
        self.lexicon.record(self.text, [self._session.highlights[highlight_id]], "accepted")

    def resize_highlight(self, highlight_id: str, start: int, end: int) -> None:
        """Move a highlight's ends (ignored when the span would be empty or outside)."""
        if 0 <= start < end <= len(self.text):
            self._edit([highlight_id], "Resize highlight", start=start, end=end, status="accepted")

    def set_note(self, highlight_id: str, note: str) -> None:
        self._edit([highlight_id], "Edit note", note=note.strip())

    def accept(self, highlight_ids: Iterable[str]) -> None:
        """Accept suggestions (hand-made highlights are accepted already)."""
        ids = [i for i in highlight_ids if self._session.highlights[i].status != "accepted"]
        self._edit(ids, "Accept suggestion" if len(ids) == 1 else f"Accept {len(ids)} suggestions",
                   status="accepted")
        self.lexicon.record(self.text, [self._session.highlights[i] for i in ids], "accepted")

    def reject(self, highlight_ids: Iterable[str]) -> None:
        """Reject suggestions (the same as deleting them: see remove_highlights)."""
        self.remove_highlights(highlight_ids)

    def accept_all(self, label: str) -> int:
        """Accept every suggestion of ``label``; returns how many."""
        ids = [h.id for h in self._session.highlights
               if h.label == label and h.status == "suggested"]
        self._edit(ids, f"Accept all {label}", status="accepted")
        return len(ids)

    def set_labels(self, labels: list[Label]) -> None:
        """Replace the label list (names, colours, keys)."""
        if labels != self._session.labels:
            self.undo_stack.push(SetLabels(self, self._session.labels, labels, "Edit labels"))

    def set_figure_override(self, highlight_id: str, column: str, value: Any) -> None:
        """Correct one cell of a figure row by hand (``None`` removes the correction);
        a role must be one of FIGURE_ROLES (ValueError otherwise)."""
        if column == "role" and value is not None and value not in FIGURE_ROLES:
            raise ValueError(f"{value!r} is not a figure role ({', '.join(FIGURE_ROLES)})")
        before = self._session.figure_overrides.get(highlight_id, {}).get(column)
        if before != value:
            text = f"Correct {column}" if value is not None else f"Restore {column}"
            self.undo_stack.push(SetFigureOverride(self, highlight_id, column, before, value, text))

    # -- called by undo commands only ----------------------------------------
    def _change_highlights(self, removed: list[Highlight], added: list[Highlight]) -> None:
        highlights = self._session.highlights
        for highlight in removed:
            if highlight.id in highlights:  # a withdrawn suggestion is gone already
                highlights.remove(highlight.id)
        highlights.extend(added)
        self._rows_changed(removed, added)
        if self._selected and self._selected not in highlights:
            self.select("")
        touched = removed + added
        self.sigHighlightsChanged.emit(min(h.start for h in touched), max(h.end for h in touched))
        self._figure_rows_edited()

    def _set_labels(self, labels: list[Label]) -> None:
        self._session.labels = list(labels)
        self.sigLabelsChanged.emit()
        self.sigHighlightsChanged.emit(0, len(self.text))

    def _set_override(self, highlight_id: str, column: str, value: Any) -> None:
        overrides = self._session.figure_overrides
        cells = overrides.setdefault(highlight_id, {})
        if value is None:
            cells.pop(column, None)
        else:
            cells[column] = value
        if not cells:
            overrides.pop(highlight_id)
        self._figure_rows_edited()

    # -- helpers -------------------------------------------------------------
    def _rows_changed(self, removed: list[Highlight], added: list[Highlight]) -> None:
        if self._since_build is not None:
            self._since_build.append((removed, added))
        else:
            self._tables.take(removed, added)

    @property
    def figures_ready(self) -> bool:
        """False while the figures of a large opened session are read in the background."""
        return self._since_build is None

    def _on_rows_built(self, generation: int, rows: FigureRows, readings: dict) -> None:
        if generation != self._build_generation or self._since_build is None:
            return  # another article was opened meanwhile
        from desktop.nlp.figures.table.highlights import reader

        for key, reading in readings.items():
            self._readings.setdefault(key, reading)  # the analysis's readings win
        rows.attach(self.text, reader(self.text, self._readings), self._sentences)
        self._catch_up(generation, rows)

    def hold_background(self) -> None:
        """Start no background work (the analysis, a figure build) until
        :meth:`release_background`: a long session is painted first."""
        self._background_held = True
        self.analysis.hold()

    def release_background(self) -> None:
        """Start the background work held since :meth:`hold_background`."""
        if not self._background_held:
            return
        self._background_held = False
        self.analysis.release()
        QTimer.singleShot(0, self, self._start_build)  # not inside the paint that released it

    def _start_build(self) -> None:
        if self._build_waiting and not self._background_held:
            self._build_waiting = False
            self._builder.start(self._build_generation, self.text,
                                list(self._session.highlights.in_any_order()))

    def _catch_up(self, generation: int, rows: FigureRows) -> None:
        """Bring built rows up to date with the changes made since the build began,
        a slice at a time (an analysis may have re-read thousands of figures meanwhile),
        then make them the model's."""
        if generation != self._build_generation or self._since_build is None:
            return
        budget = CATCH_UP_SLICE
        while self._since_build and budget > 0:
            removed, added = self._since_build.popleft()
            rows.remove(removed)
            rows.add(added)
            budget -= len(removed) + len(added)
        if self._since_build:
            in_next_turn(self, lambda: self._catch_up(generation, rows))
            return
        self._since_build = None
        self._tables.reset(rows)
        settle_long_lived_objects()
        # the views' update (a new table, the charts) in a pass of its own
        in_next_turn(self, self.sigFiguresChanged.emit)

    def _push(self, removed: list[Highlight], added: list[Highlight], text: str) -> None:
        self.undo_stack.push(ChangeHighlights(self, removed, added, text))

    def _edit(self, highlight_ids: list[str], text: str, **changes: Any) -> None:
        before = [self._session.highlights[i] for i in highlight_ids]
        before = [h for h in before if any(getattr(h, k) != v for k, v in changes.items())]
        if before:
            self._push(before, [h.edited(**changes) for h in before], text)

    def _quote(self, highlight: Highlight, limit: int = 30) -> str:
        surface = highlight.surface(self.text)
        return surface if len(surface) <= limit else surface[: limit - 1] + "…"
