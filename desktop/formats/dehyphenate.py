"""Joining the lines of a paragraph, undoing hyphenation at line ends only where it is
hyphenation ("govern-/ment" → "government") and keeping the hyphen of a compound that
happens to break there ("well-/known" → "well-known").

The rule, for a line ending "left-" followed by a line starting "right":

1. keep the hyphen when either side holds a digit or the right part starts with a
   capital ("Covid-19", "Franco-German"), or a part is already a compound
   ("year-on-/year", "year-/on-year");
2. keep it when the document writes "left-right" elsewhere;
3. join when the document writes "leftright" elsewhere, or it is a common closed
   compound ("every-/day" → "everyday");
4. keep it when both parts are words, the right one of 3 letters or more: words the
   document uses elsewhere, or common parts of compounds ("five-/year", "after-/hours"),
   the right one maybe in the plural ("two-/thirds");
   the left one may also be a prefix written with a hyphen ("non-", "self-");
5. else join: a part that is not a word is a fragment of a word broken by the typesetter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A word: letters with inner hyphens or apostrophes ("state-owned", "group's").
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: What ends a line broken inside a word: a hyphen, or pdfium's marks for one.
LINE_END_HYPHENS = ("-", "\u2010", "\x02", "\ufffe")
SOFT_HYPHEN = "\u00ad"
_DASHES = ("\u2013", "\u2014")
HYPHEN_PREFIXES = frozenset({"non", "self", "ex", "anti", "co", "pre", "post", "semi", "mid", "multi",
                             "cross", "half", "all", "pro", "inter", "intra", "ultra", "quasi"})
#: Words often found in hyphenated compounds, which a document may write nowhere else.
COMPOUND_PARTS = frozenset("""
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty hundred thousand million billion first second third fourth fifth half quarter
    year years month months week weeks day days hour hours minute minutes time term
    long short high low well best better full part free wide old new hard big small large
    state owned based led run backed made built known sized level wing end top bottom
    after before over under up down off out in on back front self
    like for all year-on record price cost tax risk market""".split())
#: Closed compounds made of two common words, which a document may not write elsewhere.
CLOSED_COMPOUNDS = frozenset("""
    another anybody anyone anything anyway anywhere become cannot everybody everyday everyone
    everything everywhere forever furthermore hereby however income indeed into itself meanwhile
    moreover nevertheless nobody nonetheless nothing nowhere online onto otherwise outcome outlook
    output overall overseas percent update upgrade download upload outlook outcome
    afterwards backward forward inside outside somebody someone something sometimes somewhat somewhere
    therefore throughout today together undergo understand upon whatever whenever whereas
    whereby wherever whether whichever whoever within without workforce worldwide yourself
    themselves himself herself ourselves shareholders stakeholders headquarters network software
    website weekend deadline lawmakers policymakers taxpayers marketplace breakthrough downturn
    upturn takeover turnover outlet output underway nationwide airline airport railway""".split())


def ends_with_hyphen(line: str) -> bool:
    return line.endswith(LINE_END_HYPHENS) or line.endswith(SOFT_HYPHEN)


class Vocabulary:
    """The words and hyphenated compounds a document writes (lowercase), from its lines in
    reading order; the parts of words broken across lines are left out."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.words: set[str] = set()
        self.compounds: set[str] = set()
        after_hyphen = False
        for line in lines:
            tokens = WORD.findall(line.replace(SOFT_HYPHEN, ""))
            if after_hyphen and tokens:
                tokens = tokens[1:]
            after_hyphen = ends_with_hyphen(line.rstrip())
            if after_hyphen and tokens:
                tokens = tokens[:-1]
            for token in tokens:
                token = token.lower().replace("’", "'")
                if "-" in token:
                    self.compounds.add(token)
                    self.words.update(token.split("-"))
                else:
                    self.words.add(token)

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether "left-" at a line end and "right" at the next line's start form
        "left-right" (True) or "leftright" (False); see the module's rule."""
        if not left or not right or not left[-1].isalpha() or not right[0].isalpha():
            return True
        if right[0].isupper() and not left.isupper() or "-" in left or "-" in right:
            return True
        lower_left, lower_right = left.lower(), right.lower()
        if f"{lower_left}-{lower_right}" in self.compounds:
            return True
        joined = lower_left + lower_right
        if joined in self.words or joined in CLOSED_COMPOUNDS:
            return False
        known = self.words | COMPOUND_PARTS
        left_is_word = (lower_left in known and len(lower_left) >= 2) or lower_left in HYPHEN_PREFIXES
        right_is_word = lower_right in known or (lower_right.endswith("s") and lower_right[:-1] in known)
        return left_is_word and len(lower_right) >= 3 and right_is_word


_LEFT_PART = re.compile(r"([^\W\d_](?:[^\W\d_]|-(?=[^\W\d_]))*)$")
_RIGHT_PART = re.compile(r"^([^\W\d_]+(?:-[^\W\d_]+)*)")


def join_lines(lines: list[str], vocabulary: Vocabulary) -> str:
    """The lines of one paragraph as one line of text."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith(SOFT_HYPHEN):
            text = text[:-1] + line
        elif text.endswith(LINE_END_HYPHENS):
            text = _join_hyphenated(text, line, vocabulary)
        elif text.endswith(_DASHES) and not text[-2:-1].isspace():
            text += line
        else:
            text = f"{text} {line}"
    return text.replace(SOFT_HYPHEN, "").replace("\x02", "-").replace("\ufffe", "-")


def _join_hyphenated(text: str, line: str, vocabulary: Vocabulary) -> str:
    body = text[:-1]
    left, right = _LEFT_PART.search(body), _RIGHT_PART.match(line)
    if left is None or right is None:
        return f"{body}-{line}" if body[-1:].isalnum() else f"{body}- {line}"
    if vocabulary.keeps_hyphen(left.group(1), right.group(1)):
        return f"{body}-{line}"
    return body + line
