"""Amounts: a number with what is glued to it, a sign ("minus 5"), a currency prefix
("US$2") and a scale ("3.2 million", "1.5bn", "€10M")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.nlp.figures.currency_prefixes import currency_prefix_before
from desktop.nlp.figures.nearby_words import word_before
from desktop.nlp.figures.numbers import LETTER_SCALES, SCALE_WORDS, NumberToken, read_numeral
from desktop.nlp.figures.unit_phrases import UNIT_GAP, is_kelvin
from desktop.nlp.figures.units import match_unit

_SCALE_WORD = re.compile(
    rf"[ \u00a0]*-?[ \u00a0]*(?i:({'|'.join(sorted(SCALE_WORDS, key=len, reverse=True))}))(?![^\W_])"
)
_LETTER_SCALE = re.compile(r"([kKmMbBT])(?![^\W_])")
_PLURAL_WORD_AFTER = re.compile(
    r"\s+(?:(?!(?:across|is|was|has|as|its|this|thus|plus|less)\b)[a-z]{2,}s"
    r"|people|children|men|women|staff|police|personnel|cattle|sheep|livestock)\b"
)
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-|\+/−)\s*")


@dataclass(slots=True)
class Amount:
    """A number with its sign, currency prefix and scale, spanning ``start:end``."""

    start: int
    end: int
    value: float
    number: NumberToken
    scale: float = 0.0
    currency: str = ""

    @property
    def raw(self) -> float:
        """The number as written, before sign words and scale."""
        return self.number.value


def read_amount(text: str, number: NumberToken, floor: int = 0, as_money: bool = False) -> Amount:
    """The amount around ``number``, reaching back no further than ``floor``; ``as_money``
    when the sentence gives it a currency, so that "38m" is 38 million, not 38 metres."""
    amount = Amount(number.start, number.end, number.value, number)
    prefix = None if number.spelled else currency_prefix_before(text, number.start)
    if prefix and prefix[1] >= floor:
        amount.currency, amount.start = prefix
        if amount.start > floor and _minus_sign_at(text, amount.start - 1):
            amount.start -= 1
            amount.value = -amount.value
    word, word_start = word_before(text, amount.start)
    if word in ("minus", "negative") and word_start >= floor:
        amount.start = word_start
        amount.value = -amount.value
    _read_scale(text, amount, as_money)
    return amount


def read_uncertainty(text: str, pos: int) -> tuple[float, int] | None:
    """The "± 0.01" at ``pos``: (spread, end)."""
    sign = _PLUS_MINUS.match(text, pos)
    if not sign:
        return None
    spread = read_numeral(text, sign.end())
    return (abs(spread.value), spread.end) if spread else None


def _minus_sign_at(text: str, pos: int) -> bool:
    return pos >= 0 and text[pos] in "-−" and (pos == 0 or not text[pos - 1].isalnum())


def _read_scale(text: str, amount: Amount, as_money: bool) -> None:
    if amount.number.spelled:
        return
    scale_match = _SCALE_WORD.match(text, amount.end)
    if scale_match:
        scale = SCALE_WORDS[scale_match[1].lower()]
    else:
        scale_match = _LETTER_SCALE.match(text, amount.end)
        if not scale_match or not (as_money or _letter_is_scale(text, scale_match, amount)):
            return
        scale = LETTER_SCALES[scale_match[1]]
    amount.scale = scale
    amount.value *= scale
    amount.end = scale_match.end()


def _letter_is_scale(text: str, letter: re.Match, amount: Amount) -> bool:
    """Whether a letter glued to a number is a scale ("$5m", "10K", "3m barrels") or a unit (5m, 300K)."""
    symbol = letter[1]
    if amount.currency or symbol in "kM":
        return True
    if symbol == "K":
        return not is_kelvin(text, amount)
    if symbol in "mbB":
        gap = UNIT_GAP.match(text, letter.end())
        unit_follows = bool(gap.group()) and match_unit(text, gap.end()) is not None
        return unit_follows or bool(_PLURAL_WORD_AFTER.match(text, letter.end()))
    return False
