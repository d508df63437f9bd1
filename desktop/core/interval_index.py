"""An index of intervals that answers "what overlaps [a, b)?" in O(log n + k).

Intervals are kept sorted by start; a max-end segment tree over that order lets a
query skip every subtree whose intervals all end at or before ``a``. Changes mark
the tree stale and it is rebuilt (O(n)) on the next query, so a burst of edits
costs one rebuild.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterator


class IntervalIndex:
    """Half-open integer intervals ``[start, end)`` with a hashable key each."""

    def __init__(self) -> None:
        self._items: list[tuple[int, int, Hashable]] = []
        self._starts: list[int] = []
        self._tree: list[int] = []
        self._size = 0
        self._stale = False

    def __len__(self) -> int:
        return len(self._items)

    def add(self, start: int, end: int, key: Hashable) -> None:
        """Index ``key`` over ``[start, end)``."""
        item = (start, end, key)
        position = bisect_left(self._items, item)
        self._items.insert(position, item)
        self._starts.insert(position, start)
        self._stale = True

    def remove(self, start: int, end: int, key: Hashable) -> None:
        """Drop ``key`` indexed over ``[start, end)``; KeyError if absent."""
        item = (start, end, key)
        position = bisect_left(self._items, item)
        if position == len(self._items) or self._items[position] != item:
            raise KeyError(key)
        del self._items[position]
        del self._starts[position]
        self._stale = True

    def extend(self, items: list[tuple[int, int, Hashable]]) -> None:
        """Index many intervals at once (one sort)."""
        self._items.extend(items)
        self._items.sort()
        self._starts = [item[0] for item in self._items]
        self._stale = True

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, Hashable]]:
        """Intervals that share at least one position with ``[start, end)``, by start.

        An empty query range ``start == end`` returns the intervals that contain
        ``start``.
        """
        if self._stale:
            self._rebuild()
        limit = bisect_left(self._starts, end if end > start else start + 1)
        if limit == 0:
            return iter(())
        return iter(self._collect(limit, start))

    def _collect(self, limit: int, start: int) -> list[tuple[int, int, Hashable]]:
        # Walk the tree over items[0:limit], pruning nodes whose max end <= start.
        found = []
        tree, size, items = self._tree, self._size, self._items
        stack = [(1, 0, size)]
        while stack:
            node, low, high = stack.pop()
            if low >= limit or tree[node] <= start:
                continue
            if high - low == 1:
                found.append(items[low])
                continue
            middle = (low + high) // 2
            stack.append((2 * node + 1, middle, high))
            stack.append((2 * node, low, middle))
        return found

    def _rebuild(self) -> None:
        size = 1
        while size < len(self._items):
            size *= 2
        tree = [0] * (2 * size)
        for position, item in enumerate(self._items):
            tree[size + position] = item[1]
        for node in range(size - 1, 0, -1):
            left, right = tree[2 * node], tree[2 * node + 1]
            tree[node] = left if left > right else right
        self._tree, self._size, self._stale = tree, size, False

    def __iter__(self) -> Iterator[tuple[int, int, Hashable]]:
        return iter(list(self._items))

    def clear(self) -> None:
        """Forget every interval."""
        self.__init__()
