"""The undo command: every edit a person makes is one of these on the model's stack.

It holds a :class:`~desktop.core.change.Change` (made by ``core.edit_rules``) and
applies it, or its inverse, through the model's one way in, ``SessionModel.apply``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from desktop.core.change import Change
    from desktop.model.session_model import SessionModel


class ApplyChange(QUndoCommand):
    """Make ``change`` on redo and undo it (apply its inverse) on undo."""

    def __init__(self, model: SessionModel, change: Change) -> None:
        super().__init__(change.text)
        self._model, self._change = model, change

    @property
    def change(self) -> Change:
        return self._change

    def redo(self) -> None:
        self._model.apply(self._change)

    def undo(self) -> None:
        self._model.apply(self._change.inverse())
