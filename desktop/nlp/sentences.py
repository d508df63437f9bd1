"""Sentence boundaries: found with one regular expression (no language model), or
taken from the pipeline, and looked up by position."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

_BOUNDARY = re.compile(r"([.!?…]+)[\"'”’)\]]*[ \t\u00a0]+(?=[\"'“‘(\[]?[A-Z0-9])|[ \t]*\n\s*")
_WORD_BEFORE_PERIOD = re.compile(r"(?:^|\s)([\w.]+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr inc ltd co corp vs etc no nos fig approx est gen gov sen rep"
    " u.s u.k u.n e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WINDOW = 2_000


class SentenceIndex:
    """Sorted, non-overlapping sentence spans with position lookup."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def __len__(self) -> int:
        return len(self._spans)

    def copy(self) -> SentenceIndex:
        """An independent copy (for reading in another thread while this one grows)."""
        copied = SentenceIndex()
        copied._spans, copied._starts = list(self._spans), list(self._starts)
        return copied

    def add(self, spans: Iterable[tuple[int, int]]) -> None:
        """Add spans (e.g. the sentences of one more analysed chunk); spans after
        every known one (chunks arriving in text order) are appended in O(k)."""
        new = sorted(spans)
        if not new:
            return
        if not self._spans or new[0][0] >= self._spans[-1][0]:
            self._spans.extend(new)
            self._starts.extend(start for start, _ in new)
        else:
            self._spans = sorted([*self._spans, *new])
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
        """The sentence(s) holding ``text[start:end]``, stripped; falls back to the
        regular-expression split when the position is in no known sentence."""
        first = self.span_at(start) or sentence_span_around(text, start)
        last = self.span_at(max(start, (end or start + 1) - 1)) or first
        return text[first[0] : max(first[1], last[1])].strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match[1] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        _append_trimmed(spans, text, start, match.start() + len(match.group().rstrip()))
        start = match.end()
    _append_trimmed(spans, text, start, len(text))
    return spans


def _ends_with_abbreviation(text: str, period: int) -> bool:
    word = _WORD_BEFORE_PERIOD.search(text, max(0, period - 12), period)
    if not word:
        return False
    token = word[1].lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_span_around(text: str, position: int) -> tuple[int, int]:
    """The sentence around ``position``, split in a window of the text around it."""
    window_start = max(0, position - _WINDOW)
    for start, end in sentence_spans(text[window_start : position + _WINDOW]):
        if start + window_start <= position < end + window_start:
            return start + window_start, end + window_start
    return position, min(len(text), position + 1)
