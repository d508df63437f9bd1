"""Read-only views of a session: what the window's model hands to everyone else.

Only the model writes a session (through ``apply_change``); views, exporters and the
file writer read it through these, which raise on any attempt to change it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.article import Article
    from desktop.core.highlight import Highlight
    from desktop.core.highlight_set import HighlightSet
    from desktop.core.labels import Label
    from desktop.core.session import Session


class HighlightsView:
    """The reading half of a :class:`HighlightSet`."""

    __slots__ = ("_set",)

    def __init__(self, highlights: HighlightSet) -> None:
        self._set = highlights

    def __len__(self) -> int:
        return len(self._set)

    def __iter__(self) -> Iterator[Highlight]:
        return iter(self._set)

    def __contains__(self, highlight_id: object) -> bool:
        return highlight_id in self._set

    def __getitem__(self, highlight_id: str) -> Highlight:
        return self._set[highlight_id]

    def get(self, highlight_id: str) -> Highlight | None:
        return self._set.get(highlight_id)

    def in_any_order(self):
        return self._set.in_any_order()

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        return self._set.overlapping(start, end)

    def at(self, position: int) -> list[Highlight]:
        return self._set.at(position)

    def visible(self) -> Iterator[Highlight]:
        return self._set.visible()

    def label_counts(self):
        return self._set.label_counts()

    def used_labels(self) -> set[str]:
        return self._set.used_labels()

    def copy(self) -> HighlightSet:
        """A separate, writable copy (highlights are immutable)."""
        return self._set.copy()


class OverridesView(Mapping):
    """Figure corrections by highlight id, each a read-only mapping of column -> value."""

    __slots__ = ("_overrides",)

    def __init__(self, overrides: dict[str, dict[str, Any]]) -> None:
        self._overrides = overrides

    def __getitem__(self, highlight_id: str) -> Mapping[str, Any]:
        return MappingProxyType(self._overrides[highlight_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._overrides)

    def __len__(self) -> int:
        return len(self._overrides)

    def copy(self) -> dict[str, dict[str, Any]]:
        """A separate, writable copy."""
        return {key: dict(cells) for key, cells in self._overrides.items()}


class SessionView:
    """Read-only access to a :class:`Session` (the same reading API)."""

    __slots__ = ("_session", "highlights")

    def __init__(self, session: Session) -> None:
        self._session = session
        self.highlights = HighlightsView(session.highlights)

    @property
    def article(self) -> Article:
        return self._session.article

    @property
    def labels(self) -> tuple[Label, ...]:
        return tuple(self._session.labels)

    @property
    def figure_overrides(self) -> OverridesView:
        return OverridesView(self._session.figure_overrides)

    @property
    def hidden_labels(self) -> frozenset[str]:
        return frozenset(self._session.hidden_labels)

    @property
    def extra(self) -> Mapping[str, Any]:
        return MappingProxyType(self._session.extra)

    def label(self, name: str) -> Label:
        return self._session.label(name)

    def label_names(self) -> list[str]:
        return self._session.label_names()

    def copy(self) -> Session:
        """A separate, writable copy a background thread may read while the model edits
        the original (the highlight set is copied, not the immutable highlights)."""
        from desktop.core.session import Session

        session = self._session
        return Session(session.article, session.highlights.copy(), list(session.labels),
                       self.figure_overrides.copy(), set(session.hidden_labels), dict(session.extra))
