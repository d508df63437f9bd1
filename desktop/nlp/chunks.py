"""Splitting a text into paragraph chunks small enough for the pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: A chunk never exceeds this many characters (spaCy's own limit is 1,000,000).
MAX_CHUNK_CHARS = 20_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of the text and where it starts in it."""

    offset: int
    text: str

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def paragraph_chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[Chunk]:
    """Non-blank paragraphs of ``text`` in order; long ones are cut at sentence ends,
    and failing that at whitespace, so no chunk is longer than ``max_chars``."""
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield from _split_paragraph(text, position, match.start(), max_chars)
        position = match.end()
    yield from _split_paragraph(text, position, len(text), max_chars)


def _split_paragraph(text: str, start: int, end: int, max_chars: int) -> Iterator[Chunk]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:
        cut = _cut_point(text, start, start + max_chars)
        yield Chunk(start, text[start:cut].rstrip())
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield Chunk(start, text[start:end])


def _cut_point(text: str, start: int, limit: int) -> int:
    window = text[start:limit]
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if sentence_ends and sentence_ends[-1] > len(window) // 2:
        return start + sentence_ends[-1]
    space = window.rfind(" ")
    return start + space + 1 if space > len(window) // 2 else limit


def batches_of(
    chunks: Iterable[Chunk], first_chars: int, chars: int, total: int | None = None,
    last_chars: int | None = None,
) -> Iterator[list[Chunk]]:
    """Consecutive chunks grouped into batches of about ``chars`` characters; the
    first batch holds only about ``first_chars`` (the first screen). With the
    ``total`` length of the chunks given, batches shrink towards the end (a quarter
    of what is left, never under ``last_chars``, by default ``first_chars``), so
    processes sharing them finish together."""
    smallest = first_chars if last_chars is None else last_chars
    batch: list[Chunk] = []
    size, limit, done = 0, first_chars, 0
    for chunk in chunks:
        batch.append(chunk)
        size += len(chunk.text)
        if size >= limit:
            yield batch
            done += size
            limit = chars if total is None else min(chars, max(smallest, (total - done) // 4))
            batch, size = [], 0
    if batch:
        yield batch
