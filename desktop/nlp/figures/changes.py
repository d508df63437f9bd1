"""Changes: a figure that states how much something changed ("grew by 40 percent",
"a 3% decline", "five times higher than in 2021", "doubled"), written as "+40%",
"-3%", "×5 vs 2021", and read back as a factor for derived figures.
"""

from __future__ import annotations

import re
from itertools import repeat

from desktop.core.figure import FigureReading
from desktop.nlp.figures.regex_trie import trie_pattern

_RISE_WORDS = (
    "grew grow grows growing grown rose rise rises rising risen increase increased increases increasing"
    " jumped jump jumps jumping surge surged surges surging climbed climb climbs climbing gained gain gains"
    " gaining expanded expand expands expanding soared soar soars soaring added add adds adding up higher more"
    " boosted boost boosts boosting advanced advance advances widened widen widens improved improve improves"
    " rallied swelled").split()
_FALL_WORDS = (
    "fell fall falls falling fallen dropped drop drops dropping declined decline declines declining decreased"
    " decrease decreases shrank shrunk shrink shrinks contracted slipped slip slips slipping slid slide slides"
    " sliding plunged plunge plunges plummeted plummet plummets lost lose loses losing shed sheds shedding down"
    " cut cuts cutting reduced reduce reduces lower less fewer slumped slump slumps tumbled tumble tumbles"
    " dipped dip dips dipping sank sink sinks eased ease eases narrowed narrow narrows weakened").split()
# Written as tries: Python's re then tries a word letter by letter, not each word in turn.
_RISE = trie_pattern(_RISE_WORDS) + r"|(?:went|go|shot)\s+up|an?\s+(?:extra|additional|further)"
_FALL = trie_pattern(_FALL_WORDS) + r"|(?:went|go)\s+down"
#: Any word of rising or falling.
MOVEMENT_WORD = re.compile(rf"\b(?:{_RISE}|{_FALL}|change[sd]?)\b", re.IGNORECASE)
# Words a movement verb may stand apart from its figure by: "rose by", "fell just",
# "expanded by a brisk 6.1%" (a short adjective after "a").
_BETWEEN = r"(?:\s+(?:by|of|some|about|around|nearly|almost|roughly|just|only|a\s+further|an?(?:\s+[a-z]+){1,2}|another))*"
_BEFORE = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL})){_BETWEEN}\s*$"
    rf"|\b(?:(?P<rise_noun>increase|rise|growth|gain|jump|surge|hike|improvement)|(?P<fall_noun>decrease"
    rf"|decline|drop|fall|reduction|cut|cuts|contraction|slump|deduction))(?:\s+in\s+[\w\s'’-]{{1,40}}?)?\s+of\s*$"
    rf"|\b(?:(?P<rise_by>{_RISE}|raised?|raising|lifted|lifts?|lifting|hiked|hikes?|pushed\s+up|boosts?)|(?P<fall_by>{_FALL}|pushed\s+down))\b"
    rf"[^.;:,()]{{0,40}}?\bby\s*$",
    re.IGNORECASE,
)
# Every word _BEFORE can hang on: a window without one of them needs no full search
# (a set lookup per word: a regex scan of the window cost more than the rest).
_BEFORE_ANCHORS = frozenset([
    *_RISE_WORDS, *_FALL_WORDS, "increase", "rise", "growth", "gain", "jump", "surge", "hike", "improvement",
    "decrease", "decline", "drop", "fall", "reduction", "contraction", "slump", "deduction", "raise", "raised",
    "raising", "lift", "lifted", "lifts", "lifting", "hike", "hiked", "hikes", "pushed", "went", "go", "shot",
    "extra", "additional", "further"])
_WORD_EDGES = ".,;:!?\"'()[]“”‘’-–—"
_AFTER = re.compile(
    r"^[\s-]*(?:(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|annual|annually|y/y|yoy)\s+)?"
    r"(?:[a-z]+\s+(?=(?:higher|lower|more|fewer|less|up|down)\b))?"
    r"(?:(?P<rise>increase|rise|growth|gain|jump|surge|hike|improvement|higher|more|up|larger|greater|bigger"
    r"|stronger|over|new)|(?P<fall>decrease|decline|drop|fall|reduction|cut|loss|lower|less|fewer|down|smaller"
    r"|weaker))\b(?!\s*[$£€¥\d])",
    re.IGNORECASE,
)
_RELATIVE_UNITS = frozenset({"%", "pp", "bp"})
_WINDOW = 60
_CHANGE = re.compile(r"^(?P<sign>[+-])(?P<number>[\d.]+)%|^×(?P<factor>[\d.]+)")
_BASE = re.compile(r"\bvs (?P<base>.+)$")


def change_of(text: str, reading: FigureReading, base: str = "", sign: int | None = None) -> str:
    """The change ``reading`` states, or "" when it states none.

    A percentage (or percentage points) next to a word of rising or falling is a
    change of that sign; a multiplier beside a comparative ("five times higher") or
    a multiplying word ("doubled") is a factor. ``base`` is the period the text
    compares with ("2021" in "than in 2021"); it is added as " vs 2021". ``sign``
    is :func:`movement_sign` of the figure when the caller has it already.
    """
    unit = reading.unit_code
    if unit in _RELATIVE_UNITS:
        sign = _sign(text, reading) if sign is None else sign
        if sign == 0:
            return ""
        magnitude = abs(reading.value)
        number = f"{magnitude:g}"
        change = f"{'+' if sign > 0 else '-'}{number}{'%' if unit == '%' else ' ' + unit}"
    elif reading.kind == "multiplier":
        sign = _sign(text, reading) if sign is None else sign
        words = reading.surface.lower()
        if sign == 0 and not re.search(r"(?:ed|ing|fold)$", words):
            return ""
        factor = reading.value if sign >= 0 else 1 / reading.value if reading.value else 0.0
        change = f"×{factor:.4g}"
    else:
        return ""
    return f"{change} vs {base}" if base else change


def change_factor(change: str) -> tuple[float, str] | None:
    """The factor a relative change multiplies by ("+40%" -> 1.4, "×5 vs 2021" ->
    5) and its base period ("" when none is written); None for no relative change."""
    match = _CHANGE.match(change.strip())
    if match is None:
        return None
    if match["factor"]:
        factor = float(match["factor"])
    else:
        percent = float(match["number"])
        factor = 1 + (percent if match["sign"] == "+" else -percent) / 100
    base = _BASE.search(change)
    return (factor, base["base"].strip() if base else "") if factor > 0 else None


def _sign(text: str, reading: FigureReading) -> int:
    return movement_sign(text, reading.start, reading.end)


def movement_sign(text: str, start: int, end: int, after_too: bool = True) -> int:
    """+1 when the figure at ``[start, end)`` is the size of a rise ("rose 2%",
    "a 40% jump", "up $3bn"), -1 for a fall, 0 when no movement word is beside it
    (with ``after_too`` False, only the words before it count)."""
    window = max(0, start - _WINDOW)
    anchored = not _BEFORE_ANCHORS.isdisjoint(map(str.strip, text[window:start].lower().split(), repeat(_WORD_EDGES)))
    before = _BEFORE.search(text, window, start) if anchored else None
    if before:
        return 1 if before["rise"] or before["rise_noun"] or before["rise_by"] else -1
    after = _AFTER.match(text[end:end + _WINDOW]) if after_too else None
    if after:
        return 1 if after["rise"] else -1
    return 0
