"""Undo commands: each edit of the session is one of these on the model's stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop.core.highlight import Highlight

if TYPE_CHECKING:
    from desktop.model.session_model import SessionModel


class AddHighlights(QUndoCommand):
    """Add highlights; undo removes them."""

    def __init__(self, model: SessionModel, highlights: list[Highlight], text: str) -> None:
        super().__init__(text)
        self._model, self._highlights = model, list(highlights)

    def redo(self) -> None:
        self._model._insert_highlights(self._highlights)

    def undo(self) -> None:
        self._model._delete_highlights([h.id for h in self._highlights])


class RemoveHighlights(QUndoCommand):
    """Remove highlights; undo puts the same highlights back."""

    def __init__(self, model: SessionModel, highlights: list[Highlight], text: str) -> None:
        super().__init__(text)
        self._model, self._highlights = model, list(highlights)

    def redo(self) -> None:
        self._model._delete_highlights([h.id for h in self._highlights])

    def undo(self) -> None:
        self._model._insert_highlights(self._highlights)


class ReplaceHighlights(QUndoCommand):
    """Swap highlights for edited versions with the same ids (relabel, resize, note)."""

    def __init__(
        self, model: SessionModel, before: list[Highlight], after: list[Highlight], text: str
    ) -> None:
        super().__init__(text)
        self._model, self._before, self._after = model, list(before), list(after)

    def redo(self) -> None:
        self._model._swap_highlights(self._after)

    def undo(self) -> None:
        self._model._swap_highlights(self._before)
