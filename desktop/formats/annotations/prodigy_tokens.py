"""Tokens for Prodigy tasks: spaCy's English tokenizer (``spacy.blank("en")``, the
rules of ``en_core_web_sm`` without its model), as Prodigy's ``blank:en`` gives.

A long text is tokenized in pieces cut where a run of whitespace holding a line
break ends: spaCy cuts tokens at every run of whitespace, so the tokens are the
same as for the whole text, and the time stays linear (one call on a 1 MB text
takes seconds).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import Any

#: Pieces are gathered up to about this many characters before tokenizing.
PIECE_CHARS = 20_000
_CUT = re.compile(r"\s*\n\s*(?=\S)")
_SPACE_CUT = re.compile(r"\s+(?=\S)")


@cache
def tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def tokens(text: str) -> list[dict[str, Any]]:
    """Prodigy's tokens of ``text``: ``{"text", "start", "end", "id", "ws"}``."""
    pieces = list(_pieces(text))
    result: list[dict[str, Any]] = []
    for (offset, _), doc in zip(pieces, tokenizer().pipe(piece for _, piece in pieces)):
        for token in doc:
            start = token.idx + offset
            word = token.text
            result.append({"text": word, "start": start, "end": start + len(word), "id": len(result),
                           "ws": bool(token.whitespace_)})
    return result


def _pieces(text: str):
    """(offset, piece) of ``text`` in pieces of about PIECE_CHARS characters."""
    start = 0
    while start < len(text):
        cut = _cut_after(text, start + PIECE_CHARS)
        yield start, text[start:cut]
        start = cut


def _cut_after(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    for pattern in (_CUT, _SPACE_CUT):
        found = pattern.search(text, position, position + 4 * PIECE_CHARS)
        if found:
            return found.end()
    found = _SPACE_CUT.search(text, position)
    return found.end() if found else len(text)


def token_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The first and last token (inclusive) of the span ``[start, end)``, expanded
    to whole tokens; a span within the whitespace after a token gets that token."""
    first = bisect_right(ends, start)  # the first token ending after the start
    last = bisect_left(starts, end) - 1  # the last token starting before the end
    if first > last:
        first = last = max(0, min(last, len(starts) - 1))
    return first, last
