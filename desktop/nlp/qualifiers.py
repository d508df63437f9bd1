"""Qualifiers: the words before a figure that hedge or bound it ("more than", "about")."""

from __future__ import annotations

import re

QUALIFIERS = (
    "more than", "less than", "fewer than", "no more than", "no less than", "no fewer than",
    "not more than", "not less than", "well over", "just over", "just under", "over", "under",
    "about", "around", "approximately", "approx.", "nearly", "almost", "up to", "at least",
    "at most", "some", "roughly", "exceeding", "above", "below", "in excess of", "upwards of",
    "as many as", "as much as", "as few as", "as little as", "close to", "an estimated",
    "estimated", "circa", "~", "≈", "≥", "≤", ">", "<",
)



def _qualifier_pattern(qualifier: str) -> str:
    pattern = re.escape(qualifier).replace(r"\ ", r"\s+")
    return rf"(?<![\w-]){pattern}(?!\w)" if qualifier[0].isalpha() else pattern


_QUALIFIER_BEFORE = re.compile(
    "(?:" + "|".join(_qualifier_pattern(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)
_WINDOW = 24


def qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier ending just before ``pos`` (spaces allowed): (normalised words, start)."""
    match = _QUALIFIER_BEFORE.search(text, max(0, pos - _WINDOW), pos)
    if not match:
        return None
    words = " ".join(match.group().lower().split())
    return words, match.start()
