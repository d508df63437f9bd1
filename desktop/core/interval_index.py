"""An index of intervals that answers "what overlaps [a, b)?" in O(log n + k).

Intervals are kept sorted by start. A max-end segment tree over a snapshot of
that order lets a query skip every subtree whose intervals all end at or before
``a``; it has room for as many intervals again, so intervals added after all the
others (results arriving in text order) join it in place. Other edits after the
snapshot are kept beside it (a short list of additions, a set of removals) and
checked directly, so an edit costs O(log n) and the tree is rebuilt (O(n)) only
once a few hundred edits have piled up.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Hashable, Iterator

Item = tuple[int, int, Hashable]

#: Edits kept beside the tree before it is rebuilt.
PENDING_LIMIT = 256


class IntervalIndex:
    """Half-open integer intervals ``[start, end)`` with a hashable key each."""

    def __init__(self) -> None:
        self._items: list[Item] = []  # every interval, sorted
        self._tree_items: list[Item] = []  # the snapshot the tree is built over
        self._tree_starts: list[int] = []
        self._tree: list[int] = []
        self._size = 0
        self._added: list[Item] = []  # in _items, not in the snapshot (sorted)
        self._removed: set[Item] = set()  # in the snapshot, not in _items
        self._stale = True

    def __len__(self) -> int:
        return len(self._items)

    def add(self, start: int, end: int, key: Hashable) -> None:
        """Index ``key`` over ``[start, end)``."""
        item = (start, end, key)
        insort(self._items, item)
        if item in self._removed:
            self._removed.discard(item)
        else:
            insort(self._added, item)
        self._note_edit()

    def remove(self, start: int, end: int, key: Hashable) -> None:
        """Drop ``key`` indexed over ``[start, end)``; KeyError if absent."""
        item = (start, end, key)
        position = bisect_left(self._items, item)
        if position == len(self._items) or self._items[position] != item:
            raise KeyError(key)
        del self._items[position]
        added = bisect_left(self._added, item)
        if added < len(self._added) and self._added[added] == item:
            del self._added[added]
        else:
            self._removed.add(item)
        self._note_edit()

    def extend(self, items: list[Item]) -> None:
        """Index many intervals at once. Intervals that all start after every one
        indexed (an analysis's results, in text order) join the tree in place, in
        proportion to their number; a few others are added one by one, beside the
        tree; else they are sorted in and the tree is rebuilt on the next query."""
        items = sorted(items)
        if not items:
            return
        if not self._stale and self._after_all(items[0]) and len(self._tree_items) + len(items) <= self._size:
            self._items.extend(items)
            self._append_to_tree(items)
            return
        if not self._stale and len(items) + len(self._added) + len(self._removed) <= PENDING_LIMIT:
            for item in items:
                self.add(*item)
            return
        self._items.extend(items)
        self._items.sort()
        self._stale = True

    def _after_all(self, item: Item) -> bool:
        # strictly after the tree's last: not one of the tree's, so not one removed from it
        return (not self._items or item >= self._items[-1]) and (
            not self._tree_items or item > self._tree_items[-1])

    def _append_to_tree(self, items: list[Item]) -> None:
        tree, first = self._tree, self._size + len(self._tree_items)
        tree[first:first + len(items)] = [item[1] for item in items]
        low, high = first // 2, (first + len(items) - 1) // 2
        while low:
            for node in range(low, high + 1):
                tree[node] = max(tree[2 * node], tree[2 * node + 1])
            low, high = low // 2, high // 2
        self._tree_items.extend(items)
        self._tree_starts.extend(item[0] for item in items)

    def build(self) -> None:
        """Make the index now rather than on the next query (which would pay for it)."""
        if self._stale:
            self._rebuild()

    def _note_edit(self) -> None:
        if len(self._added) + len(self._removed) > PENDING_LIMIT:
            self._stale = True

    def overlapping(self, start: int, end: int) -> Iterator[Item]:
        """Intervals that share at least one position with ``[start, end)``, by start.

        An empty query range ``start == end`` returns the intervals that contain
        ``start``.
        """
        if self._stale:
            self._rebuild()
        stop = end if end > start else start + 1
        limit = bisect_left(self._tree_starts, stop)
        found = self._collect(limit, start) if limit else []
        if self._removed:
            found = [item for item in found if item not in self._removed]
        if self._added:
            extra = [item for item in self._added[: bisect_left(self._added, (stop,))]
                     if item[1] > start]
            if extra:
                found = sorted(found + extra)
        return iter(found)

    def _collect(self, limit: int, start: int) -> list[Item]:
        # Walk the tree over the snapshot's first ``limit`` items, pruning nodes
        # whose max end <= start.
        found = []
        tree, size, items = self._tree, self._size, self._tree_items
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
        items = list(self._items)
        size = 1
        while size < 2 * len(items):  # room to append as many again in place
            size *= 2
        if not items:  # an empty article: no NumPy (its import, ~100 ms, is not on the way to the first paint)
            self._tree_items, self._tree_starts, self._tree, self._size = [], [], [0, 0], 1
            self._added, self._removed, self._stale = [], set(), False
            return
        import numpy as np

        # each level of the tree at once (a Python loop over 30,000 nodes took ~30 ms)
        tree = np.zeros(2 * size, dtype=np.int64)
        tree[size:size + len(items)] = np.fromiter((item[1] for item in items), np.int64, len(items))
        level = size
        while level > 1:
            below = tree[level:2 * level]
            level //= 2
            tree[level:2 * level] = np.maximum(below[0::2], below[1::2])
        self._tree_items, self._tree_starts = items, [item[0] for item in items]
        self._tree, self._size = tree.tolist(), size
        self._added, self._removed, self._stale = [], set(), False

    def __iter__(self) -> Iterator[Item]:
        return iter(list(self._items))

    def clear(self) -> None:
        """Forget every interval."""
        self.__init__()
