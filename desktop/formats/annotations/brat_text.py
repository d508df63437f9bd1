"""How brat counts the characters of a .txt, and how it cuts a span at line breaks.

brat reads a document with universal newlines, so a CRLF counts as one character
in its offsets (brat issue #853); the session keeps the text as it is, so offsets
are converted here in both directions. A text-bound annotation's text must stay on
its line of the .ann: brat itself cuts a span that crosses a line break or a tab
into fragments (``T1\tORG 0 5;6 12\tfirst second``, the fragments' texts joined by
a space), and so does Article Lens.
"""

from __future__ import annotations

import re
from bisect import bisect_left

#: Characters a fragment never holds: tabs, and every line boundary Python's
#: ``str.splitlines`` knows (brat splits its .ann lines with it).
BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_UNBROKEN = re.compile(f"[^{re.escape(BREAKS)}]+")
_BREAK = re.compile(f"[{re.escape(BREAKS)}]")
#: What brat puts between the texts of the fragments of one annotation.
FRAGMENT_JOINER = " "


class BratText:
    """A document's text as the session keeps it (``raw``) and as brat reads it
    (``text``: each CRLF and lone CR turned into LF), with offsets between them."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        if "\r" not in raw:
            self.text, self._raw_lf, self._brat_lf = raw, [], []
            return
        self.text = raw.replace("\r\n", "\n").replace("\r", "\n")
        pairs = [m.start() for m in re.finditer("\r\n", raw)]
        self._raw_lf = [i + 1 for i in pairs]  # where the LF of each CRLF is in raw
        self._brat_lf = [i - n for n, i in enumerate(pairs)]  # where it is in text

    def to_brat(self, position: int) -> int:
        """The brat offset of a raw offset (one inside a CRLF goes after it)."""
        return position - bisect_left(self._raw_lf, position) if self._raw_lf else position

    def to_raw(self, position: int) -> int:
        """The raw offset of a brat offset."""
        return position + bisect_left(self._brat_lf, position) if self._brat_lf else position

    def fragments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The brat fragments of the raw span ``[start, end)``: its stretches
        between line breaks and tabs, in brat offsets."""
        first, last = self.to_brat(start), self.to_brat(end)
        if not _BREAK.search(self.text, first, last):
            return [(first, last)]
        return [m.span() for m in _UNBROKEN.finditer(self.text, first, last)]

    def quote(self, fragments: list[tuple[int, int]]) -> str:
        """The text field of an annotation with these fragments."""
        return FRAGMENT_JOINER.join(self.text[s:e] for s, e in fragments)

    def exact(self, start: int, end: int, fragments: list[tuple[int, int]]) -> bool:
        """Whether the fragments give back exactly the raw span ``[start, end)``."""
        return bool(fragments) and self.to_raw(fragments[0][0]) == start and \
            self.to_raw(fragments[-1][1]) == end

    def only_breaks(self, start: int, end: int) -> bool:
        """Whether brat's ``text[start:end]`` holds nothing but whitespace."""
        return not self.text[start:end].strip()
