"""The gutters between the columns of a PDF page: runs of x where rows have a gap
between two of their words, and fewer rows cross them with a word (a headline, a page
number), with the lines right of the gap starting at one x (a column's left edge; gaps
between words that happen to line up start nowhere in particular) and reading as text
rather than as the cells of a table."""

from __future__ import annotations

import math
from itertools import accumulate
from statistics import mean, median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.formats.pdf_layout import Word

#: At most this many rows cross a gutter for each row that has a gap there.
_CROSSING_SHARE = 0.5
#: Share of the rows right of a gutter whose first word there starts at the column's edge.
_ALIGNED_SHARE = 0.6
_MIN_ROWS = 3
#: Fewer words a row on either side is a table, read row by row.
_MIN_WORDS_A_ROW = 2.5


def gutters(page_rows: list[list[Word]], page_width: float) -> list[tuple[float, float]]:
    """(left, right) of each gutter of the page, left to right; [] for a single column."""
    words = [word for row in page_rows for word in row]
    if len(page_rows) < _MIN_ROWS or not words:
        return []
    origin = math.floor(min(w.x0 for w in words))
    size = math.ceil(max(w.x1 for w in words)) - origin + 2
    if size > 10 * max(page_width, 1.0):  # text far off the page: no column layout to read
        return []
    min_width = max(3.0, 0.6 * median(w.height for w in words))
    covered, gapped = [0] * (size + 1), [0] * (size + 1)
    for row in page_rows:
        for word in row:
            covered[max(0, int(word.x0 - origin) + 1)] += 1
            covered[min(size, int(word.x1 - origin))] -= 1
        for a, b in zip(row, row[1:]):
            if b.x0 - a.x1 >= min_width:
                gapped[int(a.x1 - origin) + 1] += 1
                gapped[int(b.x0 - origin)] -= 1
    crossing, gaps = list(accumulate(covered)), list(accumulate(gapped))
    found, start = [], None
    for x in range(size + 1):
        if gaps[x] >= _MIN_ROWS and crossing[x] <= _CROSSING_SHARE * gaps[x]:
            start = x if start is None else start
            continue
        if start is not None and x - start >= min_width - 2:
            found.append(_narrowed(crossing, gaps, start, x, origin))
        start = None
    return [cut for cut in found if _column_on_each_side(page_rows, cut)]


def _narrowed(crossing: list[int], gaps: list[int], start: int, end: int, origin: int) -> tuple[float, float]:
    """The part of a gutter run that is (nearly) as empty as its emptiest x: the run
    also takes in the ragged ends of the lines on its left."""
    floor = min(crossing[start:end]) + max(1, 0.1 * max(gaps[start:end]))
    inside = [x for x in range(start, end) if crossing[x] <= floor]
    return origin + inside[0], origin + inside[-1] + 1


def spans_gutter(row: list[Word], cuts: list[tuple[float, float]]) -> bool:
    """Whether a word of ``row`` reaches into the middle half of a gutter (the row is
    read across the page)."""
    return any(word.x1 > left + (right - left) / 4 and word.x0 < right - (right - left) / 4
               for word in row for left, right in cuts)


def _column_on_each_side(page_rows: list[list[Word]], cut: tuple[float, float]) -> bool:
    """Rows of text on both sides of the gutter, and of the rows with text just right of
    it, most start there at the same x (give or take 2 points)."""
    left, right = cut
    lefts = [n for row in page_rows if (n := sum(1 for w in row if w.x1 <= left + 0.5))]
    rights = [r for row in page_rows if (r := [w for w in row if w.x0 >= right - 0.5])]
    if len(lefts) < _MIN_ROWS or len(rights) < _MIN_ROWS:
        return False
    if min(mean(lefts), mean(len(r) for r in rights)) < _MIN_WORDS_A_ROW:
        return False
    reach = right + 3 * median(w.height for row in page_rows for w in row)
    near = [row for row in page_rows if any(w.x1 > right and w.x0 < reach for w in row)]
    starts = [next(w.x0 for w in row if w.x1 > right) for row in near]
    aligned = max(sum(1 for x in starts if abs(x - edge) <= 2.0) for edge in set(starts))
    return aligned >= max(_MIN_ROWS, _ALIGNED_SHARE * len(near))
