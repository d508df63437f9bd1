"""Currency symbols and codes written before an amount ("$5", "US$2 billion",
"KZT 500", "hk $"): which are there (:data:`CURRENCY_PREFIXES`), the one just before
a position (:func:`currency_prefix_before`) and its ISO 4217 code
(:func:`currency_code`)."""

from __future__ import annotations

import re

#: Symbols and codes written before an amount ("$5", "US$2 billion", "KZT 500").
_PREFIX_LEXICON = {
    "USD": ("$", "US$", "U.S.$", "USD"), "AUD": ("A$", "AU$", "AUD"),
    "CAD": ("C$", "CA$", "Can$", "CAD"), "NZD": ("NZ$", "NZD"), "HKD": ("HK$", "HKD"),
    "SGD": ("S$", "SGD"), "TWD": ("NT$", "TWD"), "BRL": ("R$", "BRL"), "MXN": ("Mex$", "MXN"),
    "EUR": ("€", "EUR"), "GBP": ("£", "GBP"), "JPY": ("¥", "JP¥", "JPY"), "CNY": ("CN¥", "RMB", "CNY"),
    "KZT": ("₸", "KZT"), "AZN": ("₼", "AZN"), "RUB": ("₽", "RUB"), "INR": ("₹", "Rs", "Rs.", "INR"),
    "KRW": ("₩", "KRW"), "TRY": ("₺", "TRY"), "UAH": ("₴", "UAH"), "ILS": ("₪", "NIS", "ILS"),
    "NGN": ("₦", "NGN"), "PHP": ("₱",), "VND": ("₫", "VND"), "THB": ("฿", "THB"), "GEL": ("₾", "GEL"),
    "CHF": ("CHF",), "BTC": ("₿", "BTC"), "AED": ("AED",), "SAR": ("SAR",), "CRC": ("₡",),
    "LAK": ("₭",), "MNT": ("₮",), "PYG": ("₲",), "GHS": ("₵",),
}
_PREFIX_CODES = (
    "PKR LKR SEK NOK DKK PLN CZK HUF RON BGN BYN AMD UZS KGS TJS TMT IRR IQD QAR KWD BHD "
    "OMR JOD EGP ZAR KES ARS CLP MYR IDR AFN MNT"
).split()
# Dollar prefixes also found in any case, spaced or dotted as tokenisers leave them ("hk $", "u.s $").
_LOOSE_DOLLAR_PREFIXES = frozenset({"US$", "U.S.$", "HK$", "NZ$", "NT$"})


def _currency_prefixes() -> dict[str, str]:
    prefixes = {surface: code for code, surfaces in _PREFIX_LEXICON.items() for surface in surfaces}
    prefixes.update({code: code for code in _PREFIX_CODES})
    return prefixes


def _prefix_pattern(prefix: str) -> str:
    if prefix in _LOOSE_DOLLAR_PREFIXES:
        letters = r"\.?".join(re.escape(char) for char in prefix.replace(".", "")[:-1])
        return rf"(?<![A-Za-z])(?i:{letters})\.?\s?\$"
    return rf"(?<![A-Za-z]){re.escape(prefix)}" if prefix[0].isalpha() else re.escape(prefix)


def _spelling(prefix: str) -> str:
    return prefix.upper().replace(".", "").replace(" ", "")


CURRENCY_PREFIXES = _currency_prefixes()
_CODE_BY_SPELLING = {_spelling(prefix): code for prefix, code in CURRENCY_PREFIXES.items()}
#: Any currency prefix, longest first.
CURRENCY_PREFIX_PATTERN = "(?:" + "|".join(
    _prefix_pattern(prefix) for prefix in sorted(CURRENCY_PREFIXES, key=len, reverse=True)) + ")"
# Dollar prefixes are read with a regex (they come spaced and dotted); the others,
# symbols and codes, by a look-up on their last character.
_DOLLAR_PREFIX_BEFORE = re.compile(
    "(?:" + "|".join(_prefix_pattern(prefix) for prefix in sorted(CURRENCY_PREFIXES, key=len, reverse=True)
                     if prefix.endswith("$")) + ")$"
)
_PREFIXES_BY_LAST_CHAR: dict[str, list[str]] = {}
for _prefix in sorted(CURRENCY_PREFIXES, key=len, reverse=True):
    if not _prefix.endswith("$"):
        _PREFIXES_BY_LAST_CHAR.setdefault(_prefix[-1], []).append(_prefix)


def currency_prefix_before(text: str, pos: int) -> tuple[str, int] | None:
    """The currency symbol or code written just before ``pos`` (one space allowed): (surface, start)."""
    end = pos - 1 if pos > 1 and text[pos - 1] in " \u00a0" else pos
    if end == 0:
        return None
    last = text[end - 1]
    if last == "$":
        match = _DOLLAR_PREFIX_BEFORE.search(text, max(0, end - 7), end)
        return (match.group(), match.start()) if match else None
    for prefix in _PREFIXES_BY_LAST_CHAR.get(last, ()):
        start = end - len(prefix)
        if start >= 0 and text.startswith(prefix, start) and not (
                prefix[0].isalpha() and start > 0 and text[start - 1].isalpha()):
            return prefix, start
    return None


def currency_code(prefix: str) -> str:
    """The ISO 4217 code of a currency prefix such as "US$", "hk $" or "₸"."""
    return _CODE_BY_SPELLING[_spelling(prefix)]
