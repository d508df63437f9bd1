"""Multipliers: "five times higher", "grew 2.5 times", "3-fold", "2x", "doubled",
"twofold"; and frequencies such as "four times per week"."""

from __future__ import annotations

import re

from desktop.nlp.draft import Draft, UnitPhrase
from desktop.nlp.figures.units import Unit, match_unit

MULTIPLIER = Unit("x", "multiplier")

#: Words that are a multiplier on their own.
MULTIPLYING_WORDS = {
    **{f"{stem}{ending}": value
       for stem, value in (("doubl", 2.0), ("tripl", 3.0), ("trebl", 3.0), ("quadrupl", 4.0),
                           ("quintupl", 5.0), ("halv", 0.5))
       for ending in ("ed", "ing")},
    **{f"{word}fold": value
       for word, value in (("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
                           ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0),
                           ("twenty", 20.0), ("hundred", 100.0), ("thousand", 1000.0))},
}

_FOLD = re.compile(r"[ -]?fold\b", re.IGNORECASE)
_GLUED_TIMES = re.compile(r"[x×](?![^\W_])")
_TIMES = re.compile(r"\s+times\b", re.IGNORECASE)
_FREQUENCY = re.compile(r"\s+(?:per|a|an|every|each)\s+", re.IGNORECASE)
_COMPARATIVE = re.compile(r"\s+(?:[a-z]+er|more|less|fewer|as|the|that|what|over)\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:grew|grow|grows|growing|increased?|increasing|rose|rise|rising|jumped|surged|soared|expanded"
    r"|multiplied|fell|fall|dropped|declined|decreased|shrank|higher|lower|more|less|by)\b(?:\s+\w+)?\s+$",
    re.IGNORECASE,
)


def multiplying_word(start: int, end: int, word: str) -> Draft:
    """The figure a multiplying word states ("doubled" is 2)."""
    value = MULTIPLYING_WORDS[word.lower()]
    return Draft.single(start, end, value, UnitPhrase(MULTIPLIER, "×", end))


def read_multiplier(text: str, draft: Draft, spelled: bool) -> None:
    """Make a bare ``draft`` a multiplier or a frequency when the words after it say so.

    "N times" is a multiplier before a comparative ("five times higher"), after a verb
    of change ("grew 2.5 times") or when N is not whole; otherwise it counts occasions.
    """
    end = None
    if fold := _FOLD.match(text, draft.end):
        end = fold.end()
    elif not spelled and (glued := _GLUED_TIMES.match(text, draft.end)):
        end = glued.end()
    elif times := _TIMES.match(text, draft.end):
        frequency = _FREQUENCY.match(text, times.end())
        period = match_unit(text, frequency.end()) if frequency else None
        if period is not None and period.unit.kind == "duration":
            surface = text[times.start():period.end].lstrip()
            draft.unit = UnitPhrase(Unit(f"1/{period.unit.code}", "quantity"), surface, period.end)
            draft.end = period.end
            return
        if (_COMPARATIVE.match(text, times.end()) or not draft.value.is_integer()
                or _CHANGE_BEFORE.search(text, max(0, draft.start - 40), draft.start)):
            end = times.end()
    if end is not None:
        draft.end, draft.kind = end, "multiplier"
        draft.unit = UnitPhrase(MULTIPLIER, "×", end)
