"""Undo commands: each edit of the session is one of these on the model's stack.

Commands act on the model only (never on widgets) through its underscore methods,
which change the session and emit the signals every view follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from desktop.core.highlight import Highlight
from desktop.core.labels import Label

if TYPE_CHECKING:
    from desktop.model.session_model import SessionModel


class ChangeHighlights(QUndoCommand):
    """Take ``removed`` out and put ``added`` in; undo does the reverse.

    Adding is ``removed=[]``, deleting is ``added=[]``, and editing a highlight is
    removing its old version and adding its new one (same id).
    """

    def __init__(
        self, model: SessionModel, removed: list[Highlight], added: list[Highlight], text: str
    ) -> None:
        super().__init__(text)
        self._model, self._removed, self._added = model, list(removed), list(added)

    def redo(self) -> None:
        self._model._change_highlights(self._removed, self._added)

    def undo(self) -> None:
        self._model._change_highlights(self._added, self._removed)


class SetLabels(QUndoCommand):
    """Replace the session's label list (custom labels, colours, keys)."""

    def __init__(self, model: SessionModel, before: list[Label], after: list[Label], text: str) -> None:
        super().__init__(text)
        self._model, self._before, self._after = model, list(before), list(after)

    def redo(self) -> None:
        self._model._set_labels(self._after)

    def undo(self) -> None:
        self._model._set_labels(self._before)


class SetFigureOverride(QUndoCommand):
    """Set (or with ``None``, clear) a hand correction of one figure cell."""

    def __init__(
        self, model: SessionModel, highlight_id: str, column: str, before: Any, after: Any, text: str
    ) -> None:
        super().__init__(text)
        self._model, self._id, self._column = model, highlight_id, column
        self._before, self._after = before, after

    def redo(self) -> None:
        self._model._set_override(self._id, self._column, self._after)

    def undo(self) -> None:
        self._model._set_override(self._id, self._column, self._before)
