"""What a row of the figures table measures (no Qt here): a level, a change or a share
(:func:`figure_measures`), and a change as a signed amount in its own unit
(:func:`change_amount`).

Levels are what something is, was (earlier values, derived rows) or is expected to be
(forecasts); changes ("+40%", "×5 vs 2021", "+32,000") say how much it moved and are
never put on a level line; shares (parts of a whole) are never put beside amounts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.nlp.figures.changes import change_factor


def figure_measures(figures: pd.DataFrame) -> np.ndarray:
    """What each row measures (see :func:`figure_measure`), as an array."""
    roles = figures["role"].to_numpy(dtype=object).tolist()
    changes = figures["change"].to_numpy(dtype=object).tolist()
    derived = figures["derived"].to_numpy(dtype=bool).tolist() if "derived" in figures else [False] * len(figures)
    return np.array([figure_measure(*row) for row in zip(roles, changes, derived)] or [], dtype=object)


def figure_measure(role: object, change: object, derived: bool = False) -> str:
    """What a row of the figures table measures: "change" for a figure stating a
    change (role "change"; a change written with no role read, or a forecast of a
    change), "share" for role "share", "level" for the rest (levels, earlier values,
    forecasts of a level, derived rows). A missing cell counts as empty."""
    if derived is True:
        return "level"
    role = role if isinstance(role, str) else ""
    if role == "share":
        return "share"
    if role == "change" or (role in ("", "forecast") and isinstance(change, str) and bool(change)):
        return "change"
    return "level"


@dataclass(frozen=True)
class ChangeAmount:
    """A change as a signed number in its own unit: "+40%" -> 40 %, "×5" -> 400 %,
    "-3 pp" -> -3 pp, "+32,000" -> 32000 in the figure's unit; ``text`` as written."""

    value: float
    unit: str
    text: str


def change_amount(value: float, change: str, direction: str, unit: str, kind: str) -> ChangeAmount:
    """The change a figure states (its ``change`` cell, its value and direction)."""
    written = change.split(" vs ")[0].strip()
    if written.startswith("×") or (kind == "multiplier" and not written):
        found = change_factor(written) if written else None
        factor = found[0] if found else float(value)
        return ChangeAmount((factor - 1) * 100, "%", written or f"×{factor:g}")
    sign = -1.0 if written.startswith("-") or (written[:1] not in ("+", "-") and direction == "down") else 1.0
    unit = "%" if written.endswith("%") else unit or kind
    amount = sign * abs(float(value))
    if not written:
        written = f"{amount:+g}{'%' if unit == '%' else ' ' + unit}"
    return ChangeAmount(amount, unit, written)
