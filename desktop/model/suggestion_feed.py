"""SuggestionFeed: the analysis's results turned into Changes the model applies.

Suggestions never replace what a person decided (``core.suggestions``) and are not
undo steps, since the person did not make them. The core's rules are imported as the
first results come, after a window's first paint.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.model.session_model import SessionModel
    from desktop.nlp.results import ChunkAnalysis

#: Spans of the document pass applied per turn of the event loop.
REVISION_SLICE = 300


class SuggestionFeed:
    """Takes the analysis's chunks and its document pass into ``model``.

    With ``suggest`` off (a saved session reopened) only the figure readings and
    sentences are kept: the highlights stay exactly as they were saved.
    """

    def __init__(self, model: SessionModel) -> None:
        self._model = model
        self.suggest = True
        self._revising: deque[tuple[list, list]] = deque()  # see _revise_next

    @property
    def revising(self) -> bool:
        """Whether slices of the document pass still wait to be applied."""
        return bool(self._revising)

    def restart(self, suggest: bool) -> None:
        self.suggest = suggest
        self._revising.clear()

    def apply_chunk_results(self, parts: Iterable[ChunkAnalysis]) -> None:
        """Add the suggestions, figure readings and sentences of analysed chunks."""
        parts = list(parts)
        if not parts:
            return
        model = self._model
        reread = model.figure_store.take_results(parts)
        spans = [(e.start, e.end, e.label, e.reason) for part in parts for e in part.entities]
        from desktop.core.change import Change
        from desktop.core.suggestions import new_suggestions

        added = new_suggestions(model.session.highlights, spans) if self.suggest else []
        model.apply(Change(added=tuple(added)), announce_soon=True, reread=reread)

    def apply_entity_revision(self, changes) -> None:
        """Bring the suggestions in line with the document-level entity pass, run when
        the analysis ends (``changes``: EntityChanges), a run of paragraphs at a time."""
        if self.suggest:
            from desktop.core.suggestions import revision_slices

            self._revising.extend(revision_slices(self._model.text, changes, REVISION_SLICE))
            self._revise_next()

    def _revise_next(self) -> None:
        """Apply one slice against the highlights as they are now (a suggestion a
        person decided on meanwhile stays theirs)."""
        if self._revising:
            withdrawn, added = self._revising.popleft()
            from desktop.core.change import Change
            from desktop.core.suggestions import revised_suggestions

            removed, put = revised_suggestions(self._model.session.highlights, withdrawn, added)
            if removed or put:  # the figure views hear of it with the analysis's results
                self._model.apply(Change(removed=tuple(removed), added=tuple(put)), announce_soon=True)
        if self._revising:
            self._model.scheduler.soon(self._revise_next)
