"""Span boundaries: stray punctuation the model left at a name's edge is cut off.

The model sometimes takes in an opening bracket or quote next to a name ("the Max
Planck Institute for Astronomy (", '"The Silent Harbour'). A span loses leading
opening marks, trailing opening marks, and a closing mark whose opening one it does
not hold; full stops stay ("U.S.", "Inc.").
"""

from __future__ import annotations

from dataclasses import replace

from desktop.nlp.entity_merge import EntitySpan

_OPENING = "([{\"“‘«"
_CLOSING = {")": "(", "]": "[", "}": "{", "\"": "\"", "”": "“", "’": "‘", "»": "«"}


def trim_punctuation(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with stray brackets, quotes and spaces cut from both ends; a span
    with nothing left is dropped."""
    trimmed = []
    for span in spans:
        start, end = span.start, span.end
        changed = True
        while changed and start < end:
            changed = False
            if text[start] in _OPENING or text[start].isspace():
                start, changed = start + 1, True
            last = text[end - 1]
            if last in _OPENING or last.isspace() or (
                last in _CLOSING and _CLOSING[last] not in text[start : end - 1]
            ):
                end, changed = end - 1, True
        if start < end:
            trimmed.append(span if (start, end) == (span.start, span.end)
                           else replace(span, start=start, end=end))
    return trimmed
