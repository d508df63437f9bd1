"""Exchange rates quoted as bare numbers: "the rupee around 82.50 to the dollar" is 82.50
rupees, and "the baht lost 0.4% against the US dollar, to trade at 36.20" is 36.20 baht.

The currency is the one the sentence names (for "N to the dollar", the sentence before
will do), other than the one it is quoted against. As the market quotes them, euros,
pounds and Australian and New Zealand dollars "trading at" a number are priced in US dollars.
"""

from __future__ import annotations

import re

from desktop.nlp.figures.units import currency_names

_AMERICAN = r"(?:US\s+|U\.S\.\s+|American\s+)?"
_REFERENCE = rf"(?:the\s+|one\s+|a\s+|each\s+)?{_AMERICAN}(?:dollar|euro|pound|greenback)s?\b"
_TO_THE_REFERENCE = re.compile(rf"\s+(?:to|per|against)\s+{_REFERENCE}", re.IGNORECASE)
_QUOTED_AT_BEFORE = re.compile(
    r"\b(?:trad(?:e|es|ed|ing)|st(?:ood|ands?)|clos(?:e|es|ed|ing)|end(?:s|ed|ing)?|fix(?:ed)?|peg(?:ged)?"
    r"|rate\s+of)\s+(?:at|around|near|of)\s+$",
    re.IGNORECASE,
)
_QUOTED_AGAINST = re.compile(
    rf"\b(?:against|to|versus|vs\.?)\s+(?:the\s+)?{_AMERICAN}(?:dollar|euro|pound|greenback|currency)\b",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(rf"\b(?:against|to|versus|vs\.?|per)\s+(?:the\s+)?{_AMERICAN}$", re.IGNORECASE)
_NAMES = currency_names()
_NAMED_CURRENCY = re.compile(
    r"\b(?:" + "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_NAMES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=\S)|\n")
_QUOTED_AT_ENDS = (" at ", " around ", " near ", " of ")
_REFERENCE_LEADS = (" to ", " per ", " against ", " To ", " Per ", " Against ")
_QUOTED_IN_DOLLARS = frozenset({"EUR", "GBP", "AUD", "NZD"})
_LOOK_BACK = 400


def exchange_rate_currency(text: str, start: int, end: int) -> str:
    """The ISO code of the currency a bare number at ``start:end`` quotes, or ""."""
    direct = text.startswith(_REFERENCE_LEADS, end) and _TO_THE_REFERENCE.match(text, end)
    if not direct and not (
            text.endswith(_QUOTED_AT_ENDS, max(0, start - 8), start)
            and _QUOTED_AT_BEFORE.search(text, max(0, start - 24), start)):
        return ""
    sentence = _sentence_start(text, start)
    if not direct and not _QUOTED_AGAINST.search(text, sentence, start):
        return ""
    code = _named_currency(text, sentence, start)
    if not code and direct and sentence > 0:
        code = _named_currency(text, _sentence_start(text, sentence - 1), sentence)
    return "USD" if code in _QUOTED_IN_DOLLARS and not direct else code


def _sentence_start(text: str, pos: int) -> int:
    starts = [found.end() for found in _SENTENCE_BREAK.finditer(text, max(0, pos - _LOOK_BACK), pos)]
    return starts[-1] if starts else max(0, pos - _LOOK_BACK)


def _named_currency(text: str, start: int, end: int) -> str:
    """The last currency named in ``text[start:end]`` that nothing is quoted against."""
    code = ""
    for found in _NAMED_CURRENCY.finditer(text, start, end):
        if not _REFERENCE_BEFORE.search(text, max(0, found.start() - 30), found.start()):
            code = _NAMES.get(" ".join(found.group().lower().split()), code)
    return code
