"""The word just before a position in a text."""

from __future__ import annotations


def word_before(text: str, pos: int) -> tuple[str, int]:
    """The word (lower case) ending one or more spaces before ``pos``, and its start.

    ("", pos) when no space or no word comes just before ``pos``.
    """
    end = pos
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return (text[start:end].lower(), start) if start < end < pos else ("", pos)
