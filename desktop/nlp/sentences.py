"""Sentence spans of a text, and lookup of the sentence around a position."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n")
_WINDOW = 2_000


class SentenceIndex:
    """Sorted, non-overlapping sentence spans with position lookup."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def __len__(self) -> int:
        return len(self._spans)

    def add(self, spans: Iterable[tuple[int, int]]) -> None:
        """Add spans (e.g. the sentences of one more analysed chunk)."""
        self._spans = sorted([*self._spans, *spans])
        self._starts = [start for start, _ in self._spans]

    def span_at(self, position: int) -> tuple[int, int] | None:
        """The sentence containing ``position``, or None."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0:
            start, end = self._spans[index]
            if start <= position < end:
                return start, end
        return None

    def sentence_at(self, text: str, start: int, end: int | None = None) -> str:
        """The sentence(s) holding ``text[start:end]``, stripped; falls back to a
        regex split when the position is in no known sentence."""
        first = self.span_at(start) or regex_sentence_span(text, start)
        last = self.span_at(max(start, (end or start + 1) - 1)) or first
        return text[first[0] : max(first[1], last[1])].strip()


def regex_sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans cut at end punctuation before whitespace and at line breaks."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        spans.extend(_trimmed(text, start, match.end()))
        start = match.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def regex_sentence_span(text: str, position: int) -> tuple[int, int]:
    """The punctuation-delimited sentence around ``position``."""
    window_start = max(0, position - _WINDOW)
    window = text[window_start : position + _WINDOW]
    for start, end in regex_sentence_spans(window):
        if start + window_start <= position < end + window_start:
            return start + window_start, end + window_start
    return position, min(len(text), position + 1)


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []
