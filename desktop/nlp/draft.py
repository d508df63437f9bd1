"""The pieces a figure is assembled from while the scanner reads it."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.figure import FigureReading
from desktop.nlp.figures.units import Unit


@dataclass(frozen=True, slots=True)
class UnitPhrase:
    """The unit of a figure as written (``surface``) and as coded, ending at ``end``."""

    unit: Unit
    surface: str
    end: int


@dataclass(slots=True)
class Draft:
    """A figure being assembled: span, value, ends of a range, unit, kind, qualifier."""

    start: int
    end: int
    value: float
    low: float
    high: float
    unit: UnitPhrase | None = None
    kind: str = ""
    qualifier: str = ""
    is_range: bool = False

    @classmethod
    def single(cls, start: int, end: int, value: float, unit: UnitPhrase | None = None) -> Draft:
        """A figure of one value."""
        return cls(start, end, value, value, value, unit)

    def reading(self, text: str) -> FigureReading:
        """The finished figure; a figure with no unit is a count when whole, else "other"."""
        unit = self.unit
        kind = self.kind or (unit.unit.kind if unit else "")
        if not kind:
            kind = "count" if self.low.is_integer() and self.high.is_integer() else "other"
        return FigureReading(
            start=self.start, end=self.end, surface=text[self.start:self.end], value=self.value,
            unit=unit.surface if unit else "", unit_code=unit.unit.code if unit else "",
            kind=kind, low=self.low, high=self.high, qualifier=self.qualifier,
        )
