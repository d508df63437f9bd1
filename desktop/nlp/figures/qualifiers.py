"""Qualifiers: the words before a figure that hedge or bound it ("more than", "about"),
also glued to it by a hyphen ("near-400,000", "some-50")."""

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
#: Qualifiers that may be glued to a number by a hyphen ("the near-400,000 complaints");
#: not "under-21" or "over-60s", which name an age group.
HYPHEN_QUALIFIERS = ("near", "nearly", "almost", "some", "about", "around", "roughly", "approximately")
_HYPHENATED = re.compile(rf"(?<![\w-])(?i:{'|'.join(HYPHEN_QUALIFIERS)})-$")
_SYMBOLS = frozenset(q for q in QUALIFIERS if not q[0].isalpha())
# Qualifiers by their last word, longest first, so one lookup settles most numbers.
_BY_LAST_WORD: dict[str, list[str]] = {}
for _qualifier in sorted(QUALIFIERS, key=len, reverse=True):
    if _qualifier not in _SYMBOLS:
        _BY_LAST_WORD.setdefault(_qualifier.split()[-1], []).append(_qualifier)
_WINDOW = 24
_OPENERS = "([{\"'“‘«"
_LAST_WORDS = {count: re.compile(rf"(?:\S+\s+){{{count - 1}}}\S+$") for count in range(1, 5)}


def qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier ending just before ``pos`` (spaces allowed): (lower-case words, start)."""
    window_start = max(0, pos - _WINDOW)
    before = text[window_start:pos].rstrip()
    if not before:
        return None
    if before[-1] in _SYMBOLS:
        return before[-1], window_start + len(before) - 1
    # the last word, past an opening bracket or quote glued to it ("(about", '"some')
    candidates = _BY_LAST_WORD.get(before[before.rfind(" ") + 1:].lstrip(_OPENERS).lower())
    if not candidates:
        return None
    lowered = " ".join(before.lower().split())
    for qualifier in candidates:
        if lowered.endswith(qualifier) and not lowered[:-len(qualifier)][-1:].isalnum():
            return qualifier, window_start + _start_of_last_words(before, qualifier.count(" ") + 1)
    return None


def _start_of_last_words(text: str, count: int) -> int:
    """Where the last ``count`` words of ``text`` start, past any punctuation glued to
    the first (an opening quote: '"At least $10 billion' starts at "At")."""
    start = _LAST_WORDS[count].search(text).start()
    while not text[start].isalnum():
        start += 1
    return start


def hyphen_qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier glued by a hyphen just before ``pos`` ("near-"): (lower-case word, start)."""
    found = _HYPHENATED.search(text, max(0, pos - 15), pos)
    return (found.group()[:-1].lower(), found.start()) if found else None
