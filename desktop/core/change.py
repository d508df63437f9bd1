"""Change: what one edit does to a session, as data that can be applied and undone.

Every change of a session's saved state is a ``Change``: a person's edit (made by the
rules in :mod:`desktop.core.edit_rules`), the analysis's suggestions, the document
pass's revisions, an import. The window's model applies them through one method and
tells its views the ``Change`` it applied; the command line applies them with
:func:`apply_change`. ``change.inverse()`` undoes one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.highlight import Highlight
from desktop.core.labels import Label

if TYPE_CHECKING:
    from desktop.core.session import Session


@dataclass(frozen=True, slots=True)
class OverrideEdit:
    """One hand correction of a figure cell: ``before`` and ``after`` (``None``: none)."""

    highlight_id: str
    column: str
    before: Any
    after: Any

    def inverse(self) -> OverrideEdit:
        return OverrideEdit(self.highlight_id, self.column, self.after, self.before)


@dataclass(frozen=True, slots=True)
class Change:
    """Highlights taken out and put in, figure corrections set, and the label list or
    the hidden labels replaced (``None``: unchanged; else ``(before, after)``).

    Editing a highlight is removing its old version and adding its new one (same id).
    ``text`` names the change as a person would ("Delete “Acme”"): the undo menu shows
    it. ``teaches`` lists what the person decided, for the lexicon of their
    corrections: ``(decision, highlights)`` pairs ("accepted" or "rejected").
    """

    removed: tuple[Highlight, ...] = ()
    added: tuple[Highlight, ...] = ()
    overrides: tuple[OverrideEdit, ...] = ()
    labels: tuple[tuple[Label, ...], tuple[Label, ...]] | None = None
    hidden: tuple[frozenset[str], frozenset[str]] | None = None
    text: str = ""
    teaches: tuple[tuple[str, tuple[Highlight, ...]], ...] = field(default=(), compare=False)

    @property
    def empty(self) -> bool:
        return not (self.removed or self.added or self.overrides
                    or self.labels is not None or self.hidden is not None)

    @property
    def highlights_changed(self) -> bool:
        return bool(self.removed or self.added)

    def span(self) -> tuple[int, int] | None:
        """The text range whose highlights changed (``None`` when none did)."""
        touched = (*self.removed, *self.added)
        if not touched:
            return None
        return min(h.start for h in touched), max(h.end for h in touched)

    def inverse(self) -> Change:
        """The change that undoes this one."""
        return Change(
            removed=self.added,
            added=self.removed,
            overrides=tuple(edit.inverse() for edit in reversed(self.overrides)),
            labels=None if self.labels is None else (self.labels[1], self.labels[0]),
            hidden=None if self.hidden is None else (self.hidden[1], self.hidden[0]),
            text=self.text,
        )


def apply_change(session: Session, change: Change) -> None:
    """Make ``change`` in ``session`` (the only code that writes a session's state).

    A removed highlight that is gone already (a withdrawn suggestion a person deleted
    meanwhile) is passed over.
    """
    highlights = session.highlights
    for highlight in change.removed:
        if highlight.id in highlights:
            highlights.remove(highlight.id)
    if change.added:
        highlights.extend(change.added)
    overrides = session.figure_overrides
    for edit in change.overrides:
        cells = overrides.setdefault(edit.highlight_id, {})
        if edit.after is None:
            cells.pop(edit.column, None)
        else:
            cells[edit.column] = edit.after
        if not cells:
            overrides.pop(edit.highlight_id)
    if change.labels is not None:
        session.labels = list(change.labels[1])
    if change.hidden is not None:
        session.hidden_labels = set(change.hidden[1])
