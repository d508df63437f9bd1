"""A currency carried within a sentence: in "sales were 77m euros, up from 38m", the
38m is in euros too.

Only an amount that stands alone takes the currency: one with a scale ("38m",
"1.2bn") or one compared with money ("compared with 12.5"), and not one that counts
things ("38m people") or has a unit of its own.
"""

from __future__ import annotations

import re

from desktop.nlp.draft import UnitPhrase
from desktop.nlp.figures.amounts import Amount, read_amount
from desktop.nlp.figures.nearby_words import word_before
from desktop.nlp.figures.non_figures import is_year
from desktop.nlp.figures.numbers import LETTER_SCALES
from desktop.nlp.figures.qualifiers import qualifier_before
from desktop.nlp.figures.unit_phrases import read_unit_phrase

_SENTENCE_BREAK = re.compile(r"[.!?](?=\s|$)|\n")
# What may follow an amount of money: punctuation, or a word that starts a new phrase.
_PHRASE_ENDS_AFTER = re.compile(
    r"\s*(?:$|[^\w\s]|(?:in|a|an|the|for|from|to|on|at|last|this|that|and|or|but|compared|against|with"
    r"|by|during|over|when|while|as|previously|earlier|ago|before|after|year|years|month|months|quarter"
    r"|is|was|were|had|has|have|which|according|since|despite|mainly|largely|thanks|its|their)\b)",
    re.IGNORECASE,
)
# The word before an amount compared with money ("up from 38m", "compared to 4.80").
_COMPARING_WORDS = frozenset({"from", "with", "against", "than", "versus", "vs"})
# A range of bare numbers after it ("ranging from 49 to 51 percent") keeps its own unit.
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|\s(?:to|and|or)\s)\s*\D{0,3}\d")
_MONEY_SCALE = 1e3
# A number with no currency, then "to", right before an amount: what moved was no money.
_BARE_NUMBER_TO_BEFORE = re.compile(
    r"(?<![$£€¥\w.,])\d[\d,]*(?:\.\d+)?(?:\s*(?:m|bn|k|million|billion|thousand))?\s+to\s+$", re.IGNORECASE)


def carried_money(
        text: str, first: Amount, first_unit: UnitPhrase | None, floor: int, after_money: bool) -> Amount | None:
    """``first`` (with the unit read after it) as an amount in the sentence's currency, or
    None when it takes none. "38m" is read again, as 38 million rather than 38 metres.

    Without a scale, ``first`` must be compared with the amount of money read just before it
    (``after_money``).
    """
    if first.currency or first.number.spelled or first.value <= 0:
        return None
    if first_unit is not None:
        if first.scale or text[first.end:first.end + 1] not in LETTER_SCALES:
            return None
        first = read_amount(text, first.number, floor, as_money=True)
        if not first.scale or read_unit_phrase(text, first) is not None:
            return None
    if not _PHRASE_ENDS_AFTER.match(text, first.end) or _RANGE_AFTER.match(text, first.end):
        return None
    if _BARE_NUMBER_TO_BEFORE.search(text, max(0, first.start - 40), first.start):
        return None  # "passengers rose 310,000 to 12.4 million": the new level of a count
    if first.scale >= _MONEY_SCALE:
        return first
    if not after_money:
        return None
    start = qualifier[1] if (qualifier := qualifier_before(text, first.start)) else first.start
    word, word_start = word_before(text, start)
    compared = word in _COMPARING_WORDS or word == "to" and word_before(text, word_start)[0] == "compared"
    return first if compared and not is_year(text, first.number.start, first.number.end) else None


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends: the currency of its money is carried that far."""
    found = _SENTENCE_BREAK.search(text, pos)
    return found.start() if found else len(text)
