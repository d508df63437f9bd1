"""Span helpers: snapping a selection to whole words, finding every occurrence."""

from __future__ import annotations

import re


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole words and trimmed of surrounding spaces.

    A selection that starts or ends inside a word takes the whole word ("Kazak" in
    "Kazakhstan" becomes "Kazakhstan"); punctuation the person selected is kept.
    Returns an empty span (start == end) when only whitespace was selected.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, start
    if _is_word_char(text[start]):
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
    if _is_word_char(text[end - 1]):
        while end < len(text) and _is_word_char(text[end]):
            end += 1
    return start, end


def word_boundary_step(text: str, position: int, direction: int) -> int:
    """The next word boundary from ``position`` going right (+1) or left (-1)."""
    if direction > 0:
        while position < len(text) and not _is_word_char(text[position]):
            position += 1
        while position < len(text) and _is_word_char(text[position]):
            position += 1
    else:
        while position > 0 and not _is_word_char(text[position - 1]):
            position -= 1
        while position > 0 and _is_word_char(text[position - 1]):
            position -= 1
    return position


def occurrences(text: str, needle: str, whole_words: bool = True) -> list[tuple[int, int]]:
    """Every ``[start, end)`` where ``needle`` occurs in ``text`` (case-sensitive).

    With ``whole_words``, a match inside a longer word is skipped.
    """
    if not needle.strip():
        return []
    pattern = re.escape(needle)
    if whole_words:
        left = r"(?<!\w)" if _is_word_char(needle[0]) else ""
        right = r"(?!\w)" if _is_word_char(needle[-1]) else ""
        pattern = left + pattern + right
    return [m.span() for m in re.finditer(pattern, text)]
