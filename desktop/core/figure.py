"""Figures: the normalised reading of a number stated in a text."""

from __future__ import annotations

from dataclasses import dataclass

#: Columns of every figures DataFrame, in display order. ``subject`` is what the
#: figure measures, ``period`` when, ``change`` the change it states ("+40%",
#: "+32,000", "×5 vs 2021"); ``role`` what it does in its sentence (FIGURE_ROLES),
#: ``direction`` which way a movement goes ("up"/"down"), ``moved`` whether an
#: amount or a rate moved, ``link`` the start of the figure it is tied to (the new
#: level of "rose 32,000 to 1.41 million", the main amount of a conversion in
#: brackets; -1 for none). A ``derived`` row is implied by two stated figures, never
#: stated itself, and ``formula`` shows how it was computed. ``derived`` is bool,
#: ``start``, ``end`` and ``link`` int64, ``value``/``low``/``high`` float64, the rest strings.
FIGURE_COLUMNS = [
    "start", "end", "surface", "value", "low", "high", "unit", "unit_code",
    "kind", "qualifier", "subject", "period", "change", "role", "direction", "moved", "link",
    "derived", "formula", "sentence",
]

#: What a figure does in its sentence; when more than one fits, the first wins.
FIGURE_ROLES = ("forecast", "previous", "change", "share", "level")
#: Which way a movement goes, and what moved: an amount (a price, a count, an index) or a rate.
DIRECTIONS = ("up", "down")
MOVED = ("amount", "rate")

#: The highlight label a figure of each kind is shown under (OntoNotes labels).
KIND_LABELS = {
    "money": "MONEY",
    "percent": "PERCENT",
    "quantity": "QUANTITY",
    "temperature": "QUANTITY",
    "count": "CARDINAL",
    "multiplier": "CARDINAL",
    "duration": "DATE",
    "age": "DATE",
    "other": "CARDINAL",
}


@dataclass(frozen=True, slots=True)
class FigureReading:
    """One figure found in a text.

    ``start``/``end`` are Python string offsets (end exclusive) into the text that
    was read. ``value`` is in the unit as written ("$460 million" -> 460e6 with
    unit_code "USD"); for a range it is the midpoint and ``low``/``high`` hold the
    ends, otherwise both equal ``value``. ``qualifier`` keeps words such as "more
    than" or "about" without changing the value. ``subject``, ``period`` and
    ``change`` are read from the figure's sentence and paragraph ("" when unknown);
    ``role``, ``direction``, ``moved`` and ``link`` as in FIGURE_COLUMNS.
    """

    start: int
    end: int
    surface: str
    value: float
    unit: str = ""
    unit_code: str = ""
    kind: str = "count"
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    subject: str = ""
    period: str = ""
    change: str = ""
    role: str = ""
    direction: str = ""
    moved: str = ""
    link: int = -1

    def shifted(self, offset: int) -> FigureReading:
        """The same reading with its offsets (and its link's) moved by ``offset``."""
        link = self.link + offset if self.link >= 0 else -1
        return FigureReading(self.start + offset, self.end + offset, *self._after_offsets()[:-1], link)

    def __reduce__(self):
        # Pickled by its fields (worker processes send thousands): ~3x faster than
        # the state a slotted dataclass pickles by default.
        return FigureReading, (self.start, self.end, *self._after_offsets())

    def _after_offsets(self) -> tuple:
        return (self.surface, self.value, self.unit, self.unit_code, self.kind, self.low,
                self.high, self.qualifier, self.subject, self.period, self.change, self.role,
                self.direction, self.moved, self.link)

    @property
    def label(self) -> str:
        """The highlight label this figure is shown under."""
        return KIND_LABELS.get(self.kind, "CARDINAL")
