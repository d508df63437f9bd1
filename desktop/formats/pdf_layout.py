"""Reading order of the words of PDF pages (no PDF library here: words with their boxes
in, paragraphs out). Words on one baseline make a row; page-wide gutters split rows into
columns; rows that repeat at the top or bottom of the pages (running headers, footers,
page numbers) are dropped; the lines of each column, column after column, then join into
paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from desktop.formats.dehyphenate import Vocabulary, ends_with_hyphen, join_lines
from desktop.formats.pdf_columns import gutters, spans_gutter

#: How many rows at each edge of a page may be a running header or footer.
EDGE_ROWS = 3


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    bottom: float  # PDF coordinates: y grows up the page
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.1)


@dataclass
class Line:
    """Words of one row within one column (or across the page when ``column`` is -1)."""

    words: list[Word]
    column: int = 0
    text: str = field(init=False)
    x0: float = field(init=False)
    x1: float = field(init=False)
    bottom: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.text = " ".join(word.text for word in self.words)
        self.x0, self.x1 = self.words[0].x0, self.words[-1].x1
        self.bottom = median(word.bottom for word in self.words)
        self.height = median(word.height for word in self.words)


def rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped by baseline, top row first, each row left to right."""
    ordered = sorted(words, key=lambda w: -w.bottom)
    grouped: list[list[Word]] = []
    for word in ordered:
        if grouped and abs(grouped[-1][0].bottom - word.bottom) <= 0.4 * min(word.height, grouped[-1][0].height):
            grouped[-1].append(word)
        else:
            grouped.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in grouped]


_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(]?\s*#\s*[-–—)]?(?:\s*(?:of|/)\s*#)?$")


def _pieces(row: list[Word]) -> list[list[Word]]:
    """A row split where its words are far apart (a header's left and right parts)."""
    pieces = [[row[0]]]
    for word in row[1:]:
        if word.x0 - pieces[-1][-1].x1 > 2 * word.height:
            pieces.append([])
        pieces[-1].append(word)
    return pieces


def _key(piece: list[Word]) -> str:
    return " ".join(_DIGITS.sub("#", " ".join(w.text for w in piece)).lower().split())


def drop_running_rows(pages: list[list[list[Word]]]) -> list[list[list[Word]]]:
    """The rows of each page without running headers and footers. Among the ``EDGE_ROWS``
    rows at the top and at the bottom of a page, a part of a row (words close together)
    is running when its text, numbers aside, is found at the same height (within 4 points)
    of at least half the pages (and two), or is a page number ("7", "Page 7 of 20", "- 7 -")."""
    seen: dict[str, list[tuple[int, float]]] = {}
    for number, page in enumerate(pages):
        for row in {id(row): row for row in page[:EDGE_ROWS] + page[-EDGE_ROWS:]}.values():
            for piece in _pieces(row):
                seen.setdefault(_key(piece), []).append((number, piece[0].bottom))
    needed = max(2, (len(pages) + 1) // 2)

    def running(piece: list[Word]) -> bool:
        key = _key(piece)
        if _PAGE_NUMBER.match(key):
            return True
        pages_there = {number for number, bottom in seen.get(key, ()) if abs(bottom - piece[0].bottom) <= 4}
        return len(pages_there) >= needed

    result = []
    for page in pages:
        page = list(page)
        for index in (0, -1):
            for _ in range(EDGE_ROWS):
                if not page:
                    break
                kept = [word for piece in _pieces(page[index]) if not running(piece) for word in piece]
                if kept:
                    page[index] = kept
                    break
                del page[index]
        result.append(page)
    return result


def page_lines(page_rows: list[list[Word]], page_width: float) -> list[Line]:
    """The lines of a page in reading order: bands of column rows between rows that
    cross a gutter, each band column by column, top to bottom."""
    cuts = gutters(page_rows, page_width)
    middles = [(left + right) / 2 for left, right in cuts]
    ordered: list[Line] = []
    band: list[Line] = []

    def flush() -> None:
        ordered.extend(sorted(band, key=lambda line: (line.column, -line.bottom)))
        band.clear()

    for row in page_rows:
        if cuts and spans_gutter(row, cuts):
            flush()
            ordered.append(Line(row, column=-1))
            continue
        for column in range(len(cuts) + 1):
            left = middles[column - 1] if column else float("-inf")
            right = middles[column] if column < len(cuts) else float("inf")
            words = [w for w in row if left <= (w.x0 + w.x1) / 2 < right]
            if words:
                band.append(Line(words, column=column))
    flush()
    return ordered


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """The lines of all pages joined into paragraphs, hyphenation undone (``dehyphenate``)."""
    vocabulary = Vocabulary(line.text for page in pages for line in page)
    leading = _typical_leading(pages)
    groups: list[list[Line]] = []
    previous, before = None, {}
    for page in pages:
        columns = _columns(page)
        for i, line in enumerate(page):
            same_flow = (i > 0 and line.bottom < previous.bottom
                         and (previous.column == line.column or -1 in (previous.column, line.column)))
            if previous is None or _starts_paragraph(previous, before[previous.column], line,
                                                     columns[line.column], leading, same_flow):
                groups.append([])
            groups[-1].append(line)
            previous, before = line, columns
    return [join_lines([line.text for line in group], vocabulary) for group in groups]


def _typical_leading(pages: list[list[Line]]) -> float:
    """The usual distance between the baselines of consecutive lines of a paragraph, as
    a multiple of their height (so that it holds for headings and footnotes too)."""
    ratios = [(a.bottom - b.bottom) / a.height for page in pages for a, b in zip(page, page[1:])
              if a.column == b.column and 0 < a.bottom - b.bottom < 3 * a.height
              and abs(a.height - b.height) < 0.15 * a.height]
    return median(ratios) if ratios else 0.0


@dataclass(frozen=True)
class _Column:
    left: float
    right: float
    justified: bool  # most lines end at the right edge


def _columns(page: list[Line]) -> dict[int, _Column]:
    ends: dict[int, list[Line]] = {}
    for line in page:
        ends.setdefault(line.column, []).append(line)
    columns = {}
    for number, lines in ends.items():
        right = max(line.x1 for line in lines)
        flush = sum(1 for line in lines if right - line.x1 <= 1.0)
        columns[number] = _Column(min(line.x0 for line in lines), right, flush >= 0.6 * len(lines) and len(lines) >= 3)
    return columns


_SENTENCE_END = re.compile(r"[.!?:;…\"”’)]$")


def _starts_paragraph(previous: Line, before: _Column, line: Line, column: _Column, leading: float,
                      same_flow: bool) -> bool:
    """Whether ``line`` starts a paragraph after ``previous`` (in its column ``before``)."""
    height = line.height
    if abs(previous.height - height) > 0.15 * max(previous.height, height):
        return True  # a heading, a caption, a footnote
    ended = bool(_SENTENCE_END.search(previous.text))
    short = previous.x1 < before.right - max(0.15 * (before.right - before.left), 3 * height)
    indented = line.x0 - column.left > 0.6 * height and previous.x0 - before.left < 0.3 * height
    if same_flow:
        gap = previous.bottom - line.bottom
        if leading and gap > 1.35 * leading * height:
            return True
        return indented or (short and ended)
    # a new column, band or page: the paragraph goes on unless its last line was short
    # (the last line of a paragraph seldom fills the column), or ended a sentence short of
    # the edge of a justified column (where the other lines reach it), or the new one is indented
    if ends_with_hyphen(previous.text):
        return False
    return indented or short or (ended and before.justified and previous.x1 < before.right - 0.3 * height)
