"""Numbers written for files: plain digits, no exponent, no float noise."""

from __future__ import annotations

import math


def plain_number(value: float) -> str:
    """460000000, 3.25, 0.0001: the shortest digits that read back as ``value``,
    without an exponent; "" for NaN or infinity."""
    if not math.isfinite(value):
        return ""
    if float(value).is_integer() and abs(value) < 1e17:
        return str(int(value))
    text = repr(float(value))
    if "e" in text:
        from decimal import Decimal

        text = format(Decimal(text), "f")
    return text


def shown_number(value: float) -> str:
    """A number as the figures table shows it: "460,000,000", "3.2", "128,865,979.38"."""
    if not math.isfinite(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"
