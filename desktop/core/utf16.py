"""Converting between Python string offsets (code points) and UTF-16 offsets (Qt)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Offsets:
    """Offset conversion for one text.

    Qt counts UTF-16 code units, so every character outside the Basic Multilingual
    Plane (most emoji, some CJK) takes two positions in Qt and one in Python. Only
    those characters are recorded, so a text without any converts at no cost.
    """

    def __init__(self, text: str) -> None:
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character: its code-point index plus the
        # number of astral characters before it.
        self._astral_utf16 = [cp + n for n, cp in enumerate(self._astral)]

    def to_utf16(self, position: int) -> int:
        """The UTF-16 offset of code-point offset ``position``."""
        if not self._astral:
            return position
        return position + bisect_left(self._astral, position)

    def to_code_point(self, position: int) -> int:
        """The code-point offset of UTF-16 offset ``position`` (a position inside a
        surrogate pair maps to the character's start)."""
        if not self._astral:
            return position
        return position - bisect_right(self._astral_utf16, position - 1)
