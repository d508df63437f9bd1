"""The article's highlights, by id and by position."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from desktop.core.highlight import Highlight
from desktop.core.interval_index import IntervalIndex


class HighlightSet:
    """Highlights keyed by id, with an interval index for range queries.

    Overlapping and nested highlights are allowed. Queries return highlights
    ordered by (start, end). Label counts are kept up to date on every change, so
    reading them costs nothing however many highlights there are.
    """

    def __init__(self, highlights: Iterable[Highlight] = ()) -> None:
        self._by_id: dict[str, Highlight] = {}
        self._index = IntervalIndex()
        self._visible_counts: Counter[str] = Counter()
        self._all_counts: Counter[str] = Counter()
        self.extend(highlights)

    def _count(self, highlight: Highlight, step: int) -> None:
        self._all_counts[highlight.label] += step
        if highlight.visible:
            self._visible_counts[highlight.label] += step

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Highlight]:
        """All highlights ordered by position."""
        return (self._by_id[key] for _, _, key in self._index)

    def in_any_order(self) -> Iterable[Highlight]:
        """All highlights, in no particular order (quicker than by position)."""
        return self._by_id.values()

    def __contains__(self, highlight_id: object) -> bool:
        return highlight_id in self._by_id

    def get(self, highlight_id: str) -> Highlight | None:
        """The highlight with this id, or None."""
        return self._by_id.get(highlight_id)

    def __getitem__(self, highlight_id: str) -> Highlight:
        return self._by_id[highlight_id]

    def add(self, highlight: Highlight) -> None:
        """Add a highlight; its id must be new."""
        if highlight.id in self._by_id:
            raise KeyError(f"duplicate highlight id {highlight.id}")
        self._by_id[highlight.id] = highlight
        self._count(highlight, 1)
        self._index.add(highlight.start, highlight.end, highlight.id)

    def extend(self, highlights: Iterable[Highlight]) -> None:
        """Add many highlights with one index update; their ids must be new and
        distinct (else KeyError, and nothing is added)."""
        batch = list(highlights)
        ids = [h.id for h in batch]
        if len(set(ids)) < len(ids) or not self._by_id.keys().isdisjoint(ids):
            seen = set(self._by_id)
            duplicate = next(i for i in ids if i in seen or seen.add(i))
            raise KeyError(f"duplicate highlight id {duplicate}")
        self._by_id.update(zip(ids, batch))
        self._all_counts.update(h.label for h in batch)
        self._visible_counts.update(h.label for h in batch if h.visible)
        self._index.extend([(h.start, h.end, h.id) for h in batch])

    def build_index(self) -> None:
        """Index the positions now (after :meth:`extend`, the first query would)."""
        self._index.build()

    def remove(self, highlight_id: str) -> Highlight:
        """Remove and return the highlight with this id."""
        highlight = self._by_id.pop(highlight_id)
        self._count(highlight, -1)
        self._index.remove(highlight.start, highlight.end, highlight.id)
        return highlight

    def replace(self, highlight: Highlight) -> Highlight:
        """Put ``highlight`` in place of the one with its id; return the old one."""
        old = self.remove(highlight.id)
        self.add(highlight)
        return old

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Highlights sharing a position with ``[start, end)`` (or containing ``start``
        when the range is empty)."""
        return [self._by_id[key] for _, _, key in self._index.overlapping(start, end)]

    def at(self, position: int) -> list[Highlight]:
        """Highlights covering ``position``, innermost (shortest) first."""
        found = self.overlapping(position, position)
        return sorted(found, key=lambda h: (h.end - h.start, h.start))

    def visible(self) -> Iterator[Highlight]:
        """Highlights that are not rejected suggestions, by position."""
        return (h for h in self if h.visible)

    def label_counts(self) -> Counter[str]:
        """How many visible highlights each label has (labels with none left out)."""
        return Counter({label: n for label, n in self._visible_counts.items() if n})

    def used_labels(self) -> set[str]:
        """Every label some highlight has, rejected ones included."""
        return {label for label, n in self._all_counts.items() if n}

    def copy(self) -> HighlightSet:
        """A shallow copy (highlights are immutable)."""
        return HighlightSet(self)
