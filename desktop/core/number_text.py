"""Numbers as a reader wants them: rounded where the text gave no digits to keep.

A derived value (implied by two stated ones: "grew 40% to $460 million" gives the
year before as 460,000,000 / 1.40) carries as many digits as the division made,
328,571,428.5714286. Shown that way it claims a precision nobody stated; a reader
wants "≈ 328.6 million". :func:`reading_number` gives that, :func:`full_number`
every digit (tooltips; exports keep the float itself).
"""

from __future__ import annotations

import math

#: Significant digits a rounded value keeps.
READING_DIGITS = 4
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: Units written before the number ("$460 million").
_PREFIX_UNITS = frozenset("$£€¥₹₽₩₺₴₦₱")
APPROX = "≈"


def _significant(value: float, digits: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _plain(value: float, decimals: int) -> str:
    text = f"{value:,.{max(decimals, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def reading_number(value: float, digits: int = READING_DIGITS) -> str:
    """``value`` to ``digits`` significant digits, millions and above in words:
    328571428.57 -> "328.6 million", 1234.5678 -> "1,235", 0.123456 -> "0.1235"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    rounded = _significant(float(value), digits)
    for scale, word in _SCALES:
        if abs(rounded) >= scale:
            scaled = _significant(rounded / scale, digits)
            decimals = digits - 1 - math.floor(math.log10(abs(scaled))) if scaled else 0
            return f"{_plain(scaled, decimals)} {word}"
    decimals = digits - 1 - math.floor(math.log10(abs(rounded))) if rounded else 0
    return _plain(rounded, decimals)


def is_exact(value: float, digits: int = READING_DIGITS) -> bool:
    """Whether :func:`reading_number` shows ``value`` without losing anything."""
    if value is None or not math.isfinite(value):
        return True
    return _significant(float(value), digits) == float(value)


def approximate_number(value: float, digits: int = READING_DIGITS) -> str:
    """``reading_number`` with "≈ " in front when it had to round."""
    text = reading_number(value, digits)
    return text if not text or is_exact(value, digits) else f"{APPROX} {text}"


def approximate_amount(value: float, unit: str = "", digits: int = READING_DIGITS) -> str:
    """A rounded value with its unit: "≈ $328.6 million", "≈ 640,000 tons", "12%"."""
    number = reading_number(value, digits)
    if not number:
        return ""
    unit = (unit or "").strip()
    if unit in _PREFIX_UNITS:
        sign = "−" if number.startswith("-") else ""
        text = f"{sign}{unit}{number.lstrip('-')}"
    elif unit in ("%", "percent"):
        text = f"{number}%"
    elif unit:
        text = f"{number} {unit}"
    else:
        text = number
    return text if is_exact(value, digits) else f"{APPROX} {text}"


def full_number(value: float) -> str:
    """Every digit of ``value``, grouped: 328571428.5714286 -> "328,571,428.5714286"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    whole, _, fraction = repr(float(value)).partition(".")
    if "e" in fraction or "e" in whole:
        return repr(float(value))
    return f"{int(whole):,}.{fraction}" if whole not in ("-0",) else f"-0.{fraction}"
